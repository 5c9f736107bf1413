package dev.pceworkbench.ui.rulesets;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.pceworkbench.pce.model.IpTablesRule;
import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.policy.names.Names;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The virtualized tables of the rulesets view, laid out to be read at a laptop's size (1280 × 800):
 * short headers that never shrink below their text, each with a tooltip saying what the column
 * holds; actors and services as chips that wrap onto several lines in their cell (the row grows);
 * text cells whose tooltip gives the full text where it does not fit; the state (enabled or
 * disabled, with icon and word, the "pending" badge) in its own column, and disabled rows muted.
 * The rule sets table, the rule tables of the detail and the rule filter, and the custom iptables
 * rules table.
 */
final class RuleTables {
    /** Rows of disabled rules and rule sets: muted by the workbench stylesheet. */
    static final PseudoClass DISABLED_ROW = PseudoClass.getPseudoClass("disabled-row");
    /** Room for a header's padding and sort arrow beside its text. */
    private static final double HEADER_PADDING = 30;

    private RuleTables() {
    }

    /**
     * Gives {@code c} the header {@code text} (a label with the tooltip {@code tip}, which starts
     * with the text) and a minimum width that keeps the text whole in the header's font.
     */
    static <S, T> TableColumn<S, T> header(TableColumn<S, T> c, String text, String tip) {
        Label l = new Label(text);
        l.setTooltip(new Tooltip(tip == null ? text : text + ": " + tip));
        c.setText(null);
        c.setGraphic(l);
        c.setId(null);
        Runnable fit = () -> c.setMinWidth(Math.max(c.getMinWidth(), textWidth(text, l.getFont()) + HEADER_PADDING));
        l.fontProperty().addListener((o, a, b) -> fit.run());
        fit.run();
        return c;
    }

    /** The header text of a column made by {@link #header} (its label's), for tests and exports. */
    static String headerText(TableColumn<?, ?> c) {
        return c.getGraphic() instanceof Label l ? l.getText() : c.getText();
    }

    private static double textWidth(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return Math.ceil(t.getLayoutBounds().getWidth());
    }

    /** A column of text, each cell with a tooltip giving its full text. */
    static <S> TableColumn<S, String> text(String title, String tip, Function<S, String> value, double width) {
        TableColumn<S, String> c = new TableColumn<>();
        header(c, title, tip);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setCellFactory(col -> textCell());
        c.setPrefWidth(width);
        return c;
    }

