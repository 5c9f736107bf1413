package dev.pceworkbench.ui.shell;

import javafx.beans.value.ObservableValue;
import org.kordamp.ikonli.Ikon;

/**
 * One view in the sidebar, as the shell's model knows it: a stable id (remembered as the last
 * view), the label and its icon, and optionally a count the sidebar shows as a badge beside the
 * label (pending changes on "Provision"; hidden while it is not positive). How its content is built
 * is the shell view's business ({@link FeatureView}), so the model never holds a node.
 */
public record Feature(String id, String title, Ikon icon, ObservableValue<? extends Number> badge) {
    /** A feature without a badge. */
    public Feature(String id, String title, Ikon icon) {
        this(id, title, icon, null);
    }
}
