package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.ui.common.ChipStyles;

import dev.pceworkbench.policy.names.Name;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableDoubleValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Names as chips: small rounded labels reading {@link Name#display()}, with an icon per kind and
 * their colours from the workbench stylesheet ({@link ChipStyles} gives the style classes: one per
 * kind, one per label dimension), so they follow the light and dark themes. A chip too long for
 * its place is cut with an ellipsis and its tooltip shows the full text (and the href). Clicking a
 * chip opens the object it stands for where the view model can open it. Table cells wrap their
 * chips onto as many lines as they need within the column's width (the row grows with them), up to
 * {@value #MAX_IN_CELL} chips and "+N more", whose tooltip names the rest.
 */
final class ChipViews {
    static final int MAX_IN_CELL = 12;
    /** A cell's padding left and right (AtlantaFX's dense tables), kept free of chips. */
    private static final double CELL_PADDING = 14;
    /** A chip never takes more than this; a longer name is cut and read in full in the tooltip. */
    static final double MAX_WIDTH = 260;

    private ChipViews() {
    }

    /** What clicking a chip does: whether a name can be opened, and opening it. */
    record Opener(Predicate<Name> canOpen, Consumer<Name> open) {
        static final Opener NONE = new Opener(n -> false, n -> {
        });
    }

    private static Node icon(Name n) {
        var ikon = switch (n.kind()) {
            case LABEL_GROUP -> Material2AL.FOLDER_OPEN;
            case IP_LIST -> Material2AL.LANGUAGE;
            case WORKLOAD -> Material2MZ.STORAGE;
            case VIRTUAL_SERVICE -> Material2AL.CLOUD_QUEUE;
            case USER_GROUP -> Material2AL.GROUP;
            case ALL_WORKLOADS -> Material2AL.ALL_INCLUSIVE;
            case SERVICE, PORT -> Material2MZ.SETTINGS_ETHERNET;
            default -> null;
        };
        if (ikon == null) {
            return null;
        }
        FontIcon i = new FontIcon(ikon);
        i.setIconSize(12);
        return i;
    }

    /** One chip. */
    static Label chip(Name n, Opener opener) {
        Label l = new Label(n.display());
        l.getStyleClass().addAll(ChipStyles.classes(n));
        l.setGraphic(icon(n));
        l.setMaxWidth(MAX_WIDTH);
        l.setMinWidth(0);
        l.setTooltip(new Tooltip(n.display() + (n.href() == null ? "" : "\n" + n.href())));
        if (opener.canOpen().test(n)) {
            l.setCursor(Cursor.HAND);
            l.setOnMouseClicked(e -> {
                if (e.getClickCount() == 1) {
                    opener.open().accept(n);
                    e.consume();
                }
            });
        }
        return l;
    }

    /**
     * Chips that wrap onto several lines within {@code width} (each chip at most that wide, cut
     * with its tooltip beyond), {@code emptyText} for an empty list.
     */
    static FlowPane flow(List<Name> names, Opener opener, String emptyText, ObservableDoubleValue width) {
        FlowPane box = new FlowPane(4, 3);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.prefWrapLengthProperty().bind(width);
        box.setMinWidth(0);
        int n = Math.min(names.size(), MAX_IN_CELL);
        for (int i = 0; i < n; i++) {
            Label chip = chip(names.get(i), opener);
            // A chip longer than the cell wraps at its spaces ("IP list" over "IPL-Corporate-Networks").
            chip.setWrapText(true);
            chip.maxWidthProperty().bind(Bindings.min(MAX_WIDTH, width));
            box.getChildren().add(chip);
        }
        if (names.size() > n) {
            Label more = new Label("+" + (names.size() - n) + " more");
            more.setMinWidth(Region.USE_PREF_SIZE);
            more.setTooltip(new Tooltip(String.join("\n", names.subList(n, names.size()).stream().map(Name::display).toList())));
            box.getChildren().add(more);
        }
        if (names.isEmpty() && emptyText != null) {
            box.getChildren().add(new Label(emptyText));
        }
        return box;
    }

    /** A row of chips of a form (wrapping beyond three chips' width). */
    static FlowPane row(List<Name> names, Opener opener, String emptyText) {
        return flow(names, opener, emptyText, new javafx.beans.property.SimpleDoubleProperty(3 * MAX_WIDTH));
    }

    /** A row of chips (the detail's scopes), wrapping within {@code width}. */
    static FlowPane row(List<Name> names, Opener opener, String emptyText, ObservableDoubleValue width) {
        return flow(names, opener, emptyText, width);
    }

    /**
     * A table cell showing the chips {@code names} gives for its row item, wrapped within the
     * column's width: the row is as high as its tallest cell, so every chip shows.
     */
    static <S> TableCell<S, S> cell(Function<S, List<Name>> names, Opener opener, String emptyText) {
        return new TableCell<>() {
            private ObservableDoubleValue width;

            @Override
            protected void updateItem(S item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null || getTableColumn() == null) {
                    setGraphic(null);
                    return;
                }
                if (width == null) {
                    width = getTableColumn().widthProperty().subtract(CELL_PADDING);
                }
                setGraphic(flow(names.apply(item), opener, emptyText, width));
            }
        };
    }

    /** Chips of a form, each with a remove button, rebuilt when {@code list} changes; {@code name} shows an item. */
    static <T> FlowPane editable(ObservableList<T> list, Function<T, Name> name, String id, String emptyText) {
        FlowPane pane = new FlowPane(4, 4);
        pane.setId(id);
        pane.setPadding(new Insets(2));
        Runnable rebuild = () -> {
            pane.getChildren().clear();
            for (T item : List.copyOf(list)) {
                Name n = name.apply(item);
                Button remove = new Button("×");
                remove.getStyleClass().add("flat");
                remove.setOnAction(e -> list.remove(item));
                remove.setAccessibleText("Remove " + n.display());
                pane.getChildren().add(new HBox(0, chip(n, Opener.NONE), remove));
            }
            if (list.isEmpty()) {
                pane.getChildren().add(new Label(emptyText));
            }
        };
        list.addListener((ListChangeListener<T>) ch -> rebuild.run());
        rebuild.run();
        return pane;
    }

    /** Editable chips of names. */
    static FlowPane editable(ObservableList<Name> list, String id) {
        return editable(list, n -> n, id, "None yet");
    }
}
