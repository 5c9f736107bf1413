package dev.pceworkbench.ui.connections;

import dev.pceworkbench.pce.ConnectionCheck;
import dev.pceworkbench.pce.ConnectionDiagnosis;
import dev.pceworkbench.pce.ConnectionDiagnosis.Status;
import dev.pceworkbench.pce.ConnectionDiagnosis.Step;
import dev.pceworkbench.pce.ConnectionDiagnosis.StepName;
import dev.pceworkbench.pce.ConnectionSettings;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The "check connection" part of the connections view: runs a {@link ConnectionCheck} as a
 * cancellable {@link BackgroundTask} and shows its steps as they complete, one row per step
 * (pending, running, then OK / warning / failed / skipped, or cancelled). The overall state and a
 * one-line summary say how the check ended.
 */
public final class ConnectionCheckViewModel {
    /** How the last check stands. */
    public enum State { IDLE, RUNNING, SUCCEEDED, FAILED, CANCELLED }

    private final TaskExecutor executor;
    private final Supplier<ConnectionCheck> checks;
    private final ObservableList<CheckStepRow> steps = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<ConnectionDiagnosis> diagnosis = new ReadOnlyObjectWrapper<>(this, "diagnosis");
    // Volatile: cancel() may come from another thread than the one that started the check.
    private volatile BackgroundTask<ConnectionDiagnosis> current;

    public ConnectionCheckViewModel(TaskExecutor executor, Supplier<ConnectionCheck> checks) {
        this.executor = executor;
        this.checks = checks;
    }

    /**
     * Starts a check of the settings {@code settings} produces; that supplier runs in the
     * background (it may start the embedded demo PCE), and what it throws is shown as a failed
     * settings step. A check still running is cancelled first.
     */
    public BackgroundTask<ConnectionDiagnosis> run(String profileName, Supplier<ConnectionSettings> settings) {
        clear();
        steps.setAll(pendingRows());
        steps.set(0, steps.get(0).withStatus(CheckStepRow.Status.RUNNING, "Checking…"));
        diagnosis.set(null);
        state.set(State.RUNNING);
        summary.set("Checking the connection to '" + profileName + "'…");
        running.set(true);
        // Steps complete on a worker thread; they travel to the UI thread through the task's message,
        // which every executor delivers there, and are drained from this queue in order.
        Queue<Step> arrived = new ConcurrentLinkedQueue<>();
        ConnectionCheck check = checks.get();
        BackgroundTask<ConnectionDiagnosis> task = BackgroundTask.of("Checking connection '" + profileName + "'", ctx -> {
            AtomicInteger done = new AtomicInteger();
            Consumer<Step> onStep = step -> {
                arrived.add(step);
                ctx.progress(done.incrementAndGet(), StepName.values().length);
                ctx.message(step.name().label() + ": " + step.status());
            };
            ConnectionSettings s;
            try {
                s = settings.get();
            } catch (RuntimeException e) {
                return unusableSettings(e, onStep);
            }
            return check.run(s, ctx.token(), onStep);
        }).ownedBy("connections");
        // A check replaced by a newer one (or cleared) must not write into the newer one's rows.
        task.messageProperty().addListener((o, a, b) -> {
            if (current == task) {
                drain(arrived);
            }
        });
        task.onSuccess(d -> {
            if (current == task) {
                drain(arrived);
                diagnosis.set(d);
                state.set(d.ok() ? State.SUCCEEDED : State.FAILED);
                summary.set(d.summary());
            }
        }).onCancelled(() -> {
            if (current == task) {
                drain(arrived);
                steps.replaceAll(r -> r.status() == CheckStepRow.Status.OK || r.status() == CheckStepRow.Status.WARNING ? r
                        : r.withStatus(CheckStepRow.Status.CANCELLED, "Cancelled"));
                state.set(State.CANCELLED);
                summary.set("The connection check was cancelled");
            }
        }).onFailure(t -> {
            if (current == task) {
                drain(arrived);
                state.set(State.FAILED);
                summary.set("The check could not run: " + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()));
            }
        }).onFinished(() -> {
            if (current == task) {
                running.set(false);
                current = null;
            }
        });
        // Set before executing: a synchronous executor finishes inside execute().
        current = task;
        return executor.execute(task);
    }

    /** Cancels the running check (its socket or HTTP call is closed); the check then shows as cancelled. */
    public void cancel() {
        BackgroundTask<ConnectionDiagnosis> t = current;
        if (t != null) {
            t.cancel();
        }
    }

    /** Forgets the last check (another profile was chosen). */
    public void clear() {
        cancel();
        current = null;
        running.set(false);
        steps.clear();
        diagnosis.set(null);
        state.set(State.IDLE);
        summary.set("");
    }

    /** Reports that the form must be fixed before a check can run. */
    void refuse(String reason) {
        clear();
        summary.set(reason);
    }

    private void drain(Queue<Step> arrived) {
        for (Step s = arrived.poll(); s != null; s = arrived.poll()) {
            int i = s.name().ordinal();
            steps.set(i, CheckStepRow.of(s));
            if (i + 1 < steps.size() && steps.get(i + 1).status() == CheckStepRow.Status.PENDING
                    && s.status() != Status.FAILED && state.get() == State.RUNNING) {
                steps.set(i + 1, steps.get(i + 1).withStatus(CheckStepRow.Status.RUNNING, "Checking…"));
            }
        }
    }

    private static List<CheckStepRow> pendingRows() {
        List<CheckStepRow> rows = new ArrayList<>();
        for (StepName n : StepName.values()) {
            rows.add(CheckStepRow.pending(n));
        }
        return rows;
    }

    /** The diagnosis of settings that could not even be built: the settings step failed, the rest skipped. */
    private static ConnectionDiagnosis unusableSettings(RuntimeException e, Consumer<Step> onStep) {
        List<Step> out = new ArrayList<>();
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        out.add(new Step(StepName.SETTINGS, Status.FAILED, message, List.of("Error: " + e.getClass().getSimpleName()), Duration.ZERO));
        for (StepName n : StepName.values()) {
            if (n != StepName.SETTINGS) {
                out.add(new Step(n, Status.SKIPPED, "Skipped: " + StepName.SETTINGS.label() + " failed", List.of(), Duration.ZERO));
            }
        }
        out.forEach(onStep);
        return new ConnectionDiagnosis(out, null, null, false, null, false);
    }

    public ObservableList<CheckStepRow> steps() {
        return steps;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    /** One line: how the check ended (the first failure, or the PCE version), or that it runs. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The last finished check's diagnosis (null while running, after a cancel, or before any check). */
    public ReadOnlyObjectProperty<ConnectionDiagnosis> diagnosisProperty() {
        return diagnosis.getReadOnlyProperty();
    }
}
