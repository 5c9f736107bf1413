package dev.pceworkbench.policy.rules;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.policy.rules.Violation.Field;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Rules guide's caveats for stateless rules ({@code "stateless": true}). Source: Illumio
 * Security Policy Guide 24.5 / 25.3, "Stateless Rules" &gt; "Caveats": the consumers of a stateless
 * rule may be an individual workload, labels (one of each type, up to four in all), or "any IP list
 * plus All Workloads"; anything else is refused by the PCE, and a policy holds at most 100 stateless
 * rules. The guide's third shape is read as IP lists and/or All Workloads (the demo data and the
 * guide's own DNS example use an IP list alone), but never mixed with the other shapes. Stateless
 * filtering is "for workloads", so where the guide is silent this check also refuses stateless rules
 * that use virtual services on either side.
 */
final class StatelessRules {
    static final int MAX_LABELS = 4;

    private StatelessRules() {
    }

    static void check(SecRule rule, boolean providersUseVs, boolean consumersUseVs, RuleContext ctx,
                      List<Violation> out) {
        if (!Boolean.TRUE.equals(rule.stateless())) {
            return;
        }
        if (providersUseVs || consumersUseVs) {
            out.add(new Violation(Field.STATELESS, "Stateless filtering applies to workloads only: resolve labels "
                    + "as workloads on both sides, or make the rule stateful."));
        }
        int total = ctx.otherStatelessRules() + 1;
        if (total > RuleContext.MAX_STATELESS_RULES) {
            out.add(new Violation(Field.STATELESS, "The policy already has " + ctx.otherStatelessRules()
                    + " stateless rules and the PCE allows at most " + RuleContext.MAX_STATELESS_RULES
                    + ": make this rule stateful, or turn another stateless rule into a stateful one."));
        }
        String shape = shapeProblem(rule, ctx);
        if (shape != null) {
            out.add(new Violation(Field.CONSUMERS, shape + " A stateless rule's consumers must be one workload, "
                    + "up to four labels of different types, or IP lists with or without All Workloads."));
        }
    }

    /** What keeps the consumers from one of the three permitted shapes, or null when they fit one. */
    private static String shapeProblem(SecRule rule, RuleContext ctx) {
        List<Actor> consumers = rule.consumers();
        if (!rule.consumingSecurityPrincipals().isEmpty()) {
            return "User groups are not allowed in a stateless rule.";
        }
        Set<ObjectKind> kinds = ObjectKind.of(consumers);
        if (consumers.isEmpty()) {
            return null; // "choose a consumer" is reported by the combinations check
        }
        if (kinds.equals(Set.of(ObjectKind.WORKLOAD))) {
            return consumers.size() == 1 ? null : "There are " + consumers.size() + " workloads; only one is allowed.";
        }
        if (kinds.equals(Set.of(ObjectKind.LABEL))) {
            if (consumers.size() > MAX_LABELS) {
                return "There are " + consumers.size() + " labels; at most " + MAX_LABELS + " are allowed.";
            }
            Set<String> keys = new HashSet<>();
            for (Actor a : consumers) {
                String href = a.ref().href();
                String key = ctx.keyOf(href);
                if (!keys.add(key == null ? href : key)) {
                    return "Two labels are of type '" + key + "'; use one label of each type.";
                }
            }
            return null;
        }
        Set<ObjectKind> ipShape = Set.of(ObjectKind.IP_LIST, ObjectKind.ALL_WORKLOADS);
        if (ipShape.containsAll(kinds)) {
            return null;
        }
        Set<ObjectKind> others = new HashSet<>(kinds);
        others.removeAll(Set.of(ObjectKind.WORKLOAD, ObjectKind.LABEL, ObjectKind.IP_LIST, ObjectKind.ALL_WORKLOADS));
        if (!others.isEmpty()) {
            return capitalize(ObjectKind.phrase(java.util.EnumSet.copyOf(others))) + " are not allowed.";
        }
        return "Workloads, labels and IP lists cannot be mixed.";
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
