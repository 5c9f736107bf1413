package dev.pceworkbench.policy.rules;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.ResolveLabelsAs;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.policy.rules.Violation.Field;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a draft security rule against the Rules guide before it is sent: the permitted provider /
 * service / consumer combinations, {@code resolve_labels_as}, extra-scope rules and (through
 * {@link StatelessRules}) the stateless caveats. Every finding is a {@link Violation} on the field
 * to fix; an empty list means the rule may be sent.
 *
 * <p>Sources: Illumio Security Policy Guide 24.5, "Rule Writing" &gt; "Permitted Rule Writing
 * Combinations" (product-docs-repo.illumio.com/Tech-Docs/Core/24.5/Security-Policy/.../rule-writing.html).
 * That release renamed providers to "destinations" and consumers to "sources" but its table keeps the
 * older orientation (the first column holds "uses virtual services", a provider-side notion, and
 * the last column user groups, a consumer-side one), so it is read here as the older guides wrote
 * it, "if the provider is / and the service is / the consumer can be":
 * <ol>
 *   <li>workloads, All Workloads, labels, label groups | any service | workloads, IP lists (including
 *       Any), labels, label groups, user groups, All Workloads;</li>
 *   <li>IP lists | any service | workloads, labels, label groups, user groups, All Workloads;</li>
 *   <li>uses virtual services | none (the service comes from the virtual service) | workloads, labels,
 *       label groups, IP lists, All Workloads, uses virtual services, uses virtual services and workloads;</li>
 *   <li>uses virtual services and workloads | any service | the same consumers as row 3;</li>
 *   <li>workloads, All Workloads, labels, label groups | any service | user groups together with at
 *       least one workload, All Workloads, label or label group.</li>
 * </ol>
 * "Uses virtual services" is {@code resolve_labels_as} with {@code virtual_services}; virtual
 * service actors belong to that side's "uses virtual services". Where the guide is silent this
 * class chooses the stricter reading and says so in the message: providers mixing kinds must
 * satisfy every row they touch; user groups always need a workload-side consumer (row 5) and never
 * come with IP lists; IP lists are providers only of rules resolving providers as workloads only;
 * and IP-list providers are refused in extra-scope rules, because the guide recommends intra-scope
 * rules for outbound access to IP lists ("IP Lists": otherwise the rule reaches more workloads than
 * intended). The PCE's own checks (non-empty sides, {@code resolve_labels_as} values) come first.
 */
public final class RuleConstraints {
    /** The provider side of the table: which row applies. */
    private enum ProviderMode { WORKLOADS, VIRTUAL_SERVICES, BOTH }

    private static final Set<ObjectKind> WORKLOAD_SIDE = EnumSet.of(ObjectKind.WORKLOAD, ObjectKind.ALL_WORKLOADS,
            ObjectKind.LABEL, ObjectKind.LABEL_GROUP);

    private RuleConstraints() {
    }

    /** Every violation of {@code rule} in {@code context}; empty when the rule is fine. */
    public static List<Violation> check(SecRule rule, RuleContext context) {
        List<Violation> out = new ArrayList<>();
        ResolveLabelsAs resolve = rule.resolveLabelsAs();
        boolean resolveOk = checkResolve(resolve, out);
        List<String> provAs = resolveOk ? resolve.providers() : List.of(ResolveLabelsAs.WORKLOADS);
        List<String> consAs = resolveOk ? resolve.consumers() : List.of(ResolveLabelsAs.WORKLOADS);
        ProviderMode mode = mode(provAs);
        boolean consumersUseVs = consAs.contains(ResolveLabelsAs.VIRTUAL_SERVICES);

        Set<ObjectKind> providers = ObjectKind.of(rule.providers());
        Set<ObjectKind> consumers = ObjectKind.of(rule.consumers());
        boolean userGroups = !rule.consumingSecurityPrincipals().isEmpty();
        if (userGroups) {
            consumers.add(ObjectKind.USER_GROUP);
        }
        if (rule.providers().isEmpty()) {
            out.add(new Violation(Field.PROVIDERS, "Choose at least one provider: All Workloads, a label, a label "
                    + "group, a workload, an IP list or a virtual service."));
        }
        if (consumers.isEmpty()) {
            out.add(new Violation(Field.CONSUMERS, "Choose at least one consumer: All Workloads, a label, a label "
                    + "group, a workload or an IP list."));
        }
        if (providers.contains(ObjectKind.UNKNOWN)) {
            out.add(new Violation(Field.PROVIDERS, "A provider is of a kind this workbench cannot check; "
                    + "replace it with a label, label group, workload, IP list, virtual service or All Workloads."));
        }
        if (consumers.contains(ObjectKind.UNKNOWN)) {
            out.add(new Violation(Field.CONSUMERS, "A consumer is of a kind this workbench cannot check; "
                    + "replace it with a label, label group, workload, IP list or All Workloads."));
        }
        checkProviders(mode, providers, rule, out);
        checkServices(mode, rule.ingressServices(), out);
        checkConsumers(mode, providers, consumers, consumersUseVs, out);
        StatelessRules.check(rule, mode != ProviderMode.WORKLOADS, consumersUseVs, context, out);
        return out;
    }

