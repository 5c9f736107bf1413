package dev.pceworkbench.ui.provision;

import atlantafx.base.theme.Styles;
import dev.pceworkbench.ui.common.StatusChips;
import dev.pceworkbench.ui.common.policy.ViewParts;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Impact tab of the Provision view: the days of traffic to read, what is evaluated, the summary
 * ("3 flows change: …") and the changed flows grouped, each with its change as a chip (colour, icon
 * and word), source, destination, port, counts and the decision before → after. Binds to
 * {@link ProvisionImpact}; progress and Cancel are the view's own.
 */
final class ImpactPane {
    private final VBox root;

    ImpactPane(ProvisionViewModel model) {
        ProvisionImpact impact = model.impact();
        Button run = ViewParts.button("impactRunButton", "Evaluate", Material2MZ.PLAY_ARROW,
                "Which observed flows the checked changes would allow or block", impact::run);
        run.disableProperty().bind(impact.blockedProperty().isNotEmpty());
        Button cancel = ViewParts.button("impactCancelButton", "Cancel", Material2AL.CANCEL, "Stop the running task",
                model::cancel);
        cancel.disableProperty().bind(model.progress().busy().not());
        HBox bar = ViewParts.actionBar(ViewParts.statusLine("impactStatus", model.statusProperty(), model.progress()),
                run, cancel);

        Label daysLabel = new Label("Traffic of the last");
        daysLabel.setMinWidth(Label.USE_PREF_SIZE);
        TextField days = new TextField();
        days.setId("impactDays");
        days.setPrefColumnCount(4);
        days.textProperty().bindBidirectional(impact.daysProperty());
        Label daysUnit = new Label("days");
        daysUnit.setMinWidth(Label.USE_PREF_SIZE);
        HBox daysRow = new HBox(8, daysLabel, days, daysUnit, ViewParts.errorLabel("impactDaysError", impact.daysErrorProperty()));
        daysRow.setAlignment(Pos.CENTER_LEFT);

        Label scope = new Label();
        scope.setId("impactScope");
        scope.setWrapText(true);
        scope.getStyleClass().add(Styles.TEXT_MUTED);
        scope.textProperty().bind(impact.scopeProperty());
        Label summary = new Label();
        summary.setId("impactSummary");
        summary.setWrapText(true);
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        summary.textProperty().bind(impact.summaryProperty());
        summary.managedProperty().bind(summary.visibleProperty());
        summary.visibleProperty().bind(impact.summaryProperty().isNotEmpty());

        TableView<ImpactRow> table = new TableView<>(impact.rows());
        table.setId("impactTable");
        table.setPlaceholder(new Label("No changed flows to show"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ImpactRow, ImpactRow> kind = new TableColumn<>("Change");
        kind.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue()));
        kind.setCellFactory(c -> new KindCell());
        kind.setPrefWidth(StatusChips.STATE_COLUMN_WIDTH + 20);
        kind.setComparator(java.util.Comparator.comparing(ImpactRow::kind));
        table.getColumns().add(kind);
        table.getColumns().add(ViewParts.wrappingColumn("Source", ImpactRow::source, 220));
        table.getColumns().add(ViewParts.wrappingColumn("Destination", ImpactRow::destination, 220));
        table.getColumns().add(ViewParts.textColumn("Port", ImpactRow::port, 100));
        table.getColumns().add(ViewParts.textColumn("Flows", r -> String.valueOf(r.flows()), 60));
        table.getColumns().add(ViewParts.textColumn("Connections", r -> String.valueOf(r.connections()), 100));
        table.getColumns().add(ViewParts.wrappingColumn("Before → after", ImpactRow::decisions, 190));
        VBox.setVgrow(table, Priority.ALWAYS);

        root = new VBox(8, bar, daysRow, scope, summary, table);
        root.setPadding(new Insets(10, 12, 10, 12));
    }

    /** The change as a chip: what the flows become, in the verdicts' colour and icon. */
    private static final class KindCell extends TableCell<ImpactRow, ImpactRow> {
        private final Label chip = new Label();

        KindCell() {
            chip.getStyleClass().add("status-chip");
            chip.setMinWidth(0);
            chip.setMaxWidth(Double.MAX_VALUE);
            setMinWidth(0);
        }

        @Override
        protected void updateItem(ImpactRow item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
            } else {
                StatusChips.style(chip, item.kind().text(), StatusChips.icon(item.verdict()), item.verdict().tone());
                setGraphic(chip);
            }
        }
    }

    Node root() {
        return root;
    }
}
