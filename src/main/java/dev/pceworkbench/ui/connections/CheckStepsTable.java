package dev.pceworkbench.ui.connections;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.List;
import java.util.Locale;

/**
 * The connection check's steps as a table (status icon, step, message, time) with the selected
 * step's details (addresses, the presented certificate chain, the PCE's answer) underneath.
 */
final class CheckStepsTable {
    private CheckStepsTable() {
    }

    static Node build(ConnectionCheckViewModel check) {
        TableView<CheckStepRow> table = new TableView<>(check.steps());
        table.setId("checkSteps");
        Label placeholder = new Label("Check the connection to see each step: DNS, TCP, proxy, TLS, authentication, org access");
        placeholder.setWrapText(true);
        placeholder.setPadding(new javafx.geometry.Insets(0, 12, 0, 12));
        table.setPlaceholder(placeholder);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setMinHeight(120);
        table.getStyleClass().add(Styles.DENSE);

        TableColumn<CheckStepRow, CheckStepRow.Status> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        status.setCellFactory(c -> new StatusCell());
        status.setPrefWidth(105);
        status.setMaxWidth(120);
        TableColumn<CheckStepRow, String> step = new TableColumn<>("Step");
        step.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        step.setPrefWidth(115);
        step.setMaxWidth(130);
        TableColumn<CheckStepRow, String> time = new TableColumn<>("Time");
        time.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().duration().isZero() ? ""
                : c.getValue().duration().toMillis() + " ms"));
        time.setPrefWidth(65);
        time.setMaxWidth(75);
        TableColumn<CheckStepRow, String> message = new TableColumn<>("Message");
        message.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().message()));
        table.getColumns().setAll(List.of(status, step, time, message));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CheckStepRow row, boolean empty) {
                super.updateItem(row, empty);
                setTooltip(empty || row == null || row.message().isEmpty() ? null : new Tooltip(row.message()));
            }
        });

        TextArea details = new TextArea();
        details.setId("checkDetails");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPromptText("Select a step to see its details: addresses, the certificate chain, the PCE's answer");
        details.textProperty().bind(Bindings.createStringBinding(() -> {
            CheckStepRow r = table.getSelectionModel().getSelectedItem();
            return r == null ? "" : r.name() + ": " + r.message() + (r.details().isEmpty() ? "" : "\n\n" + r.detailsText());
        }, table.getSelectionModel().selectedItemProperty()));
        // When a step fails or warns, its explanation is what the user needs: show it without a click.
        check.steps().addListener((ListChangeListener<CheckStepRow>) c -> check.steps().stream()
                .filter(r -> r.status() == CheckStepRow.Status.FAILED || r.status() == CheckStepRow.Status.WARNING)
                .findFirst().ifPresent(r -> table.getSelectionModel().select(r)));
        SplitPane split = new SplitPane(table, details);
        split.setDividerPositions(0.7);
        VBox.setVgrow(split, Priority.ALWAYS);
        return split;
    }

    static Ikon icon(CheckStepRow.Status s) {
        return switch (s) {
            case PENDING -> Material2MZ.RADIO_BUTTON_UNCHECKED;
            case RUNNING -> Material2MZ.SYNC;
            case OK -> Material2AL.CHECK_CIRCLE;
            case WARNING -> Material2MZ.WARNING;
            case FAILED -> Material2AL.ERROR;
            case SKIPPED -> Material2MZ.REMOVE_CIRCLE_OUTLINE;
            case CANCELLED -> Material2AL.CANCEL;
        };
    }

    private static String style(CheckStepRow.Status s) {
        return switch (s) {
            case OK -> Styles.SUCCESS;
            case WARNING -> Styles.WARNING;
            case FAILED -> Styles.DANGER;
            case RUNNING -> Styles.ACCENT;
            case PENDING, SKIPPED, CANCELLED -> Styles.TEXT_MUTED;
        };
    }

    /** "✓ OK", "✗ Failed"…: an icon with a word, so the state does not hang on colour alone. */
    private static final class StatusCell extends TableCell<CheckStepRow, CheckStepRow.Status> {
        @Override
        protected void updateItem(CheckStepRow.Status s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            String word = s == CheckStepRow.Status.OK ? "OK" : s.name().charAt(0) + s.name().substring(1).toLowerCase(Locale.ROOT);
            Label l = new Label(word, new FontIcon(icon(s)));
            l.getStyleClass().addAll("check-status", "check-status-" + s.name().toLowerCase(Locale.ROOT), style(s));
            setGraphic(l);
            setText(null);
        }
    }
}
