package dev.pceworkbench.policy;

import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.SecRule;

/**
 * Whether a rule can allow traffic, in the words every view shows: {@link #ENABLED} only when the
 * rule and its rule set are both enabled; otherwise which of them is disabled (a rule of a disabled
 * rule set allows nothing, whatever its own flag says). A missing flag means enabled, as on the PCE.
 */
public enum RuleState {
    ENABLED("Enabled"),
    RULE_DISABLED("Disabled (rule)"),
    RULE_SET_DISABLED("Disabled (rule set)"),
    BOTH_DISABLED("Disabled (rule and rule set)");

    private final String text;

    RuleState(String text) {
        this.text = text;
    }

    /** The state of {@code rule} in {@code ruleSet}. */
    public static RuleState of(RuleSet ruleSet, SecRule rule) {
        boolean rsOn = ruleSet == null || !Boolean.FALSE.equals(ruleSet.enabled());
        boolean ruleOn = rule == null || !Boolean.FALSE.equals(rule.enabled());
        if (rsOn) {
            return ruleOn ? ENABLED : RULE_DISABLED;
        }
        return ruleOn ? RULE_SET_DISABLED : BOTH_DISABLED;
    }

    /** The state of the rule a hit names. */
    public static RuleState of(RuleHit hit) {
        return of(hit.ruleSet(), hit.rule());
    }

    public boolean enabled() {
        return this == ENABLED;
    }

    /** "Enabled", "Disabled (rule)", "Disabled (rule set)" or "Disabled (rule and rule set)". */
    public String text() {
        return text;
    }

    /**
     * What keeps a rule from allowing, in a sentence's words: "a disabled rule", "a rule in a disabled
     * rule set", "a disabled rule in a disabled rule set"; empty for an enabled rule.
     */
    public String phrase() {
        return switch (this) {
            case ENABLED -> "";
            case RULE_DISABLED -> "a disabled rule";
            case RULE_SET_DISABLED -> "a rule in a disabled rule set";
            case BOTH_DISABLED -> "a disabled rule in a disabled rule set";
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
