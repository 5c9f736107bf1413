package dev.pceworkbench.ui.traffic;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
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
    private final GridPane grid = new GridPane();
    private final ScrollPane root = new ScrollPane(grid);
    private final StackedBarChart<String, Number> byPort = new StackedBarChart<>(new CategoryAxis(), new NumberAxis());
    /** Horizontal: the talkers' names on the left, read across, not tilted under the bars. */
    private final BarChart<Number, String> talkers = new BarChart<>(new NumberAxis(), new CategoryAxis());
    private final BarChart<String, Number> overTime = new BarChart<>(new CategoryAxis(), new NumberAxis());

    TrafficChartsView(TrafficViewModel model, Runnable showTable) {
        this.model = model;
        this.showTable = showTable;
        grid.setId("trafficCharts");
        grid.setHgap(12);
        grid.setVgap(8);
        grid.setPadding(new Insets(8, 12, 8, 0));
        setUp(byPort, "decisionsByPortChart", "Decisions by port (flows)", true);
        setUp(talkers, "topTalkersChart", "Top talkers (connections)", false);
        setUp(overTime, "overTimeChart", "Flows over time (last seen)", false);
        byPort.setMinHeight(300);
        talkers.setMinHeight(300);
        overTime.setMinHeight(260);
        Label hint = new Label("Click a bar to see its flows in the table. Scroll for the flows over time.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        RowConstraints grow = new RowConstraints();
        grow.setVgrow(Priority.ALWAYS);
        RowConstraints grow2 = new RowConstraints();
        grow2.setVgrow(Priority.ALWAYS);
        grid.getRowConstraints().addAll(new RowConstraints(), grow, grow2);
        grid.add(hint, 0, 0, 2, 1);
        grid.add(byPort, 0, 1);
        grid.add(talkers, 1, 1);
        grid.add(overTime, 0, 2, 2, 1);
        root.setFitToWidth(true);
        // As tall as the tab when there is room; never squeezed below the charts' own minimum.
        root.viewportBoundsProperty().addListener((o, a, b) -> grid.setPrefHeight(Math.max(b.getHeight(), 600)));
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.getStyleClass().add("edge-to-edge");
        model.chartsProperty().addListener((o, a, b) -> draw(b));
        draw(model.chartsProperty().get());
    }

    Node root() {
        return root;
    }

    private static void setUp(XYChart<?, ?> c, String id, String title, boolean legend) {
        c.setId(id);
        c.setTitle(title);
        c.setAnimated(false);
        c.setLegendVisible(legend);
        c.setMinWidth(200);
        c.setPrefSize(400, 300);
    }

    private void draw(TrafficCharts charts) {
        fill(byPort, charts.decisionsByPort(), false);
        fill(talkers, charts.topTalkers(), true);
        fill(overTime, charts.overTime(), false);
        // Many hours or days: their labels stand upright between the bars instead of overlapping.
        ((CategoryAxis) overTime.getXAxis()).setTickLabelRotation(charts.overTime().size() > 12 ? -90 : 0);
        ((CategoryAxis) byPort.getXAxis()).setTickLabelRotation(charts.decisionsByPort().size() > 8 ? -90 : 0);
        colourDecisions();
    }

    /** The decision colours of the rest of the workbench (allowed green, potentially blocked amber, blocked red, unknown grey), legend included. */
    static String decisionColour(String series) {
        return switch (series) {
            case "Allowed" -> "-color-success-emphasis";
            case "Potentially blocked" -> "-color-warning-emphasis";
            case "Blocked" -> "-color-danger-emphasis";
            default -> "-color-fg-subtle";
        };
    }

    private void colourDecisions() {
        for (XYChart.Series<String, Number> s : byPort.getData()) {
            String colour = decisionColour(s.getName());
            for (XYChart.Data<String, Number> d : s.getData()) {
                if (d.getNode() != null) {
                    d.getNode().setStyle("-fx-bar-fill: " + colour + ";");
                }
            }
        }
        byPort.applyCss();
        for (Node item : byPort.lookupAll(".chart-legend-item")) {
            if (item instanceof Label l && l.getGraphic() != null) {
                l.getGraphic().setStyle("-fx-background-color: " + decisionColour(l.getText()) + ";");
            }
        }
    }

    /** Fills a chart; {@code horizontal}: categories on the Y axis (the talkers), the biggest on top. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void fill(XYChart chart, List<TrafficCharts.Bar> bars, boolean horizontal) {
        chart.getData().clear();
        Map<String, XYChart.Series> series = new LinkedHashMap<>();
        List<TrafficCharts.Bar> ordered = new java.util.ArrayList<>(bars);
        if (horizontal) {
            java.util.Collections.reverse(ordered);
        }
        for (TrafficCharts.Bar b : ordered) {
            XYChart.Series s = series.computeIfAbsent(b.series(), k -> {
                XYChart.Series x = new XYChart.Series<>();
                x.setName(k);
                return x;
            });
            String category = horizontal ? shortName(b.category(), bars) : b.category();
            XYChart.Data d = horizontal ? new XYChart.Data<>(b.value(), category) : new XYChart.Data<>(category, b.value());
            d.nodeProperty().addListener((o, a, node) -> {
                if (node != null) {
                    wire((Node) node, b);
                }
            });
            s.getData().add(d);
        }
        // Every decision series in the same order, so each keeps its colour between queries.
        chart.getData().setAll(series.values());
        for (Object o : chart.getData()) {
            XYChart.Series s = (XYChart.Series) o;
            for (Object od : s.getData()) {
                XYChart.Data d = (XYChart.Data) od;
                Object category = horizontal ? d.getYValue() : d.getXValue();
                if (d.getNode() != null) {
                    bars.stream().filter(b -> (horizontal ? shortName(b.category(), bars) : b.category()).equals(category)
                            && b.series().equals(s.getName())).findFirst().ifPresent(b -> wire(d.getNode(), b));
                }
            }
        }
    }

    /** A host name without its domain (the tooltip has it whole), unless another talker would then read the same. */
    static String shortName(String name, List<TrafficCharts.Bar> all) {
        int dot = name.indexOf('.');
        if (dot <= 0 || Character.isDigit(name.charAt(0)) || name.contains(" ")) {
            return name;
        }
        String s = name.substring(0, dot);
        long same = all.stream().map(TrafficCharts.Bar::category).filter(c -> c.startsWith(s + ".") || c.equals(s)).count();
        return same > 1 ? name : s;
    }

    private void wire(Node node, TrafficCharts.Bar b) {
        if (!node.getStyleClass().contains("traffic-chart-bar")) {
            node.getStyleClass().add("traffic-chart-bar");
        }
        Tooltip.install(node, new Tooltip(b.category() + ": " + b.series() + " " + b.value() + "\nClick: "
                + b.filter().description()));
        node.setOnMouseClicked(e -> {
            model.filterBy(b.filter());
            showTable.run();
        });
    }
}
