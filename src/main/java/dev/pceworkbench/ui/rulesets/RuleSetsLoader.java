package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.ui.common.DialogService;
import dev.pceworkbench.workspace.NotConnectedException;
import dev.pceworkbench.workspace.PolicyWorkspace;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs the two background steps of loading the rulesets view and publishes their state (busy,
 * loaded, workload names ready, status line, progress): first the rule sets with everything the
 * table needs ({@link RuleSetsLoad#run}), handed to {@code onLoaded} as soon as they arrive, then the
 * workloads that name workload actors ({@link RuleSetsLoad#workloadNames}), handed to
 * {@code onNames}. A new load cancels both steps of the previous one; a result that is not the
 * newest load's is dropped.
 */
final class RuleSetsLoader {
    private final PolicyWorkspace workspace;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Consumer<RuleSetsLoad.Result> onLoaded;
    private final Consumer<ActorNames> onNames;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper workloadNamesReady = new ReadOnlyBooleanWrapper(this, "workloadNamesReady");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private BackgroundTask<RuleSetsLoad.Result> loadTask;
    private BackgroundTask<ActorNames> namesTask;
    /** Counts loads: a task's result is shown only while its load is the newest. */
    private long generation;
    /** The names the newest load produced (the workload step adds to exactly these). */
    private ActorNames shownNames;

    RuleSetsLoader(PolicyWorkspace workspace, TaskExecutor executor, DialogService dialogs,
                   Consumer<RuleSetsLoad.Result> onLoaded, Consumer<ActorNames> onNames) {
        this.workspace = Objects.requireNonNull(workspace);
        this.executor = Objects.requireNonNull(executor);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.onLoaded = Objects.requireNonNull(onLoaded);
        this.onNames = Objects.requireNonNull(onNames);
    }

    /** Loads the rule sets of {@code version}, cancelling the previous load's steps. */
    void load(String version) {
        if (loadTask != null) {
            loadTask.cancel();
        }
        if (namesTask != null) {
            namesTask.cancel();
            namesTask = null;
        }
        long load = ++generation;
        BackgroundTask<RuleSetsLoad.Result> task = BackgroundTask.<RuleSetsLoad.Result>of("Loading rule sets (" + version + ")",
                        ctx -> RuleSetsLoad.run(workspace, version, ctx))
                .ownedBy(RuleSetsViewModel.FEATURE_ID)
                .onSuccess(r -> {
                    if (load == generation) {
                        loaded(r, load);
                    }
                })
                .onFailure(e -> {
                    // Not connected yet (start-up): the connection's arrival reloads; no dialog for that.
                    if (e instanceof NotConnectedException) {
                        status.unbind();
                        status.set(e.getMessage());
                    } else {
                        dialogs.showError("Could not load the rule sets of " + version, e);
                    }
                })
                .onCancelled(() -> {
                    if (load == generation) {
                        status.unbind();
                        progress.unbind();
                        status.set("Loading the rule sets of " + version + " was cancelled: Reload to try again");
                    }
                })
                .onFinished(() -> {
                    if (load == generation) {
                        loading.set(false);
                    }
                });
        loadTask = task;
        loading.set(true);
        status.bind(task.messageProperty());
        progress.bind(task.progressProperty());
        executor.execute(task);
    }

    private void loaded(RuleSetsLoad.Result r, long load) {
        status.unbind();
        progress.unbind();
        progress.set(1);
        shownNames = r.names();
        onLoaded.accept(r);
        loaded.set(true);
        String text = r.rows().size() + " rule sets, " + RuleFilter.count(r.ruleSets()) + " rules in " + r.version()
                + " (loaded in " + r.millis() + " ms)";
        status.set(text);
        workloadNamesReady.set(r.names().workloadsNamed());
        if (!r.names().workloadsNamed()) {
            loadWorkloadNames(r.names(), text, load);
        }
    }

    /** The second step: the workloads' hostnames for workload actors; the cells and pickers update. */
    private void loadWorkloadNames(ActorNames base, String loadedText, long load) {
        long t0 = System.nanoTime();
        BackgroundTask<ActorNames> task = BackgroundTask.<ActorNames>of("Loading workload names",
                        ctx -> RuleSetsLoad.workloadNames(workspace, base, ctx))
                .ownedBy(RuleSetsViewModel.FEATURE_ID)
                .onSuccess(n -> {
                    if (load == generation && shownNames == base) {
                        shownNames = n;
                        onNames.accept(n);
                        workloadNamesReady.set(true);
                        status.set(loadedText + "; workload names in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                    }
                })
                .onFailure(e -> dialogs.showError("Could not load the workloads that name workload actors", e));
        namesTask = task;
        status.set(loadedText + "; loading workload names…");
        executor.execute(task);
    }

    /** Cancels the running load (both steps); what was shown stays. */
    void cancel() {
        if (loadTask != null) {
            loadTask.cancel();
        }
        if (namesTask != null) {
            namesTask.cancel();
        }
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty workloadNamesReadyProperty() {
        return workloadNamesReady.getReadOnlyProperty();
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
