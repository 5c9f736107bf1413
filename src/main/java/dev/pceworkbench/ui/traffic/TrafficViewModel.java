package dev.pceworkbench.ui.traffic;

import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.pce.model.TrafficFlow;
import dev.pceworkbench.policy.impact.Decision;
import dev.pceworkbench.policy.traffic.FlowDecisions;
import dev.pceworkbench.policy.traffic.RuleProposal;
import dev.pceworkbench.workspace.TrafficExplorer;
import dev.pceworkbench.pce.model.TrafficQuery;
import dev.pceworkbench.pce.model.TrafficQueryRequest;
import dev.pceworkbench.policy.PolicyData;
import dev.pceworkbench.policy.RuleSearchIndex;
import dev.pceworkbench.policy.names.NameLookup;
import dev.pceworkbench.policy.names.ObjectNames;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.TaskContext;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.ui.common.DialogService;
import dev.pceworkbench.ui.common.FeatureModel;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.ui.common.policy.ActorChoicesLoader;
import dev.pceworkbench.ui.common.policy.ActorOptions;
import dev.pceworkbench.ui.common.policy.TaskProgress;
import dev.pceworkbench.workspace.PolicyWorkspace;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The Traffic explorer: the query builder ({@link QueryForm}), the query run as a background task
 * through the PCE's states (queued, working, downloading, naming the flows) with cancel (which also
 * cancels on the PCE), the PCE's earlier queries (a completed one opens without re-running), the last
 * ten queries of this session, the results as light rows ({@link FlowRow}) with a text filter and a
 * filter from a chart or summary ({@link RowFilter}, said above the table, cleared with one click),
 * the charts' data ({@link TrafficCharts}), the selected flow's details, and exports (CSV, JSON).
 * Results belong to the query that made them: a change of the form marks them stale.
 */
public final class TrafficViewModel implements FeatureModel {
    public static final String FEATURE_ID = "traffic";
    static final int RECENT = 10;

    /** A query run in this session, to run again from the last-ten list. */
    public record RecentQuery(String description, TrafficQueryRequest request, TimePreset preset) {
        @Override
        public String toString() {
            return description;
        }
    }

    /** What a finished run hands back to the FX thread. */
    record Outcome(TrafficExplorer.Result result, List<FlowRow> rows, Decision[] local, TrafficCharts charts,
                   NameLookup names) {
    }

    private final PolicyWorkspace workspace;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Navigator navigator;
    private final Clock clock;

    private final QueryForm form = new QueryForm();
    private final ObservableList<FlowRow> rows = FXCollections.observableArrayList();
    private final FilteredList<FlowRow> shown = new FilteredList<>(rows);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ReadOnlyObjectWrapper<RowFilter> rowFilter = new ReadOnlyObjectWrapper<>(this, "rowFilter");
    private final ReadOnlyObjectWrapper<TrafficCharts> charts = new ReadOnlyObjectWrapper<>(this, "charts", TrafficCharts.EMPTY);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Build a query and press Run: the PCE answers with up to 200,000 flows.");
    private final ReadOnlyStringWrapper choicesStatus = new ReadOnlyStringWrapper(this, "choicesStatus", "");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyBooleanWrapper limitReached = new ReadOnlyBooleanWrapper(this, "limitReached");
    private final ReadOnlyObjectWrapper<TrafficQueryRequest> lastRequest = new ReadOnlyObjectWrapper<>(this, "lastRequest");
    private final ObjectProperty<FlowRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ObservableList<RecentQuery> recent = FXCollections.observableArrayList();
    private final ObservableList<TrafficQuery> pceQueries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper pceQueriesStatus = new ReadOnlyStringWrapper(this, "pceQueriesStatus", "");
    private final Map<FlowColumn, BooleanProperty> columnVisible = new EnumMap<>(FlowColumn.class);
    private final TaskProgress progress = new TaskProgress();
    private final BooleanBinding hasResults = Bindings.isNotEmpty(rows);
    private final ActorChoicesLoader choices;
    private final TrafficExplorer explorer;
    private final ReadOnlyObjectWrapper<FlowDecisions.Comparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    static final String DRAFT_TEXT = "Draft decisions: the engine's, on the draft policy.";
    private final ReadOnlyStringWrapper draftStatus = new ReadOnlyStringWrapper(this, "draftStatus", DRAFT_TEXT);
    private final SummaryModel summaries = new SummaryModel(this);
    private BiConsumer<String, SecRule> ruleEditor = (h, r) -> { };
    private TrafficExplorer.Result result;
    private Decision[] local;
    private String lastKey;
    private NameLookup names = ObjectNames.EMPTY;

