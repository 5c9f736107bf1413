package dev.pceworkbench.task;

import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceCancelledException;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A unit of background work that view models own and views bind to: a title, observable state,
 * progress (0..1, or -1 while indeterminate), message and failure, success/failure/cancel
 * callbacks, and {@link #cancel()}, which cancels the token every PCE call of the task uses. The
 * observable state changes only on the executor's UI thread (the FX thread in the app, the
 * calling thread under {@link SynchronousTaskExecutor}).
 *
 * @param <V> the result
 */
public final class BackgroundTask<V> {
    /** The task's body. */
    @FunctionalInterface
    public interface Body<V> {
        V call(TaskContext context) throws Exception;
    }

    private final String title;
    private final Body<V> body;
    private final CancellationToken token = new CancellationToken();
    private final ReadOnlyObjectWrapper<TaskState> state = new ReadOnlyObjectWrapper<>(this, "state", TaskState.READY);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Throwable> exception = new ReadOnlyObjectWrapper<>(this, "exception");
    private Consumer<V> onSuccess = v -> {
    };
    private Consumer<Throwable> onFailure;
    private Runnable onCancelled = () -> {
    };
    private Runnable onFinished = () -> {
    };
    private volatile String owner;

    private BackgroundTask(String title, Body<V> body) {
        this.title = Objects.requireNonNull(title);
        this.body = Objects.requireNonNull(body);
    }

    public static <V> BackgroundTask<V> of(String title, Body<V> body) {
        return new BackgroundTask<>(title, body);
    }

    public BackgroundTask<V> onSuccess(Consumer<V> c) {
        this.onSuccess = Objects.requireNonNull(c);
        return this;
    }

    /** Without a failure handler, failures go to the executor's default handler (the error dialog). */
    public BackgroundTask<V> onFailure(Consumer<Throwable> c) {
        this.onFailure = c;
        return this;
    }

    public BackgroundTask<V> onCancelled(Runnable r) {
        this.onCancelled = Objects.requireNonNull(r);
        return this;
    }

    /** Runs after success, failure or cancel (to clear a busy flag, say). */
    public BackgroundTask<V> onFinished(Runnable r) {
        this.onFinished = Objects.requireNonNull(r);
        return this;
    }

    public String title() {
        return title;
    }

    /**
     * Marks the task as the work of one view (its feature id), so that leaving the view cancels
     * it; tasks without an owner (connecting, say) outlive view changes.
     */
    public BackgroundTask<V> ownedBy(String view) {
        this.owner = view;
        return this;
    }

    public String owner() {
        return owner;
    }

    public CancellationToken token() {
        return token;
    }

    /** Cancels the task: closes its PCE calls and stops its polling; state becomes CANCELLED. */
    public void cancel() {
        token.cancel();
    }

    public boolean isCancelled() {
        return token.isCancelled();
    }

    public ReadOnlyObjectProperty<TaskState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public TaskState state() {
        return state.get();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Throwable> exceptionProperty() {
        return exception.getReadOnlyProperty();
    }

    // --- used by executors, on their UI thread -------------------------------------------------

    V runBody(TaskContext ctx) throws Exception {
        return body.call(ctx);
    }

    void markRunning() {
        state.set(TaskState.RUNNING);
    }

    void updateProgress(double done, double total) {
        progress.set(total <= 0 || done < 0 ? -1 : Math.min(1.0, done / total));
    }

    void updateMessage(String m) {
        message.set(m == null ? "" : m);
    }

    /** Delivers the outcome; returns the failure the executor's default handler must show, if any. */
    Throwable finish(V value, Throwable failure) {
        Throwable unhandled = null;
        try {
            if (failure == null && !token.isCancelled()) {
                progress.set(1);
                state.set(TaskState.SUCCEEDED);
                onSuccess.accept(value);
            } else if (token.isCancelled() || failure instanceof PceCancelledException) {
                state.set(TaskState.CANCELLED);
                message.set("Cancelled");
                onCancelled.run();
            } else {
                exception.set(failure);
                state.set(TaskState.FAILED);
                if (onFailure != null) {
                    onFailure.accept(failure);
                } else {
                    unhandled = failure;
                }
            }
        } finally {
            onFinished.run();
        }
        return unhandled;
    }
}
