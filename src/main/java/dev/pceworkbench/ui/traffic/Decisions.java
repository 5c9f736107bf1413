package dev.pceworkbench.ui.traffic;

import dev.pceworkbench.ui.common.Verdict;

import java.util.Locale;

/**
 * The PCE's decision words ({@code allowed}, {@code potentially_blocked}, {@code blocked},
 * {@code unknown}, and the draft's finer {@code blocked_by_boundary}, {@code potentially_blocked_no_rule}...)
 * as the workbench shows them: a {@link Verdict} (word, icon and colour) and, where the PCE says more,
 * the detail in words.
 */
final class Decisions {
    private Decisions() {
    }

    static Verdict verdict(String pce) {
        if (pce == null) {
            return null;
        }
        String d = pce.toLowerCase(Locale.ROOT);
        if (d.startsWith("allowed")) {
            return Verdict.ALLOWED;
        }
        if (d.startsWith("potentially_blocked")) {
            return Verdict.POTENTIALLY_BLOCKED;
        }
        if (d.startsWith("blocked")) {
            return Verdict.BLOCKED;
        }
        return Verdict.UNKNOWN;
    }

    /** "Blocked", "Blocked (by boundary)", "Potentially blocked (no rule)"; empty for null. */
    static String text(String pce) {
        Verdict v = verdict(pce);
        if (v == null) {
            return "";
        }
        String d = pce.toLowerCase(Locale.ROOT);
        if (d.endsWith("_by_boundary")) {
            return v.word() + " (by boundary)";
        }
        if (d.endsWith("_no_rule")) {
            return v.word() + " (no rule)";
        }
        if (d.endsWith("_across_boundary")) {
            return v.word() + " (across boundary)";
        }
        return v.word();
    }
}