    public TrafficViewModel(PolicyWorkspace workspace, TaskExecutor executor, DialogService dialogs, Navigator navigator) {
        this(workspace, new TrafficExplorer(workspace), executor, dialogs, navigator, Clock.systemUTC());
    }

    TrafficViewModel(PolicyWorkspace workspace, TrafficExplorer explorer, TaskExecutor executor, DialogService dialogs,
                     Navigator navigator, Clock clock) {
        this.workspace = workspace;
        this.explorer = explorer;
        this.executor = executor;
        this.dialogs = dialogs;
        this.navigator = navigator;
        this.clock = clock;
        for (FlowColumn c : FlowColumn.values()) {
            columnVisible.put(c, new SimpleBooleanProperty(this, "column" + c, c.shownByDefault()));
        }
        filterText.addListener((o, a, b) -> refilter());
        rowFilter.addListener((o, a, b) -> refilter());
        selected.addListener((o, a, b) -> details.set(b == null ? "" : FlowDetails.text(b)));
        form.onChange(this::formChanged);
        choices = new ActorChoicesLoader(workspace, executor, this::choicesTask, this::policyChanged);
    }

    private void formChanged() {
        if (lastKey != null) {
            stale.set(!form.key().equals(lastKey));
        }
    }

    private void policyChanged() {
        form.setOptions(ActorOptions.EMPTY);
        // A saved rule changes the draft: the engine's draft decisions of the flows on screen follow.
        if (result != null) {
            computeDraft();
        }
    }

    // ---- lifecycle -------------------------------------------------------------------------------

    @Override
    public void onShown() {
        choices.onShown();
    }

    @Override
    public void reload() {
        choices.reload();
    }

    private BackgroundTask<ActorOptions> choicesTask() {
        choicesStatus.set("Loading labels, label groups, workloads and IP lists for the pickers…");
        return BackgroundTask.of("Loading traffic filter choices", ctx -> {
            RuleSearchIndex ix = workspace.index("draft", ctx.token(), ctx.pceProgress());
            return ActorOptions.actors(ix.model().data(), workspace.labelDimensions(ctx.token(), ctx.pceProgress()));
        }).ownedBy(FEATURE_ID).onSuccess(o -> {
            form.setOptions(o);
            choicesStatus.set("");
        }).onCancelled(() -> choicesStatus.set("")).onFailure(ActorChoicesLoader.failure(dialogs, choicesStatus::set,
                "Could not load the labels and workloads: type IP addresses, or reload.",
                "Could not load the labels and workloads for the traffic filters"));
    }

    // ---- running ---------------------------------------------------------------------------------

    /** Checks the form and runs the query; a wrong field keeps its reason and nothing runs. */
    public void run() {
        Optional<TrafficQueryRequest> req = form.validate(clock.instant());
        if (req.isEmpty()) {
            status.set("The query has errors: see the fields marked in red.");
            return;
        }
        remember(new RecentQuery(form.describe(), req.get(), form.presetProperty().get()));
        start("Traffic query", form.key(), ctx -> explorer.run(req.get(), ctx));
    }

    /** Runs the last query again over smaller time windows until every flow is in (merged, without duplicates). */
    public void getEveryFlow() {
        TrafficExplorer.Result last = result;
        if (last == null || last.request() == null) {
            return;
        }
        start("Traffic query, every flow (split by time)", lastKey, ctx -> explorer.runSplit(last.request(), ctx));
    }

    private interface Fetch {
        TrafficExplorer.Result fetch(TaskContext ctx) throws Exception;
    }

