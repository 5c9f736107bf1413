package dev.pceworkbench.policy.diff;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.EnforcementBoundary;
import dev.pceworkbench.pce.model.Fqdn;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.IpList;
import dev.pceworkbench.pce.model.IpRange;
import dev.pceworkbench.pce.model.IpTablesRule;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.pce.model.PceJsonObject;
import dev.pceworkbench.pce.model.PceResource;
import dev.pceworkbench.pce.model.ResolveLabelsAs;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.ScopeEntry;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.pce.model.Service;
import dev.pceworkbench.pce.model.ServiceAddress;
import dev.pceworkbench.pce.model.ServicePort;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.pce.model.WindowsService;
import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.policy.names.NameLookup;
import dev.pceworkbench.policy.names.Names;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The fields the diff compares for each kind of policy object, each read into a {@link Value}
 * written with the workbench's one vocabulary ({@link Names}). Left out on purpose, as noise: the
 * href itself, the fields the PCE manages ({@code created_at}, {@code updated_at},
 * {@code updated_by}, {@code update_type}, {@code caps}...), and the version segment of every href.
 * Fields the records do not model are compared as their JSON text.
 */
final class Fields {
    /**
     * One compared field of objects of type {@code T}. {@code absent} is what the PCE takes a missing
     * member to mean (an absent {@code enabled} is enabled, an absent {@code stateless} is not), so
     * that an object written with the member and one written without it compare equal; it applies
     * only when both versions of the object exist (an added object lists only what it has).
     */
    record Field<T>(String name, BiFunction<T, NameLookup, Value> read, Value absent) {
        Field(String name, BiFunction<T, NameLookup, Value> read) {
            this(name, read, Value.NONE);
        }
    }

    private static final Value YES = Value.yesNo(true);
    private static final Value NO = Value.yesNo(false);

    private Fields() {
    }

    static final List<Field<RuleSet>> RULE_SET = List.of(
            new Field<>("name", (r, n) -> Value.text(r.name())),
            new Field<>("description", (r, n) -> Value.text(blankToNull(r.description()))),
            new Field<>("enabled", (r, n) -> Value.yesNo(r.enabled()), YES),
            new Field<>("scopes", (r, n) -> scopes(r.scopes(), n)));

    static final List<Field<SecRule>> RULE = List.of(
            new Field<>("enabled", (r, n) -> Value.yesNo(r.enabled()), YES),
            new Field<>("description", (r, n) -> Value.text(blankToNull(r.description()))),
            new Field<>("providers", (r, n) -> actors(r.providers(), n)),
            new Field<>("consumers", (r, n) -> actors(r.consumers(), n)),
            new Field<>("ingress_services", (r, n) -> services(r.ingressServices(), n)),
            new Field<>("egress_services", (r, n) -> services(r.egressServices(), n)),
            new Field<>("resolve_labels_as", (r, n) -> resolveAs(r.resolveLabelsAs())),
            new Field<>("unscoped_consumers", (r, n) -> r.unscopedConsumers() == null ? Value.NONE
                    : Value.text(r.unscopedConsumers() ? "extra-scope" : "intra-scope"), Value.text("intra-scope")),
            new Field<>("stateless", (r, n) -> Value.yesNo(r.stateless()), NO),
            new Field<>("sec_connect", (r, n) -> Value.yesNo(r.secConnect()), NO),
            new Field<>("machine_auth", (r, n) -> Value.yesNo(r.machineAuth()), NO),
            new Field<>("network_type", (r, n) -> Value.text(r.networkType()), Value.text("brn")),
            new Field<>("consuming_security_principals", (r, n) -> refs(r.consumingSecurityPrincipals(),
                    h -> Names.userGroup(h))),
            new Field<>("use_workload_subnets", (r, n) -> strings(r.useWorkloadSubnets())));

    static final List<Field<IpTablesRule>> IPTABLES_RULE = List.of(
            new Field<>("enabled", (r, n) -> Value.yesNo(r.enabled()), YES),
            new Field<>("description", (r, n) -> Value.text(blankToNull(r.description()))),
            new Field<>("statements", (r, n) -> r.statements() == null ? Value.NONE : Value.seq(r.statements().stream()
                    .map(s -> text(s.tableName() + " " + s.chainName() + " " + s.parameters())).toList())),
            new Field<>("actors", (r, n) -> actors(r.actors(), n)),
            new Field<>("ip_version", (r, n) -> Value.text(r.ipVersion())));

