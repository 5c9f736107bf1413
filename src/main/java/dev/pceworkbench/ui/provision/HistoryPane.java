package dev.pceworkbench.ui.provision;

import dev.pceworkbench.ui.common.policy.ViewParts;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The history tab of the Provision view: the policy versions (selecting one shows what it changed),
 * two versions (or a version and the draft) to compare, and their diff in the same lines as a
 * pending change's, beside the objects the selected version changed as the PCE lists them. Binds to {@link ProvisionHistory}.
 */
final class HistoryPane {
    private final ProvisionHistory history;
    private final VBox root;

    HistoryPane(ProvisionHistory history, Runnable reload) {
        this.history = history;
        Button reloadButton = ViewParts.button("historyReloadButton", "Reload", Material2MZ.REFRESH,
                "Load the versions again from the PCE", reload);
        HBox bar = ViewParts.actionBar(ViewParts.statusLine("historyStatus", history.statusProperty(), history.progress()),
                reloadButton);

        // Sorting a column sorts a view: the model's list stays newest first (each version's previous is next).
        javafx.collections.transformation.SortedList<HistoryRow> sorted =
                new javafx.collections.transformation.SortedList<>(history.versions());
        TableView<HistoryRow> versions = new TableView<>(sorted);
        sorted.comparatorProperty().bind(versions.comparatorProperty());
        versions.setId("versionsTable");
        versions.setPlaceholder(new Label("No policy versions loaded"));
        versions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        var number = ViewParts.textColumn("Version", HistoryRow::number, 70);
        number.setMinWidth(70);
        versions.getColumns().add(number);
        versions.getColumns().add(ViewParts.wrappingColumn("Description", HistoryRow::description, 250));
        var who = ViewParts.textColumn("By", HistoryRow::who, 70);
        who.setMinWidth(60);
        versions.getColumns().add(who);
        var when = ViewParts.textColumn("When", HistoryRow::when, 150);
        when.setMinWidth(150); // "2026-12-05 16:36" whole
        versions.getColumns().add(when);
        versions.getColumns().add(ViewParts.textColumn("Workloads affected", HistoryRow::workloadsAffected, 150));
        versions.getColumns().add(ViewParts.wrappingColumn("Objects", HistoryRow::counts, 340));
        versions.setPrefHeight(250);
        versions.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> history.selectedProperty().set(b));

        ComboBox<String> from = choice("compareFrom", history.fromProperty());
        ComboBox<String> to = choice("compareTo", history.toProperty());
        Button compare = ViewParts.button("compareButton", "Compare", Material2AL.COMPARE_ARROWS,
                "Show what differs between the two chosen versions", history::compare);
        compare.disableProperty().bind(history.canCompareProperty().not());
        Button cancel = ViewParts.button("compareCancelButton", "Cancel", Material2AL.CANCEL, "Stop the comparison",
                history::cancel);
        cancel.disableProperty().bind(history.progress().busy().not());
        Label fromLabel = new Label("Compare");
        fromLabel.setMinWidth(Label.USE_PREF_SIZE);
        Label toLabel = new Label("with");
        toLabel.setMinWidth(Label.USE_PREF_SIZE);
        HBox compareRow = new HBox(8, fromLabel, from, toLabel, to, compare, cancel);
        compareRow.setAlignment(Pos.CENTER_LEFT);

        ListView<DiffLine> diff = DiffViews.diffList("historyDiffList", history.diff());
        HBox.setHgrow(diff, Priority.ALWAYS);
        HBox details = new HBox(10, modifiedPane(), diff);
        VBox.setVgrow(details, Priority.ALWAYS);
        root = new VBox(8, bar, versions, compareRow, details);
        root.setPadding(new Insets(10, 12, 10, 12));
    }

    /** What the selected version changed, as the PCE lists it ({@code modified_objects}). */
    private Node modifiedPane() {
        Label status = new Label();
        status.setId("modifiedStatus");
        status.setWrapText(true);
        status.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
        status.textProperty().bind(history.modifiedStatusProperty());
        TableView<ModifiedRow> table = new TableView<>(history.modified());
        table.setId("modifiedTable");
        table.setPlaceholder(new Label("No version selected"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        javafx.scene.control.TableColumn<ModifiedRow, dev.pceworkbench.policy.diff.ChangeKind> change =
                new javafx.scene.control.TableColumn<>("Change");
        change.setCellValueFactory(c -> new javafx.beans.property.SimpleObjectProperty<>(c.getValue().kind()));
        change.setCellFactory(c -> new DiffViews.ChangeCell<>());
        change.setPrefWidth(110);
        change.setMinWidth(110);
        table.getColumns().add(change);
        // "enforcement boundary", "firewall settings" whole; the name takes the rest and wraps.
        var type = ViewParts.textColumn("Type", ModifiedRow::typeText, 190);
        type.setMinWidth(190);
        table.getColumns().add(type);
        table.getColumns().add(ViewParts.wrappingColumn("Name", ModifiedRow::name, 180));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(6, status, table);
        box.setPrefWidth(460);
        box.setMinWidth(320);
        return box;
    }

    private ComboBox<String> choice(String id, javafx.beans.property.ObjectProperty<String> value) {
        ComboBox<String> c = new ComboBox<>(history.choices());
        c.setId(id);
        c.setPrefWidth(300);
        c.setMinWidth(120);
        HBox.setHgrow(c, Priority.SOMETIMES);
        c.valueProperty().bindBidirectional(value);
        StringConverter<String> text = new StringConverter<>() {
            @Override
            public String toString(String v) {
                return history.choiceText(v);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        };
        c.setConverter(text);
        c.setCellFactory(v -> choiceCell());
        c.setButtonCell(choiceCell());
        // The chosen version's whole text, for a choice too narrow to show it.
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> history.choiceText(value.get()), value));
        c.setTooltip(tip);
        return c;
    }

    /** A version's text ("Version 12 — Open 443 to the web tier"), with the same text as tooltip. */
    private ListCell<String> choiceCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : history.choiceText(item));
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(history.choiceText(item)));
            }
        };
    }

    Node root() {
        return root;
    }
}