    private void start(String title, String key, Fetch fetch) {
        cancel();
        status.set("Running: " + form.describe());
        executor.execute(progress.track(BackgroundTask.of(title, ctx -> {
            TrafficExplorer.Result r = fetch.fetch(ctx);
            ctx.message(String.format(Locale.US, "Parsing %,d flows: naming their workloads and labels", r.flows().size()));
            NameLookup lookup = names(ctx);
            Decision[] local = explorer.localDecisions(r.flows(), "draft", ctx);
            List<FlowRow> built = new FlowRows(lookup).rows(r.flows(), ctx::isCancelled);
            applyDraft(built, local);
            ctx.token().throwIfCancelled("Traffic query");
            return new Outcome(r, built, local, TrafficCharts.of(built), lookup);
        })).ownedBy(FEATURE_ID).onSuccess(out -> show(out, key)).onCancelled(() -> status.set(
                "Query cancelled (also on the PCE)." + (rows.isEmpty() ? "" : " The table still shows the previous results.")))
                .onFailure(e -> {
                    status.set("The query failed: " + e.getMessage());
                    dialogs.showError("Traffic query failed", e);
                }));
    }

    static void applyDraft(List<FlowRow> rows, Decision[] local) {
        for (FlowRow r : rows) {
            r.setDraft(local == null ? null : local[r.index()].word());
        }
    }

    private NameLookup names(TaskContext ctx) {
        PolicyData d = workspace.index("draft", ctx.token(), ctx.pceProgress()).model().data();
        return new ObjectNames(d.labels(), d.labelGroups(), d.ipLists(), d.virtualServices(), d.services())
                .withWorkloads(d.workloads());
    }

    private void show(Outcome out, String key) {
        TrafficExplorer.Result r = out.result();
        selected.set(null);
        rowFilter.set(null);
        comparison.set(null);
        draftStatus.set(DRAFT_TEXT);
        result = r;
        local = out.local();
        rows.setAll(out.rows());
        names = out.names();
        charts.set(out.charts());
        lastRequest.set(r.request());
        lastKey = key;
        stale.set(key != null && !key.equals(form.key()));
        limitReached.set(r.limitReached());
        status.set(String.format(Locale.US, "%,d flows", out.rows().size())
                + (r.split() ? String.format(Locale.US, " from %,d time windows, without duplicates", r.queries().size()) : "")
                + (r.limitReached() ? " (the limit: there may be more)" : "")
                + (r.request() == null ? "" : ": " + r.request().startDate() + " to " + r.request().endDate())
                + (r.notes().isEmpty() ? "" : ". " + String.join("; ", r.notes())));
        summaries.resultsChanged();
        dialogs.notify("Traffic: " + String.format(Locale.US, "%,d flows", out.rows().size()));
    }

    /** Cancels the running query (the PCE is asked to cancel it too) or export. */
    public void cancel() {
        progress.cancel();
    }

    private void remember(RecentQuery q) {
        recent.removeIf(r -> r.description().equals(q.description()));
        recent.add(0, q);
        if (recent.size() > RECENT) {
            recent.remove(RECENT, recent.size());
        }
    }

    /** Puts a recent query back into the form (a preset range stays relative to now). */
    public void loadRecent(RecentQuery q) {
        if (q == null) {
            return;
        }
        form.load(q.request(), names);
        if (q.preset() != TimePreset.CUSTOM) {
            form.presetProperty().set(q.preset());
        }
    }

    // ---- the PCE's earlier queries ----------------------------------------------------------------

    /** Lists the PCE's traffic queries (newest first). */
    public void loadPceQueries() {
        pceQueriesStatus.set("Asking the PCE for its traffic queries…");
        executor.execute(BackgroundTask.of("Listing the PCE's traffic queries", ctx -> explorer.earlierQueries(ctx.token()))
                .ownedBy(FEATURE_ID).onSuccess(list -> {
                    pceQueries.setAll(list);
                    pceQueriesStatus.set(list.isEmpty() ? "The PCE has no traffic queries."
                            : list.size() + " queries on the PCE");
                }).onCancelled(() -> pceQueriesStatus.set("")).onFailure(e -> {
                    pceQueriesStatus.set("Could not list the PCE's queries.");
                    dialogs.showError("Could not list the PCE's traffic queries", e);
                }));
    }

