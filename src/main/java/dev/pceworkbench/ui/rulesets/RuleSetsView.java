package dev.pceworkbench.ui.rulesets;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.pceworkbench.pce.model.IpTablesRule;
import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.policy.names.Names;
import dev.pceworkbench.ui.rulesets.RuleSetsViewModel.Editing;
import dev.pceworkbench.ui.rulesets.RuleSetsViewModel.StateFilter;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rulesets view: a toolbar (policy version, name / scope filter, state filter, new rule set,
 * reload, progress), the sortable rule sets table, and the detail of the selected rule set (its
 * scopes as chips, then intra-scope, extra-scope and custom iptables rules), a rule filter over all
 * rules of the version, and the forms for editing the draft. Only builds controls and binds.
 */
public final class RuleSetsView {
    /** The rule sets list's share of the width by default: narrow, so the rule tables have the room. */
    static final double LIST_SHARE = 0.32;
    private final RuleSetsViewModel vm;
    private final BorderPane root = new BorderPane();

    public RuleSetsView(RuleSetsViewModel vm) {
        this.vm = vm;
        root.setId("ruleSetsView");
        root.setTop(toolbar());
        Node list = ruleSetsTable();
        Node right = right();
        SplitPane split = new SplitPane(list, right);
        split.setId("ruleSetsSplit");
        split.setDividerPositions(LIST_SHARE);
        SplitPane.setResizableWithParent(list, false);
        // Hiding the list gives the rule tables the full width; showing it again puts the divider back where it was.
        double[] divider = {LIST_SHARE};
        vm.listShownProperty().addListener((o, a, shown) -> {
            if (shown && !split.getItems().contains(list)) {
                split.getItems().add(0, list);
                split.setDividerPositions(divider[0]);
            } else if (!shown && split.getItems().contains(list)) {
                divider[0] = split.getDividerPositions()[0];
                split.getItems().remove(list);
            }
        });
        root.setCenter(split);
    }