    static final List<Field<IpList>> IP_LIST = List.of(
            new Field<>("name", (l, n) -> Value.text(l.name())),
            new Field<>("description", (l, n) -> Value.text(blankToNull(l.description()))),
            new Field<>("ip_ranges", (l, n) -> l.ipRanges() == null ? Value.NONE
                    : Value.set(l.ipRanges().stream().map(Fields::ipRange).toList())),
            new Field<>("fqdns", (l, n) -> l.fqdns() == null ? Value.NONE
                    : Value.set(l.fqdns().stream().map(Fqdn::fqdn).map(Fields::text).toList())));

    static final List<Field<Service>> SERVICE = List.of(
            new Field<>("name", (s, n) -> Value.text(s.name())),
            new Field<>("description", (s, n) -> Value.text(blankToNull(s.description()))),
            new Field<>("description_url", (s, n) -> Value.text(blankToNull(s.descriptionUrl()))),
            new Field<>("process_name", (s, n) -> Value.text(s.processName())),
            new Field<>("service_ports", (s, n) -> servicePorts(s.servicePorts())),
            new Field<>("windows_services", (s, n) -> s.windowsServices() == null ? Value.NONE
                    : Value.set(s.windowsServices().stream().map(Fields::windowsService).toList())));

    static final List<Field<LabelGroup>> LABEL_GROUP = List.of(
            new Field<>("name", (g, n) -> Value.text(g.name())),
            new Field<>("description", (g, n) -> Value.text(blankToNull(g.description()))),
            new Field<>("key", (g, n) -> Value.text(g.key())),
            new Field<>("labels", (g, n) -> refs(g.labels(), h -> Names.label(h, n))),
            new Field<>("sub_groups", (g, n) -> refs(g.subGroups(), h -> Names.labelGroup(h, n))));

    static final List<Field<VirtualService>> VIRTUAL_SERVICE = List.of(
            new Field<>("name", (v, n) -> Value.text(v.name())),
            new Field<>("description", (v, n) -> Value.text(blankToNull(v.description()))),
            new Field<>("apply_to", (v, n) -> Value.text(v.applyTo())),
            new Field<>("service", (v, n) -> v.service() == null ? Value.NONE
                    : Value.text(Names.service(IngressService.service(v.service().href()), n).display())),
            new Field<>("service_ports", (v, n) -> servicePorts(v.servicePorts())),
            new Field<>("service_addresses", (v, n) -> v.serviceAddresses() == null ? Value.NONE
                    : Value.set(v.serviceAddresses().stream().map(Fields::serviceAddress).toList())),
            new Field<>("labels", (v, n) -> refs(v.labels(), h -> Names.label(h, n))),
            new Field<>("ip_overrides", (v, n) -> strings(v.ipOverrides())),
            new Field<>("pce_fqdn", (v, n) -> Value.text(blankToNull(v.pceFqdn()))));

    static final List<Field<EnforcementBoundary>> ENFORCEMENT_BOUNDARY = List.of(
            new Field<>("name", (b, n) -> Value.text(b.name())),
            new Field<>("description", (b, n) -> Value.text(blankToNull(b.description()))),
            new Field<>("enabled", (b, n) -> Value.yesNo(b.enabled()), YES),
            new Field<>("providers", (b, n) -> actors(b.providers(), n)),
            new Field<>("consumers", (b, n) -> actors(b.consumers(), n)),
            new Field<>("ingress_services", (b, n) -> services(b.ingressServices(), n)),
            new Field<>("network_type", (b, n) -> Value.text(b.networkType()), Value.text("brn")));

    /** The changed fields of {@code before} → {@code after} (either may be null: added or deleted). */
    static <T extends PceJsonObject<T>> List<FieldChange> compare(List<Field<T>> fields, T before, T after, NameLookup n) {
        List<FieldChange> out = new ArrayList<>();
        for (Field<T> f : fields) {
            Value a = before == null ? Value.NONE : f.read().apply(before, n);
            Value b = after == null ? Value.NONE : f.read().apply(after, n);
            if (before != null && after != null) {
                a = a.isNone() ? f.absent() : a;
                b = b.isNone() ? f.absent() : b;
            }
            FieldChange c = Value.compare(f.name(), a, b);
            if (c != null) {
                out.add(c);
            }
        }
        Map<String, String> ea = extras(before);
        Map<String, String> eb = extras(after);
        java.util.Set<String> keys = new java.util.TreeSet<>(ea.keySet());
        keys.addAll(eb.keySet());
        for (String k : keys) {
            FieldChange c = Value.compare(k, Value.text(ea.get(k)), Value.text(eb.get(k)));
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Members the record does not model, as JSON text with version-neutral hrefs; the members the
     * PCE manages and explicit nulls are left out.
     */
    private static Map<String, String> extras(PceJsonObject<?> o) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o == null) {
            return out;
        }
        // Read as plain objects: policy/ depends on the model records, not on their JSON library.
        Map<String, ?> extra = o.extra();
        for (Map.Entry<String, ?> e : extra.entrySet()) {
            String json = String.valueOf(e.getValue());
            if (!PceResource.SERVER_MANAGED.contains(e.getKey()) && !json.equals("null")) {
                out.put(e.getKey(), Hrefs.neutralIn(json));
            }
        }
        return out;
    }

