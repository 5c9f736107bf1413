package dev.pceworkbench.ui.traffic;

import atlantafx.base.theme.Styles;
import dev.pceworkbench.policy.impact.Decision;
import dev.pceworkbench.policy.traffic.FlowSummary;
import dev.pceworkbench.ui.common.TableCells;
import dev.pceworkbench.ui.common.policy.ViewParts;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.List;

/**
 * The Summaries tab: the dimensions to group by (a menu of check items; "App group summary" picks
 * app | env → app | env on port), the groups with their flows, connections and decisions (reported
 * and draft), and for the selected groups: show their flows, propose a rule, export.
 */
final class TrafficSummaryView {
    private final SummaryModel model;
    private final TrafficViewModel owner;
    private final Runnable showTable;
    private final TableView<FlowSummary.Row> table = new TableView<>();
    private final VBox root;

    TrafficSummaryView(TrafficViewModel owner, Runnable showTable) {
        this.owner = owner;
        this.model = owner.summaries();
        this.showTable = showTable;
        MenuButton by = new MenuButton("Group by", new FontIcon(Material2AL.FILTER_LIST));
        by.setId("groupByButton");
        by.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        MenuItem appGroup = new MenuItem("App group summary (app | env → app | env on port)");
        appGroup.setId("appGroupItem");
        appGroup.setOnAction(e -> model.appGroup());
        by.getItems().addAll(appGroup, new SeparatorMenuItem());
        for (FlowSummary.Dimension d : SummaryModel.DIMENSIONS) {
            CheckMenuItem i = new CheckMenuItem(d.title());
            i.setId("dim-" + d.title().replace(' ', '-').replace("|", ""));
            i.selectedProperty().bindBidirectional(model.chosenProperty(d));
            by.getItems().add(i);
        }
        Label status = new Label();
        status.setId("summaryStatus");
        status.textProperty().bind(model.statusProperty());
        status.setMinWidth(0);
        status.setWrapText(true);
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(model.statusProperty());
        status.setTooltip(tip);
        HBox.setHgrow(status, Priority.ALWAYS);
        Button flows = ViewParts.button("showGroupFlows", "Show flows", Material2MZ.TABLE_ROWS,
                "Show the flows of the selected groups in the flows table", () -> {
                    model.showFlows(List.copyOf(table.getSelectionModel().getSelectedItems()));
                    showTable.run();
                });
        Button propose = ViewParts.button("proposeFromSummary", "Propose rule", Material2MZ.POST_ADD,
                "Open a rule allowing the flows of the selected groups in the rule editor (draft)",
                () -> model.proposeRule(List.copyOf(table.getSelectionModel().getSelectedItems())));
        flows.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        propose.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(owner.busyProperty()));
        Button csv = ViewParts.button("exportSummaryCsv", "Export CSV", Material2MZ.SAVE_ALT, "Save the summary as CSV",
                model::exportCsv);
        Button json = ViewParts.button("exportSummaryJson", "Export JSON", Material2AL.CODE, "Save the summary as JSON",
                model::exportJson);
        csv.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.rows()).or(owner.busyProperty()));
        json.disableProperty().bind(csv.disableProperty());
        // The grouping in words goes under the buttons, on the full width: never cut.
        HBox bar = new HBox(8, by, ViewParts.spacer(), flows, propose, csv, json);
        bar.setAlignment(Pos.CENTER_LEFT);

        table.setId("summaryTable");
        table.setPlaceholder(new Label("No groups: run a query"));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setTableMenuButtonVisible(true);
        table.getStyleClass().add(Styles.STRIPED);
        SortedList<FlowSummary.Row> sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && table.getSelectionModel().getSelectedItem() != null) {
                flows.fire();
            }
        });
        model.rows().addListener((ListChangeListener<FlowSummary.Row>) c -> columns());
        columns();
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(6, bar, status, table);
        root.setPadding(new Insets(6, 0, 0, 0));
    }

    private void columns() {
        List<FlowSummary.Dimension> dims = model.grouped();
        if (table.getColumns().size() == dims.size() + 6 && !dims.isEmpty()
                && table.getColumns().get(0).getText().equals(dims.get(0).title())) {
            return;
        }
        table.getColumns().clear();
        for (int i = 0; i < dims.size(); i++) {
            int k = i;
            TableColumn<FlowSummary.Row, String> c = TableCells.column(dims.get(i).title(),
                    r -> r.values().get(k).text(), true);
            // A port is short: its room goes to the label columns.
            c.setPrefWidth(dims.get(i).title().startsWith("Port") ? 100 : dims.size() <= 3 ? 200 : 150);
            table.getColumns().add(c);
        }
        table.getColumns().add(number("Flows", FlowSummary.Row::flowCount));
        table.getColumns().add(number("Connections", r -> r.connections()));
        TableColumn<FlowSummary.Row, String> blocked = TableCells.column("Blocked / potentially",
                r -> (r.decisions(Decision.BLOCKED) + r.decisions(Decision.POTENTIALLY_BLOCKED)) == 0 ? ""
                        : r.decisions(Decision.BLOCKED) + " / " + r.decisions(Decision.POTENTIALLY_BLOCKED), false);
        blocked.setMinWidth(TableCells.headerWidth("Blocked / potentially"));
        // The decision chips say it with colour and icon; this count stays in the column chooser.
        blocked.setVisible(false);
        table.getColumns().add(blocked);
        table.getColumns().add(decisionsColumn("Decisions", FlowSummary.Row::decisions));
        table.getColumns().add(decisionsColumn("Draft decisions", FlowSummary.Row::draftDecisions));
        TableColumn<FlowSummary.Row, String> last = TableCells.column("Last seen", r -> r.lastSeen() == null ? "" : r.lastSeen(), false);
        last.setVisible(false);
        table.getColumns().add(last);
    }

    /** A group's decisions as chips (colour, icon and words: "12 Allowed", "3 Blocked"); sorted by the text. */
    private static TableColumn<FlowSummary.Row, int[]> decisionsColumn(String header,
                                                                       java.util.function.Function<FlowSummary.Row, int[]> counts) {
        TableColumn<FlowSummary.Row, int[]> c = new TableColumn<>(header);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(counts.apply(d.getValue())));
        c.setComparator(java.util.Comparator.comparing(SummaryModel::decisions));
        c.setPrefWidth(250);
        c.setMinWidth(TableCells.headerWidth(header));
        c.setCellFactory(x -> new javafx.scene.control.TableCell<>() {
            private final javafx.scene.layout.FlowPane chips = new javafx.scene.layout.FlowPane(4, 2);

            @Override
            protected void updateItem(int[] n, boolean empty) {
                super.updateItem(n, empty);
                setText(null);
                if (empty || n == null) {
                    setGraphic(null);
                    return;
                }
                chips.getChildren().clear();
                for (Decision d : Decision.values()) {
                    if (d.ordinal() < n.length && n[d.ordinal()] > 0) {
                        dev.pceworkbench.ui.common.Verdict v = Decisions.verdict(d.word());
                        Label chip = new Label();
                        chip.getStyleClass().add("status-chip");
                        dev.pceworkbench.ui.common.StatusChips.style(chip, String.format(java.util.Locale.US, "%,d %s",
                                n[d.ordinal()], v.word()), dev.pceworkbench.ui.common.StatusChips.icon(v), v.tone());
                        chip.setMinWidth(Label.USE_PREF_SIZE);
                        chips.getChildren().add(chip);
                    }
                }
                chips.setPrefWrapLength(Math.max(80, getTableColumn().getWidth() - 12));
                setGraphic(chips);
            }
        });
        return c;
    }

    private static TableColumn<FlowSummary.Row, Number> number(String header, java.util.function.ToLongFunction<FlowSummary.Row> f) {
        TableColumn<FlowSummary.Row, Number> c = new TableColumn<>(header);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.applyAsLong(d.getValue())));
        c.setMinWidth(TableCells.headerWidth(header));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    Node root() {
        return root;
    }
}
