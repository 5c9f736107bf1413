package dev.pceworkbench.ui.rulesearch;

import dev.pceworkbench.ui.common.FeatureModel;
import dev.pceworkbench.ui.common.policy.ActorChoicesLoader;
import dev.pceworkbench.ui.common.policy.ActorOptions;
import dev.pceworkbench.ui.common.policy.PceQueries;
import dev.pceworkbench.ui.common.policy.PceVerification;
import dev.pceworkbench.ui.common.policy.RuleLinks;
import dev.pceworkbench.ui.common.policy.TaskProgress;
import dev.pceworkbench.pce.model.LabelDimension;
import dev.pceworkbench.policy.PolicyData;
import dev.pceworkbench.policy.RuleHit;
import dev.pceworkbench.policy.RuleSearch;
import dev.pceworkbench.policy.RuleSearchIndex;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.ui.common.DialogService;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.ui.common.UiSettings;
import dev.pceworkbench.workspace.PolicyWorkspace;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rule search feature: the form ({@link SearchForm}: policy version; basic text, or advanced
 * ports, description, actor filters on either side, match all or any, flags), the search itself on the workspace's
 * cached engine index (no cap, timed), the results with the columns chosen (remembered with {@link #rememberColumnsIn}), and
 * the commands open in rule set view, export CSV / JSON (every result, in a background task) and
 * verify on PCE (the PCE's own rule search for the same query, compared rule by rule). A change to
 * the policy in the workspace drops the results, which would otherwise be stale.
 */
public final class RuleSearchViewModel implements FeatureModel {
    public static final String FEATURE_ID = "rule-search";
    public static final List<String> VERSIONS = List.of("draft", "active");

    private final PolicyWorkspace workspace;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Navigator navigator;

    private final SearchForm form = new SearchForm();
    private final ReadOnlyStringWrapper choicesStatus = new ReadOnlyStringWrapper(this, "choicesStatus", "");
    private final ReadOnlyStringWrapper loadStatus = new ReadOnlyStringWrapper(this, "loadStatus", "");
    private final ReadOnlyBooleanWrapper policyReady = new ReadOnlyBooleanWrapper(this, "policyReady");
    private final ReadOnlyBooleanWrapper pickerReady = new ReadOnlyBooleanWrapper(this, "pickerReady");
    private final ReadOnlyBooleanWrapper loadingPolicy = new ReadOnlyBooleanWrapper(this, "loadingPolicy");

    private final ObservableList<RuleRow> results = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SearchRequest> lastRequest = new ReadOnlyObjectWrapper<>(this, "lastRequest");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Choose what to look for and press Search.");
    private final TaskProgress progress = new TaskProgress();
    /** The results table's key in {@link UiSettings#columns}. */
    static final String COLUMNS_KEY = "rule-search.results";
    private final Map<RuleColumn, BooleanProperty> columnVisible = new EnumMap<>(RuleColumn.class);

    private final PceVerification verification = new PceVerification(this);
    private final ReadOnlyObjectWrapper<PceQueries.Agreement> agreement = new ReadOnlyObjectWrapper<>(this, "agreement");
    private final ReadOnlyStringWrapper verifyUnsupported = new ReadOnlyStringWrapper(this, "verifyUnsupported",
            "Search first; then the PCE is asked the same question.");
    private final BooleanBinding canVerify;
    private final StringBinding verifyHint = Bindings.createStringBinding(() -> verifyUnsupported.get().isEmpty()
            ? "Ask the PCE's own rule search the same question and compare" : verifyUnsupported.get(), verifyUnsupported);
    private final BooleanBinding hasResults = Bindings.isNotEmpty(results);
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private BackgroundTask<?> searchTask;
    private final ActorChoicesLoader choices;

    public RuleSearchViewModel(PolicyWorkspace workspace, TaskExecutor executor, DialogService dialogs, Navigator navigator) {
        this.workspace = workspace;
        this.executor = executor;
        this.dialogs = dialogs;
        this.navigator = navigator;
        for (RuleColumn c : RuleColumn.values()) {
            columnVisible.put(c, new SimpleBooleanProperty(this, "column" + c, c.shownByDefault()));
        }
        canVerify = Bindings.createBooleanBinding(() -> verifyUnsupported.get().isEmpty() && !progress.busy().get(),
                verifyUnsupported, progress.busy());
        lastRequest.addListener((o, a, r) -> verifyUnsupported.set(r == null ? "Search first; then the PCE is asked the same question."
                : r.pceUnsupportedReason().orElse("")));
        choices = new ActorChoicesLoader(workspace, executor, this::choicesTask, this::policyChanged);
        form.versionProperty().addListener((o, a, b) -> choices.reloadIfRequested());
        form.onChange(this::formChanged);
    }

    /**
     * Results belong to the query that made them: another mode or version drops them (basic mode
     * never shows advanced results); any other change marks them stale until the next search.
     */
    private void formChanged() {
        SearchRequest last = lastRequest.get();
        if (last == null) {
            return;
        }
        if (last.basic() != form.basicModeProperty().get() || !last.version().equals(form.versionProperty().get())) {
            results.clear();
            lastRequest.set(null);
            clearVerification();
            stale.set(false);
            status.set((form.basicModeProperty().get() ? "Basic" : "Advanced") + " search of the "
                    + form.versionProperty().get() + " policy: press Search to see its rules.");
            return;
        }
        stale.set(!form.request().equals(last));
        if (stale.get()) {
            clearVerification();
        }
    }
    private void policyChanged() {
        if (!results.isEmpty() || lastRequest.get() != null) {
            results.clear();
            lastRequest.set(null);
            stale.set(false);
            clearVerification();
            status.set("The policy changed on the PCE; search again to see the current rules.");
        }
        form.setOptions(ActorOptions.EMPTY);
        policyReady.set(false);
        pickerReady.set(false);
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Loads the actor choices the first time the view is shown (later changes reload them by themselves). */
    @Override
    public void onShown() {
        choices.onShown();
    }

    /** Downloads every collection again (the workspace then tells this view, which reloads its choices). */
    @Override
    public void reload() {
        choices.reload();
    }

    /** Loads the labels, label groups, workloads and IP lists of the chosen version for the actor picker. */
    public void loadChoices() {
        choices.load();
    }

    /**
     * One load of what the view offers, in three tasks that never wait for each other's end: the
     * version's index (so that the first search answers at once; its phases in
     * {@link #loadStatusProperty}), the picker's small entries (labels, label groups, IP lists,
     * virtual services: ready long before the rule sets), then the whole picker with the workloads
     * (shared through the workspace). A search typed meanwhile runs on the index as soon as it is
     * there, whatever the picker's state.
     */
    private BackgroundTask<ActorOptions> choicesTask() {
        String v = form.versionProperty().get();
        policyReady.set(false);
        pickerReady.set(false);
        choicesStatus.set("Actor picker: loading labels, label groups and IP lists…");
        choices.follow(policyTask(v));
        return BackgroundTask.of("Loading labels, label groups and IP lists (" + v + ")", ctx -> {
            PolicyData small = PolicyData.empty(v)
                    .withLabels(workspace.labels(ctx.token(), ctx.pceProgress()))
                    .withLabelGroups(workspace.labelGroups(v, ctx.token(), ctx.pceProgress()))
                    .withIpLists(workspace.ipLists(v, ctx.token(), ctx.pceProgress()))
                    .withVirtualServices(workspace.virtualServices(v, ctx.token(), ctx.pceProgress()));
            return ActorOptions.actors(small, workspace.labelDimensions(ctx.token(), ctx.pceProgress()));
        }).ownedBy(FEATURE_ID).onSuccess(o -> {
            if (v.equals(form.versionProperty().get()) && !pickerReady.get()) {
                form.setOptions(o);
                choicesStatus.set("Actor picker: loading workloads…");
                choices.follow(pickerTask(v));
            }
        }).onCancelled(() -> choicesStatus.set("")).onFailure(ActorChoicesLoader.failure(dialogs, choicesStatus::set,
                "Could not load the labels and workloads: pick them again after a search.",
                "Could not load the labels and workloads of the " + v + " policy"));
    }

    /** The picker's every entry, workloads included (built once per version in the workspace). */
    private BackgroundTask<ActorOptions> pickerTask(String v) {
        return BackgroundTask.of("Preparing the actor picker (" + v + ")", ctx -> {
            List<LabelDimension> dims = workspace.labelDimensions(ctx.token(), ctx.pceProgress());
            PolicyData data = PolicyData.empty(v)
                    .withLabels(workspace.labels(ctx.token(), ctx.pceProgress()))
                    .withLabelGroups(workspace.labelGroups(v, ctx.token(), ctx.pceProgress()))
                    .withIpLists(workspace.ipLists(v, ctx.token(), ctx.pceProgress()))
                    .withVirtualServices(workspace.virtualServices(v, ctx.token(), ctx.pceProgress()))
                    .withWorkloads(workspace.workloads(ctx.token(), ctx.pceProgress()));
            ctx.message("Preparing " + data.workloads().size() + " workloads for the actor picker");
            return workspace.<ActorOptions>derived("rule-search-actors", v, ctx.token(),
                    () -> ActorOptions.actors(data, dims));
        }).ownedBy(FEATURE_ID).onSuccess(o -> {
            if (v.equals(form.versionProperty().get())) {
                form.setOptions(o);
                pickerReady.set(true);
                choicesStatus.set("");
            }
        }).onCancelled(() -> choicesStatus.set("")).onFailure(ActorChoicesLoader.failure(dialogs, choicesStatus::set,
                "Could not load the workloads: pick labels, groups and IP lists, or type an address.",
                "Could not load the workloads of the " + v + " policy"));
    }

    /** The version's index, loaded as soon as the view is shown; its phases named in the load status. */
    private BackgroundTask<RuleSearchIndex> policyTask(String v) {
        loadStatus.unbind();
        BackgroundTask<RuleSearchIndex> t = BackgroundTask.<RuleSearchIndex>of("Loading the " + v + " policy for rule search",
                ctx -> workspace.index(v, ctx.token(), ctx.pceProgress())).ownedBy(FEATURE_ID);
        loadStatus.bind(t.messageProperty());
        loadingPolicy.set(true);
        return t.onFinished(() -> {
            if (v.equals(form.versionProperty().get())) {
                loadingPolicy.set(false);
            }
        }).onSuccess(ix -> {
            loadStatus.unbind();
            if (v.equals(form.versionProperty().get())) {
                policyReady.set(true);
                loadStatus.set(String.format(Locale.US, "%,d rules of the %s policy ready", ix.model().ruleCount(), v));
            } else {
                loadStatus.set("");
            }
        }).onCancelled(() -> {
            loadStatus.unbind();
            loadStatus.set("Loading the " + v + " policy was cancelled: Search loads it.");
        }).onFailure(e -> {
            loadStatus.unbind();
            ActorChoicesLoader.failure(dialogs, loadStatus::set, "Could not load the " + v + " policy.",
                    "Could not load the " + v + " policy").accept(e);
        });
    }

    /** Cancels the loads of the policy and of the picker's entries (a search loads what it needs). */
    public void cancelLoading() {
        choices.cancel();
    }

    /** Runs the search on the chosen version's index; the results replace the previous ones. */
    public void search() {
        // Actor text typed but not added is added now, or the search waits until it is fixed.
        String pending = form.basicModeProperty().get() ? "" : form.pendingActor();
        if (!pending.isEmpty() && !form.addActor()) {
            return;
        }
        SearchRequest req = form.request();
        RuleSearch query;
        try {
            query = req.query();
        } catch (IllegalArgumentException e) {
            form.setError(e.getMessage());
            return;
        }
        form.setError("");
        progress.cancel(); // the previous search or export; never the policy's load, which this search needs
        clearVerification();
        status.set("Searching the " + req.version() + " policy…");
        searchTask = executor.execute(progress.track(BackgroundTask.of("Rule search (" + req.version() + ")", ctx -> {
            RuleSearchIndex ix = workspace.index(req.version(), ctx.token(), ctx.pceProgress());
            ctx.message("Searching " + ix.model().ruleCount() + " rules");
            long t0 = System.nanoTime();
            List<RuleHit> hits = query.run(ix);
            long nanos = System.nanoTime() - t0;
            ctx.token().throwIfCancelled("Rule search");
            ctx.message("Listing " + hits.size() + " rules");
            return new Outcome(req, RuleRow.of(hits, ix.model()), nanos);
        })).ownedBy(FEATURE_ID).onSuccess(out -> {
            results.setAll(out.rows());
            lastRequest.set(out.request());
            stale.set(false);
            formChanged(); // the form may have changed while the search ran
            status.set(count(out.rows().size(), "rule", "rules") + " in " + millis(out.nanos()) + " ("
                    + out.request().version() + " policy)");
            dialogs.notify("Rule search: " + status.get());
        }).onCancelled(() -> status.set("Search cancelled.")).onFailure(e -> {
            status.set("The search failed.");
            dialogs.showError("Rule search failed", e);
        }));
    }

    private record Outcome(SearchRequest request, List<RuleRow> rows, long nanos) {
    }

    /** Cancels a running search or export, and the policy's load if it is still under way. */
    public void cancel() {
        progress.cancel();
        if (loadingPolicy.get()) {
            cancelLoading();
        }
    }

    /** Shows the rule in the rule set view (its rule set, the rule selected), in the version searched. */
    public void open(RuleRow row) {
        if (row == null) {
            return;
        }
        RuleLinks.open(navigator, dialogs, row.href(), row.number(), row.ruleSet());
    }

    public void exportCsv() {
        export("csv", (file, rows, req, ctx) -> RuleExports.csv(file, rows, ctx.token()));
    }

    public void exportJson() {
        export("json", (file, rows, req, ctx) -> RuleExports.json(file, req.version(), rows, ctx.token()));
    }

    private interface Writer {
        void write(Path file, List<RuleRow> rows, SearchRequest req, dev.pceworkbench.task.TaskContext ctx) throws Exception;
    }

    private void export(String ext, Writer writer) {
        SearchRequest req = lastRequest.get();
        if (results.isEmpty() || req == null) {
            dialogs.notify("Nothing to export: search first.");
            return;
        }
        var file = dialogs.chooseFileToSave("Export " + results.size() + " rules as " + ext.toUpperCase(Locale.ROOT),
                "rules-" + req.version() + "." + ext, ext);
        if (file.isEmpty()) {
            return;
        }
        List<RuleRow> rows = List.copyOf(results);
        Path target = file.get();
        executor.execute(progress.track(BackgroundTask.of("Exporting " + rows.size() + " rules", ctx -> {
            writer.write(target, rows, req, ctx);
            return target;
        })).ownedBy(FEATURE_ID).onSuccess(p -> dialogs.notify("Exported " + count(rows.size(), "rule", "rules") + " to " + p))
                .onFailure(e -> dialogs.showError("Could not export the rules to " + target, e)));
    }

    /** Asks the PCE's own rule search the last query and compares its rules with the workbench's. */
    public void verifyOnPce() {
        SearchRequest req = lastRequest.get();
        if (req == null || req.pceUnsupportedReason().isPresent()) {
            return;
        }
        Set<String> mine = new LinkedHashSet<>();
        results.forEach(r -> mine.add(r.href()));
        clearVerification();
        verification.asking();
        executor.execute(progress.track(BackgroundTask.of("Verifying the rule search on the PCE", ctx ->
                PceQueries.Agreement.of(mine, PceQueries.ruleSearch(workspace.client(), req.version(), req.pceBody(),
                        ctx.token())))).ownedBy(FEATURE_ID).onSuccess(a -> {
            agreement.set(a);
            verification.answered(a.summary());
            dialogs.notify("Rule search verified on the PCE: " + a.summary());
            verification.addDifferences(a, null);
        }).onCancelled(verification::cancelled)
                .onFailure(e -> verification.failed(dialogs, "The PCE's rule search failed", e)));
    }

    private void clearVerification() {
        agreement.set(null);
        verification.clear();
    }

    // ---- formatting ----------------------------------------------------------------------------

    static String count(int n, String one, String many) {
        return String.format(Locale.US, "%,d", n) + " " + (n == 1 ? one : many);
    }

    static String millis(long nanos) {
        return nanos < 1_000_000 ? "under 1 ms" : String.format(Locale.US, "%,d ms", nanos / 1_000_000);
    }

    // ---- properties ----------------------------------------------------------------------------

    public SearchForm form() {
        return form;
    }

    /** The Verify button's tooltip: what it does, or why this search cannot be verified. */
    public StringExpression verifyHintProperty() {
        return verifyHint;
    }

    /** What the actor picker is waiting for ("" once every entry is there). */
    public ReadOnlyStringProperty choicesStatusProperty() {
        return choicesStatus.getReadOnlyProperty();
    }

    /** The phase of the version's load (downloading, compiling, indexing), then how many rules are ready. */
    public ReadOnlyStringProperty loadStatusProperty() {
        return loadStatus.getReadOnlyProperty();
    }

    /** Whether the version's policy is being loaded (Cancel stops that too). */
    public ReadOnlyBooleanProperty loadingPolicyProperty() {
        return loadingPolicy.getReadOnlyProperty();
    }

    /** Whether the chosen version's index is loaded (a search answers at once). */
    public ReadOnlyBooleanProperty policyReadyProperty() {
        return policyReady.getReadOnlyProperty();
    }

    /** Whether the picker holds every entry, workloads included (before that: labels, groups, IP lists). */
    public ReadOnlyBooleanProperty pickerReadyProperty() {
        return pickerReady.getReadOnlyProperty();
    }

    public ObservableList<RuleRow> results() {
        return results;
    }

    public ReadOnlyObjectProperty<SearchRequest> lastRequestProperty() {
        return lastRequest.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public TaskProgress progress() {
        return progress;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return progress.busy();
    }

    /** Whether a column is shown (remembered across restarts once {@link #rememberColumnsIn} is called). */
    public BooleanProperty columnVisibleProperty(RuleColumn c) {
        return columnVisible.get(c);
    }

    /**
     * Shows and hides the results table's columns as {@code settings} remembers them, and remembers
     * every later choice there. A column added in a later version keeps its default.
     */
    public void rememberColumnsIn(UiSettings settings) {
        Map<String, Boolean> chosen = settings.columns(COLUMNS_KEY);
        for (RuleColumn c : RuleColumn.values()) {
            Boolean shown = chosen.get(c.name());
            if (shown != null) {
                columnVisible.get(c).set(shown);
            }
        }
        for (RuleColumn c : RuleColumn.values()) {
            columnVisible.get(c).addListener((o, a, b) -> {
                Map<String, Boolean> now = new LinkedHashMap<>();
                for (RuleColumn x : RuleColumn.values()) {
                    now.put(x.name(), columnVisible.get(x).get());
                }
                settings.columns(COLUMNS_KEY, now);
            });
        }
    }

    public ReadOnlyStringProperty verifyStatusProperty() {
        return verification.statusProperty();
    }

    public ReadOnlyObjectProperty<PceQueries.Agreement> agreementProperty() {
        return agreement.getReadOnlyProperty();
    }

    public ObservableList<String> verifyDifferences() {
        return verification.differences();
    }

    /** Why "verify on PCE" is not available for the last search; empty when it is. */
    public ReadOnlyStringProperty verifyUnsupportedProperty() {
        return verifyUnsupported.getReadOnlyProperty();
    }

    public BooleanBinding canVerifyProperty() {
        return canVerify;
    }

    /** Whether the form changed since the results were found (they answer the previous query). */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** What the stale banner says. */
    public static final String STALE_TEXT = "These results are for the previous search: the form has changed. "
            + "Press Search to update them.";

    public BooleanBinding hasResultsProperty() {
        return hasResults;
    }
}
