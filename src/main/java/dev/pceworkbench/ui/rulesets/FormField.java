package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.policy.rules.Violation;

/** The validated fields of the rule set, rule and iptables forms. */
public enum FormField {
    NAME, SCOPES, PROVIDERS, CONSUMERS, SERVICES, RESOLVE_LABELS_AS, STATELESS, IP_TABLES, ACTORS;

    static FormField of(Violation.Field f) {
        return valueOf(f.name());
    }
}