    /** Whether {@code rule} passes every check. */
    public static boolean permitted(SecRule rule, RuleContext context) {
        return check(rule, context).isEmpty();
    }

    private static boolean checkResolve(ResolveLabelsAs r, List<Violation> out) {
        if (r == null) {
            out.add(new Violation(Field.RESOLVE_LABELS_AS, "Say how labels resolve: workloads, virtual services "
                    + "or both, for providers and for consumers."));
            return false;
        }
        boolean ok = true;
        for (String side : new String[]{"providers", "consumers"}) {
            List<String> values = side.equals("providers") ? r.providers() : r.consumers();
            if (values.isEmpty()) {
                out.add(new Violation(Field.RESOLVE_LABELS_AS, "Choose what " + side + "' labels resolve to: "
                        + "workloads, virtual services or both.", side(side)));
                ok = false;
            }
            for (String v : values) {
                if (!ResolveLabelsAs.WORKLOADS.equals(v) && !ResolveLabelsAs.VIRTUAL_SERVICES.equals(v)) {
                    out.add(new Violation(Field.RESOLVE_LABELS_AS, "Labels resolve only to 'workloads' or "
                            + "'virtual_services', not '" + v + "' (" + side + ").", side(side)));
                    ok = false;
                }
            }
        }
        return ok;
    }

    private static Violation.Side side(String side) {
        return side.equals("providers") ? Violation.Side.PROVIDERS : Violation.Side.CONSUMERS;
    }

    private static ProviderMode mode(List<String> provAs) {
        boolean w = provAs.contains(ResolveLabelsAs.WORKLOADS);
        boolean vs = provAs.contains(ResolveLabelsAs.VIRTUAL_SERVICES);
        return w && vs ? ProviderMode.BOTH : vs ? ProviderMode.VIRTUAL_SERVICES : ProviderMode.WORKLOADS;
    }

    private static void checkProviders(ProviderMode mode, Set<ObjectKind> providers, SecRule rule, List<Violation> out) {
        if (mode == ProviderMode.WORKLOADS && providers.contains(ObjectKind.VIRTUAL_SERVICE)) {
            out.add(new Violation(Field.PROVIDERS, "A virtual service is a provider only in a rule that uses "
                    + "virtual services: let providers' labels resolve as virtual services, or remove the virtual service."));
        }
        if (mode == ProviderMode.VIRTUAL_SERVICES && providers.contains(ObjectKind.WORKLOAD)) {
            out.add(new Violation(Field.PROVIDERS, "Individual workloads are not providers of a rule that uses "
                    + "virtual services only: let providers resolve as workloads too, or remove the workload."));
        }
        if (mode != ProviderMode.WORKLOADS && providers.contains(ObjectKind.IP_LIST)) {
            out.add(new Violation(Field.PROVIDERS, "IP lists are providers only of rules whose providers resolve "
                    + "as workloads: remove the IP list or resolve providers as workloads only."));
        }
        if (Boolean.TRUE.equals(rule.unscopedConsumers()) && providers.contains(ObjectKind.IP_LIST)) {
            out.add(new Violation(Field.PROVIDERS, "IP lists as providers (outbound access) belong in an "
                    + "intra-scope rule, which the Rules guide recommends so that the rule reaches only the scope's "
                    + "workloads: clear 'extra-scope' or remove the IP list."));
        }
    }