    /** Opens a query of the PCE: its flows are downloaded (after it completes), the query is not run again. */
    public void openPceQuery(TrafficQuery q) {
        if (q == null) {
            return;
        }
        if (q.failed()) {
            dialogs.notify("That query failed on the PCE" + (q.errorMessage() == null ? "." : ": " + q.errorMessage()));
            return;
        }
        if (q.queryParameters() != null) {
            form.load(q.queryParameters(), names);
        }
        start("Opening traffic query", q.queryParameters() == null ? null : form.key(), ctx -> explorer.open(q, ctx));
    }

    /** One line for an earlier query in the list. */
    public static String describe(TrafficQuery q) {
        String n = q.flowsCount() == null ? "" : String.format(Locale.US, ", %,d flows", q.flowsCount());
        String name = q.queryParameters() == null || q.queryParameters().queryName() == null ? "query"
                : q.queryParameters().queryName();
        return name + " (" + q.status() + n + ") " + (q.createdAt() == null ? "" : q.createdAt());
    }

    // ---- draft decisions and rules from flows ---------------------------------------------------

    /** The engine's draft decisions of the flows on screen again (after the draft changed). */
    public void computeDraft() {
        TrafficExplorer.Result r = result;
        List<FlowRow> current = List.copyOf(rows);
        if (r == null) {
            return;
        }
        executor.execute(BackgroundTask.of("Draft decisions of the flows (engine)", ctx ->
                explorer.localDecisions(r.flows(), "draft", ctx)).ownedBy(FEATURE_ID).onSuccess(d -> {
            if (result != r) {
                return;
            }
            local = d;
            applyDraft(current, d);
            comparison.set(null);
            draftStatus.set("Draft decisions recomputed by the engine after the draft policy changed.");
            refreshRows();
        }).onFailure(e -> dialogs.showError("Could not work out the draft decisions", e)));
    }

    /** Redraws the rows after their draft decisions changed (a list change the table and summaries see). */
    private void refreshRows() {
        List<FlowRow> copy = List.copyOf(rows);
        RowFilter f = rowFilter.get();
        rows.setAll(copy);
        rowFilter.set(null);
        rowFilter.set(f);
        summaries.resultsChanged();
    }

    /** Asks the PCE for its draft decisions ({@code update_rules}) and compares them with the engine's. */
    public void askPce() {
        TrafficExplorer.Result r = result;
        if (r == null) {
            return;
        }
        draftStatus.set("Asking the PCE for its draft decisions…");
        executor.execute(progress.track(BackgroundTask.of("Draft decisions from the PCE (update_rules)", ctx -> {
            TrafficExplorer.DraftComparison c = explorer.pceDraftDecisions(r, ctx);
            List<FlowRow> built = new FlowRows(names).rows(c.flows(), ctx::isCancelled);
            applyDraft(built, c.local());
            return new Object[]{c, built};
        })).ownedBy(FEATURE_ID).onSuccess(o -> {
            TrafficExplorer.DraftComparison c = (TrafficExplorer.DraftComparison) o[0];
            @SuppressWarnings("unchecked") List<FlowRow> built = (List<FlowRow>) o[1];
            result = new TrafficExplorer.Result(r.request(), r.queries(), c.flows(), r.limitReached(), r.split(), r.notes());
            local = c.local();
            rowFilter.set(null);
            rows.setAll(built);
            comparison.set(c.comparison());
            draftStatus.set("PCE and engine: " + c.comparison().summary() + ".");
            summaries.resultsChanged();
        }).onCancelled(() -> draftStatus.set("Cancelled: the draft decisions are the engine's."))
                .onFailure(e -> {
                    draftStatus.set("The PCE could not give its draft decisions.");
                    dialogs.showError("Draft decisions from the PCE failed", e);
                }));
    }

    /** Keeps the flows where the PCE's draft decision and the engine's disagree. */
    public void showDisagreeing() {
        FlowDecisions.Comparison c = comparison.get();
        if (c == null) {
            return;
        }
        java.util.BitSet set = new java.util.BitSet();
        for (int i : c.disagreeing()) {
            set.set(i);
        }
        filterBy(new RowFilter(String.format(Locale.US, "the %,d flows whose draft decision the PCE and the engine "
                + "disagree on", c.disagree()), row -> set.get(row.index())));
    }