    // ---- values ------------------------------------------------------------------------------

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Value.Entry text(String t) {
        return new Value.Entry(t, t);
    }

    private static Value.Entry entry(Name n) {
        return new Value.Entry(n.href() == null ? n.display() : (n.excluded() ? "!" : "") + Hrefs.neutral(n.href()), n.display());
    }

    static Value actors(List<Actor> actors, NameLookup n) {
        return actors == null ? Value.NONE : Value.set(actors.stream().map(a -> entry(Names.actor(a, n))).toList());
    }

    static Value services(List<IngressService> services, NameLookup n) {
        return services == null ? Value.NONE : Value.set(services.stream().map(s -> entry(Names.service(s, n))).toList());
    }

    private static Value refs(List<Href> refs, java.util.function.Function<Href, Name> name) {
        return refs == null ? Value.NONE : Value.set(refs.stream().map(h -> entry(name.apply(h))).toList());
    }

    private static Value strings(List<String> list) {
        return list == null ? Value.NONE : Value.set(list.stream().map(Fields::text).toList());
    }

    private static Value servicePorts(List<ServicePort> ports) {
        return ports == null ? Value.NONE : Value.set(ports.stream().map(Names::servicePort).map(Fields::text).toList());
    }

    /** Scopes compared as a set of scopes, each the set of its entries (order means nothing in either). */
    static Value scopes(List<List<ScopeEntry>> scopes, NameLookup n) {
        if (scopes == null) {
            return Value.NONE;
        }
        List<Value.Entry> out = new ArrayList<>();
        for (List<ScopeEntry> scope : scopes) {
            List<Value.Entry> entries = Names.scope(scope, n).stream().map(Fields::entry)
                    .sorted(java.util.Comparator.comparing(Value.Entry::id)).toList();
            String id = String.join("+", entries.stream().map(Value.Entry::id).toList());
            List<Name> sorted = Names.scope(scope, n).stream().sorted(java.util.Comparator.comparing(Name::display)).toList();
            out.add(new Value.Entry(id.isEmpty() ? "(all)" : id, Names.scopeText(sorted)));
        }
        return Value.set(out);
    }

    private static Value resolveAs(ResolveLabelsAs r) {
        if (r == null) {
            return Value.NONE;
        }
        return Value.text("providers as " + String.join(" and ", sorted(r.providers())) + "; consumers as "
                + String.join(" and ", sorted(r.consumers())));
    }

    private static List<String> sorted(List<String> l) {
        return l == null ? List.of() : l.stream().sorted().toList();
    }

    private static Value.Entry ipRange(IpRange r) {
        String range = r.fromIp() + (r.toIp() == null || r.toIp().isBlank() || r.toIp().equals(r.fromIp()) ? "" : "-" + r.toIp());
        String text = (Boolean.TRUE.equals(r.exclusion()) ? "not " : "") + range
                + (r.description() == null || r.description().isBlank() ? "" : " (" + r.description() + ")");
        return text(text);
    }

    private static Value.Entry windowsService(WindowsService w) {
        String name = w.serviceName() != null ? "service " + w.serviceName() : w.processName() != null ? "process " + w.processName() : "";
        String port = w.icmpType() != null || w.icmpCode() != null ? Names.icmp(w.proto(), w.icmpType(), w.icmpCode())
                : w.proto() == null && w.port() == null ? "" : Names.port(w.proto(), w.port(), w.toPort());
        return text((name + " " + port).trim());
    }

    private static Value.Entry serviceAddress(ServiceAddress a) {
        String where = a.fqdn() != null ? a.fqdn() : a.ip() != null ? a.ip() : "?";
        String text = where + (a.port() == null ? "" : " port " + a.port())
                + (a.network() == null ? "" : " on network " + Hrefs.id(a.network().href()))
                + (a.description() == null || a.description().isBlank() ? "" : " (" + a.description() + ")");
        return text(text);
    }
}
