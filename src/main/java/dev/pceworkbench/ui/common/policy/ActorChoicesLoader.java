package dev.pceworkbench.ui.common.policy;

import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.ui.common.DialogService;
import dev.pceworkbench.workspace.NotConnectedException;
import dev.pceworkbench.workspace.PolicyWorkspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one way rule search and policy check load what their pickers offer: nothing until the view
 * is first shown ({@link #onShown}), then again whenever the workspace's policy changes (after the
 * feature has dropped its stale answers) or the feature asks ({@link #load}, e.g. another policy
 * version); a new load cancels the one still running. The feature says what a load is (a
 * {@link BackgroundTask}, made afresh each time, which may start further stages or side tasks
 * with {@link #follow}); {@link #failure} is the shared error handling.
 */
public final class ActorChoicesLoader {
    private final PolicyWorkspace workspace;
    private final TaskExecutor executor;
    private final Supplier<BackgroundTask<?>> task;
    private final List<BackgroundTask<?>> running = new ArrayList<>();
    private boolean requested;

    /**
     * @param task          makes one load (title, work and handlers; owned by the feature)
     * @param policyChanged what the feature drops when the workspace's policy changes, before the reload
     */
    public ActorChoicesLoader(PolicyWorkspace workspace, TaskExecutor executor, Supplier<BackgroundTask<?>> task,
                              Runnable policyChanged) {
        this.workspace = Objects.requireNonNull(workspace);
        this.executor = Objects.requireNonNull(executor);
        this.task = Objects.requireNonNull(task);
        Objects.requireNonNull(policyChanged);
        workspace.addListener(change -> {
            policyChanged.run();
            reloadIfRequested();
        });
    }

    /** The view is on screen: loads the choices the first time (later changes reload them by themselves). */
    public void onShown() {
        if (!requested) {
            load();
        }
    }

    /** Downloads every collection again (the workspace then tells the feature, which reloads its choices). */
    public void reload() {
        workspace.refreshAll();
    }

    /** Loads the choices now, cancelling a load still running. */
    public void load() {
        requested = true;
        cancel();
        BackgroundTask<?> first = task.get();
        running.add(executor.execute(first));
    }

    /**
     * Runs {@code next} as part of the current load (a later stage of it, or work beside it): the next
     * load or {@link #cancel} cancels it too.
     */
    public <V> BackgroundTask<V> follow(BackgroundTask<V> next) {
        running.removeIf(t -> t.state().isDone());
        running.add(next);
        return executor.execute(next);
    }

    /** Cancels every task of the current load (what was shown stays). */
    public void cancel() {
        for (BackgroundTask<?> t : running) {
            t.cancel();
        }
        running.clear();
    }

    /** Loads again if the choices were ever asked for (a setting they depend on changed). */
    public void reloadIfRequested() {
        if (requested) {
            load();
        }
    }

    /**
     * The shared failure handling of a load: without a connection, its message goes to
     * {@code status} (the connection's arrival reloads the choices); any other error goes to
     * {@code status} as {@code statusText} (when given) and to the user through the dialogs.
     */
    public static Consumer<Throwable> failure(DialogService dialogs, Consumer<String> status, String statusText,
                                              String errorTitle) {
        return e -> {
            if (e instanceof NotConnectedException) {
                status.accept(e.getMessage());
                return;
            }
            if (statusText != null) {
                status.accept(statusText);
            }
            dialogs.showError(errorTitle, e);
        };
    }
}