    private Node toolbar() {
        ToggleButton listToggle = new ToggleButton("Rule sets", new FontIcon(Material2MZ.VIEW_LIST));
        listToggle.setId("listToggle");
        listToggle.selectedProperty().bindBidirectional(vm.listShownProperty());
        listToggle.setTooltip(new Tooltip("Rule sets: show or hide the list of rule sets (hidden, the rule tables use the full width)"));
        ComboBox<String> version = new ComboBox<>(vm.versions());
        version.setId("versionBox");
        version.valueProperty().bindBidirectional(vm.versionProperty());
        version.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : vm.versionText(item));
            }
        });
        version.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : vm.versionText(item));
            }
        });
        version.setPrefWidth(150);
        Tooltip versionTip = new Tooltip();
        versionTip.textProperty().bind(Bindings.createStringBinding(() -> "Policy version: "
                + vm.versionText(vm.versionProperty().get()) + "\n(draft, active or a provisioned version)",
                vm.versionProperty(), vm.versions()));
        version.setTooltip(versionTip);
        TextField filter = new TextField();
        filter.setId("ruleSetFilter");
        filter.setPromptText("Filter by name or scope label");
        filter.textProperty().bindBidirectional(vm.filterTextProperty());
        filter.setTooltip(new Tooltip("Filter by name or scope label"));
        HBox.setHgrow(filter, Priority.ALWAYS);
        ComboBox<StateFilter> state = new ComboBox<>(FXCollections.observableArrayList(StateFilter.values()));
        state.setId("stateFilter");
        state.valueProperty().bindBidirectional(vm.stateFilterProperty());
        Button newRuleSet = new Button("New rule set", new FontIcon(Material2AL.ADD));
        newRuleSet.setId("newRuleSetButton");
        newRuleSet.disableProperty().bind(vm.editableProperty().not());
        newRuleSet.setOnAction(e -> vm.edits().newRuleSet());
        Button reload = new Button("Reload", new FontIcon(Material2MZ.REFRESH));
        reload.setId("reloadButton");
        reload.setTooltip(new Tooltip("Reload from the PCE"));
        reload.setOnAction(e -> vm.reload());
        ProgressBar progress = new ProgressBar();
        progress.setId("loadProgress");
        progress.progressProperty().bind(Bindings.when(vm.loadingProperty()).then(vm.progressProperty()).otherwise(0));
        progress.visibleProperty().bind(vm.loadingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setPrefWidth(100);
        Label status = new Label();
        status.setId("statusLabel");
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add(Styles.TEXT_MUTED);
        Label versionLabel = new Label("Version");
        // The controls keep their natural width (buttons keep their labels); the filter field and then the status text give way.
        for (Region r : List.of(listToggle, versionLabel, version, state, newRuleSet, reload)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        filter.setMinWidth(120);
        status.setMinWidth(0);
        status.setTooltip(new Tooltip());
        status.getTooltip().textProperty().bind(vm.statusProperty());
        HBox bar = new HBox(8, listToggle, versionLabel, version, filter, state, newRuleSet, reload, progress, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        return bar;
    }

    private Node ruleSetsTable() {
        TableView<RuleSetRow> t = RuleTables.ruleSets(vm);
        t.setPlaceholder(placeholder());
        t.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && t.getSelectionModel().getSelectedItem() != b) {
                t.getSelectionModel().select(b);
                t.scrollTo(b);
            }
        });
        t.setMinWidth(0);
        return t;
    }

    /**
     * The rule sets table's placeholder: during the first load a progress indicator, "Loading rule
     * sets… (phase)" and Cancel; afterwards "No rule sets match" (or why nothing is loaded).
     */
    private Node placeholder() {
        Label text = new Label();
        text.setId("ruleSetsPlaceholder");
        text.setWrapText(true);
        text.textProperty().bind(vm.placeholderProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("firstLoadProgress");
        spinner.setPrefSize(36, 36);
        spinner.visibleProperty().bind(vm.firstLoadProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Button cancel = new Button("Cancel", new FontIcon(Material2AL.CLOSE));
        cancel.setId("cancelLoadButton");
        cancel.visibleProperty().bind(vm.firstLoadProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancelLoad());
        VBox box = new VBox(10, spinner, text, cancel);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(12));
        return box;
    }

    private Node right() {
        TabPane tabs = new TabPane(new Tab("Rule set", detail()), new Tab("Rule filter", ruleFilter()));
        tabs.setId("detailTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        vm.selectedRuleProperty().addListener((o, a, b) -> {
            if (b != null) {
                tabs.getSelectionModel().select(0);
            }
        });
        Node ruleForm = new RuleForm(vm).root();
        Node ruleSetForm = new RuleSetForm(vm).root();
        Node ipTablesForm = new IpTablesForm(vm).root();
        ruleForm.visibleProperty().bind(vm.editingProperty().isEqualTo(Editing.RULE));
        ruleSetForm.visibleProperty().bind(vm.editingProperty().isEqualTo(Editing.RULE_SET));
        ipTablesForm.visibleProperty().bind(vm.editingProperty().isEqualTo(Editing.IP_TABLES));
        tabs.visibleProperty().bind(vm.editingProperty().isEqualTo(Editing.NONE));
        StackPane stack = new StackPane(tabs, ruleForm, ruleSetForm, ipTablesForm);
        stack.setMinWidth(0);
        return stack;
    }

    private Node detail() {
        Label title = new Label();
        title.setId("ruleSetTitle");
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(vm.selectedTitleProperty());
        title.setMinWidth(60);
        title.setTooltip(new Tooltip());
        title.getTooltip().textProperty().bind(vm.selectedTitleProperty());
        Label state = StateViews.stateChip(true);
        state.setId("ruleSetState");
        vm.selectedEnabledProperty().addListener((o, a, b) -> StateViews.show(state, b));
        state.visibleProperty().bind(vm.selectedProperty().isNotNull());
        state.managedProperty().bind(state.visibleProperty());
        Label badge = RuleTables.pendingBadge();
        badge.setId("pendingBadge");
        badge.textProperty().bind(vm.selectedStatusProperty());
        badge.visibleProperty().bind(badge.textProperty().isNotEmpty());
        badge.setMinWidth(Region.USE_PREF_SIZE);
        Label description = new Label();
        description.setWrapText(true);
        description.textProperty().bind(vm.selectedDescriptionProperty());
        VBox scopes = new VBox(4);
        scopes.setId("scopesBox");
        ChipViews.Opener opener = RuleTables.opener(vm);
        vm.selectedScopes().addListener((ListChangeListener<List<Name>>) c -> {
            scopes.getChildren().clear();
            for (List<Name> scope : vm.selectedScopes()) {
                scopes.getChildren().add(ChipViews.row(scope, opener, "All (global scope)", scopes.widthProperty()));
            }
        });
        Button edit = button("Edit rule set", "editRuleSetButton", Material2AL.EDIT, () -> vm.edits().editRuleSet());
        Button newIntra = button("New intra-scope rule", "newIntraRuleButton", Material2AL.ADD, () -> vm.edits().newRule(false));
        Button newExtra = button("New extra-scope rule", "newExtraRuleButton", Material2AL.ADD, () -> vm.edits().newRule(true));
        Button newIpt = button("New iptables rule", "newIpTablesRuleButton", Material2AL.ADD, () -> vm.edits().newIpTablesRule());
        Button delete = button("Delete rule set", "deleteRuleSetButton", Material2AL.DELETE_OUTLINE, () -> vm.edits().deleteRuleSet());
        for (Button b : List.of(edit, delete, newIntra, newExtra, newIpt)) {
            b.disableProperty().bind(vm.selectionEditableProperty().not());
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, state, badge, spacer, edit, delete);
        head.setAlignment(Pos.CENTER_LEFT);

        TableView<RuleRow> intra = RuleTables.rules("intraRulesTable", vm.intraRules(), vm, false, vm.edits()::editRule);
        TableView<RuleRow> extra = RuleTables.rules("extraRulesTable", vm.extraRules(), vm, false, vm.edits()::editRule);
        TableView<IpTablesRule> ipTables = RuleTables.ipTables(vm.ipTablesRules(), vm);
        SplitPane tables = new SplitPane(
                titled("Intra-scope rules", intra, newIntra, deleteButton("deleteIntraRuleButton", intra, vm.edits()::deleteRule)),
                titled("Extra-scope rules", extra, newExtra, deleteButton("deleteExtraRuleButton", extra, vm.edits()::deleteRule)),
                titled("Custom iptables rules", ipTables, newIpt,
                        deleteButton("deleteIpTablesRuleButton", ipTables, vm.edits()::deleteIpTablesRule)));
        tables.setOrientation(Orientation.VERTICAL);
        tables.setDividerPositions(0.4, 0.8);
        VBox.setVgrow(tables, Priority.ALWAYS);
        VBox box = new VBox(6, head, description, new Label("Scopes"), scopes, tables);
        box.setPadding(new Insets(8));
        return box;
    }

    /**
     * "Delete" for the row selected in {@code table}; enabled while there is one and the rule set can
     * be edited. The Delete key in the table and its context menu do the same (and ask the same).
     */
    private <T> Button deleteButton(String id, TableView<T> table, Consumer<T> delete) {
        Button b = button("Delete selected", id, Material2AL.DELETE_OUTLINE,
                () -> delete.accept(table.getSelectionModel().getSelectedItem()));
        b.disableProperty().bind(vm.selectionEditableProperty().not()
                .or(table.getSelectionModel().selectedItemProperty().isNull()));
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if ((e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) && !b.isDisabled()) {
                e.consume();
                b.fire();
            }
        });
        // No accelerator on the item: JavaFX would install it scene-wide, for all three tables at once.
        MenuItem item = new MenuItem("Delete (Del)");
        item.disableProperty().bind(b.disableProperty());
        item.setOnAction(e -> b.fire());
        table.setContextMenu(new ContextMenu(item));
        return b;
    }

    private static Node titled(String title, Node table, Button add, Button delete) {
        Label l = new Label(title);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        l.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, l, spacer, add, delete);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(4, head, table);
    }

    /** A small button with icon and text; it keeps its whole label (the space around it gives way). */
    private static Button button(String text, String id, org.kordamp.ikonli.Ikon icon, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setId(id);
        b.getStyleClass().add(Styles.SMALL);
        b.setOnAction(e -> action.run());
        return b;
    }

    private Node ruleFilter() {
        TextField query = new TextField();
        query.setId("ruleFilterField");
        query.setPromptText("Find rules by description, rule set, label, group, IP list, workload or service");
        query.textProperty().bindBidirectional(vm.ruleFilter().queryProperty());
        Label status = new Label();
        status.setId("ruleFilterStatus");
        status.textProperty().bind(vm.ruleFilter().statusProperty());
        TableView<RuleRow> results = RuleTables.rules("ruleFilterTable", vm.ruleFilter().results(), vm, true, vm::showRule);
        VBox.setVgrow(results, Priority.ALWAYS);
        VBox box = new VBox(6, query, status, results);
        box.setPadding(new Insets(8));
        return box;
    }

    /** The view's root node, for the shell. */
    public Node root() {
        return root;
    }
}
