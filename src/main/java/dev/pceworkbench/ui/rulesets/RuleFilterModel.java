package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The rule filter's state: the query, the matching rules of every rule set and a status line. Each
 * change of the query cancels the running filter and starts a new one that first waits the
 * debounce delay (150 ms, in the background, so typing never waits) and then filters off the FX
 * thread; only the newest run's result is shown. The first run after a load builds the version's
 * {@link RuleTerms} (off the FX thread, once) and later runs reuse them; a reload drops them, so
 * they never keep an old version's rules alive.
 */
public final class RuleFilterModel {
    private final TaskExecutor executor;
    private final Supplier<List<RuleSet>> ruleSets;
    private final Supplier<ActorNames> names;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<RuleRow> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private volatile Duration delay = Duration.ofMillis(150);
    private BackgroundTask<List<RuleRow>> current;
    private RuleTerms terms;
    private long runs;

    RuleFilterModel(TaskExecutor executor, Supplier<List<RuleSet>> ruleSets, Supplier<ActorNames> names) {
        this.executor = executor;
        this.ruleSets = ruleSets;
        this.names = names;
        query.addListener((o, a, b) -> rerun());
    }

    void setDelay(Duration d) {
        this.delay = d;
    }

    /** Runs the filter again (after a reload); clears the results when the query is blank. */
    void rerun() {
        synchronized (this) {
            if (terms != null && !terms.isFor(ruleSets.get())) {
                terms = null;
            }
        }
        if (current != null) {
            current.cancel();
            current = null;
        }
        String q = query.get() == null ? "" : query.get().trim();
        if (q.isEmpty()) {
            results.clear();
            status.set("");
            running.set(false);
            return;
        }
        List<RuleSet> sets = ruleSets.get();
        ActorNames n = names.get();
        long wait = delay.toMillis();
        long run = ++runs;
        BackgroundTask<List<RuleRow>> task = BackgroundTask.<List<RuleRow>>of("Filtering rules", ctx -> {
                    if (wait > 0) {
                        // The debounce; the next keystroke's cancel wakes it, so no pool thread idles here.
                        ctx.token().sleep(Duration.ofMillis(wait), "Filtering rules");
                    }
                    ctx.token().throwIfCancelled("Filtering rules");
                    long t0 = System.nanoTime();
                    RuleTerms prepared = terms(sets, ctx.token());
                    long t1 = System.nanoTime();
                    List<RuleRow> found = RuleFilter.filter(prepared, n, q, ctx.token());
                    ctx.message(found.size() + " of " + prepared.size() + " rules match '" + q + "' ("
                            + (System.nanoTime() - t1) / 1_000_000 + " ms"
                            + (t1 - t0 > 1_000_000 ? ", prepared in " + (t1 - t0) / 1_000_000 + " ms" : "") + ")");
                    return found;
                })
                .ownedBy(RuleSetsViewModel.FEATURE_ID);
        task.onSuccess(found -> {
                    if (run == runs) {
                        results.setAll(found);
                        status.set(task.messageProperty().get());
                    }
                })
                .onFinished(() -> {
                    if (run == runs) {
                        running.set(false);
                    }
                });
        current = task;
        running.set(true);
        executor.execute(task);
    }

    /** The terms of {@code sets}, built by the first run that needs them (a cancelled build is not kept). */
    private synchronized RuleTerms terms(List<RuleSet> sets, CancellationToken token) {
        if (terms == null || !terms.isFor(sets)) {
            terms = RuleTerms.build(sets, token);
        }
        return terms;
    }

    /** The text to look for in descriptions, rule set names, actor and service names. */
    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<RuleRow> results() {
        return results;
    }

    /** "120 of 200000 rules match 'web' (35 ms)", or empty. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
