package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.pce.model.IpTablesRule;
import dev.pceworkbench.policy.names.Name;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the rulesets view's rule and custom iptables tables show in their cells: a rule's providers,
 * services and consumers (user groups last) and an iptables rule's targets as {@link Name}s from the
 * current {@link ActorNames} (so workload actors read by hostname once those arrive), the statements
 * as text, enabled and the pending badge. {@link RuleSetsViewModel#cells()} gives it to the view.
 */
public final class RuleCells {
    private final Supplier<ActorNames> names;

    RuleCells(Supplier<ActorNames> names) {
        this.names = Objects.requireNonNull(names);
    }

    /** A rule's providers. */
    public List<Name> providers(RuleRow r) {
        return names.get().actors(r.rule().providers());
    }

    /** A rule's services and ports. */
    public List<Name> services(RuleRow r) {
        return names.get().services(r.rule().ingressServices());
    }

    /** A rule's consumers, its user groups last. */
    public List<Name> consumers(RuleRow r) {
        List<Name> out = new ArrayList<>(names.get().actors(r.rule().consumers()));
        out.addAll(names.get().userGroups(r.rule().consumingSecurityPrincipals()));
        return out;
    }

    /** What a custom iptables rule applies to. */
    public List<Name> appliedTo(IpTablesRule r) {
        return names.get().actors(r.actors());
    }

    /** Whether a custom iptables rule is enabled (the PCE's default: yes). */
    public static boolean enabled(IpTablesRule r) {
        return !Boolean.FALSE.equals(r.enabled());
    }

    /** A custom iptables rule's badge: "pending" (a draft change) or null. */
    public static String status(IpTablesRule r) {
        return r.updateType() != null ? "pending" : null;
    }

    public static String description(IpTablesRule r) {
        return r.description() == null ? "" : r.description();
    }

    /** A custom iptables rule's statements, one {@code table chain parameters} a line. */
    public String statements(IpTablesRule r) {
        return RuleDescriptions.statements(r, "\n");
    }
}
