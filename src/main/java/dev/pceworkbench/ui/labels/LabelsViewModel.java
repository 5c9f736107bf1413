package dev.pceworkbench.ui.labels;

import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.ui.common.FeatureModel;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.policy.PolicyData;
import dev.pceworkbench.policy.usage.UsageReference;
import dev.pceworkbench.policy.usage.WhereUsed;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.ui.common.DialogService;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.workspace.NotConnectedException;
import dev.pceworkbench.workspace.PolicyWorkspace;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The labels feature: the org's labels by dimension in a filterable table with workload counts,
 * the label groups of a policy version as a tree, "where used" for the selected label or group,
 * and (through {@link LabelEdits}) create, rename and delete. Everything the PCE serves comes
 * from the {@link PolicyWorkspace} in background tasks owned by {@link #FEATURE_ID}; the filter
 * runs off the FX thread after a short pause in typing, each run cancelling the one before.
 */
public final class LabelsViewModel implements FeatureModel {
    public static final String FEATURE_ID = "labels";
    /** The pause after the last keystroke before the filter runs. */
    public static final Duration FILTER_DELAY = Duration.ofMillis(150);

    /** Which half of the view is in front. */
    public enum Section { LABELS, GROUPS }

    private final PolicyWorkspace workspace;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Duration filterDelay;
    private final LabelEdits edits;
    private final WhereUsedViewModel whereUsed;

    private final ObservableList<DimensionChoice> dimensions = FXCollections.observableArrayList(DimensionChoice.ALL);
    private final ObjectProperty<DimensionChoice> dimension = new SimpleObjectProperty<>(this, "dimension", DimensionChoice.ALL);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObservableList<LabelRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<LabelRow> selectedLabel = new SimpleObjectProperty<>(this, "selectedLabel");
    private final ObservableList<String> versions = FXCollections.observableArrayList("draft", "active");
    private final StringProperty version = new SimpleStringProperty(this, "version", "draft");
    private final ReadOnlyObjectWrapper<GroupTree> tree = new ReadOnlyObjectWrapper<>(this, "tree");
    private final ObjectProperty<GroupTree.Node> selectedGroup = new SimpleObjectProperty<>(this, "selectedGroup");
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(this, "section", Section.LABELS);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final StringBinding status;
    private final StringBinding placeholder;
    private final StringBinding groupsScope;
    private final BooleanBinding draft;

    private LabelsData loaded;
    private boolean stale = true;
    private BackgroundTask<LabelsData> loadTask;
    private BackgroundTask<List<LabelRow>> filterTask;
    private Navigator.Target pendingTarget;
    private String pendingLabel;
    private boolean quiet;

    public LabelsViewModel(PolicyWorkspace workspace, TaskExecutor executor, DialogService dialogs, Navigator navigator) {
        this(workspace, executor, dialogs, navigator, FILTER_DELAY);
    }

    /** With a chosen filter pause (tests use zero). */
    public LabelsViewModel(PolicyWorkspace workspace, TaskExecutor executor, DialogService dialogs, Navigator navigator,
                           Duration filterDelay) {
        this.workspace = workspace;
        this.executor = executor;
        this.dialogs = dialogs;
        this.filterDelay = filterDelay;
        this.status = Bindings.createStringBinding(() -> loaded == null ? "" : rows.size() == loaded.rows().size()
                ? loaded.rows().size() + " labels" : rows.size() + " of " + loaded.rows().size() + " labels", rows, tree);
        this.draft = Bindings.createBooleanBinding(() -> "draft".equals(version.get()), version);
        this.placeholder = Bindings.createStringBinding(() -> loaded == null
                ? (loading.get() ? LOADING : "Labels load once the PCE is connected.")
                : loaded.rows().isEmpty() ? "No labels yet" : "No labels match", loading, rows, tree);
        this.groupsScope = Bindings.createStringBinding(() -> {
            DimensionChoice d = dimension.get();
            GroupTree t = tree.get();
            if (t == null) {
                return "";
            }
            int all = t.roots().size();
            int shown = groupRoots().size();
            return d == null || d.all() ? "Label groups of every dimension (" + all + ")"
                    : "Label groups of dimension " + d.displayName() + ": " + shown + " of " + all
                    + " (choose All dimensions to see every group)";
        }, dimension, tree);
        this.edits = new LabelEdits(this, workspace, executor, dialogs);
        this.whereUsed = new WhereUsedViewModel(workspace, executor, dialogs, navigator);
        dimension.addListener((o, a, b) -> refilter(Duration.ZERO));
        filter.addListener((o, a, b) -> refilter(filterDelay));
        version.addListener((o, a, b) -> {
            selectedGroup.set(null);
            load();
        });
        selectedLabel.addListener((o, a, b) -> {
            if (b != null) {
                whereUsed.show(b.href(), b.display(), version.get());
            } else if (a != null) {
                whereUsed.clearIf(a.href());
            }
        });
        selectedGroup.addListener((o, a, b) -> {
            if (b != null) {
                whereUsed.show(b.href(), b.group() ? "label group " + b.name() : b.dimension() + ": " + b.name(),
                        version.get());
            } else if (a != null) {
                whereUsed.clearIf(a.href());
            }
        });
        workspace.addListener(change -> {
            String c = change.collection();
            if (!quiet && (c == null || c.equals(PolicyWorkspace.LABELS) || c.equals(PolicyWorkspace.LABEL_GROUPS)
                    || c.equals(PolicyWorkspace.LABEL_DIMENSIONS) || c.equals(PolicyWorkspace.WORKLOADS))) {
                stale = true;
                if (loaded != null || loadTask != null) {
                    load(); // only views that were opened reload; the others load when first shown
                }
            }
        });
    }

    // --- loading ---------------------------------------------------------------------------------

    /** The view became visible: loads what is not loaded yet (or went stale while away). */
    @Override
    public void onShown() {
        if (stale || loaded == null) {
            load();
        }
    }

    /** Forgets the cached labels, workloads and groups and loads them again from the PCE. */
    @Override
    public void reload() {
        quiet = true;
        try {
            workspace.changed(PolicyWorkspace.LABEL_DIMENSIONS, null);
            workspace.changed(PolicyWorkspace.LABELS, null);
            workspace.changed(PolicyWorkspace.WORKLOADS, null);
            workspace.changed(PolicyWorkspace.LABEL_GROUPS, version.get());
        } finally {
            quiet = false;
        }
        load();
    }

    /** Loads dimensions, labels, workloads (for the counts) and the chosen version's label groups. */
    public void load() {
        if (loadTask != null) {
            loadTask.cancel();
        }
        String v = version.get();
        BackgroundTask<LabelsData> task = BackgroundTask.of("Loading labels", ctx -> LabelsData.load(workspace, ctx, v));
        loadTask = task;
        progress.bind(task.progressProperty());
        message.bind(task.messageProperty());
        loading.set(true);
        executor.execute(task.ownedBy(FEATURE_ID)
                .onSuccess(this::loaded)
                // Not connected yet (start-up): the connection's arrival reloads; no dialog for that.
                .onFailure(t -> {
                    if (!(t instanceof NotConnectedException)) {
                        dialogs.showError("Could not load the labels", t);
                    }
                })
                // A cancelled load finishing late must not hide the progress of the load that replaced it.
                .onFinished(() -> loading.set(loadTask != task && loadTask != null && !loadTask.state().isDone())));
    }

    private void loaded(LabelsData l) {
        loaded = l;
        stale = false;
        DimensionChoice keep = dimension.get();
        dimensions.setAll(l.dimensions());
        dimension.set(l.dimensions().stream().filter(d -> d.equals(keep) || (d.key() != null && d.key().equals(keep.key())))
                .findFirst().orElse(DimensionChoice.ALL));
        GroupTree.Node group = selectedGroup.get();
        tree.set(l.tree());
        if (group != null) {
            List<GroupTree.Node> path = l.tree().pathTo(group.href());
            selectedGroup.set(path.isEmpty() ? null : path.get(path.size() - 1));
        }
        edits.refreshEditors();
        refilter(Duration.ZERO);
        if (pendingTarget != null) {
            Navigator.Target t = pendingTarget;
            pendingTarget = null;
            open(t);
        }
    }

    /** What the labels table shows while it has no rows. */
    public static final String LOADING = "Loading labels…";

    /** The label group tree's top rows: the groups of the selected dimension (all for All dimensions). */
    public List<GroupTree.Node> groupRoots() {
        GroupTree t = tree.get();
        if (t == null) {
            return List.of();
        }
        DimensionChoice d = dimension.get() == null ? DimensionChoice.ALL : dimension.get();
        return t.roots().stream().filter(n -> d.includes(n.key())).toList();
    }

    /** The labels table's placeholder: "Loading labels…" while the first load runs, else why it is empty. */
    public StringBinding placeholderBinding() {
        return placeholder;
    }

    /** Which groups the Label groups tab shows ("Label groups of dimension Role: 3 of 12 …"). */
    public StringBinding groupsScopeBinding() {
        return groupsScope;
    }

    // --- filtering -------------------------------------------------------------------------------

    /** What the filter asks of each row; a test swaps it to see a failing filter reach the user. */
    java.util.function.BiPredicate<LabelRow, String> rowMatches = LabelRow::matches;

    private void refilter(Duration delay) {
        if (filterTask != null) {
            filterTask.cancel();
        }
        if (loaded == null) {
            return;
        }
        List<LabelRow> all = loaded.rows();
        DimensionChoice d = dimension.get() == null ? DimensionChoice.ALL : dimension.get();
        String text = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        filterTask = executor.execute(BackgroundTask.of("Filtering labels", ctx -> {
            if (!delay.isZero()) {
                // The debounce: a keystroke within the pause cancels this run before it starts working.
                ctx.token().sleep(delay, "Filtering labels");
            }
            List<LabelRow> out = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                LabelRow r = all.get(i);
                if (d.includes(r.key()) && rowMatches.test(r, text)) {
                    out.add(r);
                }
                if ((i & 4095) == 0) {
                    ctx.token().throwIfCancelled("Filtering labels");
                }
            }
            return out;
        }).ownedBy(FEATURE_ID).onSuccess(this::filtered)
                .onFailure(e -> dialogs.showError("Could not filter the labels", e)));
    }

    private void filtered(List<LabelRow> result) {
        LabelRow selected = selectedLabel.get();
        String want = pendingLabel != null ? pendingLabel : selected == null ? null : selected.href();
        pendingLabel = null;
        rows.setAll(result);
        LabelRow again = want == null ? null : result.stream().filter(r -> r.href().equals(want)).findFirst().orElse(null);
        if (again != null || selected != null) {
            selectedLabel.set(again);
        }
    }

    // --- navigation ------------------------------------------------------------------------------

    /** Shows the label or label group of {@code target} (in the target's version), loading first if needed. */
    public void open(Navigator.Target target) {
        if (target.kind() == ObjectKind.LABEL_GROUP && target.version() != null
                && !target.version().equals(version.get())) {
            if (!versions.contains(target.version())) {
                versions.add(target.version());
            }
            pendingTarget = target;
            version.set(target.version());
            return;
        }
        if (loaded == null || stale) {
            pendingTarget = target;
            onShown();
            return;
        }
        if (target.kind() == ObjectKind.LABEL) {
            section.set(Section.LABELS);
            LabelRow row = loaded.rows().stream().filter(r -> r.href().equals(target.href())).findFirst().orElse(null);
            if (row == null) {
                dialogs.showError("Label not found", "The label " + target.href() + " is not among the PCE's labels. "
                        + "It may have been deleted; reload to check.", null);
                return;
            }
            if (rows.contains(row)) {
                selectedLabel.set(row);
                return;
            }
            pendingLabel = row.href();
            filter.set("");
            dimension.set(dimensions.stream().filter(d -> row.key().equals(d.key())).findFirst().orElse(DimensionChoice.ALL));
            refilter(Duration.ZERO);
        } else if (target.kind() == ObjectKind.LABEL_GROUP) {
            section.set(Section.GROUPS);
            List<GroupTree.Node> path = loaded.tree().pathTo(target.href());
            if (path.isEmpty()) {
                dialogs.showError("Label group not found", "The label group " + target.href()
                        + " is not in the " + version.get() + " policy.", null);
                return;
            }
            selectedGroup.set(path.get(path.size() - 1));
        }
    }

    // --- state for the view ----------------------------------------------------------------------

    public ObservableList<DimensionChoice> dimensions() {
        return dimensions;
    }

    public ObjectProperty<DimensionChoice> dimensionProperty() {
        return dimension;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** The labels the dimension and filter let through. */
    public ObservableList<LabelRow> rows() {
        return rows;
    }

    /** Every loaded label (for the editors' duplicate checks). */
    List<LabelRow> allRows() {
        return loaded == null ? List.of() : loaded.rows();
    }

    List<LabelGroup> groups() {
        return loaded == null ? List.of() : loaded.groups();
    }

    Set<String> groupsContaining(String groupHref) {
        if (loaded == null || groupHref == null) {
            return Set.of();
        }
        PolicyData data = PolicyData.empty(version.get()).withLabelGroups(loaded.groups());
        return WhereUsed.of(data, groupHref).stream().filter(r -> r.kind() == UsageReference.Kind.LABEL_GROUP)
                .map(r -> dev.pceworkbench.pce.model.Hrefs.toDraft(r.href())).collect(java.util.stream.Collectors.toSet());
    }

    void selectAfterReload(String labelHref) {
        pendingLabel = labelHref;
    }

    void openAfterReload(Navigator.Target target) {
        pendingTarget = target;
    }

    public ObjectProperty<LabelRow> selectedLabelProperty() {
        return selectedLabel;
    }

    public ObservableList<String> versions() {
        return versions;
    }

    public StringProperty versionProperty() {
        return version;
    }

    /** Whether the groups shown are the draft's (the only version that can be edited). */
    public BooleanBinding draftBinding() {
        return draft;
    }

    public ReadOnlyObjectProperty<GroupTree> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    public ObjectProperty<GroupTree.Node> selectedGroupProperty() {
        return selectedGroup;
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    /** The "where used" pane's state, for the selected label or group. */
    public WhereUsedViewModel whereUsed() {
        return whereUsed;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The load's progress (0..1, or -1 while indeterminate). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** "93 labels" or "12 of 93 labels". */
    public StringBinding statusBinding() {
        return status;
    }

    /** Create, rename and delete of labels and label groups. */
    public LabelEdits edits() {
        return edits;
    }
}
