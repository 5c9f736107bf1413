package dev.pceworkbench.ui.common.policy;

import dev.pceworkbench.task.BackgroundTask;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The one task a view runs at a time (a search, a check, an export), as the view shows it: busy,
 * progress (-1 while indeterminate) and message, and cancel. {@link #track} takes the task's
 * {@code onFinished} slot, so callers use its other callbacks.
 */
public final class TaskProgress {
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private BackgroundTask<?> current;

    /** Follows {@code task} until it finishes; call before executing it. */
    public <V> BackgroundTask<V> track(BackgroundTask<V> task) {
        current = task;
        busy.set(true);
        progress.bind(task.progressProperty());
        message.bind(task.messageProperty());
        task.onFinished(() -> {
            if (current == task) {
                current = null;
                progress.unbind();
                message.unbind();
                progress.set(-1);
                message.set("");
                busy.set(false);
            }
        });
        return task;
    }

    /** Cancels the task being followed, if any. */
    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progress() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }
}
