package dev.pceworkbench.ui.provision;

import dev.pceworkbench.pce.PceApiException;
import dev.pceworkbench.pce.api.ChangeSubset;
import dev.pceworkbench.pce.model.PendingChange;
import dev.pceworkbench.pce.model.PendingChanges;
import dev.pceworkbench.pce.model.PolicyVersion;
import dev.pceworkbench.policy.diff.ObjectChange;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.ui.common.DialogService;
import dev.pceworkbench.ui.common.FeatureModel;
import dev.pceworkbench.ui.common.policy.TaskProgress;
import dev.pceworkbench.workspace.NotConnectedException;
import dev.pceworkbench.workspace.PolicyProvisioning;
import dev.pceworkbench.workspace.PolicyWorkspace;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Provision feature: the draft's pending changes (grouped by type, with their change, who and
 * when; filtered; checked for the next action), the field-level diff of the change in focus, and
 * the policy history ({@link ProvisionHistory}). The actions on the checked changes live in
 * {@link ProvisionDependencies}, {@link ProvisionImpact} and {@link ProvisionActions} (provision, revert); this model holds what they read.
 *
 * <p>The traffic impact of the checked changes is {@link ProvisionImpact}.
 */
public final class ProvisionViewModel implements FeatureModel {
    public static final String FEATURE_ID = "provision";


    private final PolicyWorkspace workspace;
    private final PolicyProvisioning provisioning;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final PendingCount count;
    private final ObservableList<PendingRow> rows = FXCollections.observableArrayList();
    private final FilteredList<PendingRow> visibleRows = new FilteredList<>(rows, r -> true);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<PendingRow> current = new SimpleObjectProperty<>(this, "current");
    private final ObservableList<DiffLine> diff = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper diffTitle = new ReadOnlyStringWrapper(this, "diffTitle", "");
    private final ReadOnlyStringWrapper diffStatus = new ReadOnlyStringWrapper(this, "diffStatus",
            "Select a change to see what it changes, field by field.");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper selectionText = new ReadOnlyStringWrapper(this, "selectionText", "Nothing selected");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyStringWrapper loadPhase = new ReadOnlyStringWrapper(this, "loadPhase", "");
    private final ObservableList<PendingRow> checked = FXCollections.observableArrayList();
    private final TaskProgress progress = new TaskProgress();
    private final StringBinding placeholder;
    private final ProvisionHistory history;
    private final ProvisionActions actions;
    private final ProvisionDependencies dependencies;
    private final ProvisionImpact impact;
    private Map<String, ObjectChange> changes = Map.of();
    private List<PendingRow> impactOf = List.of();
    private BackgroundTask<?> load;
    private boolean loadRequested;
    private boolean stale;

    public ProvisionViewModel(PolicyWorkspace workspace, PolicyProvisioning provisioning, PendingCount count,
                              TaskExecutor executor, DialogService dialogs) {
        this.workspace = Objects.requireNonNull(workspace);
        this.provisioning = Objects.requireNonNull(provisioning);
        this.executor = Objects.requireNonNull(executor);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.count = Objects.requireNonNull(count);
        this.history = new ProvisionHistory(provisioning, executor, dialogs);
        this.dependencies = new ProvisionDependencies(this, provisioning, executor, dialogs);
        this.actions = new ProvisionActions(this, provisioning, executor, dialogs);
        this.impact = new ProvisionImpact(this, workspace, executor, dialogs);
        placeholder = Bindings.createStringBinding(() -> {
            if (loading.get() && !loaded.get()) {
                return "Loading pending changes…" + (loadPhase.get().isBlank() ? "" : " (" + loadPhase.get() + ")");
            }
            if (!loaded.get()) {
                return status.get().isBlank() ? "Pending changes load when the PCE is connected" : status.get();
            }
            return rows.isEmpty() ? "Nothing is pending: the draft is the active policy" : "No pending change matches the filter";
        }, loading, loaded, loadPhase, status, rows);
        filter.addListener((o, a, b) -> refilter());
        current.addListener((o, a, b) -> showDiff(b));
        workspace.addListener(change -> {
            // Any edit of the draft changes what is pending: reload if shown, else when shown next.
            if (loadRequested) {
                load();
            } else {
                stale = true;
            }
        });
    }

    // ---- loading -------------------------------------------------------------------------------

    @Override
    public void onShown() {
        if ((!loaded.get() || stale) && !loading.get()) {
            load();
        }
    }

