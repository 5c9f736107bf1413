package dev.pceworkbench.policy;

import dev.pceworkbench.pce.model.RuleSet;

/** A rule set as the engine uses it: its record, draft-form href, enabled flag, scopes and rule range. */
final class CompiledRuleSet {
    final int index;
    final RuleSet record;
    final String href;
    final boolean enabled;
    final Scope[] scopes;
    /** Its rules are {@code rules[firstRule .. firstRule + ruleCount)} of the model. */
    final int firstRule;
    final int ruleCount;

    CompiledRuleSet(int index, RuleSet record, String href, boolean enabled, Scope[] scopes, int firstRule,
                    int ruleCount) {
        this.index = index;
        this.record = record;
        this.href = href;
        this.enabled = enabled;
        this.scopes = scopes;
        this.firstRule = firstRule;
        this.ruleCount = ruleCount;
    }

    /** Bit i set when an entity with {@code labels} is in scope i (only the first 64 scopes). */
    long scopeMask(int[] labels) {
        long mask = 0;
        for (int i = 0; i < scopes.length && i < 64; i++) {
            if (scopes[i].contains(labels)) {
                mask |= 1L << i;
            }
        }
        return mask;
    }
}
