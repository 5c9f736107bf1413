package dev.pceworkbench.ui.shell;

import dev.pceworkbench.ui.common.FeatureModel;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One view in the sidebar: a stable id (remembered as the last view), the label, its icon, and how
 * to build its content and view model (built once, on first visit; the shell then calls the
 * model's {@link FeatureModel#onShown()} each time the view is shown).
 */
public record Feature(String id, String title, Ikon icon, Supplier<Content> content) {
    /** A feature's built view: the root node the shell hosts, and the model it tells when shown. */
    public record Content(Node root, FeatureModel model) {
        public Content {
            Objects.requireNonNull(root);
            Objects.requireNonNull(model);
        }
    }
}
