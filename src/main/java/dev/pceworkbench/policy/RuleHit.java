package dev.pceworkbench.policy;

import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.SecRule;

/**
 * A rule found by a search or a policy check, with the rule set that holds it; {@code index} is the
 * rule's position in the model's rule order (rule sets in order, then their rules).
 */
public record RuleHit(RuleSet ruleSet, SecRule rule, int index) {
    /** The rule's href as the PCE gave it (in the loaded version). */
    public String href() {
        return rule.href();
    }
}
