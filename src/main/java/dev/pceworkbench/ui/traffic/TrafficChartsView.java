package dev.pceworkbench.ui.traffic;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.RowConstraints;
import javafx.geometry.Insets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The charts of the results (JavaFX charts over {@link TrafficCharts}): decisions by port (stacked
 * by decision), the top talkers and the flows over time. Clicking a bar filters the flows table to
 * what it counts and shows the table, where a banner says so and clears it.
 */
final class TrafficChartsView {
    private final TrafficViewModel model;
    private final Runnable showTable;
    private final GridPane root = new GridPane();
    private final StackedBarChart<String, Number> byPort = new StackedBarChart<>(new CategoryAxis(), new NumberAxis());
    private final BarChart<String, Number> talkers = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final BarChart<String, Number> overTime = new BarChart<>(new CategoryAxis(), new NumberAxis());

    TrafficChartsView(TrafficViewModel model, Runnable showTable) {
        this.model = model;
        this.showTable = showTable;
        root.setId("trafficCharts");
        root.setHgap(12);
        root.setVgap(8);
        root.setPadding(new Insets(8, 0, 0, 0));
        setUp(byPort, "decisionsByPortChart", "Decisions by port (flows)", true);
        setUp(talkers, "topTalkersChart", "Top talkers (connections)", false);
        setUp(overTime, "overTimeChart", "Flows over time (last seen)", false);
        Label hint = new Label("Click a bar to see its flows in the table.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        root.getColumnConstraints().addAll(half, half);
        RowConstraints grow = new RowConstraints();
        grow.setVgrow(Priority.ALWAYS);
        RowConstraints grow2 = new RowConstraints();
        grow2.setVgrow(Priority.ALWAYS);
        root.getRowConstraints().addAll(new RowConstraints(), grow, grow2);
        root.add(hint, 0, 0, 2, 1);
        root.add(byPort, 0, 1, 1, 2);
        root.add(talkers, 1, 1);
        root.add(overTime, 1, 2);
        model.chartsProperty().addListener((o, a, b) -> draw(b));
        draw(model.chartsProperty().get());
    }

    Node root() {
        return root;
    }

    private static void setUp(XYChart<String, Number> c, String id, String title, boolean legend) {
        c.setId(id);
        c.setTitle(title);
        c.setAnimated(false);
        c.setLegendVisible(legend);
        c.setMinSize(200, 150);
        c.setPrefSize(400, 200);
        ((CategoryAxis) c.getXAxis()).setTickLabelRotation(0);
    }

    private void draw(TrafficCharts charts) {
        fill(byPort, charts.decisionsByPort());
        fill(talkers, charts.topTalkers());
        fill(overTime, charts.overTime());
        // Long names (top talkers) would be cut: they tilt, and each bar's tooltip has them whole.
        ((CategoryAxis) talkers.getXAxis()).setTickLabelRotation(charts.topTalkers().size() > 4 ? -30 : 0);
        ((CategoryAxis) overTime.getXAxis()).setTickLabelRotation(charts.overTime().size() > 8 ? -45 : 0);
    }

    private void fill(XYChart<String, Number> chart, List<TrafficCharts.Bar> bars) {
        chart.getData().clear();
        Map<String, XYChart.Series<String, Number>> series = new LinkedHashMap<>();
        for (TrafficCharts.Bar b : bars) {
            XYChart.Series<String, Number> s = series.computeIfAbsent(b.series(), k -> {
                XYChart.Series<String, Number> x = new XYChart.Series<>();
                x.setName(k);
                return x;
            });
            XYChart.Data<String, Number> d = new XYChart.Data<>(b.category(), b.value());
            d.nodeProperty().addListener((o, a, node) -> {
                if (node != null) {
                    wire(node, b);
                }
            });
            s.getData().add(d);
        }
        // Every decision series in the same order, so each keeps its colour between queries.
        chart.getData().setAll(series.values());
        for (XYChart.Series<String, Number> s : chart.getData()) {
            for (XYChart.Data<String, Number> d : s.getData()) {
                if (d.getNode() != null) {
                    bars.stream().filter(b -> b.category().equals(d.getXValue()) && b.series().equals(s.getName()))
                            .findFirst().ifPresent(b -> wire(d.getNode(), b));
                }
            }
        }
    }

    private void wire(Node node, TrafficCharts.Bar b) {
        node.getStyleClass().add("traffic-chart-bar");
        Tooltip.install(node, new Tooltip(b.category() + ": " + b.series() + " " + b.value() + "\nClick: "
                + b.filter().description()));
        node.setOnMouseClicked(e -> {
            model.filterBy(b.filter());
            showTable.run();
        });
    }
}
