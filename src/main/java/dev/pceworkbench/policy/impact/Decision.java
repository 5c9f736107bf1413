package dev.pceworkbench.policy.impact;

import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.policy.CheckResult;
import dev.pceworkbench.policy.PolicyCheck;

/**
 * A flow's policy decision in one policy version, in the PCE's words for traffic
 * ({@code policy_decision}). The destination's VEN reports and enforces it: a flow to anything but
 * a managed workload is {@link #UNKNOWN}; one that a rule allows is {@link #ALLOWED}; otherwise the
 * destination's enforcement mode decides: {@code full} blocks it, {@code selective} blocks it only
 * where it crosses an enforcement boundary, and visibility-only or idle workloads let it through as
 * {@link #POTENTIALLY_BLOCKED} (what would be blocked once enforced). The demo PCE reports
 * decisions the same way, destination side. Rule sets and boundaries a draft marks for deletion
 * ({@code update_type: delete}) no longer count: the policy model leaves them out (ModelCompiler).
 */
public enum Decision {
    ALLOWED("allowed", "Allowed"),
    POTENTIALLY_BLOCKED("potentially_blocked", "Potentially blocked"),
    BLOCKED("blocked", "Blocked"),
    UNKNOWN("unknown", "Unknown");

    private final String word;
    private final String text;

    Decision(String word, String text) {
        this.word = word;
        this.text = text;
    }

    /**
     * The decision for a flow whose check gave {@code result}, to {@code destination} (null when
     * the destination is not a workload of the policy version).
     */
    public static Decision of(CheckResult result, Workload destination) {
        return of(!result.allows().isEmpty(), !result.boundaries().isEmpty(), destination);
    }

    /** The same from {@link PolicyCheck#decide}'s outcome. */
    public static Decision of(PolicyCheck.Outcome outcome, Workload destination) {
        return of(outcome.allowed(), outcome == PolicyCheck.Outcome.NOT_ALLOWED_ACROSS_BOUNDARY, destination);
    }

    /**
     * {@link #of(PolicyCheck.Outcome, Workload)} for every outcome, by its ordinal: a destination's
     * decisions read once for the many flows to it.
     */
    public static Decision[] byOutcome(Workload destination) {
        PolicyCheck.Outcome[] outcomes = PolicyCheck.Outcome.values();
        Decision[] out = new Decision[outcomes.length];
        if (destination == null || !destination.managed()) {
            java.util.Arrays.fill(out, UNKNOWN);
            return out;
        }
        String mode = destination.enforcementMode();
        for (PolicyCheck.Outcome o : outcomes) {
            out[o.ordinal()] = managed(o.allowed(), o == PolicyCheck.Outcome.NOT_ALLOWED_ACROSS_BOUNDARY, mode);
        }
        return out;
    }

    private static Decision of(boolean allowed, boolean acrossBoundary, Workload destination) {
        if (destination == null || !destination.managed()) {
            return UNKNOWN;
        }
        return managed(allowed, acrossBoundary, destination.enforcementMode());
    }

    /** The decision for a managed destination in enforcement mode {@code mode}. */
    private static Decision managed(boolean allowed, boolean acrossBoundary, String mode) {
        if (allowed) {
            return ALLOWED;
        }
        if ("full".equals(mode) || "selective".equals(mode) && acrossBoundary) {
            return BLOCKED;
        }
        return POTENTIALLY_BLOCKED;
    }


    /** The PCE's {@code policy_decision}: {@code allowed}, {@code potentially_blocked}, {@code blocked}, {@code unknown}. */
    public String word() {
        return word;
    }

    /** As views write it: "Allowed", "Potentially blocked", "Blocked", "Unknown". */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
