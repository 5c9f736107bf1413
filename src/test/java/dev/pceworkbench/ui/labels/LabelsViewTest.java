package dev.pceworkbench.ui.labels;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.policy.usage.UsageReference;
import dev.pceworkbench.task.FxTaskExecutor;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.workspace.PolicyWorkspace;
import dev.pceworkbench.testing.DemoPces;
import dev.pceworkbench.testing.FxTests;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real labels view under TestFX against a demo PCE: browsing labels by dimension (the table
 * then shows only that dimension, with the demo's workload counts), filtering while typing,
 * opening the label group tree down a nested group, and "where used" of a label with one entry
 * opened through the navigator.
 */
@ExtendWith(ApplicationExtension.class)
class LabelsViewTest {
    static DemoPce pce;
    static PceClient client;
    static Map<String, Integer> workloadCounts;

    FxTaskExecutor executor;
    RecordingDialogService dialogs;
    LabelsViewModel model;
    final List<Navigator.Target> opened = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startDemo() throws Exception {
        pce = DemoPces.startSmall();
        client = DemoPces.client(pce);
        workloadCounts = new HashMap<>();
        for (Workload w : client.workloads().list(Map.of())) {
            w.labels().forEach(l -> workloadCounts.merge(l.href(), 1, Integer::sum));
        }
    }

    @AfterAll
    static void stopDemo() {
        pce.close();
    }

    @Start
    void start(Stage stage) {
        executor = FxTests.executor();
        dialogs = new RecordingDialogService();
        Navigator navigator = new Navigator();
        navigator.register(ObjectKind.RULE_SET, "rulesets", opened::add);
        navigator.fallback(opened::add);
        PolicyWorkspace workspace = new PolicyWorkspace(() -> Optional.of(client));
        model = new LabelsViewModel(workspace, executor, dialogs, navigator);
        FxTests.show(stage, new LabelsView(model).root(), model);
    }

    @AfterEach
    void tearDown() {
        executor.close();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        FxTests.waitFor(20, condition);
    }

    private TableView<LabelRow> table(FxRobot robot) {
        return robot.lookup("#labelsTable").queryTableView();
    }

    private List<LabelRow> shown(FxRobot robot) {
        return new ArrayList<>(table(robot).getItems());
    }

    @Test
    void browsesLabelsByDimensionWithWorkloadCountsAndFilters(FxRobot robot) throws Exception {
        List<Label> labels = client.labels().list(Map.of());
        waitFor(() -> table(robot).getItems().size() == labels.size());
        Node env = robot.lookup("#dimensionList .list-cell")
                .match((ListCell<?> c) -> "Environment".equals(c.getText())).query();
        robot.clickOn(env);
        long envLabels = labels.stream().filter(l -> l.key().equals("env")).count();
        waitFor(() -> table(robot).getItems().size() == envLabels);
        List<LabelRow> rows = shown(robot);
        assertTrue(rows.stream().allMatch(r -> r.key().equals("env") && r.dimension().equals("Environment")), rows.toString());
        for (LabelRow r : rows) {
            assertEquals(workloadCounts.getOrDefault(r.href(), 0), r.workloads(), r.display());
        }
        assertTrue(rows.stream().anyMatch(r -> r.workloads() > 0));
        // The count is on screen, in the Workloads column of the row.
        LabelRow busiest = rows.stream().max(java.util.Comparator.comparingInt(LabelRow::workloads)).orElseThrow();
        Node row = robot.lookup("#labelsTable .table-row-cell")
                .match((TableRow<?> r) -> busiest.equals(r.getItem())).query();
        assertTrue(robot.from(row).lookup(".table-cell")
                .match((javafx.scene.control.TableCell<?, ?> c) -> String.valueOf(busiest.workloads()).equals(c.getText()))
                .tryQuery().isPresent(), "the row shows " + busiest.workloads() + " workloads");

        robot.clickOn("#labelFilter").write("pro", 0);
        waitFor(() -> !table(robot).getItems().isEmpty() && table(robot).getItems().stream()
                .allMatch(r -> r.value().toLowerCase().contains("pro")));
        assertTrue(shown(robot).stream().allMatch(r -> r.key().equals("env")), "the filter keeps the dimension");
        String status = robot.lookup("#labelStatus").queryLabeled().getText();
        assertEquals(shown(robot).size() + " of " + labels.size() + " labels", status);
        dialogs.assertNoErrors();
    }

    @Test
    void opensTheLabelGroupTreeDownANestedGroupAndOpensAWhereUsedEntry(FxRobot robot) throws Exception {
        waitFor(() -> model.treeProperty().get() != null);
        robot.clickOn("Label groups");
        TreeTableView<GroupTree.Node> tree = robot.lookup("#groupTree").query();
        waitFor(() -> tree.getRoot() != null && !tree.getRoot().getChildren().isEmpty());
        TreeItem<GroupTree.Node> global = child(tree.getRoot(), "LG-L-Global");
        assertFalse(tree.getRoot().getChildren().stream().anyMatch(i -> i.getValue().name().equals("LG-L-Americas")),
                "nested groups are not top-level");
        robot.interact(() -> tree.scrollTo(tree.getRow(global)));
        clickDisclosure(robot, "LG-L-Global");
        waitFor(global::isExpanded);
        TreeItem<GroupTree.Node> americas = child(global, "LG-L-Americas");
        assertTrue(americas.getValue().group());
        clickDisclosure(robot, "LG-L-Americas");
        waitFor(americas::isExpanded);
        TreeItem<GroupTree.Node> us = child(americas, "US");
        assertFalse(us.getValue().group());
        assertTrue(us.isLeaf());

        Node usRow = robot.lookup("#groupTree .tree-table-row-cell")
                .match((TreeTableRow<GroupTree.Node> r) -> r.getTreeItem() == us).query();
        robot.clickOn(usRow);
        waitFor(() -> !model.whereUsed().usages().isEmpty() && !model.whereUsed().loadingProperty().get());
        String title = robot.lookup("#usageTitle").queryLabeled().getText();
        assertTrue(title.startsWith("Where Location: US is used (draft): "), title);
        TableView<UsageReference> usages = robot.lookup("#usageTable").queryTableView();
        assertTrue(usages.getItems().stream().anyMatch(u -> u.kind() == UsageReference.Kind.LABEL_GROUP
                && u.name().equals("LG-L-Americas")), usages.getItems().toString());
        UsageReference rule = usages.getItems().stream().filter(u -> u.kind() == UsageReference.Kind.RULE)
                .findFirst().orElseThrow();
        robot.interact(() -> {
            usages.scrollTo(rule);
            usages.getSelectionModel().select(rule);
        });
        robot.clickOn("#openUsageButton");
        waitFor(() -> !opened.isEmpty());
        assertEquals(ObjectKind.RULE_SET, opened.get(0).kind());
        assertEquals(rule.href(), opened.get(0).selectHref());
        dialogs.assertNoErrors();
    }

    private static TreeItem<GroupTree.Node> child(TreeItem<GroupTree.Node> parent, String name) {
        return parent.getChildren().stream().filter(i -> i.getValue().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " under " + parent.getValue()));
    }

    /** Clicks the expand arrow of the visible row named {@code name}. */
    private static void clickDisclosure(FxRobot robot, String name) {
        Node row = robot.lookup("#groupTree .tree-table-row-cell")
                .match((TreeTableRow<GroupTree.Node> r) -> r.getItem() != null && r.getItem().name().equals(name)).query();
        Node arrow = robot.from(row).lookup(".tree-disclosure-node").query();
        robot.clickOn(arrow);
    }
}
