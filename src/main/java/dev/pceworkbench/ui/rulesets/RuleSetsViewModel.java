package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.ui.common.FeatureModel;
import dev.pceworkbench.pce.api.Refs;
import dev.pceworkbench.pce.model.IpTablesRule;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.policy.rules.RuleContext;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.ui.common.DialogService;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.workspace.PolicyWorkspace;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The rulesets feature: the policy version shown (draft, active or a numbered version), the rule
 * sets of that version with a name / scope / state filter, the selected rule set's scopes and its
 * intra-scope, extra-scope and custom iptables rules, a rule filter over every rule of the version
 * (debounced, computed off the FX thread, each keystroke cancelling the previous run), and the
 * editing commands for the draft ({@link RuleSetEditorViewModel}, {@link RuleEditorViewModel},
 * {@link IpTablesEditorViewModel}, saved and deleted through {@link RuleSetEditing}). Data comes
 * from the {@link PolicyWorkspace} in a background task with progress, the workloads (which only
 * name workload actors) in a second one after the table is shown; edits by any view reload it.
 */
public final class RuleSetsViewModel implements FeatureModel {
    /** The feature id the view's tasks are owned by (the shell cancels them when the view is left). */
    public static final String FEATURE_ID = "rulesets";

    /** The state filter over rule sets. */
    public enum StateFilter {
        ALL("All states"), ENABLED("Enabled"), DISABLED("Disabled"), PENDING("Pending changes");
        private final String text;