    /** Where "Propose rule" opens the rule editor: the rule set's href and the proposed rule. */
    public void openRuleEditorWith(BiConsumer<String, SecRule> editor) {
        this.ruleEditor = editor;
    }

    /** Proposes a rule allowing the flows of {@code selection} and opens it, prefilled, in the rule editor (draft). */
    public void proposeRule(List<FlowRow> selection) {
        List<TrafficFlow> flows = selection.stream().map(FlowRow::flow).toList();
        if (flows.isEmpty()) {
            dialogs.notify("Select flows (or summary rows) first: the rule is proposed from them.");
            return;
        }
        NameLookup lookup = names;
        executor.execute(progress.track(BackgroundTask.of("Proposing a rule from " + flows.size() + " flows", ctx ->
                RuleProposal.propose(flows, workspace.ruleSets("draft", ctx.token(), ctx.pceProgress()), lookup)))
                .ownedBy(FEATURE_ID).onSuccess(this::openProposal)
                .onFailure(e -> dialogs.showError("Could not propose a rule", e)));
    }

    private void openProposal(RuleProposal p) {
        String notes = p.notes().isEmpty() ? "" : " Note: " + String.join("; ", p.notes()) + ".";
        if (p.ruleSet() != null) {
            dialogs.notify("Proposed rule opened in '" + p.ruleSet().name() + "' (draft): check and save it." + notes);
            ruleEditor.accept(p.ruleSet().href(), p.rule());
            return;
        }
        if (!dialogs.confirm("New rule set for the proposed rule", "No draft rule set has the scope "
                + dev.pceworkbench.policy.names.Names.scopeText(p.scopeNames()) + ". Create the rule set '"
                + p.newRuleSet().name() + "' in the draft, then open the proposed rule in it?" + notes, "Create rule set")) {
            return;
        }
        executor.execute(progress.track(BackgroundTask.of("Creating rule set " + p.newRuleSet().name(), ctx -> {
            return workspace.client().ruleSets().create(p.newRuleSet(), ctx.token()).href();
        })).ownedBy(FEATURE_ID).onSuccess(href -> {
            workspace.changed(PolicyWorkspace.RULE_SETS, "draft");
            dialogs.notify("Rule set '" + p.newRuleSet().name() + "' created in the draft; the proposed rule is open.");
            ruleEditor.accept(href, p.rule());
        }).onFailure(e -> dialogs.showError("The PCE refused the rule set", e)));
    }

    // ---- filters ----------------------------------------------------------------------------------

    private void refilter() {
        String t = filterText.get() == null ? "" : filterText.get().trim().toLowerCase(Locale.ROOT);
        RowFilter f = rowFilter.get();
        Predicate<FlowRow> text = t.isEmpty() ? r -> true : r -> matches(r, t);
        shown.setPredicate(f == null && t.isEmpty() ? null : r -> text.test(r) && (f == null || f.keeps().test(r)));
    }

    private static boolean matches(FlowRow r, String t) {
        for (FlowColumn c : FlowColumn.values()) {
            if (c.text(r).toLowerCase(Locale.ROOT).contains(t)) {
                return true;
            }
        }
        return false;
    }

    /** Keeps only the rows {@code f} keeps (a chart element, a summary row). */
    public void filterBy(RowFilter f) {
        rowFilter.set(f);
        if (f != null) {
            status.set(String.format(Locale.US, "Showing %,d of %,d flows: %s", shown.size(), rows.size(), f.description()));
        }
    }

    public void clearRowFilter() {
        rowFilter.set(null);
        status.set(String.format(Locale.US, "%,d flows", rows.size()));
    }

    // ---- export -----------------------------------------------------------------------------------

    public void exportCsv() {
        export("csv", TrafficExports::csv);
    }

    public void exportJson() {
        export("json", TrafficExports::json);
    }

    private interface Writer {
        void write(Path file, List<FlowRow> rows, dev.pceworkbench.pce.CancellationToken token) throws Exception;
    }

