package dev.pceworkbench.ui.shell;

import dev.pceworkbench.ui.common.FeatureModel;
import javafx.scene.Node;

import java.util.Objects;

/**
 * A feature's built view: the root node the shell hosts, and the model it tells each time the
 * view is shown ({@link FeatureModel#onShown()}). Built once, on the feature's first visit.
 */
public record FeatureView(Node root, FeatureModel model) {
    public FeatureView {
        Objects.requireNonNull(root);
        Objects.requireNonNull(model);
    }
}
