package dev.pceworkbench.policy.impact;

/** One flow whose decision provisioning changes: its decision under the active policy and under the draft. */
public record ChangedFlow(ImpactFlow flow, Decision before, Decision after) {
    public ImpactKind kind() {
        return ImpactKind.of(before, after);
    }
}