    /** Downloads everything again (the workspace tells this view, which then reloads). */
    @Override
    public void reload() {
        workspace.refreshAll();
        if (!loadRequested) {
            load();
        }
    }

    private record Loaded(PendingChanges pending, List<ObjectChange> changes, List<PolicyVersion> versions) {
    }

    /** Loads the pending changes, the draft-vs-active diff and the policy versions, keeping what is checked. */
    public void load() {
        loadRequested = true;
        stale = false;
        if (load != null) {
            load.cancel();
        }
        loading.set(true);
        BackgroundTask<Loaded> task = BackgroundTask.of("Loading pending changes", ctx -> {
            ctx.message("Loading pending changes");
            PendingChanges p = provisioning.pending(ctx.token());
            List<PolicyVersion> v = provisioning.versions(500, ctx.token());
            List<ObjectChange> d = provisioning.diff("active", "draft", ctx.token(), ctx.pceProgress());
            return new Loaded(p, d, v);
        });
        task.messageProperty().addListener((o, a, b) -> loadPhase.set(b));
        load = task; // before execute: a synchronous executor finishes it inside execute()
        executor.execute(task.ownedBy(FEATURE_ID)
                .onSuccess(this::show)
                .onCancelled(() -> {
                    // Leaving the view cancels its load: what is shown may be stale, so showing it again reloads.
                    stale = true;
                    status.set("Loading cancelled: press Reload to load the pending changes.");
                })
                .onFailure(e -> {
                    if (e instanceof NotConnectedException) {
                        status.set(e.getMessage());
                    } else {
                        status.set("The pending changes could not be loaded: " + e.getMessage());
                        dialogs.showError("Could not load the pending changes", e);
                    }
                })
                .onFinished(() -> {
                    if (load == task) {
                        loading.set(false);
                        loadPhase.set("");
                    }
                }));
    }

    private void show(Loaded r) {
        Set<String> wasChecked = new LinkedHashSet<>();
        checked.forEach(c -> wasChecked.add(c.key()));
        String focus = current.get() == null ? null : current.get().key();
        Map<String, ObjectChange> byKey = new HashMap<>();
        r.changes().forEach(c -> byKey.put(c.href(), c));
        changes = byKey;
        List<PendingRow> list = new java.util.ArrayList<>();
        r.pending().changes().forEach((type, items) -> {
            for (PendingChange c : items) {
                list.add(new PendingRow(type, c));
            }
        });
        list.sort(Comparator.comparingInt((PendingRow p) -> ChangeTypes.rank(p.type()))
                .thenComparing(p -> p.name().toLowerCase(Locale.ROOT)));
        for (PendingRow p : list) {
            p.checkedProperty().set(wasChecked.contains(p.key()));
            p.checkedProperty().addListener((o, a, b) -> checkedChanged());
        }
        current.set(null);
        rows.setAll(list);
        loaded.set(true);
        count.set(rows.size());
        summary.set(summaryOf(rows));
        refilter();
        checkedChanged();
        rows.stream().filter(p -> p.key().equals(focus)).findFirst().ifPresent(current::set);
        history.show(r.versions());
        status.set(rows.isEmpty() ? "Nothing is pending." : rows.size() + (rows.size() == 1 ? " change is" : " changes are")
                + " pending: " + summary.get() + ".");
        dialogs.notify("Provision: " + (rows.isEmpty() ? "nothing pending" : summary.get() + " pending"));
    }

    /** "2 rule sets, 1 IP list" for {@code list}, in the groups' order. */
    static String summaryOf(List<PendingRow> list) {
        Map<String, Integer> n = new java.util.TreeMap<>(Comparator.comparingInt(ChangeTypes::rank)
                .thenComparing(Comparator.naturalOrder()));
        list.forEach(p -> n.merge(p.type(), 1, Integer::sum));
        return String.join(", ", n.entrySet().stream().map(e -> ChangeTypes.count(e.getKey(), e.getValue())).toList());
    }

    // ---- filter, selection, diff ---------------------------------------------------------------

    private void refilter() {
        String f = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        visibleRows.setPredicate(f.isEmpty() ? r -> true : r -> (r.name() + " " + r.typeText() + " " + r.changeText()
                + " " + r.who()).toLowerCase(Locale.ROOT).contains(f));
    }

    /** Checks every change the filter shows. */
    public void checkAllShown() {
        List.copyOf(visibleRows).forEach(r -> r.checkedProperty().set(true));
    }

    /** Unchecks every change. */
    public void checkNone() {
        rows.forEach(r -> r.checkedProperty().set(false));
    }

