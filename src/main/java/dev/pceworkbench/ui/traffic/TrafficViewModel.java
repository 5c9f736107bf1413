package dev.pceworkbench.ui.traffic;

import dev.pceworkbench.connection.SavedTrafficQuery;
import dev.pceworkbench.connection.TrafficQueryStore;
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
import java.util.function.Supplier;

/**
 * The Traffic explorer: the query builder ({@link QueryForm}), the query run as a background task
 * through the PCE's states (queued, working, downloading, naming the flows) with cancel (which also
 * cancels on the PCE), the PCE's earlier queries (a completed one opens without re-running), the
 * saved queries and the last ten queries of the connection profile ({@link QueryLibrary}), the results as light rows ({@link FlowRow}) with a text filter and a
 * filter from a chart or summary ({@link RowFilter}, said above the table, cleared with one click),
 * the charts' data ({@link TrafficCharts}), the selected flow's details, and exports (CSV, JSON).
 * Results belong to the query that made them: a change of the form, or a new query running, marks
 * them stale; another PCE clears them.
 */
public final class TrafficViewModel implements FeatureModel {
    public static final String FEATURE_ID = "traffic";
    /** The query name the PCE is given for a query that was not loaded from a saved one. */
    static final String QUERY_NAME = "Workbench traffic query";

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
    private final ReadOnlyStringWrapper staleReason = new ReadOnlyStringWrapper(this, "staleReason", "");
    private final BooleanBinding stale = staleReason.isNotEmpty();
    private final ReadOnlyBooleanWrapper limitReached = new ReadOnlyBooleanWrapper(this, "limitReached");
    private final ReadOnlyObjectWrapper<TrafficQueryRequest> lastRequest = new ReadOnlyObjectWrapper<>(this, "lastRequest");
    private final ObjectProperty<FlowRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final QueryLibrary library;
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
    /** The saved query last loaded into the form, and the form's key then: its name goes to the PCE while the form is unchanged. */
    private String loadedName;
    private String loadedKey;

    /**
     * @param queries where saved and recent queries are kept
     * @param profile the connection profile in use (saved and recent queries are per profile), empty when not connected
     */
    public TrafficViewModel(PolicyWorkspace workspace, TaskExecutor executor, DialogService dialogs, Navigator navigator,
                            TrafficQueryStore queries, Supplier<Optional<QueryLibrary.Profile>> profile) {
        this(workspace, new TrafficExplorer(workspace), executor, dialogs, navigator, Clock.systemUTC(), queries, profile);
    }

    TrafficViewModel(PolicyWorkspace workspace, TrafficExplorer explorer, TaskExecutor executor, DialogService dialogs,
                     Navigator navigator, Clock clock, TrafficQueryStore queries,
                     Supplier<Optional<QueryLibrary.Profile>> profile) {
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
        library = new QueryLibrary(queries, profile, executor, dialogs, clock, new QueryLibrary.Host() {
            @Override
            public QueryForm form() {
                return form;
            }

            @Override
            public void loadIntoForm(SavedTrafficQuery q, Runnable then) {
                TrafficViewModel.this.loadIntoForm(q, then);
            }

            @Override
            public void run() {
                TrafficViewModel.this.run();
            }
        });
    }

    private void formChanged() {
        if (!progress.busy().get()) {
            markStale();
        }
    }

    /** The results on screen answer the form's query, or say why not. */
    private void markStale() {
        staleReason.set(lastKey == null || rows.isEmpty() || form.key().equals(lastKey) ? "" : STALE_TEXT);
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
        library.refresh(false);
    }

    /**
     * Another PCE (or none): the flows on screen were another PCE's and go; the saved and recent
     * queries are the new profile's. The form stays (its labels may not exist there: running says so).
     */
    public void connectionChanged() {
        cancel();
        result = null;
        local = null;
        lastKey = null;
        selected.set(null);
        rowFilter.set(null);
        comparison.set(null);
        rows.clear();
        charts.set(TrafficCharts.EMPTY);
        lastRequest.set(null);
        limitReached.set(false);
        staleReason.set("");
        draftStatus.set(DRAFT_TEXT);
        summaries.resultsChanged();
        status.set("Connected to another PCE: build a query and press Run.");
        library.refresh(false);
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
        String key = form.key();
        TrafficQueryRequest body = req.get().withQueryName(loadedName != null && key.equals(loadedKey) ? loadedName : QUERY_NAME);
        library.remember(body, form);
        start("Traffic query", key, ctx -> explorer.run(body, ctx));
    }

    /** Empties the form (its fields back to their defaults). */
    public void clearForm() {
        form.clear();
        loadedName = null;
        loadedKey = null;
    }

    /** Loads a kept query into the form once the names of its labels and workloads are known, then {@code then}. */
    private void loadIntoForm(SavedTrafficQuery q, Runnable then) {
        executor.execute(BackgroundTask.of("Loading the query " + q.name(), this::names).ownedBy(FEATURE_ID)
                .onSuccess(lookup -> {
                    boolean exact = form.load(q.query(), lookup, q.form(),
                            q.relativeRange() == null ? null : java.time.Duration.parse(q.relativeRange()));
                    boolean isSaved = library.saved().contains(q);
                    loadedName = isSaved ? q.name() : null;
                    loadedKey = isSaved ? form.key() : null;
                    then.run();
                    if (!exact) {
                        dialogs.notify("'" + q.name() + "' was loaded from its query body: the texts kept with it no "
                                + "longer matched it.");
                    }
                }).onFailure(e -> dialogs.showError("Could not load the query " + q.name(), e)));
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
        if (!rows.isEmpty()) {
            staleReason.set(RUNNING_TEXT);
        }
        executor.execute(progress.track(BackgroundTask.of(title, ctx -> {
            TrafficExplorer.Result r = fetch.fetch(ctx);
            ctx.message(String.format(Locale.US, "Parsing %,d flows: naming their workloads and labels", r.flows().size()));
            NameLookup lookup = names(ctx);
            Decision[] local = explorer.localDecisions(r.flows(), "draft", ctx);
            List<FlowRow> built = new FlowRows(lookup).rows(r.flows(), ctx::isCancelled);
            applyDraft(built, local);
            ctx.token().throwIfCancelled("Traffic query");
            return new Outcome(r, built, local, TrafficCharts.of(built), lookup);
        })).ownedBy(FEATURE_ID).onSuccess(out -> show(out, key)).onCancelled(() -> {
            markStale();
            status.set("Query cancelled (also on the PCE)." + (rows.isEmpty() ? "" : " The table still shows the previous results."));
        }).onFailure(e -> {
                    markStale();
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
        staleReason.set(key != null && !key.equals(form.key()) ? STALE_TEXT : "");
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

    /** The saved and recent queries of the connection profile. */
    public QueryLibrary queries() {
        return library;
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
        loadedName = null;
        loadedKey = null;
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

    /** Whether the flows on screen answer an earlier query than the form's (the form changed, or a new query runs). */
    public BooleanBinding staleProperty() {
        return stale;
    }

    /** Why the flows on screen are stale ("" when they are not). */
    public ReadOnlyStringProperty staleReasonProperty() {
        return staleReason.getReadOnlyProperty();
    }

    public static final String STALE_TEXT = "These flows answer the previous query: the form has changed. "
            + "Press Run to update them.";
    public static final String RUNNING_TEXT = "These flows answer the previous query: a new query is running.";

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

    /** The last ten queries run on this connection profile, newest first. */
    public ObservableList<SavedTrafficQuery> recent() {
        return library.recent();
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
