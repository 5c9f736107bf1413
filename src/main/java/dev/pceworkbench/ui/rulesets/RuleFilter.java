package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.model.RuleSet;

import java.util.List;
import java.util.Locale;

/**
 * The rule filter over every rule of a version: a rule matches when its description, its rule
 * set's name, an actor's readable name (label value with key, label group, IP list, workload
 * hostname, All Workloads) or a service (name or inline port) contains the query, ignoring case.
 * Runs off the FX thread over the version's {@link RuleTerms} and checks its token every few
 * thousand rules, so a newer keystroke stops it at once.
 */
final class RuleFilter {
    private RuleFilter() {
    }

    static List<RuleRow> filter(RuleTerms terms, ActorNames names, String query, CancellationToken token) {
        return terms.filter(query.trim().toLowerCase(Locale.ROOT), names, token);
    }

    static int count(List<RuleSet> ruleSets) {
        int n = 0;
        for (RuleSet rs : ruleSets) {
            n += rs.rules().size();
        }
        return n;
    }

    /**
     * Whether {@code hay} contains {@code lowerNeedle}, ignoring case, without copying {@code hay}:
     * only positions whose first character can match are compared in full (the costly
     * case-insensitive comparison then runs rarely).
     */
    static boolean containsIgnoreCase(String hay, String lowerNeedle) {
        int n = lowerNeedle.length();
        if (n == 0) {
            return true;
        }
        char first = lowerNeedle.charAt(0);
        char firstUpper = Character.toUpperCase(first);
        for (int i = 0, last = hay.length() - n; i <= last; i++) {
            char c = hay.charAt(i);
            if ((c == first || c == firstUpper || c >= 128 && Character.toLowerCase(c) == first)
                    && hay.regionMatches(true, i, lowerNeedle, 0, n)) {
                return true;
            }
        }
        return false;
    }
}
