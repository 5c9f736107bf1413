package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.SecRule;

/**
 * One security rule in a table: the rule and the rule set it belongs to. Cells render it through
 * {@link RuleSetsViewModel} (names from {@link ActorNames}), so 200,000 rows cost only this pair each.
 */
public record RuleRow(RuleSet ruleSet, SecRule rule) {
    public boolean extraScope() {
        return Boolean.TRUE.equals(rule.unscopedConsumers());
    }

    public boolean pending() {
        return rule.updateType() != null;
    }

    /** The badge text: "pending" (a draft change) or null. */
    public String status() {
        return pending() ? "pending" : null;
    }

    public boolean enabled() {
        return !Boolean.FALSE.equals(rule.enabled());
    }

    public boolean stateless() {
        return Boolean.TRUE.equals(rule.stateless());
    }

    public String description() {
        return rule.description() == null ? "" : rule.description();
    }

    /** The rule's number in its rule set (1 for the first; the PCE's order), as the confirmations say it. */
    public int number() {
        return ruleSet.rules().indexOf(rule) + 1;
    }

    /** The state word: "Enabled" or "Disabled". */
    public String stateText() {
        return enabled() ? "Enabled" : "Disabled";
    }

    /**
     * {@code resolve_labels_as} in a few words: "workloads" when both sides resolve alike, else
     * "providers: virtual services" over "consumers: workloads" on two lines ({@link #resolveText()}
     * always says both, on one).
     */
    public String resolveShort() {
        var r = rule.resolveLabelsAs();
        if (r == null) {
            return "";
        }
        if (r.providers().equals(r.consumers())) {
            return String.join(", ", r.providers()).replace('_', ' ');
        }
        return resolveText().replace("; ", "\n");
    }

    /** {@code resolve_labels_as} as text: "providers: workloads; consumers: workloads". */
    public String resolveText() {
        var r = rule.resolveLabelsAs();
        if (r == null) {
            return "";
        }
        return "providers: " + String.join(", ", r.providers()).replace('_', ' ')
                + "; consumers: " + String.join(", ", r.consumers()).replace('_', ' ');
    }
}
