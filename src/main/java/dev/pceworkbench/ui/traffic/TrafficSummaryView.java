package dev.pceworkbench.ui.traffic;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The summaries tab (group-by over the flows). */
final class TrafficSummaryView {
    private final VBox root = new VBox(new Label("Summaries come with the next step."));

    TrafficSummaryView(TrafficViewModel model) {
    }

    Node root() {
        return root;
    }
}
