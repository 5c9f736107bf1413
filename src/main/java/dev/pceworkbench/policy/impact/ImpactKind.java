package dev.pceworkbench.policy.impact;

/**
 * How provisioning changes a flow's decision, named by what the flow becomes: newly allowed, newly
 * blocked, newly potentially blocked (the destination does not enforce yet), or no longer reported
 * (its destination stopped being a managed workload).
 */
public enum ImpactKind {
    NEWLY_ALLOWED("Newly allowed"),
    NEWLY_BLOCKED("Newly blocked"),
    NEWLY_POTENTIALLY_BLOCKED("Newly potentially blocked"),
    NO_LONGER_REPORTED("No longer reported");

    private final String text;

    ImpactKind(String text) {
        this.text = text;
    }

    /** The kind of the change {@code before} → {@code after}; null when they are the same. */
    public static ImpactKind of(Decision before, Decision after) {
        if (before == after) {
            return null;
        }
        return switch (after) {
            case ALLOWED -> NEWLY_ALLOWED;
            case BLOCKED -> NEWLY_BLOCKED;
            case POTENTIALLY_BLOCKED -> NEWLY_POTENTIALLY_BLOCKED;
            case UNKNOWN -> NO_LONGER_REPORTED;
        };
    }

    /** "Newly allowed", "Newly blocked", "Newly potentially blocked", "No longer reported". */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
