package dev.pceworkbench.ui.traffic;

import atlantafx.base.theme.Styles;
import dev.pceworkbench.ui.common.policy.ViewParts;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.List;

/**
 * Under the filter: what the draft decisions are (the engine's, or compared with the PCE's), "Ask the
 * PCE" ({@code update_rules}), "Show disagreeing" once compared, and "Propose rule" from the
 * selected flows.
 */
final class DraftBar {
    private final TrafficViewModel model;
    private final TableView<FlowRow> table;

    DraftBar(TrafficViewModel model, TableView<FlowRow> table) {
        this.model = model;
        this.table = table;
    }

    Node build() {
        Label status = new Label();
        status.setId("draftStatus");
        status.textProperty().bind(model.draftStatusProperty());
        status.setWrapText(true);
        status.setMinWidth(0);
        status.getStyleClass().add(Styles.TEXT_MUTED);
        HBox.setHgrow(status, Priority.ALWAYS);
        Button ask = ViewParts.button("askPceButton", "Ask the PCE", Material2MZ.SYNC,
                "Have the PCE work out the draft decisions of these flows (update_rules) and compare them with the engine's",
                model::askPce);
        ask.disableProperty().bind(model.hasResultsProperty().not().or(model.busyProperty()));
        Button disagreeing = ViewParts.button("disagreeingButton", "Show disagreeing", Material2AL.COMPARE_ARROWS,
                "Only the flows whose draft decision the PCE and the engine disagree on", model::showDisagreeing);
        disagreeing.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() ->
                model.comparisonProperty().get() == null || model.comparisonProperty().get().disagree() == 0,
                model.comparisonProperty()));
        Button propose = ViewParts.button("proposeRuleButton", "Propose rule", Material2MZ.POST_ADD,
                "Open a rule allowing the selected flows in the rule editor (draft), prefilled: scope, consumers, "
                        + "providers and services from the flows",
                () -> model.proposeRule(List.copyOf(table.getSelectionModel().getSelectedItems())));
        propose.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(model.busyProperty()));
        HBox bar = new HBox(8, status, ask, disagreeing, propose);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }
}
