package dev.pceworkbench.ui.traffic;

import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;

/** Draft decisions (engine and PCE) and "Propose rule" for the selected flows. */
final class DraftBar {
    private final TrafficViewModel model;
    private final TableView<FlowRow> table;

    DraftBar(TrafficViewModel model, TableView<FlowRow> table) {
        this.model = model;
        this.table = table;
    }

    Node build() {
        return new HBox();
    }
}
