package dev.pceworkbench.ui.provision;

import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.workspace.PolicyProvisioning;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

import java.util.Objects;

/**
 * How many changes are pending in the draft, for the sidebar's badge on "Provision": asked of the
 * PCE when the app connects and whenever the workspace's policy changes, and set by the Provision
 * view whenever it loads the pending list. -1 while unknown (not connected, or the PCE did not
 * answer: the badge is a hint, the view itself reports errors), so the badge hides.
 */
public final class PendingCount {
    private final PolicyProvisioning provisioning;
    private final TaskExecutor executor;
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count", -1);
    private BackgroundTask<Integer> running;

    public PendingCount(PolicyProvisioning provisioning, TaskExecutor executor) {
        this.provisioning = Objects.requireNonNull(provisioning);
        this.executor = Objects.requireNonNull(executor);
    }

    /** Asks the PCE again (cancelling a question still running). */
    public void refresh() {
        if (running != null) {
            running.cancel();
        }
        BackgroundTask<Integer> task = BackgroundTask.of("Counting pending changes",
                        ctx -> provisioning.pending(ctx.token()).count())
                .onSuccess(count::set)
                .onFailure(e -> count.set(-1));
        running = task;
        executor.execute(task);
    }

    /** What a fresh pending list says. */
    void set(int n) {
        if (running != null) {
            running.cancel();
            running = null;
        }
        count.set(n);
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }
}
