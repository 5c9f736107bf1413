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