    private static void checkServices(ProviderMode mode, List<IngressService> services, List<Violation> out) {
        if (mode == ProviderMode.VIRTUAL_SERVICES) {
            if (!services.isEmpty()) {
                out.add(new Violation(Field.SERVICES, "A rule whose providers use virtual services takes its "
                        + "service from the virtual service: remove the services, or let providers resolve as "
                        + "workloads too."));
            }
            return;
        }
        if (services.isEmpty()) {
            out.add(new Violation(Field.SERVICES, "Choose at least one service: All Services, a named service or "
                    + "a port and protocol (only rules that use virtual services alone have none)."));
        }
        for (IngressService s : services) {
            String problem = portProblem(s);
            if (problem != null) {
                out.add(new Violation(Field.SERVICES, problem));
            }
        }
    }

    /** What is wrong with an inline port entry, or null. */
    static String portProblem(IngressService s) {
        if (s.serviceRef()) {
            return null;
        }
        if (s.proto() == null) {
            return "A port entry needs a protocol (TCP 6, UDP 17, ICMP 1...).";
        }
        Integer p = s.port();
        Integer to = s.toPort();
        if (p != null && (p < 0 || p > 65535)) {
            return "Port " + p + " is outside 0 to 65535.";
        }
        if (to != null && (to < 0 || to > 65535)) {
            return "Port " + to + " is outside 0 to 65535.";
        }
        if (to != null && p == null) {
            return "A port range needs its first port.";
        }
        if (to != null && to < p) {
            return "The range " + p + "-" + to + " ends before it starts: put the lower port first.";
        }
        if (p != null && s.proto() != 6 && s.proto() != 17) {
            return "Ports apply only to TCP (6) and UDP (17); protocol " + s.proto() + " takes no port.";
        }
        return null;
    }

    private static void checkConsumers(ProviderMode mode, Set<ObjectKind> providers, Set<ObjectKind> consumers,
                                       boolean consumersUseVs, List<Violation> out) {
        boolean providersUseVs = mode != ProviderMode.WORKLOADS;
        if (!providersUseVs && consumersUseVs) {
            out.add(new Violation(Field.RESOLVE_LABELS_AS, "Consumers may use virtual services only when the "
                    + "providers do: resolve consumers as workloads, or let providers resolve as virtual services.",
                    Violation.Side.CONSUMERS));
        }
        if (consumers.contains(ObjectKind.VIRTUAL_SERVICE) && (!providersUseVs || !consumersUseVs)) {
            out.add(new Violation(Field.CONSUMERS, "A virtual service is a consumer only when both sides use "
                    + "virtual services (resolve labels as virtual services for providers and consumers)."));
        }
        if (providersUseVs && consumers.contains(ObjectKind.USER_GROUP)) {
            out.add(new Violation(Field.CONSUMERS, "User groups are not consumers of a rule that uses virtual "
                    + "services: remove the user groups, or resolve providers as workloads."));
        }
        if (!providersUseVs && providers.contains(ObjectKind.IP_LIST) && consumers.contains(ObjectKind.IP_LIST)) {
            out.add(new Violation(Field.CONSUMERS, "When a provider is an IP list, consumers must be workloads, "
                    + "labels, label groups, user groups or All Workloads, not IP lists: one side must be workloads."));
        }
        if (consumers.contains(ObjectKind.USER_GROUP)) {
            Set<ObjectKind> workloadSide = EnumSet.copyOf(consumers);
            workloadSide.retainAll(WORKLOAD_SIDE);
            if (workloadSide.isEmpty()) {
                out.add(new Violation(Field.CONSUMERS, "User groups need at least one workload, label, label group "
                        + "or All Workloads among the consumers: add the workloads the users log on to."));
            }
            if (consumers.contains(ObjectKind.IP_LIST)) {
                out.add(new Violation(Field.CONSUMERS, "User groups cannot be combined with IP lists: put the IP "
                        + "list in a rule of its own."));
            }
        }
    }
}
