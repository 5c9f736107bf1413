package dev.pceworkbench.ui.traffic;

import dev.pceworkbench.pce.api.TrafficApi;
import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.pce.model.TrafficFlow;
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
    record Outcome(TrafficQueryRequest request, TrafficQuery query, List<FlowRow> rows, TrafficCharts charts,
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
    private String lastKey;
    private NameLookup names = ObjectNames.EMPTY;

    public TrafficViewModel(PolicyWorkspace workspace, TaskExecutor executor, DialogService dialogs, Navigator navigator) {
        this(workspace, executor, dialogs, navigator, Clock.systemUTC());
    }

    TrafficViewModel(PolicyWorkspace workspace, TaskExecutor executor, DialogService dialogs, Navigator navigator,
                     Clock clock) {
        this.workspace = workspace;
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
        String key = form.key();
        start("Traffic query", req.get(), key, ctx -> {
            TrafficApi api = workspace.client().traffic();
            ctx.message("Submitting the query");
            TrafficQuery q = api.submit(PceJson.mapper().valueToTree(req.get()), ctx.token());
            q = api.await(q, ctx.token(), p -> {
                ctx.progress(-1, -1);
                ctx.message("PCE: " + q(p.message()));
            });
            return download(api, q, ctx);
        });
    }

    private static String q(String m) {
        return m == null ? "" : m.replace("Traffic query ", "");
    }

    private List<TrafficFlow> download(TrafficApi api, TrafficQuery q, TaskContext ctx) {
        return api.download(q, ctx.token(), p -> {
            if (p.totalBytes() > 0) {
                ctx.progress(p.bytes(), p.totalBytes());
            }
            ctx.message(String.format(Locale.US, "Downloading %.1f MB", p.bytes() / 1_000_000.0));
        });
    }

    private interface Fetch {
        List<TrafficFlow> flows(TaskContext ctx) throws Exception;
    }

    private void start(String title, TrafficQueryRequest req, String key, Fetch fetch) {
        cancel();
        status.set("Running: " + form.describe());
        executor.execute(progress.track(BackgroundTask.of(title, ctx -> {
            List<TrafficFlow> flows = fetch.flows(ctx);
            ctx.message(String.format(Locale.US, "Parsing %,d flows", flows.size()));
            NameLookup lookup = names(ctx);
            List<FlowRow> built = new FlowRows(lookup).rows(flows, ctx::isCancelled);
            ctx.token().throwIfCancelled("Traffic query");
            return new Outcome(req, null, built, TrafficCharts.of(built), lookup);
        })).ownedBy(FEATURE_ID).onSuccess(out -> show(out, key)).onCancelled(() -> status.set(
                "Query cancelled (also on the PCE)." + (rows.isEmpty() ? "" : " The table still shows the previous results.")))
                .onFailure(e -> {
                    status.set("The query failed: " + e.getMessage());
                    dialogs.showError("Traffic query failed", e);
                }));
    }

    private NameLookup names(TaskContext ctx) {
        PolicyData d = workspace.index("draft", ctx.token(), ctx.pceProgress()).model().data();
        return new ObjectNames(d.labels(), d.labelGroups(), d.ipLists(), d.virtualServices(), d.services())
                .withWorkloads(d.workloads());
    }

    private void show(Outcome out, String key) {
        selected.set(null);
        rowFilter.set(null);
        rows.setAll(out.rows());
        names = out.names();
        charts.set(out.charts());
        lastRequest.set(out.request());
        lastKey = key;
        stale.set(key != null && !key.equals(form.key()));
        Integer max = out.request().maxResults();
        limitReached.set(max != null && out.rows().size() >= max);
        status.set(String.format(Locale.US, "%,d flows", out.rows().size())
                + (limitReached.get() ? " (the limit: there may be more)" : "") + ": " + describe(out.request()));
        dialogs.notify("Traffic: " + String.format(Locale.US, "%,d flows", out.rows().size()));
    }

    private String describe(TrafficQueryRequest r) {
        return r.startDate() + " to " + r.endDate();
    }

    /** Runs the last query again over smaller time windows until every flow is in (merged, without duplicates). */
    public void getEveryFlow() {
        dialogs.notify("Not yet.");
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
        executor.execute(BackgroundTask.of("Listing the PCE's traffic queries", ctx -> {
            List<TrafficQuery> all = new ArrayList<>(workspace.client().traffic().queries(ctx.token()));
            all.sort((a, b) -> String.valueOf(b.createdAt()).compareTo(String.valueOf(a.createdAt())));
            return all;
        }).ownedBy(FEATURE_ID).onSuccess(list -> {
            pceQueries.setAll(list);
            pceQueriesStatus.set(list.isEmpty() ? "The PCE has no traffic queries." : list.size() + " queries on the PCE");
        }).onCancelled(() -> pceQueriesStatus.set("")).onFailure(e -> {
            pceQueriesStatus.set("Could not list the PCE's queries.");
            dialogs.showError("Could not list the PCE's traffic queries", e);
        }));
    }

    /** Opens a completed query of the PCE: its flows are downloaded, the query is not run again. */
    public void openPceQuery(TrafficQuery q) {
        if (q == null) {
            return;
        }
        if (!q.completed()) {
            dialogs.notify("That query is " + q.status() + ": only completed queries can be opened.");
            return;
        }
        TrafficQueryRequest params = q.queryParameters();
        if (params != null) {
            form.load(params, names);
        }
        TrafficQueryRequest req = params != null ? params
                : TrafficQueryRequest.of("PCE query", String.valueOf(q.createdAt()), String.valueOf(q.updatedAt()));
        start("Opening traffic query", req, params == null ? null : form.key(),
                ctx -> download(workspace.client().traffic(), q, ctx));
    }

    /** One line for an earlier query in the list. */
    public static String describe(TrafficQuery q) {
        String n = q.flowsCount() == null ? "" : String.format(Locale.US, ", %,d flows", q.flowsCount());
        String name = q.queryParameters() == null || q.queryParameters().queryName() == null ? "query"
                : q.queryParameters().queryName();
        return name + " (" + q.status() + n + ") " + (q.createdAt() == null ? "" : q.createdAt());
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
