package dev.pceworkbench.ui.common.policy;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import dev.pceworkbench.ui.common.TableCells;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Small building blocks the rule search and policy check views share (buttons, status line, text
 * columns, double-click to open, the "verify on PCE" verdict and differences).
 */
public final class ViewParts {
    private ViewParts() {
    }

    /** A button with an icon and its label, never shrunk below its label (a toolbar overflows instead). */
    public static Button button(String id, String text, Ikon icon, String tooltip, Runnable action) {
        Button b = new Button(text, icon == null ? null : new FontIcon(icon));
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setTooltip(new Tooltip(tooltip));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A label in the danger colour that takes no room while it is empty. */
    public static Label errorLabel(String id, ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.DANGER);
        l.textProperty().bind(text);
        l.visibleProperty().bind(Bindings.createBooleanBinding(() -> text.getValue() != null && !text.getValue().isEmpty(), text));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    /**
     * A status line on the left and the actions on the right, in a tool bar that keeps every button's
     * icon and label and moves the ones that do not fit into its overflow menu (never "Expo…"); the
     * status line gives way first, its full text in a tooltip.
     */
    public static HBox actionBar(Node status, Node... actions) {
        ToolBar tools = new ToolBar(actions);
        tools.getStyleClass().add("action-bar");
        tools.setMinWidth(60);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox.setHgrow(tools, Priority.SOMETIMES);
        if (status instanceof Region r) {
            r.setMinWidth(120);
            r.setMaxWidth(Double.MAX_VALUE);
        }
        tools.setMaxWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, status, tools);
        // HBox shrinks every child alike: keep the buttons whole while the status line still has room.
        tools.minWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(60, Math.min(tools.prefWidth(-1), bar.getWidth() - 8 - 220)), bar.widthProperty()));
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return bar;
    }

    /** Status text, then a progress bar while {@code progress} is busy. */
    public static HBox statusLine(String id, ObservableValue<String> status, TaskProgress progress) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(status);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(status);
        l.setTooltip(tip);
        ProgressBar bar = new ProgressBar();
        bar.setId(id + "Progress");
        bar.progressProperty().bind(progress.progress());
        bar.visibleProperty().bind(progress.busy());
        bar.managedProperty().bind(bar.visibleProperty());
        bar.setPrefWidth(160);
        Label message = new Label();
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.textProperty().bind(progress.message());
        message.visibleProperty().bind(progress.busy());
        message.managedProperty().bind(message.visibleProperty());
        HBox box = new HBox(8, l, bar, message);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    public static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    /** A text column whose cells carry their full text in a tooltip (see {@link TableCells}). */
    public static <T> TableColumn<T, String> textColumn(String header, Function<T, String> text, double width) {
        TableColumn<T, String> c = TableCells.column(header, text, false);
        c.setPrefWidth(Math.max(width, c.getMinWidth()));
        return c;
    }

    /** A text column whose cells wrap long texts onto several lines (and carry a tooltip). */
    public static <T> TableColumn<T, String> wrappingColumn(String header, Function<T, String> text, double width) {
        TableColumn<T, String> c = TableCells.column(header, text, true);
        c.setPrefWidth(Math.max(width, c.getMinWidth()));
        return c;
    }

    public static Node muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    /** Opens a row's item with {@code open} on a double click. */
    public static <T> void openOnDoubleClick(TableView<T> table, Consumer<T> open) {
        table.setRowFactory(t -> {
            TableRow<T> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
    }

    /** The verdict of "verify on PCE" ({@code #verifyStatus}). */
    public static Label verifyStatus(ObservableValue<String> status) {
        Label l = new Label();
        l.setId("verifyStatus");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.textProperty().bind(status);
        return l;
    }

    /** The rules only one side found ({@code #verifyDifferences}); takes no room while there are none. */
    public static ListView<String> verifyDifferences(ObservableList<String> differences, double height) {
        ListView<String> list = new ListView<>(differences);
        list.setId("verifyDifferences");
        list.setPrefHeight(height);
        list.visibleProperty().bind(Bindings.isNotEmpty(differences));
        list.managedProperty().bind(list.visibleProperty());
        return list;
    }
}
