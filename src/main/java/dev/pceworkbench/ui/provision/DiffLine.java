package dev.pceworkbench.ui.provision;

import dev.pceworkbench.policy.diff.ChangeKind;

/**
 * One line of the diff presentation: an object or a part (a rule) with its change, or one changed
 * field ({@code kind} null), indented by {@code depth}.
 */
public record DiffLine(int depth, ChangeKind kind, String text) {
    /** Whether the line heads an object or a rule (it carries a change chip). */
    public boolean heading() {
        return kind != null;
    }
}
