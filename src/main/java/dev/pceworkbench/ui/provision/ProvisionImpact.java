package dev.pceworkbench.ui.provision;

import dev.pceworkbench.pce.api.TrafficQueryBuilder;
import dev.pceworkbench.pce.model.TrafficFlow;
import dev.pceworkbench.policy.diff.ObjectChange;
import dev.pceworkbench.policy.impact.ImpactFlow;
import dev.pceworkbench.policy.impact.ImpactKind;
import dev.pceworkbench.policy.PolicyModel;
import dev.pceworkbench.policy.impact.ImpactReport;
import dev.pceworkbench.policy.impact.PartialProvision;
import dev.pceworkbench.policy.impact.TrafficImpact;
import dev.pceworkbench.policy.RuleSearchIndex;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.ui.common.DialogService;
import dev.pceworkbench.workspace.PolicyWorkspace;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * "Impact" of the Provision view: which observed flows of the last N days would change their
 * decision if the checked changes were provisioned. The flows come from an Explorer traffic query;
 * each is decided under the active policy and under the policy that provisioning the checked
 * changes would make ({@link PartialProvision}: the draft when every change is checked), and only
 * flows that a rule or boundary of the checked changes' diff could touch are decided in full. A new
 * selection drops the result, which was about the previous one.
 */
public final class ProvisionImpact {
    static final int MAX_DAYS = 90;

    private final ProvisionViewModel model;
    private final PolicyWorkspace workspace;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final StringProperty days = new SimpleStringProperty(this, "days", "7");
    private final StringBinding daysError;
    private final StringBinding blocked;
    private final ObservableList<ImpactRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper scope = new ReadOnlyStringWrapper(this, "scope",
            "Select changes and press Impact to see which observed flows they would allow or block.");
    private BackgroundTask<?> running;

    ProvisionImpact(ProvisionViewModel model, PolicyWorkspace workspace, TaskExecutor executor, DialogService dialogs) {
        this.model = model;
        this.workspace = Objects.requireNonNull(workspace);
        this.executor = Objects.requireNonNull(executor);
        this.dialogs = Objects.requireNonNull(dialogs);
        daysError = Bindings.createStringBinding(() -> validateDays(days.get()), days);
        var busy = model.progress().busy();
        var loading = model.loadingProperty();
        blocked = Bindings.createStringBinding(() -> busy.get() || loading.get() ? "Wait for the running task."
                : model.checked().isEmpty() ? "Select the changes whose impact on traffic to see."
                : daysError.get(), model.checked(), busy, loading, daysError);
    }

    /** "" when {@code text} is a whole number of days from 1 to {@value #MAX_DAYS}, else why not. */
    static String validateDays(String text) {
        String t = text == null ? "" : text.strip();
        try {
            int n = Integer.parseInt(t);
            if (n >= 1 && n <= MAX_DAYS) {
                return "";
            }
        } catch (NumberFormatException e) {
            // said below
        }
        return "Days: a whole number from 1 to " + MAX_DAYS + ".";
    }

    /** The selection changed: the impact found for the previous one no longer applies. */
    void selectionChanged() {
        if (running != null) {
            running.cancel();
        }
        clear();
    }

    /** Drops the result (after a new selection, a provision or a revert). */
    void clear() {
        rows.clear();
        summary.set("");
    }

    private record Found(int flows, ImpactReport report) {
    }

