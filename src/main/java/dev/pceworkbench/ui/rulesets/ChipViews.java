package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.policy.names.Name;
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
 * chip opens the object it stands for where the view model can open it; table cells show at most a
 * few chips and "+N more".
 */
final class ChipViews {
    private static final int MAX_IN_CELL = 6;
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

    /** A row of chips for a table cell, {@code emptyText} for an empty list. */
    static HBox row(List<Name> names, Opener opener, String emptyText) {
        HBox box = new HBox(4);
        int n = Math.min(names.size(), MAX_IN_CELL);
        for (int i = 0; i < n; i++) {
            box.getChildren().add(chip(names.get(i), opener));
        }
        if (names.size() > n) {
            box.getChildren().add(new Label("+" + (names.size() - n) + " more"));
        }
        if (names.isEmpty() && emptyText != null) {
            box.getChildren().add(new Label(emptyText));
        }
        return box;
    }

    /** A table cell showing the chips {@code names} gives for its row item. */
    static <S> TableCell<S, S> cell(Function<S, List<Name>> names, Opener opener, String emptyText) {
        return new TableCell<>() {
            @Override
            protected void updateItem(S item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : row(names.apply(item), opener, emptyText));
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