        StateFilter(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Which form is open. */
    public enum Editing { NONE, RULE_SET, RULE, IP_TABLES }

    final PolicyWorkspace workspace;
    final TaskExecutor executor;
    final DialogService dialogs;
    private final Navigator navigator;
    private final ObservableList<String> versions = FXCollections.observableArrayList("draft", "active");
    private final StringProperty version = new SimpleStringProperty(this, "version", "draft");
    private final ObservableList<RuleSetRow> rows = FXCollections.observableArrayList();
    private final FilteredList<RuleSetRow> filtered = new FilteredList<>(rows, r -> true);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ObjectProperty<StateFilter> stateFilter = new SimpleObjectProperty<>(this, "stateFilter", StateFilter.ALL);
    private final ObjectProperty<RuleSetRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<List<Chip>> selectedScopes = FXCollections.observableArrayList();
    private final ObservableList<RuleRow> intraRules = FXCollections.observableArrayList();
    private final ObservableList<RuleRow> extraRules = FXCollections.observableArrayList();
    private final ObservableList<IpTablesRule> ipTablesRules = FXCollections.observableArrayList();
    private final ObjectProperty<RuleRow> selectedRule = new SimpleObjectProperty<>(this, "selectedRule");
    private final RuleSetsLoader loader = new RuleSetsLoader(this);
    private final ReadOnlyObjectWrapper<ActorNames> names = new ReadOnlyObjectWrapper<>(this, "names", ActorNames.empty());
    private final BooleanBinding editable = Bindings.createBooleanBinding(() -> "draft".equals(version.get()) && loader.loaded.get(),
            version, loader.loaded);
    private final BooleanBinding selectionEditable = Bindings.createBooleanBinding(() -> editable.get()
            && selected.get() != null && !selected.get().deleted(), editable, selected);
    private final ObjectProperty<Editing> editing = new SimpleObjectProperty<>(this, "editing", Editing.NONE);
    private final RuleEditorViewModel ruleEditor = new RuleEditorViewModel();
    private final RuleSetEditorViewModel ruleSetEditor = new RuleSetEditorViewModel();
    private final IpTablesEditorViewModel ipTablesEditor = new IpTablesEditorViewModel();
    private final RuleFilterModel ruleFilter;
    private final RuleSetEditing editingCommands;
    private List<RuleSet> ruleSets = List.of();
    private String selectAfterLoad;
    private boolean updatingVersions;
    private String selectRuleAfterLoad;

    public RuleSetsViewModel(PolicyWorkspace workspace, TaskExecutor executor, DialogService dialogs, Navigator navigator) {
        this.workspace = Objects.requireNonNull(workspace);
        this.executor = Objects.requireNonNull(executor);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.navigator = Objects.requireNonNull(navigator);
        this.ruleFilter = new RuleFilterModel(executor, () -> ruleSets, names::get);
        this.editingCommands = new RuleSetEditing(this);
        filterText.addListener((o, a, b) -> refilter());
        stateFilter.addListener((o, a, b) -> refilter());
        version.addListener((o, a, b) -> {
            if (b != null && !b.equals(a) && !updatingVersions) {
                editing.set(Editing.NONE);
                load();
            }
        });
        selected.addListener((o, a, b) -> showDetail(b));
        workspace.addListener(change -> {
            String v = version.get();
            // Only a view that was opened reloads; the others load when first shown.
            if (loadRequested && (change.version() == null || change.version().equals(v))) {
                load();
            }
        });
    }

    // --- loading --------------------------------------------------------------------------------

    private boolean loadRequested;

    /** Loads when first shown, and again when shown after leaving cancelled a load. */
    @Override
    public void onShown() {
        if (!loader.loaded.get() && !loader.loading.get()) {
            load();
        }
    }

    /** Downloads every collection again (the workspace tells this view, which then loads). */
    @Override
    public void reload() {
        workspace.refreshAll();
    }

    /** Loads (or reloads) the rule sets of the selected version, keeping the selection. */
    public void load() {
        loadRequested = true;
        if (selectAfterLoad == null && selected.get() != null) {
            selectAfterLoad = selected.get().href();
            selectRuleAfterLoad = selectedRule.get() == null ? null : selectedRule.get().rule().href();
        }
        loader.load(version.get());
    }

    /** Shows a finished load (the first step: rule sets, table rows, names but maybe not the workloads'). */
    void show(RuleSetsLoad.Result r) {
        ruleSets = r.ruleSets();
        names.set(r.names());
        List<String> vs = new ArrayList<>(List.of("draft", "active"));
        vs.addAll(r.versions());
        if (!vs.contains(version.get())) {
            vs.add(version.get());
        }
        if (!versions.equals(vs)) {
            // A combo box bound to the version may clear it while its items change: keep the version.
            String keepVersion = version.get();
            updatingVersions = true;
            try {
                versions.setAll(vs);
                version.set(keepVersion);
            } finally {
                updatingVersions = false;
            }
        }
        String keep = selectAfterLoad;
        String keepRule = selectRuleAfterLoad;
        selectAfterLoad = null;
        selectRuleAfterLoad = null;
        selected.set(null);
        rows.setAll(r.rows());
        if (keep != null) {
            select(keep, keepRule);
        }
        ruleFilter.rerun();
    }

    /** The second step of a load: workload actors can be named now (and matched by the rule filter). */
    void namesArrived(ActorNames withWorkloads) {
        names.set(withWorkloads);
        ruleFilter.rerun();
    }

    // --- filter, selection, navigation ------------------------------------------------------------

    private void refilter() {
        String q = filterText.get() == null ? "" : filterText.get().trim().toLowerCase(Locale.ROOT);
        StateFilter s = stateFilter.get();
        filtered.setPredicate(r -> r.matches(q, s));
    }

    private void showDetail(RuleSetRow row) {
        selectedRule.set(null);
        if (row == null) {
            selectedScopes.clear();
            intraRules.clear();
            extraRules.clear();
            ipTablesRules.clear();
            return;
        }
        selectedScopes.setAll(row.scopes());
        List<RuleRow> intra = new ArrayList<>();
        List<RuleRow> extra = new ArrayList<>();
        for (SecRule r : row.ruleSet().rules()) {
            (Boolean.TRUE.equals(r.unscopedConsumers()) ? extra : intra).add(new RuleRow(row.ruleSet(), r));
        }
        intraRules.setAll(intra);
        extraRules.setAll(extra);
        ipTablesRules.setAll(row.ruleSet().ipTablesRules());
    }

    /** Selects the rule set {@code href} (any version's form) and in it the rule {@code ruleHref}, if given. */
    public void select(String href, String ruleHref) {
        String want = Refs.toDraft(href);
        for (RuleSetRow r : rows) {
            if (Refs.toDraft(r.href()).equals(want)) {
                if (!filtered.contains(r)) {
                    filterText.set("");
                    stateFilter.set(StateFilter.ALL);
                }
                selected.set(r);
                if (ruleHref != null) {
                    String wantRule = Refs.toDraft(ruleHref);
                    for (List<RuleRow> list : List.of(intraRules, extraRules)) {
                        for (RuleRow rr : list) {
                            if (rr.rule().href() != null && Refs.toDraft(rr.rule().href()).equals(wantRule)) {
                                selectedRule.set(rr);
                            }
                        }
                    }
                }
                return;
            }
        }
    }

    /**
     * Opens a rule set from another view (the rule search's "open in the ruleset view"): switches to
     * the target's version when it names one, selects the rule set and the rule {@code selectHref}.
     */
    public void open(Navigator.Target target) {
        if (target.kind() != Navigator.Kind.RULE_SET) {
            throw new IllegalArgumentException("The rulesets view opens rule sets, not " + target.kind());
        }
        selectAfterLoad = target.href();
        selectRuleAfterLoad = target.selectHref();
        String v = target.version() != null ? target.version() : version.get();
        if (!v.equals(version.get())) {
            version.set(v); // loads, then selects
        } else if (loader.loaded.get() && !loader.loading.get()) {
            String h = selectAfterLoad;
            String rh = selectRuleAfterLoad;
            selectAfterLoad = null;
            selectRuleAfterLoad = null;
            select(h, rh);
        } else if (!loader.loading.get()) {
            load();
        }
    }

    /** Opens a label, label group, IP list, workload or virtual service in the view that shows it. */
    public void openObject(Chip chip) {
        if (chip == null || chip.href() == null) {
            return;
        }
        try {
            navigator.open(Navigator.Target.fromHref(chip.href()));
        } catch (IllegalStateException e) {
            dialogs.notify(e.getMessage());
        }
    }

    /** The draft's rule context for editing {@code ruleHref} (null: a new rule). */
    RuleContext ruleContext(String ruleHref) {
        return RuleContext.of(names.get().labels(), ruleSets, ruleHref);
    }

    void reloadSelecting(String ruleSetHref, String ruleHref) {
        selectAfterLoad = ruleSetHref;
        selectRuleAfterLoad = ruleHref;
        // The workspace tells every listener, this view model included, which reloads.
        workspace.changed(PolicyWorkspace.RULE_SETS, "draft");
    }

    List<RuleSet> loadedRuleSets() {
        return ruleSets;
    }

    // --- editing (draft only) -------------------------------------------------------------------

    /** The editing commands: open the rule set, rule and iptables forms, save, cancel. */
    public RuleSetEditing edits() {
        return editingCommands;
    }

    // --- state ------------------------------------------------------------------------------------

    public ObservableList<String> versions() {
        return versions;
    }

    public StringProperty versionProperty() {
        return version;
    }

    /** The rule sets passing the filter (the view sorts them). */
    public FilteredList<RuleSetRow> ruleSets() {
        return filtered;
    }

    /** Every rule set of the version, unfiltered. */
    public ObservableList<RuleSetRow> allRuleSets() {
        return rows;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ObjectProperty<StateFilter> stateFilterProperty() {
        return stateFilter;
    }

    public ObjectProperty<RuleSetRow> selectedProperty() {
        return selected;
    }

    public ObservableList<List<Chip>> selectedScopes() {
        return selectedScopes;
    }

    public ObservableList<RuleRow> intraRules() {
        return intraRules;
    }

    public ObservableList<RuleRow> extraRules() {
        return extraRules;
    }

    public ObservableList<IpTablesRule> ipTablesRules() {
        return ipTablesRules;
    }

    public ObjectProperty<RuleRow> selectedRuleProperty() {
        return selectedRule;
    }

    public ReadOnlyObjectProperty<ActorNames> namesProperty() {
        return names.getReadOnlyProperty();
    }

    public ActorNames names() {
        return names.get();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loader.loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loader.loaded.getReadOnlyProperty();
    }

    /** True once workload actors are named by hostname (the second step of a load finished). */
    public ReadOnlyBooleanProperty workloadNamesReadyProperty() {
        return loader.workloadNamesReady.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return loader.status.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return loader.progress.getReadOnlyProperty();
    }

    /** True while the draft is shown: only the draft can be edited. */
    public BooleanBinding editableProperty() {
        return editable;
    }

    /** True while the selected rule set can be edited: the draft is shown and it is not deleted there. */
    public BooleanBinding selectionEditableProperty() {
        return selectionEditable;
    }

    public ObjectProperty<Editing> editingProperty() {
        return editing;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return editingCommands.savingProperty();
    }

    public RuleEditorViewModel ruleEditor() {
        return ruleEditor;
    }

    public RuleSetEditorViewModel ruleSetEditor() {
        return ruleSetEditor;
    }

    public IpTablesEditorViewModel ipTablesEditor() {
        return ipTablesEditor;
    }

    /** The rule filter over every rule of the version. */
    public RuleFilterModel ruleFilter() {
        return ruleFilter;
    }

    /** How long the rule filter waits after a keystroke (150 ms; tests use zero). */
    public void setRuleFilterDelay(Duration delay) {
        ruleFilter.setDelay(delay);
    }
}