    /** Queries the traffic of the last N days and lists the flows whose decision the checked changes change. */
    public void run() {
        String why = blocked.get();
        if (!why.isEmpty()) {
            model.status(why);
            return;
        }
        int n = Integer.parseInt(days.get().strip());
        List<PendingRow> selection = List.copyOf(model.checked());
        List<ObjectChange> changes = model.changesOf(selection);
        boolean everything = selection.size() == model.rows().size();
        java.util.Set<String> hrefs = selection.stream().map(PendingRow::href).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
        clear();
        String what = "The " + ProvisionActions.count(selection.size()) + " checked: flows of the last " + n
                + (n == 1 ? " day" : " days") + " that their " + changes.size() + (changes.size() == 1 ? " diff" : " diffs")
                + " could touch, decided under the active policy and under "
                + (everything ? "the draft." : "the active policy with only these changes provisioned.");
        scope.set(what);
        summary.set("Evaluating…");
        model.status("Evaluating the impact of " + ProvisionActions.count(selection.size()) + " on the last " + n + " days of traffic…");
        BackgroundTask<Found> task = BackgroundTask.of("Traffic impact of the selection", ctx -> {
            ctx.message("Querying the traffic of the last " + n + (n == 1 ? " day" : " days"));
            Instant now = Instant.now();
            List<TrafficFlow> traffic = workspace.client().traffic().run(TrafficQueryBuilder.named("Provision impact")
                    .between(now.minus(Duration.ofDays(n)), now)
                    .maxResults(TrafficQueryBuilder.MAX_RESULTS_LIMIT).build(), ctx.token(), ctx.pceProgress());
            ctx.message("Loading the active policy and the draft");
            RuleSearchIndex active = workspace.index("active", ctx.token(), ctx.pceProgress());
            RuleSearchIndex draft = workspace.index("draft", ctx.token(), ctx.pceProgress());
            if (!everything) {
                // The policy after provisioning only the selection: an unselected change moves no decision.
                ctx.message("Compiling the active policy with the selected changes");
                draft = RuleSearchIndex.build(PolicyModel.build(
                        PartialProvision.of(active.model().data(), draft.model().data(), hrefs)));
            }
            List<ImpactFlow> flows = TrafficImpact.flows(traffic);
            ctx.message("Evaluating " + flows.size() + " flows");
            ctx.token().throwIfCancelled("Traffic impact");
            ImpactReport r = TrafficImpact.evaluate(flows, active, draft, changes, ctx.token()::isCancelled,
                    ctx::progress);
            return new Found(flows.size(), r);
        });
        running = task; // a new selection cancels it (cancelling a finished task does nothing)
        executor.execute(model.progress().track(task).ownedBy(ProvisionViewModel.FEATURE_ID)
                .onSuccess(f -> show(f.report()))
                .onCancelled(() -> {
                    summary.set("");
                    model.status("Impact cancelled.");
                })
                .onFailure(e -> {
                    summary.set("");
                    model.status("The impact could not be evaluated: " + ProvisionViewModel.message(e));
                    dialogs.showError("Could not evaluate the impact", ProvisionViewModel.message(e), e.getMessage());
                }));
    }

    private void show(ImpactReport r) {
        rows.setAll(r.groups().stream().map(ImpactRow::of).toList());
        summary.set(summaryOf(r) + " (" + r.flows() + " flows read, " + r.checkedFlows() + " of "
                + r.distinctFlows() + " distinct checked in full)");
        model.status(summaryOf(r) + ".");
        dialogs.notify("Impact: " + summaryOf(r));
    }

    /** "3 flows change: 2 newly blocked, 1 newly allowed", or "No flow changes its decision". */
    static String summaryOf(ImpactReport r) {
        if (r.isEmpty()) {
            return "No flow changes its decision";
        }
        List<String> parts = new ArrayList<>();
        for (ImpactKind k : ImpactKind.values()) {
            int c = r.count(k);
            if (c > 0) {
                parts.add(c + " " + k.text().toLowerCase(java.util.Locale.ROOT));
            }
        }
        int n = r.changed().size();
        return n + (n == 1 ? " flow changes: " : " flows change: ") + String.join(", ", parts);
    }

    /** The number of days of traffic to read (1 to {@value #MAX_DAYS}). */
    public StringProperty daysProperty() {
        return days;
    }

    /** Why the days are invalid ("" when valid). */
    public StringBinding daysErrorProperty() {
        return daysError;
    }

    /** Why Impact is off ("" while it is on). */
    public StringBinding blockedProperty() {
        return blocked;
    }

    /** The changed flows, grouped. */
    public ObservableList<ImpactRow> rows() {
        return rows;
    }

    /** "N flows change: …" or "No flow changes its decision"; "" before a run. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What is evaluated: which changes, over how many days, decided how. */
    public ReadOnlyStringProperty scopeProperty() {
        return scope.getReadOnlyProperty();
    }
}
