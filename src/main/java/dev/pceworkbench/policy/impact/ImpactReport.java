package dev.pceworkbench.policy.impact;

import java.util.List;

/**
 * What provisioning the draft would do to observed traffic: every flow whose decision changes
 * (in the order given), the same flows grouped by change, source labels, destination labels and
 * port ({@link ImpactGroup}s, largest first within each kind), and how much work it took: the flows
 * read, their distinct (source, destination, port, protocol) keys, and how many of those could be
 * touched by the change and were checked against both policies.
 */
public record ImpactReport(int flows, int distinctFlows, int checkedFlows, List<ChangedFlow> changed,
                           List<ImpactGroup> groups) {
    public ImpactReport {
        changed = List.copyOf(changed);
        groups = List.copyOf(groups);
    }

    /** How many flows change this way. */
    public int count(ImpactKind kind) {
        return (int) changed.stream().filter(c -> c.kind() == kind).count();
    }

    /** Whether provisioning changes no observed flow's decision. */
    public boolean isEmpty() {
        return changed.isEmpty();
    }
}
