package dev.pceworkbench.ui.rulesets;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.pceworkbench.pce.model.IpTablesRule;
import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.ui.common.policy.ViewParts;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The virtualized rule tables of the detail pane and the rule filter: providers, services,
 * consumers as chips (user groups with the consumers), {@code resolve_labels_as}, stateless,
 * enabled, description and a "pending" badge; and the custom iptables rules table.
 */
final class RuleTables {
    private RuleTables() {
    }

    static <S, T> TableColumn<S, T> column(String title, Function<S, T> value, double width) {
        TableColumn<S, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static <S> TableColumn<S, S> chipColumn(String title, Function<S, List<Name>> names, ChipViews.Opener opener,
                                                 double width) {
        TableColumn<S, S> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        c.setCellFactory(col -> ChipViews.cell(names, opener, "None"));
        c.setSortable(false);
        c.setPrefWidth(width);
        return c;
    }

    /** A column of badges: {@code status} gives the badge text ("pending", "pending deletion") or null. */
    static <S> TableColumn<S, String> badgeColumn(String title, Function<S, String> status) {
        TableColumn<S, String> c = column(title, status, 80);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                Label badge = pendingBadge();
                badge.setText(item);
                setGraphic(badge);
            }
        });
        return c;
    }

    static Label pendingBadge() {
        Label l = new Label("pending");
        l.getStyleClass().add("pending-badge"); // coloured by the workbench stylesheet
        return l;
    }

    static String yesNo(boolean b) {
        return b ? "Yes" : "No";
    }

    /** A rule table ({@code withRuleSet}: first column the rule set's name, for the rule filter). */
    static TableView<RuleRow> rules(String id, ObservableList<RuleRow> items, RuleSetsViewModel vm, boolean withRuleSet,
                                    Consumer<RuleRow> onOpen) {
        TableView<RuleRow> t = new TableView<>(items);
        t.setId(id);
        t.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        List<TableColumn<RuleRow, ?>> cols = new ArrayList<>();
        if (withRuleSet) {
            cols.add(column("Rule set", r -> r.ruleSet().name(), 160));
        }
        ChipViews.Opener opener = opener(vm);
        cols.add(chipColumn("Providers", vm.cells()::providers, opener, 200));
        cols.add(chipColumn("Services", vm.cells()::services, opener, 140));
        cols.add(chipColumn("Consumers", vm.cells()::consumers, opener, 200));
        cols.add(column("Resolve labels as", RuleRow::resolveText, 150));
        cols.add(column("Stateless", r -> yesNo(r.stateless()), 70));
        cols.add(column("Enabled", r -> yesNo(r.enabled()), 70));
        cols.add(badgeColumn("Status", RuleRow::status));
        cols.add(column("Description", RuleRow::description, 200));
        t.getColumns().setAll(cols);
        t.setPlaceholder(new Label(withRuleSet ? "Type in the rule filter to find rules" : "No rules"));
        // Workload names arrive after the rules: render the visible cells again with them.
        vm.namesProperty().addListener((o, a, b) -> t.refresh());
        ViewParts.openOnDoubleClick(t, onOpen);
        vm.selectedRuleProperty().addListener((o, a, b) -> {
            if (b != null && items.contains(b)) {
                t.getSelectionModel().select(b);
                t.scrollTo(b);
            }
        });
        return t;
    }

    static TableView<IpTablesRule> ipTables(ObservableList<IpTablesRule> items, RuleSetsViewModel vm) {
        TableView<IpTablesRule> t = new TableView<>(items);
        t.setId("ipTablesRulesTable");
        t.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<IpTablesRule, String> statements = new TableColumn<>("Statements");
        statements.setCellValueFactory(cd -> new ReadOnlyStringWrapper(vm.cells().statements(cd.getValue())));
        statements.setPrefWidth(320);
        TableColumn<IpTablesRule, IpTablesRule> actors = chipColumn("Applied to", vm.cells()::appliedTo, opener(vm), 200);
        t.getColumns().setAll(List.of(statements, actors, column("IP version", IpTablesRule::ipVersion, 80),
                column("Enabled", r -> yesNo(RuleCells.enabled(r)), 70),
                badgeColumn("Status", RuleCells::status),
                column("Description", RuleCells::description, 200)));
        t.setPlaceholder(new Label("No custom iptables rules"));
        vm.namesProperty().addListener((o, a, b) -> t.refresh());
        ViewParts.openOnDoubleClick(t, vm.edits()::openIpTablesRule);
        return t;
    }

    /** Chips open what the view model can open. */
    static ChipViews.Opener opener(RuleSetsViewModel vm) {
        return new ChipViews.Opener(vm::canOpen, vm::openObject);
    }
}
