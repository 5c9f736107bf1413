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
import javafx.scene.control.ProgressBar;
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
    private final RuleSetsViewModel vm;
    private final BorderPane root = new BorderPane();

    public RuleSetsView(RuleSetsViewModel vm) {
        this.vm = vm;
        root.setId("ruleSetsView");
        root.setTop(toolbar());
        SplitPane split = new SplitPane(ruleSetsTable(), right());
        split.setDividerPositions(0.38);
        root.setCenter(split);
    }

    private Node toolbar() {
        ComboBox<String> version = new ComboBox<>(vm.versions());
        version.setId("versionBox");
        version.valueProperty().bindBidirectional(vm.versionProperty());
        version.setTooltip(new javafx.scene.control.Tooltip("Policy version: draft, active or a provisioned version"));
        TextField filter = new TextField();
        filter.setId("ruleSetFilter");
        filter.setPromptText("Filter by name or scope label");
        filter.textProperty().bindBidirectional(vm.filterTextProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        ComboBox<StateFilter> state = new ComboBox<>(FXCollections.observableArrayList(StateFilter.values()));
        state.setId("stateFilter");
        state.valueProperty().bindBidirectional(vm.stateFilterProperty());
        Button newRuleSet = new Button("New rule set", new FontIcon(Material2AL.ADD));
        newRuleSet.setId("newRuleSetButton");
        newRuleSet.disableProperty().bind(vm.editableProperty().not());
        newRuleSet.setOnAction(e -> vm.edits().newRuleSet());
        Button reload = new Button(null, new FontIcon(Material2MZ.REFRESH));
        reload.setId("reloadButton");
        reload.setTooltip(new javafx.scene.control.Tooltip("Reload from the PCE"));
        reload.setOnAction(e -> vm.reload());
        ProgressBar progress = new ProgressBar();
        progress.setId("loadProgress");
        progress.progressProperty().bind(Bindings.when(vm.loadingProperty()).then(vm.progressProperty()).otherwise(0));
        progress.visibleProperty().bind(vm.loadingProperty());
        progress.setPrefWidth(120);
        Label status = new Label();
        status.setId("statusLabel");
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add(Styles.TEXT_MUTED);
        Label versionLabel = new Label("Version");
        // The controls keep their natural width; the filter field and then the status text give way.
        for (javafx.scene.layout.Region r : List.of(versionLabel, version, state, newRuleSet, reload)) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        filter.setMinWidth(140);
        status.setMinWidth(0);
        status.setTooltip(new javafx.scene.control.Tooltip());
        status.getTooltip().textProperty().bind(vm.statusProperty());
        HBox bar = new HBox(8, versionLabel, version, filter, state, newRuleSet, reload, progress, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        return bar;
    }

    private Node ruleSetsTable() {
        SortedList<RuleSetRow> sorted = new SortedList<>(vm.ruleSets());
        TableView<RuleSetRow> t = new TableView<>(sorted);
        sorted.comparatorProperty().bind(t.comparatorProperty());
        t.setId("ruleSetsTable");
        t.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        TableColumn<RuleSetRow, String> name = RuleTables.column("Name", RuleSetRow::name, 180);
        name.setComparator(Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER));
        TableColumn<RuleSetRow, RuleSetRow> scopes = new TableColumn<>("Scopes");
        scopes.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyObjectWrapper<>(cd.getValue()));
        scopes.setCellFactory(col -> ChipViews.cell(RuleSetRow::scopeCell, RuleTables.opener(vm), Names.ALL_SCOPE));
        scopes.setComparator(Comparator.comparing(RuleSetRow::scopeText));
        scopes.setPrefWidth(220);
        t.getColumns().setAll(List.of(name, scopes,
                RuleTables.column("Enabled", r -> RuleTables.yesNo(r.enabled()), 60),
                RuleTables.column("Intra", RuleSetRow::intraRules, 50),
                RuleTables.column("Extra", RuleSetRow::extraRules, 50),
                RuleTables.column("iptables", RuleSetRow::ipTablesRules, 60),
                RuleTables.badgeColumn("Status", RuleSetRow::status)));
        t.setPlaceholder(new Label("No rule sets match"));
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
        return t;
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
        Label badge = RuleTables.pendingBadge();
        badge.setId("pendingBadge");
        badge.textProperty().bind(vm.selectedStatusProperty());
        badge.visibleProperty().bind(badge.textProperty().isNotEmpty());
        Label description = new Label();
        description.setWrapText(true);
        description.textProperty().bind(vm.selectedDescriptionProperty());
        VBox scopes = new VBox(4);
        scopes.setId("scopesBox");
        ChipViews.Opener opener = RuleTables.opener(vm);
        vm.selectedScopes().addListener((ListChangeListener<List<Name>>) c -> {
            scopes.getChildren().clear();
            for (List<Name> scope : vm.selectedScopes()) {
                scopes.getChildren().add(ChipViews.row(scope, opener, "All (global scope)"));
            }
        });
        Button edit = button("Edit rule set", "editRuleSetButton", () -> vm.edits().editRuleSet());
        Button newIntra = button("New intra-scope rule", "newIntraRuleButton", () -> vm.edits().newRule(false));
        Button newExtra = button("New extra-scope rule", "newExtraRuleButton", () -> vm.edits().newRule(true));
        Button newIpt = button("New iptables rule", "newIpTablesRuleButton", () -> vm.edits().newIpTablesRule());
        Button delete = button("Delete rule set", "deleteRuleSetButton", () -> vm.edits().deleteRuleSet());
        for (Button b : List.of(edit, delete, newIntra, newExtra, newIpt)) {
            b.disableProperty().bind(vm.selectionEditableProperty().not());
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, badge, spacer, edit, delete);
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
        Button b = button("Delete selected", id, () -> delete.accept(table.getSelectionModel().getSelectedItem()));
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
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, l, spacer, add, delete);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(4, head, table);
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
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
