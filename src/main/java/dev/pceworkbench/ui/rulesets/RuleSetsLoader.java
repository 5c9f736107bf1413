package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.workspace.NotConnectedException;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Runs the two background steps of loading the rulesets view and keeps their state (busy, loaded,
 * workload names ready, status line, progress): first the rule sets with everything the table needs
 * ({@link RuleSetsLoad#run}), handed to the view model as soon as they arrive, then the workloads
 * that name workload actors ({@link RuleSetsLoad#workloadNames}). A new load cancels both steps of
 * the previous one; a result that is not the newest one's is dropped.
 */
final class RuleSetsLoader {
    private final RuleSetsViewModel vm;
    final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    final ReadOnlyBooleanWrapper workloadNamesReady = new ReadOnlyBooleanWrapper(this, "workloadNamesReady");
    final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private BackgroundTask<RuleSetsLoad.Result> loadTask;
    private BackgroundTask<ActorNames> namesTask;

    RuleSetsLoader(RuleSetsViewModel vm) {
        this.vm = vm;
    }

    void load(String version) {
        if (loadTask != null) {
            loadTask.cancel();
        }
        if (namesTask != null) {
            namesTask.cancel();
            namesTask = null;
        }
        Object[] currentTask = new Object[1];
        BackgroundTask<RuleSetsLoad.Result> task = BackgroundTask.<RuleSetsLoad.Result>of("Loading rule sets (" + version + ")",
                        ctx -> RuleSetsLoad.run(vm.workspace, version, ctx))
                .ownedBy(RuleSetsViewModel.FEATURE_ID)
                .onSuccess(r -> {
                    if (loadTask == currentTask[0] && r.version().equals(vm.versionProperty().get())) {
                        loaded(r);
                    }
                })
                .onFailure(e -> {
                    // Not connected yet (start-up): the connection's arrival reloads; no dialog for that.
                    if (e instanceof NotConnectedException) {
                        status.unbind();
                        status.set(e.getMessage());
                    } else {
                        vm.dialogs.showError("Could not load the rule sets of " + version, e);
                    }
                })
                .onFinished(() -> loading.set(false));
        loadTask = task;
        currentTask[0] = task;
        loading.set(true);
        status.bind(task.messageProperty());
        progress.bind(task.progressProperty());
        vm.executor.execute(task);
    }

    private void loaded(RuleSetsLoad.Result r) {
        status.unbind();
        progress.unbind();
        progress.set(1);
        vm.show(r);
        loaded.set(true);
        String text = r.rows().size() + " rule sets, " + RuleFilter.count(r.ruleSets()) + " rules in " + r.version()
                + " (loaded in " + r.millis() + " ms)";
        status.set(text);
        workloadNamesReady.set(r.names().workloadsNamed());
        if (!r.names().workloadsNamed()) {
            loadWorkloadNames(r.names(), text);
        }
    }

    /** The second step: the workloads' hostnames for workload actors; the cells and pickers update. */
    private void loadWorkloadNames(ActorNames base, String loadedText) {
        long t0 = System.nanoTime();
        Object[] currentTask = new Object[1];
        BackgroundTask<ActorNames> task = BackgroundTask.<ActorNames>of("Loading workload names",
                        ctx -> RuleSetsLoad.workloadNames(vm.workspace, base, ctx))
                .ownedBy(RuleSetsViewModel.FEATURE_ID)
                .onSuccess(n -> {
                    if (namesTask == currentTask[0] && vm.names() == base) {
                        vm.namesArrived(n);
                        workloadNamesReady.set(true);
                        status.set(loadedText + "; workload names in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                    }
                })
                .onFailure(e -> vm.dialogs.showError("Could not load the workloads that name workload actors", e));
        namesTask = task;
        currentTask[0] = task;
        status.set(loadedText + "; loading workload names…");
        vm.executor.execute(task);
    }
}