    /** The checked set changed: results about the previous set (dependencies) are dropped. */
    void checkedChanged() {
        List<PendingRow> now = rows.stream().filter(PendingRow::isChecked).toList();
        if (!now.equals(checked)) {
            checked.setAll(now);
        }
        selectionText.set(now.isEmpty() ? "Nothing selected" : now.size() + " of " + rows.size() + " selected: " + summaryOf(now));
        dependencies.selectionChanged();
        if (!now.equals(impactOf)) {
            impactOf = List.copyOf(now);
            impact.selectionChanged();
        }
    }

    private void showDiff(PendingRow row) {
        diff.clear();
        if (row == null) {
            diffTitle.set("");
            diffStatus.set("Select a change to see what it changes, field by field.");
            return;
        }
        diffTitle.set(row.label() + ": " + row.kind().word());
        ObjectChange c = changes.get(row.key());
        if (c == null) {
            diffStatus.set(ChangeTypes.DIFFED.contains(row.type())
                    ? "No field differs from the active policy (the PCE lists it as " + row.kind().word() + ")."
                    : "The field-level diff of " + ChangeTypes.plural(row.type()) + " is not shown yet.");
            return;
        }
        diff.setAll(DiffLines.of(c, false));
        long rules = c.parts().size();
        diffStatus.set(c.fields().size() + (c.fields().size() == 1 ? " field" : " fields")
                + (rules == 0 ? "" : ", " + rules + (rules == 1 ? " rule" : " rules")) + " "
                + (c.change() == dev.pceworkbench.policy.diff.ChangeKind.MODIFIED ? "changed" : c.change().word()) + ".");
    }

    /** The draft-vs-active diff of {@code list}'s objects (those without a field diff have none). */
    List<ObjectChange> changesOf(List<PendingRow> list) {
        return list.stream().map(r -> changes.get(r.key())).filter(Objects::nonNull).toList();
    }

    /** The checked rows' PCE hrefs as a change subset. */
    static ChangeSubset subset(List<PendingRow> list) {
        return ChangeSubset.of(list.stream().map(PendingRow::href).toList());
    }

    /** The pending row of a version-neutral href, if it is pending. */
    java.util.Optional<PendingRow> row(String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    /** What a provision or revert did: tell the workspace (which tells this view and the others to reload). */
    void policyChanged(boolean activeChanged) {
        if (activeChanged) {
            workspace.refreshAll();
        } else {
            workspace.changed(null, "draft");
        }
    }

    void status(String s) {
        status.set(s);
    }

    /** The PCE's own message for a refusal, else the failure's. */
    static String message(Throwable e) {
        if (e instanceof PceApiException api && !api.errors().isEmpty()) {
            return String.join("; ", api.errors().stream()
                    .map(x -> x.message() == null || x.message().isBlank() ? x.token() : x.message()).toList());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    // ---- properties ----------------------------------------------------------------------------

    public ObservableList<PendingRow> rows() {
        return rows;
    }

    /** The rows the filter shows, grouped by type. */
    public ObservableList<PendingRow> visibleRows() {
        return visibleRows;
    }

    /** The checked rows (the next action's selection), in the list's order. */
    public ObservableList<PendingRow> checked() {
        return checked;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** The change in focus, whose diff is shown. */
    public ObjectProperty<PendingRow> currentProperty() {
        return current;
    }

    public ObservableList<DiffLine> diff() {
        return diff;
    }

    public ReadOnlyStringProperty diffTitleProperty() {
        return diffTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty diffStatusProperty() {
        return diffStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectionTextProperty() {
        return selectionText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** What the pending table says while it has no rows (loading with its phase, nothing pending, why not loaded). */
    public StringBinding placeholderProperty() {
        return placeholder;
    }

    /** True during the first load, while the table has nothing to show yet (the placeholder shows progress). */
    public javafx.beans.binding.BooleanBinding firstLoadProperty() {
        return loading.and(loaded.not());
    }

    /** The view's action progress (dependencies, provision, revert). */
    public TaskProgress progress() {
        return progress;
    }

    public ProvisionHistory history() {
        return history;
    }

    public ProvisionActions actions() {
        return actions;
    }

    /** The traffic impact of the checked changes. */
    public ProvisionImpact impact() {
        return impact;
    }

    /** Check dependencies, and what it found. */
    public ProvisionDependencies dependencies() {
        return dependencies;
    }

    /** Cancels the load or action under way. */
    public void cancel() {
        if (load != null) {
            load.cancel();
        }
        progress.cancel();
        history.cancel();
    }
}
