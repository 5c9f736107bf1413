package dev.pceworkbench.ui.rulesets;

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
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Chips as nodes: small rounded boxes, labels coloured by their dimension (a fixed colour for the
 * usual role / app / env / loc keys, a stable one per other key), label groups with a group icon,
 * IP lists, workloads, virtual services, user groups and services with their own icon. Clicking a
 * chip opens the object it stands for; table cells show at most a few chips and "+N more".
 */
final class ChipViews {
    private static final Map<String, String> KEY_COLOURS = Map.of("role", "#2f6fde", "app", "#1f8a4c",
            "env", "#c26a00", "loc", "#7a3fc0");
    private static final String[] OTHER_COLOURS = {"#0f7c8c", "#b8336a", "#5a6b00", "#8c5a2b", "#3f51b5"};
    private static final int MAX_IN_CELL = 6;

    private ChipViews() {
    }

    static String colour(Chip c) {
        return switch (c.kind()) {
            case LABEL -> c.key() == null ? "#666666" : KEY_COLOURS.getOrDefault(c.key(),
                    OTHER_COLOURS[Math.floorMod(c.key().hashCode(), OTHER_COLOURS.length)]);
            case LABEL_GROUP -> "#455a64";
            case ALL_WORKLOADS -> "#37474f";
            case IP_LIST -> "#6d4c41";
            case WORKLOAD -> "#00695c";
            case VIRTUAL_SERVICE -> "#ad1457";
            case USER_GROUP -> "#4527a0";
            default -> "#616161";
        };
    }

    private static Node icon(Chip c) {
        var ikon = switch (c.kind()) {
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
        // The chip's own font (set on the label, inherited by its graphic) would replace the icon
        // font and draw an empty box: name the icon font again on the icon itself.
        i.setStyle("-fx-icon-color: white; -fx-font-family: 'Material Icons';");
        return i;
    }

    /** One chip; {@code open} (may be null) is called when it is clicked. */
    static Label chip(Chip c, Consumer<Chip> open) {
        Label l = new Label(c.shortText());
        l.getStyleClass().addAll("chip", "chip-" + c.kind().name().toLowerCase(java.util.Locale.ROOT));
        l.setGraphic(icon(c));
        l.setStyle("-fx-background-color: " + colour(c) + "; -fx-text-fill: white; -fx-background-radius: 8; "
                + "-fx-padding: 1 6 1 6; -fx-font-size: 0.9em;");
        l.setTooltip(new Tooltip(c.display() + (c.href() == null ? "" : "\n" + c.href())));
        if (open != null && c.href() != null && c.kind() != Chip.Kind.SERVICE) {
            l.setCursor(Cursor.HAND);
            l.setOnMouseClicked(e -> {
                if (e.getClickCount() == 1) {
                    open.accept(c);
                    e.consume();
                }
            });
        }
        return l;
    }

    /** A row of chips for a table cell, "All" for an empty list when {@code emptyText} says so. */
    static HBox row(List<Chip> chips, Consumer<Chip> open, String emptyText) {
        HBox box = new HBox(4);
        int n = Math.min(chips.size(), MAX_IN_CELL);
        for (int i = 0; i < n; i++) {
            box.getChildren().add(chip(chips.get(i), open));
        }
        if (chips.size() > n) {
            box.getChildren().add(new Label("+" + (chips.size() - n) + " more"));
        }
        if (chips.isEmpty() && emptyText != null) {
            box.getChildren().add(new Label(emptyText));
        }
        return box;
    }

    /** A table cell showing the chips {@code chips} gives for its row item. */
    static <S> TableCell<S, S> cell(Function<S, List<Chip>> chips, Consumer<Chip> open, String emptyText) {
        return new TableCell<>() {
            @Override
            protected void updateItem(S item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : row(chips.apply(item), open, emptyText));
            }
        };
    }

    /** Editable chips of a form: each with a remove button; rebuilt when the list changes. */
    static FlowPane editable(ObservableList<Chip> list, String id) {
        FlowPane pane = new FlowPane(4, 4);
        pane.setId(id);
        pane.setPadding(new Insets(2));
        Runnable rebuild = () -> {
            pane.getChildren().clear();
            for (Chip c : List.copyOf(list)) {
                Button remove = new Button("×");
                remove.getStyleClass().add("flat");
                remove.setOnAction(e -> list.remove(c));
                remove.setAccessibleText("Remove " + c.display());
                pane.getChildren().add(new HBox(0, chip(c, null), remove));
            }
            if (list.isEmpty()) {
                pane.getChildren().add(new Label("None yet"));
            }
        };
        list.addListener((ListChangeListener<Chip>) ch -> rebuild.run());
        rebuild.run();
        return pane;
    }
}
