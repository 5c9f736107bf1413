package dev.pceworkbench.task;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The tasks running now, as an observable list for the status-bar indicator and the task list
 * (each entry has progress, message and cancel). Changed only on the executor's UI thread.
 */
public final class TaskRegistry {
    private final ObservableList<BackgroundTask<?>> running = FXCollections.observableArrayList();
    private final ObservableList<BackgroundTask<?>> readOnly = FXCollections.unmodifiableObservableList(running);
    private final BooleanBinding busy = Bindings.isNotEmpty(running);

    public ObservableList<BackgroundTask<?>> running() {
        return readOnly;
    }

    public BooleanBinding busyProperty() {
        return busy;
    }

    void add(BackgroundTask<?> task) {
        running.add(task);
    }

    void remove(BackgroundTask<?> task) {
        running.remove(task);
    }

    /** Cancels the running tasks owned by {@code view} (when the user navigates away from it). */
    public void cancelOwnedBy(String view) {
        for (BackgroundTask<?> t : List.copyOf(running)) {
            if (view != null && view.equals(t.owner())) {
                t.cancel();
            }
        }
    }

    /** Cancels every running task (on shutdown, or when the connection changes). */
    public void cancelAll() {
        for (BackgroundTask<?> t : List.copyOf(running)) {
            t.cancel();
        }
    }
}
