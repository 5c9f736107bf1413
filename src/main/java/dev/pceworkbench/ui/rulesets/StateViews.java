package dev.pceworkbench.ui.rulesets;

import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Enabled / disabled as a chip with an icon and the word (so it reads without colour), and the
 * state cells of the rule sets and rule tables: the state chip, then the "pending" badge where the
 * draft changed the row, wrapping within the column.
 */
final class StateViews {
    private StateViews() {
    }

    /** "Enabled" with a check mark, or "Disabled" with a blocked sign; {@code state-enabled} / {@code state-disabled}. */
    static Label stateChip(boolean enabled) {
        Label l = new Label();
        l.getStyleClass().add("state-chip");
        show(l, enabled);
        return l;
    }

    /** Sets {@code chip} (made by {@link #stateChip}) to {@code enabled}. */
    static void show(Label chip, boolean enabled) {
        chip.setText(enabled ? "Enabled" : "Disabled");
        FontIcon icon = new FontIcon(enabled ? Material2AL.CHECK_CIRCLE_OUTLINE : Material2AL.BLOCK);
        icon.setIconSize(12);
        chip.setGraphic(icon);
        chip.getStyleClass().removeAll("state-enabled", "state-disabled");
        chip.getStyleClass().add(enabled ? "state-enabled" : "state-disabled");
        chip.setMinWidth(Region.USE_PREF_SIZE);
    }

    /**
     * A cell with the row's state chip, a "stateless" tag where {@code stateless} says so, and its
     * pending badge ({@code badge} gives the text, or null).
     */
    static <S> TableCell<S, S> cell(Predicate<S> enabled, Predicate<S> stateless, Function<S, String> badge) {
        return new TableCell<>() {
            @Override
            protected void updateItem(S item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                FlowPane box = new FlowPane(4, 3);
                box.setMinWidth(0);
                box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                box.prefWrapLengthProperty().bind(getTableColumn().widthProperty().subtract(14));
                box.getChildren().add(stateChip(enabled.test(item)));
                if (stateless != null && stateless.test(item)) {
                    Label tag = new Label("Stateless");
                    tag.getStyleClass().add("stateless-tag");
                    tag.setMinWidth(Region.USE_PREF_SIZE);
                    tag.setTooltip(new Tooltip("Stateless: the PCE filters this rule's packets without tracking connections"));
                    box.getChildren().add(tag);
                }
                String b = badge.apply(item);
                if (b != null) {
                    Label pending = RuleTables.pendingBadge();
                    pending.setText(b);
                    pending.setMinWidth(Region.USE_PREF_SIZE);
                    pending.setTooltip(new Tooltip(b.equals("pending") ? "Pending: changed in the draft, not provisioned yet"
                            : "Pending deletion: deleted in the draft, still active until provisioned"));
                    box.getChildren().add(pending);
                }
                setGraphic(box);
            }
        };
    }

}
