package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.policy.rules.Violation;

/**
 * The validated fields of the rule set, rule and iptables forms. {@code resolve_labels_as} has a
 * providers' and a consumers' half, each shown under its own side of the rule form.
 */
public enum FormField {
    NAME, SCOPES, PROVIDERS, CONSUMERS, SERVICES, PROVIDERS_RESOLVE_AS, CONSUMERS_RESOLVE_AS, STATELESS, IP_TABLES,
    ACTORS;

    /** The field a Rules-guide violation shows on. */
    static FormField of(Violation v) {
        if (v.field() == Violation.Field.RESOLVE_LABELS_AS) {
            return v.side() == Violation.Side.CONSUMERS ? CONSUMERS_RESOLVE_AS : PROVIDERS_RESOLVE_AS;
        }
        return valueOf(v.field().name());
    }
}
