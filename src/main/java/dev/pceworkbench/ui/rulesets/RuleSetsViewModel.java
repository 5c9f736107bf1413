package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.ui.common.FeatureModel;
import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.IpTablesRule;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.policy.names.Name;
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
import javafx.beans.property.ReadOnlyStringWrapper;
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

    private static final String NO_SELECTION = "Select a rule set";

    private final PolicyWorkspace workspace;
    private final DialogService dialogs;
    private final Navigator navigator;
    private final ObservableList<String> versions = FXCollections.observableArrayList("draft", "active");
    private final StringProperty version = new SimpleStringProperty(this, "version", "draft");
    private final ObservableList<RuleSetRow> rows = FXCollections.observableArrayList();
    private final FilteredList<RuleSetRow> filtered = new FilteredList<>(rows, r -> true);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ObjectProperty<StateFilter> stateFilter = new SimpleObjectProperty<>(this, "stateFilter", StateFilter.ALL);
    private final ObjectProperty<RuleSetRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<List<Name>> selectedScopes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper selectedTitle = new ReadOnlyStringWrapper(this, "selectedTitle", NO_SELECTION);
    private final ReadOnlyStringWrapper selectedStatus = new ReadOnlyStringWrapper(this, "selectedStatus", "");
    private final ReadOnlyStringWrapper selectedDescription = new ReadOnlyStringWrapper(this, "selectedDescription", "");
    private final javafx.beans.property.ReadOnlyBooleanWrapper selectedEnabled =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "selectedEnabled", true);
    private final javafx.beans.property.BooleanProperty listShown =
            new javafx.beans.property.SimpleBooleanProperty(this, "listShown", true);
    private final ObservableList<RuleRow> intraRules = FXCollections.observableArrayList();
    private final ObservableList<RuleRow> extraRules = FXCollections.observableArrayList();
    private final ObservableList<IpTablesRule> ipTablesRules = FXCollections.observableArrayList();
    private final ObjectProperty<RuleRow> selectedRule = new SimpleObjectProperty<>(this, "selectedRule");
    private final ReadOnlyObjectWrapper<ActorNames> names = new ReadOnlyObjectWrapper<>(this, "names", ActorNames.empty());
    private final RuleSetsLoader loader;
    private final BooleanBinding editable;
    private final BooleanBinding selectionEditable;
    private final RuleFilterModel ruleFilter;
    private final RuleSetEditing editingCommands;
    private final RuleCells cells = new RuleCells(names::get);
    private final javafx.beans.binding.StringBinding placeholder;
    private final BooleanBinding firstLoad;
    private List<RuleSet> ruleSets = List.of();
    private java.util.Map<String, String> versionTexts = java.util.Map.of();
    private String selectAfterLoad;
    private boolean updatingVersions;
    private String selectRuleAfterLoad;

    public RuleSetsViewModel(PolicyWorkspace workspace, TaskExecutor executor, DialogService dialogs, Navigator navigator) {
        this.workspace = Objects.requireNonNull(workspace);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.navigator = Objects.requireNonNull(navigator);
        this.loader = new RuleSetsLoader(workspace, executor, dialogs, this::show, this::namesArrived);
        this.editable = Bindings.createBooleanBinding(() -> "draft".equals(version.get()) && loader.loadedProperty().get(),
                version, loader.loadedProperty());
        this.selectionEditable = Bindings.createBooleanBinding(() -> editable.get()
                && selected.get() != null && !selected.get().deleted(), editable, selected);
        this.ruleFilter = new RuleFilterModel(executor, () -> ruleSets, names::get);
        this.editingCommands = new RuleSetEditing(workspace, executor, dialogs, editable, selected, names::get,
                () -> ruleSets, this::reloadSelecting);
        this.placeholder = Bindings.createStringBinding(this::placeholderText, loader.loadingProperty(),
                loader.loadedProperty(), loader.statusProperty(), rows);
        this.firstLoad = loader.loadingProperty().and(loader.loadedProperty().not());
        filterText.addListener((o, a, b) -> refilter());
        stateFilter.addListener((o, a, b) -> refilter());
        version.addListener((o, a, b) -> {
            if (b != null && !b.equals(a) && !updatingVersions) {
                editingCommands.cancel();
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
        if (!loader.loadedProperty().get() && !loader.loadingProperty().get()) {
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

    /** Cancels the load under way (the placeholder's Cancel); Reload starts again. */
    public void cancelLoad() {
        loader.cancel();
    }

    private String placeholderText() {
        if (loader.loadingProperty().get() && !loader.loadedProperty().get()) {
            String phase = loader.statusProperty().get();
            return "Loading rule sets…" + (phase == null || phase.isBlank() ? "" : " (" + phase + ")");
        }
        if (!loader.loadedProperty().get()) {
            String s = loader.statusProperty().get();
            return s == null || s.isBlank() ? "Rule sets load when the PCE is connected" : s;
        }
        return rows.isEmpty() ? "No rule sets in " + version.get() : "No rule sets match";
    }

    /**
     * What the rule sets table shows while it has no rows: "Loading rule sets… (phase)" during the
     * first load, "No rule sets match" once loaded (the filter hides them all), or why nothing is
     * loaded.
     */
    public javafx.beans.binding.StringBinding placeholderProperty() {
        return placeholder;
    }

    /** True during the first load, while the table has nothing to show yet (the placeholder shows progress). */
    public BooleanBinding firstLoadProperty() {
        return firstLoad;
    }

    /** Shows a finished load (the first step: rule sets, table rows, names but maybe not the workloads'). */
    void show(RuleSetsLoad.Result r) {
        ruleSets = r.ruleSets();
        names.set(r.names());
        versionTexts = r.versionTexts();
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
        selectedTitle.set(row == null ? NO_SELECTION : row.name());
        selectedStatus.set(row == null || row.status() == null ? "" : row.status());
        selectedDescription.set(row == null || row.ruleSet().description() == null ? "" : row.ruleSet().description());
        selectedEnabled.set(row == null || row.enabled());
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
        for (RuleSetRow r : rows) {
            if (Hrefs.sameObject(r.href(), href)) {
                if (!filtered.contains(r)) {
                    filterText.set("");
                    stateFilter.set(StateFilter.ALL);
                }
                selected.set(r);
                if (ruleHref != null) {
                    for (List<RuleRow> list : List.of(intraRules, extraRules)) {
                        for (RuleRow rr : list) {
                            if (rr.rule().href() != null && Hrefs.sameObject(rr.rule().href(), ruleHref)) {
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
        if (target.kind() != dev.pceworkbench.policy.names.ObjectKind.RULE_SET) {
            throw new IllegalArgumentException("The rulesets view opens rule sets, not " + target.kind());
        }
        selectAfterLoad = target.href();
        selectRuleAfterLoad = target.selectHref();
        String v = target.version() != null ? target.version() : version.get();
        if (!v.equals(version.get())) {
            version.set(v); // loads, then selects
        } else if (loader.loadedProperty().get() && !loader.loadingProperty().get()) {
            String h = selectAfterLoad;
            String rh = selectRuleAfterLoad;
            selectAfterLoad = null;
            selectRuleAfterLoad = null;
            select(h, rh);
        } else if (!loader.loadingProperty().get()) {
            load();
        }
    }

    /**
     * Opens the draft rule set {@code ruleSetHref} with the rule editor on a new rule prefilled from
     * {@code proposed} (the Traffic view's "Propose rule"), once the rule set is loaded and selected.
     */
    public void proposeRule(String ruleSetHref, SecRule proposed) {
        javafx.beans.InvalidationListener[] wait = new javafx.beans.InvalidationListener[1];
        wait[0] = o -> {
            RuleSetRow b = selected.get();
            if (b != null && Hrefs.sameObject(b.href(), ruleSetHref) && editable.get()) {
                selected.removeListener(wait[0]);
                editable.removeListener(wait[0]);
                editingCommands.proposeRule(proposed);
            }
        };
        selected.addListener(wait[0]);
        editable.addListener(wait[0]);
        selected.set(null);
        open(Navigator.Target.of(dev.pceworkbench.policy.names.ObjectKind.RULE_SET, ruleSetHref, "draft"));
    }

    /** Shows the rule {@code r} (a rule filter's result) in its rule set's detail. */
    public void showRule(RuleRow r) {
        if (r != null) {
            select(r.ruleSet().href(), r.rule().href());
        }
    }

    /** Whether clicking {@code name} opens it: labels, label groups, IP lists, workloads and virtual services with an href. */
    public boolean canOpen(Name name) {
        return name != null && name.href() != null && switch (name.kind()) {
            case LABEL, LABEL_GROUP, IP_LIST, WORKLOAD, VIRTUAL_SERVICE -> true;
            default -> false;
        };
    }

    /** Opens a label, label group, IP list, workload or virtual service in the view that shows it. */
    public void openObject(Name name) {
        if (!canOpen(name)) {
            return;
        }
        try {
            navigator.open(Navigator.Target.fromHref(name.href()));
        } catch (IllegalStateException e) {
            dialogs.notify(e.getMessage());
        }
    }

    /** Called by the editing commands after the PCE accepted a change: reload, then select what was saved. */
    private void reloadSelecting(String ruleSetHref, String ruleHref) {
        selectAfterLoad = ruleSetHref;
        selectRuleAfterLoad = ruleHref;
        // The workspace tells every listener, this view model included, which reloads.
        workspace.changed(PolicyWorkspace.RULE_SETS, "draft");
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

    /**
     * How the version choice shows {@code version} (one of {@link #versions()}): "draft", "active",
     * or a numbered version with its commit message, author and date where the PCE gives them.
     */
    public String versionText(String version) {
        if (version == null) {
            return "";
        }
        return versionTexts.getOrDefault(version, version);
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

    public ObservableList<List<Name>> selectedScopes() {
        return selectedScopes;
    }

    /** The detail's title: the selected rule set's name, or "Select a rule set". */
    public ReadOnlyStringProperty selectedTitleProperty() {
        return selectedTitle.getReadOnlyProperty();
    }

    /** The selected rule set's badge: "pending", "pending deletion" or "" (no draft change). */
    public ReadOnlyStringProperty selectedStatusProperty() {
        return selectedStatus.getReadOnlyProperty();
    }

    /** Whether the selected rule set is enabled (the detail's state chip; true while none is selected). */
    public ReadOnlyBooleanProperty selectedEnabledProperty() {
        return selectedEnabled.getReadOnlyProperty();
    }

    /**
     * Whether the rule sets list is shown beside the rule tables; false gives the tables the full
     * width (the toolbar's "Rule sets" toggle).
     */
    public javafx.beans.property.BooleanProperty listShownProperty() {
        return listShown;
    }

    public ReadOnlyStringProperty selectedDescriptionProperty() {
        return selectedDescription.getReadOnlyProperty();
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
        return loader.loadingProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loader.loadedProperty();
    }

    /** True once workload actors are named by hostname (the second step of a load finished). */
    public ReadOnlyBooleanProperty workloadNamesReadyProperty() {
        return loader.workloadNamesReadyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return loader.statusProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return loader.progressProperty();
    }

    /** True while the draft is shown: only the draft can be edited. */
    public BooleanBinding editableProperty() {
        return editable;
    }

    /** True while the selected rule set can be edited: the draft is shown and it is not deleted there. */
    public BooleanBinding selectionEditableProperty() {
        return selectionEditable;
    }

    public ReadOnlyObjectProperty<Editing> editingProperty() {
        return editingCommands.editingProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return editingCommands.savingProperty();
    }

    public RuleEditorViewModel ruleEditor() {
        return editingCommands.ruleEditor();
    }

    public RuleSetEditorViewModel ruleSetEditor() {
        return editingCommands.ruleSetEditor();
    }

    public IpTablesEditorViewModel ipTablesEditor() {
        return editingCommands.ipTablesEditor();
    }

    /** What the rule and iptables tables show in their cells, named with the current names. */
    public RuleCells cells() {
        return cells;
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
