package dev.pceworkbench.ui.common;

import dev.pceworkbench.policy.RuleState;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.util.Callback;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.function.Function;

/**
 * Verdicts and rule states as every view draws them: a chip with an icon and the word (the word and
 * the icon carry the meaning without colour), coloured through the tone's style class, whose colours
 * are AtlantaFX's looked-up colours (workbench.css), so light and dark both read. Chips carry the
 * style class {@code status-chip}; the icon the class {@code status-icon}.
 */
public final class StatusChips {
    private static final String CHIP = "status-chip";
    /** The width a state column needs for its widest chip ("Disabled (rule and rule set)" wraps to its tooltip). */
    public static final double STATE_COLUMN_WIDTH = 196;

    private StatusChips() {
    }

    public static Ikon icon(Verdict v) {
        return switch (v) {
            case ALLOWED -> Material2AL.CHECK_CIRCLE;
            case BLOCKED -> Material2AL.BLOCK;
            case POTENTIALLY_BLOCKED -> Material2MZ.WARNING;
            case NOT_ALLOWED -> Material2MZ.REMOVE_CIRCLE_OUTLINE;
            case UNKNOWN -> Material2AL.HELP_OUTLINE;
        };
    }

    public static Ikon icon(RuleState s) {
        return s.enabled() ? Material2AL.CHECK_CIRCLE_OUTLINE : Material2MZ.PAUSE_CIRCLE_OUTLINE;
    }

    public static Verdict.Tone tone(RuleState s) {
        return s.enabled() ? Verdict.Tone.SUCCESS : Verdict.Tone.WARNING;
    }

    /** A chip for a verdict that follows {@code verdict}; hidden (and taking no room) while it is null. */
    public static Label verdictChip(String id, ObservableValue<Verdict> verdict) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(CHIP);
        l.setMinWidth(Label.USE_PREF_SIZE);
        show(l, verdict.getValue());
        verdict.addListener((o, a, b) -> show(l, b));
        return l;
    }

    private static void show(Label l, Verdict v) {
        l.setVisible(v != null);
        l.setManaged(v != null);
        if (v != null) {
            style(l, v.word(), icon(v), v.tone());
        }
    }

    /** A chip for a rule's state ("Enabled", "Disabled (rule set)"). */
    public static Label stateChip(RuleState s) {
        Label l = new Label();
        l.getStyleClass().add(CHIP);
        style(l, s.text(), icon(s), tone(s));
        return l;
    }

    /** Sets a chip's word, icon and tone (replacing the previous tone). */
    public static void style(Label l, String word, Ikon icon, Verdict.Tone tone) {
        for (Verdict.Tone t : Verdict.Tone.values()) {
            l.getStyleClass().remove(t.styleClass());
        }
        l.getStyleClass().add(tone.styleClass());
        l.setText(word);
        FontIcon fi = new FontIcon(icon);
        fi.getStyleClass().add("status-icon");
        l.setGraphic(fi);
        l.setTooltip(new Tooltip(word));
    }

    /** Table cells that draw a rule state as a chip. */
    public static <T> Callback<TableColumn<T, RuleState>, TableCell<T, RuleState>> stateCells() {
        return chipCells(s -> s.text(), StatusChips::icon, StatusChips::tone);
    }

    /** Table cells that draw a verdict as a chip (empty for null). */
    public static <T> Callback<TableColumn<T, Verdict>, TableCell<T, Verdict>> verdictCells() {
        return chipCells(Verdict::word, StatusChips::icon, Verdict::tone);
    }

    private static <T, V> Callback<TableColumn<T, V>, TableCell<T, V>> chipCells(Function<V, String> word,
                                                                             Function<V, Ikon> icon,
                                                                             Function<V, Verdict.Tone> tone) {
        return c -> new TableCell<>() {
            private final Label chip = new Label();

            {
                // In a narrow column the chip ends in an ellipsis (never clipped mid-letter); its tooltip has it all.
                chip.getStyleClass().add(CHIP);
                chip.setMinWidth(0);
                chip.setMaxWidth(Double.MAX_VALUE);
                setMinWidth(0);
            }

            @Override
            protected void updateItem(V item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                    setTooltip(null);
                } else {
                    style(chip, word.apply(item), icon.apply(item), tone.apply(item));
                    setGraphic(chip);
                    setTooltip(chip.getTooltip());
                }
            }
        };
    }
}