    /** A text cell whose tooltip is its full text (a table cell cuts what is wider than its column). */
    static <S> TableCell<S, String> textCell() {
        return new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean none = empty || item == null || item.isBlank();
                setText(empty ? null : item);
                setGraphic(null);
                tip.setText(none ? "" : item);
                setTooltip(none ? null : tip);
            }
        };
    }

    private static <S> TableColumn<S, S> chipColumn(String title, String tip, Function<S, List<Name>> names,
                                                 ChipViews.Opener opener, double width, double min) {
        TableColumn<S, S> c = new TableColumn<>();
        header(c, title, tip);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        c.setCellFactory(col -> ChipViews.cell(names, opener, "None"));
        c.setSortable(false);
        c.setPrefWidth(width);
        c.setMinWidth(Math.max(c.getMinWidth(), min));
        return c;
    }

    private static <S> TableColumn<S, S> stateColumn(Predicate<S> enabled, Predicate<S> stateless,
                                                   Function<S, String> badge, String tip) {
        TableColumn<S, S> c = new TableColumn<>();
        header(c, "State", tip);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        c.setCellFactory(col -> StateViews.cell(enabled, stateless, badge));
        c.setComparator(Comparator.comparing(enabled::test));
        c.setPrefWidth(100);
        c.setMinWidth(Math.max(c.getMinWidth(), 100));
        c.setMaxWidth(150);
        return c;
    }

    static Label pendingBadge() {
        Label l = new Label("pending");
        l.getStyleClass().add("pending-badge"); // coloured by the workbench stylesheet
        return l;
    }

    /** Rows that open their item on a double click, muted while {@code enabled} says no. */
    private static <T> void rows(TableView<T> t, Predicate<T> enabled, Consumer<T> onOpen) {
        t.setRowFactory(tv -> {
            TableRow<T> row = new TableRow<>() {
                @Override
                protected void updateItem(T item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(DISABLED_ROW, !empty && item != null && !enabled.test(item));
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    onOpen.accept(row.getItem());
                }
            });
            return row;
        });
    }

    private static void dense(TableView<?> t, String id) {
        t.setId(id);
        t.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    /**
     * The rule sets table (the master list), narrow: the state (with the pending badge), and the
     * rule set, its name over its scopes' chips (wrapping), the rule counts in the name's tooltip.
     */
    static TableView<RuleSetRow> ruleSets(RuleSetsViewModel vm) {
        SortedList<RuleSetRow> sorted = new SortedList<>(vm.ruleSets());
        TableView<RuleSetRow> t = new TableView<>(sorted);
        sorted.comparatorProperty().bind(t.comparatorProperty());
        dense(t, "ruleSetsTable");
        TableColumn<RuleSetRow, RuleSetRow> state = stateColumn(RuleSetRow::enabled, null, RuleSetRow::status,
                "enabled or disabled, and 'pending' where the draft changed the rule set");
        TableColumn<RuleSetRow, RuleSetRow> ruleSet = new TableColumn<>();
        header(ruleSet, "Rule set", "its name over its scopes (the labels that select its workloads); "
                + "its rule counts in the name's tooltip");
        ruleSet.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        ChipViews.Opener opener = opener(vm);
        ruleSet.setCellFactory(col -> new TableCell<>() {
            private javafx.beans.value.ObservableDoubleValue width;

            @Override
            protected void updateItem(RuleSetRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(null);
                if (empty || r == null) {
                    setGraphic(null);
                    return;
                }
                if (width == null) {
                    width = getTableColumn().widthProperty().subtract(14);
                }
                Label name = new Label(r.name());
                name.getStyleClass().add("rule-set-name");
                name.setMinWidth(0);
                name.maxWidthProperty().bind(width);
                name.setTooltip(new Tooltip(r.name() + "\n" + r.totalRules() + " rules: " + r.intraRules()
                        + " intra-scope, " + r.extraRules() + " extra-scope, " + r.ipTablesRules() + " custom iptables"));
                javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(2, name,
                        ChipViews.flow(r.scopeCell(), opener, Names.ALL_SCOPE, width));
                box.setMinWidth(0);
                setGraphic(box);
            }
        });
        ruleSet.setComparator(Comparator.comparing(RuleSetRow::name, Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER)));
        ruleSet.setPrefWidth(220);
        t.getColumns().setAll(List.of(state, ruleSet));
        t.getSortOrder().setAll(List.of());
        rows(t, RuleSetRow::enabled, r -> {
        });
        return t;
    }

    /** A rule table ({@code withRuleSet}: first column the rule set's name, for the rule filter). */
    static TableView<RuleRow> rules(String id, ObservableList<RuleRow> items, RuleSetsViewModel vm, boolean withRuleSet,
                                    Consumer<RuleRow> onOpen) {
        TableView<RuleRow> t = new TableView<>(items);
        dense(t, id);
        List<TableColumn<RuleRow, ?>> cols = new ArrayList<>();
        if (withRuleSet) {
            TableColumn<RuleRow, String> rs = text("Rule set", "the rule set the rule belongs to", r -> r.ruleSet().name(), 140);
            rs.setMinWidth(Math.max(rs.getMinWidth(), 100));
            cols.add(rs);
        }
        TableColumn<RuleRow, Integer> number = new TableColumn<>();
        header(number, "#", "the rule's number in its rule set");
        number.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().number()));
        number.setPrefWidth(44);
        number.setMaxWidth(60);
        cols.add(number);
        cols.add(stateColumn(RuleRow::enabled, RuleRow::stateless, RuleRow::status,
                "enabled or disabled, 'Stateless' for stateless rules, and 'pending' where the draft changed the rule"));
        ChipViews.Opener opener = opener(vm);
        cols.add(chipColumn("Providers", "what the rule allows connections to (destinations)", vm.cells()::providers,
                opener, 180, 110));
        cols.add(chipColumn("Services", "the ports and protocols allowed", vm.cells()::services, opener, 120, 90));
        cols.add(chipColumn("Consumers", "what the rule allows connections from (sources), user groups last",
                vm.cells()::consumers, opener, 180, 110));
        TableColumn<RuleRow, String> resolve = text("Resolve as", "what the rule's labels select on each side "
                + "(resolve_labels_as): workloads, virtual services or both", RuleRow::resolveShort, 90);
        resolve.setMaxWidth(220);
        cols.add(resolve);
        TableColumn<RuleRow, String> description = text("Description", "the rule's description", RuleRow::description, 160);
        description.setMinWidth(Math.max(description.getMinWidth(), 100));
        cols.add(description);
        t.getColumns().setAll(cols);
        t.setPlaceholder(new Label(withRuleSet ? "Type in the rule filter to find rules" : "No rules"));
        // Workload names arrive after the rules: render the visible cells again with them.
        vm.namesProperty().addListener((o, a, b) -> t.refresh());
        rows(t, RuleRow::enabled, onOpen);
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
        dense(t, "ipTablesRulesTable");
        TableColumn<IpTablesRule, String> statements = text("Statements", "table, chain and parameters, one a line",
                vm.cells()::statements, 300);
        TableColumn<IpTablesRule, IpTablesRule> actors = chipColumn("Applied to", "the workloads the rule is applied to",
                vm.cells()::appliedTo, opener(vm), 180, 110);
        TableColumn<IpTablesRule, String> ipVersion = text("IP", "the IP version: 4 or 6", IpTablesRule::ipVersion, 50);
        TableColumn<IpTablesRule, IpTablesRule> state = stateColumn(RuleCells::enabled, null, RuleCells::status,
                "enabled or disabled, and 'pending' where the draft changed the rule");
        t.getColumns().setAll(List.of(state, statements, actors, ipVersion,
                text("Description", "the rule's description", RuleCells::description, 160)));
        t.setPlaceholder(new Label("No custom iptables rules"));
        vm.namesProperty().addListener((o, a, b) -> t.refresh());
        rows(t, RuleCells::enabled, vm.edits()::openIpTablesRule);
        return t;
    }

    /** Chips open what the view model can open. */
    static ChipViews.Opener opener(RuleSetsViewModel vm) {
        return new ChipViews.Opener(vm::canOpen, vm::openObject);
    }
}
