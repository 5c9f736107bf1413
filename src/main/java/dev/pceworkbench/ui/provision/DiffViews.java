package dev.pceworkbench.ui.provision;

import atlantafx.base.theme.Styles;
import dev.pceworkbench.policy.diff.ChangeKind;
import dev.pceworkbench.ui.common.StatusChips;
import dev.pceworkbench.ui.common.Verdict;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Provision view's shared pieces: a change as a chip (icon, word, colour) and the diff lines as a wrapping list. */
final class DiffViews {
    private DiffViews() {
    }

    static Ikon icon(ChangeKind k) {
        return switch (k) {
            case ADDED -> Material2AL.ADD_CIRCLE_OUTLINE;
            case MODIFIED -> Material2AL.EDIT;
            case REMOVED -> Material2MZ.REMOVE_CIRCLE_OUTLINE;
        };
    }

    static Verdict.Tone tone(ChangeKind k) {
        return switch (k) {
            case ADDED -> Verdict.Tone.SUCCESS;
            case MODIFIED -> Verdict.Tone.WARNING;
            case REMOVED -> Verdict.Tone.DANGER;
        };
    }

    /** A change as a chip: icon, word and colour ("Added", "Modified", "Deleted"). */
    static Label chip(ChangeKind k) {
        Label l = new Label();
        l.getStyleClass().add("status-chip");
        StatusChips.style(l, ChangeTypes.word(k), icon(k), tone(k));
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    static final class ChangeCell<T> extends TableCell<T, ChangeKind> {
        @Override
        protected void updateItem(ChangeKind k, boolean empty) {
            super.updateItem(k, empty);
            setText(null);
            if (empty || k == null) {
                setGraphic(null);
                setTooltip(null);
            } else {
                Label chip = chip(k);
                setGraphic(chip);
                setTooltip(chip.getTooltip());
            }
        }
    }

    /** The diff lines in a list: headings with their change chip, fields indented under them, long lines wrapped. */
    static ListView<DiffLine> diffList(String id, javafx.collections.ObservableList<DiffLine> lines) {
        ListView<DiffLine> list = new ListView<>(lines);
        list.setId(id);
        list.setPlaceholder(new Label("No differences to show"));
        list.getStyleClass().add(Styles.DENSE);
        list.setCellFactory(v -> new ListCell<>() {
            // The text in a wrapping label as wide as the list (minus indent and scroll bar), so long lines
            // wrap instead of running off to the right; the full text is in the tooltip as well.
            private final Label text = new Label();
            private final FontIcon icon = new FontIcon();
            private final HBox box = new HBox(6, icon, text);
            private final Tooltip tip = new Tooltip();

            {
                text.setWrapText(true);
                text.setMinHeight(Label.USE_PREF_SIZE);
                box.setAlignment(Pos.TOP_LEFT);
                tip.setWrapText(true);
                tip.setMaxWidth(600);
                setMinWidth(0);
                setPrefWidth(0);
            }

            /** As high as the wrapped text (the theme's fixed cell size would cut a second line). */
            @Override
            protected double computePrefHeight(double width) {
                if (getGraphic() == null) {
                    return super.computePrefHeight(width);
                }
                return snappedTopInset() + snappedBottomInset() + box.prefHeight(-1);
            }

            @Override
            protected void updateItem(DiffLine line, boolean empty) {
                super.updateItem(line, empty);
                setText(null);
                if (empty || line == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                double indent = 20 * line.depth();
                box.setPadding(new Insets(2, 0, 2, indent));
                icon.setVisible(line.heading());
                icon.setManaged(line.heading());
                if (line.heading()) {
                    icon.setIconCode(icon(line.kind()));
                }
                text.setText(line.text());
                // Pref and max width alike: the cell's height is computed for the wrapped text.
                text.prefWidthProperty().bind(list.widthProperty().subtract(40 + indent + (line.heading() ? 22 : 0)));
                text.maxWidthProperty().bind(text.prefWidthProperty());
                text.getStyleClass().removeAll(Styles.TEXT_BOLD);
                if (line.heading()) {
                    text.getStyleClass().add(Styles.TEXT_BOLD);
                }
                setGraphic(box);
                tip.setText(line.text());
                setTooltip(tip);
            }
        });
        return list;
    }
}
