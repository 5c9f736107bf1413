package dev.pceworkbench.ui.provision;

import dev.pceworkbench.policy.diff.ChangeKind;
import dev.pceworkbench.ui.common.policy.ViewParts;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.VBox;

/** The pending changes as a table: a checkbox, the change as a chip, the type on the first row of its group, name, who and when. */
final class PendingTable {
    private PendingTable() {
    }

    /** The table of the model's visible rows, sortable without reordering the model, in step with its current change. */
    static Node of(ProvisionViewModel model) {
        // Sorting a column sorts a view of the rows, never the model's list (grouped by type until then).
        SortedList<PendingRow> sorted =
                new SortedList<>(model.visibleRows());
        TableView<PendingRow> t = new TableView<>(sorted);
        sorted.comparatorProperty().bind(t.comparatorProperty());
        t.setId("pendingTable");
        t.setEditable(true);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(placeholder(model));
        TableColumn<PendingRow, Boolean> check = new TableColumn<>();
        check.setId("checkColumn");
        check.setCellValueFactory(d -> d.getValue().checkedProperty());
        check.setCellFactory(CheckBoxTableCell.forTableColumn(check));
        check.setEditable(true);
        check.setSortable(false);
        check.setMinWidth(36);
        check.setMaxWidth(36);
        TableColumn<PendingRow, ChangeKind> change = new TableColumn<>("Change");
        change.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().kind()));
        change.setCellFactory(c -> new DiffViews.ChangeCell<>());
        change.setMinWidth(112);
        change.setPrefWidth(112);
        t.getColumns().add(check);
        t.getColumns().add(change);
        // Type, who and when keep the width of their longest usual text ("Firewall settings", "2026-02-06 09:14");
        // the name takes what is left, and its tooltip has it whole.
        TableColumn<PendingRow, String> type = ViewParts.textColumn("Type", PendingRow::typeText, 140);
        type.setCellFactory(c -> new GroupCell());
        type.setMinWidth(140);
        t.getColumns().add(type);
        TableColumn<PendingRow, String> name = ViewParts.textColumn("Name", PendingRow::name, 170);
        name.setMinWidth(90);
        t.getColumns().add(name);
        TableColumn<PendingRow, String> who = ViewParts.textColumn("By", PendingRow::who, 70);
        who.setMinWidth(60);
        t.getColumns().add(who);
        TableColumn<PendingRow, String> when = ViewParts.textColumn("When", PendingRow::when, 150);
        when.setMinWidth(150);
        t.getColumns().add(when);
        t.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.currentProperty().set(b));
        model.currentProperty().addListener((o, a, b) -> {
            if (b != t.getSelectionModel().getSelectedItem()) {
                t.getSelectionModel().select(b);
            }
        });
        t.setMinWidth(0);
        return t;
    }

    /** During the first load a spinner and "Loading pending changes… (phase)"; then why the table is empty. */
    private static Node placeholder(ProvisionViewModel model) {
        Label text = new Label();
        text.setId("pendingPlaceholder");
        text.setWrapText(true);
        text.textProperty().bind(model.placeholderProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("firstLoadProgress");
        spinner.setPrefSize(36, 36);
        spinner.visibleProperty().bind(model.firstLoadProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        VBox box = new VBox(10, spinner, text);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(12));
        return box;
    }

    /**
     * The type of a pending change, written on the first row of each group only (the rows come
     * grouped by type), so the groups read as groups; every row keeps the type in its tooltip.
     */
    private static final class GroupCell extends TableCell<PendingRow, String> {
        private final Tooltip tip = new Tooltip();

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            int i = getIndex();
            var items = getTableView().getItems();
            boolean first = i <= 0 || i >= items.size() || !items.get(i - 1).typeText().equals(item);
            setText(first ? item : null);
            getStyleClass().remove("group-start");
            if (first) {
                getStyleClass().add("group-start");
            }
            tip.setText(item);
            setTooltip(tip);
        }
    }

}
