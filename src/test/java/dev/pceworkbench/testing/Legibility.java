package dev.pceworkbench.testing;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * What a user can read on screen: finds every visible label, button, chip, table header and cell
 * whose rendered text is cut (JavaFX draws the ellipsis) and tells whether the user has a way to
 * read the full text (a tooltip on it or on an ancestor carrying the full text). The legibility
 * tests assert that none is cut without a way to read it, at the size users have (1280 × 800).
 */
public final class Legibility {
    /** A text that does not fit: where, what it should say, what is drawn, and whether a tooltip says it all. */
    public record Cut(Labeled node, String full, String shown, boolean readable) {
        @Override
        public String toString() {
            return (node.getId() != null ? "#" + node.getId() : node.getClass().getSimpleName()) + " shows '" + shown
                    + "' of '" + full + "'" + (readable ? " (tooltip has it)" : " (no way to read it)");
        }
    }

    private Legibility() {
    }

    /** Every cut text under {@code root} that is visible (tooltip or not). Call on the FX thread. */
    public static List<Cut> cuts(Node root) {
        List<Cut> out = new ArrayList<>();
        walk(root, out);
        return out;
    }

    /** The cut texts a user cannot read in full anywhere. Call on the FX thread. */
    public static List<Cut> unreadable(Node root) {
        return cuts(root).stream().filter(c -> !c.readable()).toList();
    }

    private static void walk(Node n, List<Cut> out) {
        if (!n.isVisible() || n.getOpacity() == 0) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            Text drawn = drawnText(l);
            if (drawn != null && !sameText(drawn.getText(), l.getText())) {
                out.add(new Cut(l, l.getText(), drawn.getText(), tooltipHas(l, l.getText())));
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, out);
            }
        }
    }

    /** The Text node a Labeled's skin draws its text with (its direct child, style class "text"). */
    private static Text drawnText(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            // The graphic may itself be a Text (an Ikonli FontIcon is one): it is not the label's text.
            if (c instanceof Text t && t.isVisible() && c != l.getGraphic()) {
                return t;
            }
        }
        return null;
    }

    /** Wrapped text is drawn with line breaks where it wraps; only an ellipsis or a shortening is a cut. */
    private static boolean sameText(String drawn, String full) {
        return drawn.replaceAll("\\s+", " ").trim().equals(full.replaceAll("\\s+", " ").trim());
    }

    private static boolean tooltipHas(Node n, String full) {
        for (Node a = n; a != null; a = a.getParent()) {
            if (a instanceof Control c) {
                Tooltip t = c.getTooltip();
                if (t != null && t.getText() != null && t.getText().contains(full)) {
                    return true;
                }
            }
        }
        return false;
    }
}
