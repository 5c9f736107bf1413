package dev.pceworkbench.policy.rules;

import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.SecRule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a rule check needs to know beyond the rule itself: the key (dimension) of each label, for
 * the stateless rule's "one label of each type", and how many other stateless rules the draft
 * policy already holds, for the cap of 100. Build it with {@link #of} from the workspace's labels
 * and draft rule sets; the rule being edited (by href) is not counted twice.
 */
public record RuleContext(Map<String, String> labelKeys, int otherStatelessRules) {
    /** The PCE's cap on stateless rules in the whole policy (Security Policy Guide, "Stateless Rules"). */
    public static final int MAX_STATELESS_RULES = 100;

    public RuleContext {
        labelKeys = Map.copyOf(Objects.requireNonNull(labelKeys));
        if (otherStatelessRules < 0) {
            throw new IllegalArgumentException("otherStatelessRules < 0");
        }
    }

    /** No labels known and no other stateless rules (for checks that do not need them). */
    public static RuleContext empty() {
        return new RuleContext(Map.of(), 0);
    }

    /**
     * The context for editing a rule of the draft: {@code editedRuleHref} is the rule being edited
     * (null for a new rule), which is left out of the stateless count.
     */
    public static RuleContext of(List<Label> labels, List<RuleSet> draftRuleSets, String editedRuleHref) {
        Map<String, String> keys = new HashMap<>();
        for (Label l : labels) {
            if (l.href() != null && l.key() != null) {
                keys.put(l.href(), l.key());
            }
        }
        return new RuleContext(keys, countStateless(draftRuleSets, editedRuleHref));
    }

    /** Stateless rules in {@code ruleSets}, except the one with {@code exceptHref}. */
    public static int countStateless(List<RuleSet> ruleSets, String exceptHref) {
        int n = 0;
        for (RuleSet rs : ruleSets) {
            for (SecRule r : rs.rules()) {
                if (Boolean.TRUE.equals(r.stateless()) && (exceptHref == null || !exceptHref.equals(r.href()))) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The key of the label with {@code href}, or null when unknown. */
    public String keyOf(String href) {
        return href == null ? null : labelKeys.get(href);
    }
}