    private void export(String ext, Writer writer) {
        if (shown.isEmpty()) {
            dialogs.notify("Nothing to export: run a query first.");
            return;
        }
        List<FlowRow> list = List.copyOf(shown);
        var file = dialogs.chooseFileToSave(String.format(Locale.US, "Export %,d flows as %s", list.size(),
                ext.toUpperCase(Locale.ROOT)), "traffic." + ext, ext);
        if (file.isEmpty()) {
            return;
        }
        Path target = file.get();
        executor.execute(progress.track(BackgroundTask.of("Exporting " + list.size() + " flows", ctx -> {
            writer.write(target, list, ctx.token());
            return target;
        })).ownedBy(FEATURE_ID).onSuccess(p -> dialogs.notify(String.format(Locale.US, "Exported %,d flows to %s",
                list.size(), p))).onFailure(e -> dialogs.showError("Could not export the flows to " + target, e)));
    }

    void exportTable(String ext, String what, TrafficExports.Table table) {
        if (table.rows().isEmpty()) {
            dialogs.notify("Nothing to export.");
            return;
        }
        var file = dialogs.chooseFileToSave("Export the " + what + " as " + ext.toUpperCase(Locale.ROOT),
                "traffic-summary." + ext, ext);
        if (file.isEmpty()) {
            return;
        }
        Path target = file.get();
        executor.execute(progress.track(BackgroundTask.of("Exporting the " + what, ctx -> {
            if (ext.equals("csv")) {
                TrafficExports.csv(target, table, ctx.token());
            } else {
                TrafficExports.json(target, table, ctx.token());
            }
            return target;
        })).ownedBy(FEATURE_ID).onSuccess(p -> dialogs.notify("Exported the " + what + " to " + p))
                .onFailure(e -> dialogs.showError("Could not export the " + what + " to " + target, e)));
    }

    // ---- properties -------------------------------------------------------------------------------

    public QueryForm form() {
        return form;
    }

    /** Every row of the last results. */
    public ObservableList<FlowRow> rows() {
        return rows;
    }

    /** The rows the filters keep (the table's items, before sorting). */
    public FilteredList<FlowRow> shown() {
        return shown;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ReadOnlyObjectProperty<RowFilter> rowFilterProperty() {
        return rowFilter.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrafficCharts> chartsProperty() {
        return charts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty choicesStatusProperty() {
        return choicesStatus.getReadOnlyProperty();
    }

    /** Whether the form changed since the results were fetched. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public static final String STALE_TEXT = "These flows answer the previous query: the form has changed. "
            + "Press Run to update them.";

    /** Whether the last query returned exactly its max results (there may be more flows). */
    public ReadOnlyBooleanProperty limitReachedProperty() {
        return limitReached.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrafficQueryRequest> lastRequestProperty() {
        return lastRequest.getReadOnlyProperty();
    }

    public ObjectProperty<FlowRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ObservableList<RecentQuery> recent() {
        return recent;
    }

    public ObservableList<TrafficQuery> pceQueries() {
        return pceQueries;
    }

    public ReadOnlyStringProperty pceQueriesStatusProperty() {
        return pceQueriesStatus.getReadOnlyProperty();
    }

    public BooleanProperty columnVisibleProperty(FlowColumn c) {
        return columnVisible.get(c);
    }

    public TaskProgress progress() {
        return progress;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return progress.busy();
    }

    public BooleanBinding hasResultsProperty() {
        return hasResults;
    }

    public ReadOnlyObjectProperty<FlowDecisions.Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty draftStatusProperty() {
        return draftStatus.getReadOnlyProperty();
    }

    public SummaryModel summaries() {
        return summaries;
    }

    /** The flows of the last result (in download order; rows refer to them by index). */
    List<TrafficFlow> flows() {
        return result == null ? List.of() : result.flows();
    }

    /** The engine's draft decision per flow of {@link #flows()}, or null. */
    Decision[] localDecisions() {
        return local;
    }

    NameLookup names() {
        return names;
    }

    Navigator navigator() {
        return navigator;
    }

    TaskExecutor executor() {
        return executor;
    }

    DialogService dialogs() {
        return dialogs;
    }

    PolicyWorkspace workspace() {
        return workspace;
    }
}
