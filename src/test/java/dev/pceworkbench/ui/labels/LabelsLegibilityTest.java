package dev.pceworkbench.ui.labels;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.task.FxTaskExecutor;
import dev.pceworkbench.testing.DemoPces;
import dev.pceworkbench.testing.FxTests;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.common.LaptopStage;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.workspace.PolicyWorkspace;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The labels view at a laptop's size (1280 × 800): the label most workloads carry, with its
 * where-used list, readable (or in tooltips); deleting it names its references from where-used and
 * is refused here (Cancel), so nothing changes; the groups tab follows the dimension.
 */
@ExtendWith(ApplicationExtension.class)
class LabelsLegibilityTest {
    static DemoPce pce;
    static PceClient client;
    static String busiest;
    FxTaskExecutor executor;
    RecordingDialogService dialogs;
    LabelsViewModel model;
    Node root;

    @BeforeAll
    static void startDemo() throws Exception {
        pce = DemoPces.startSmall();
        client = DemoPces.client(pce);
        Map<String, Integer> counts = new HashMap<>();
        for (Workload w : client.workloads().list(Map.of())) {
            w.labels().forEach(l -> counts.merge(l.href(), 1, Integer::sum));
        }
        busiest = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    @AfterAll
    static void stopDemo() {
        pce.close();
        LaptopStage.reset();
    }

    @Start
    void start(Stage stage) {
        executor = FxTests.executor();
        dialogs = new RecordingDialogService();
        Navigator navigator = new Navigator();
        navigator.register(ObjectKind.RULE_SET, "rulesets", t -> { });
        navigator.fallback(t -> { });
        model = new LabelsViewModel(new PolicyWorkspace(() -> Optional.of(client)), executor, dialogs, navigator);
        root = new LabelsView(model).root();
        LaptopStage.show(stage, root, model);
    }

    @AfterEach
    void tearDown() {
        executor.close();
    }

    @Test
    void aLabelWithItsWhereUsedIsReadableAndItsDeleteNamesTheReferences(FxRobot robot) throws Exception {
        FxTests.waitFor(30, () -> !model.rows().isEmpty() && !model.loadingProperty().get());
        assertFalse(model.placeholderBinding().get().equals(LabelsViewModel.LOADING), "loaded: no loading placeholder");
        LabelRow row = model.rows().stream().filter(r -> r.href().equals(busiest)).findFirst().orElseThrow();
        robot.interact(() -> model.selectedLabelProperty().set(row));
        FxTests.waitFor(30, () -> !model.whereUsed().loadingProperty().get() && !model.whereUsed().usages().isEmpty());
        int n = model.whereUsed().usages().size();
        assertTrue(robot.lookup("#usageTitle").queryAs(Label.class).getText().endsWith(
                n == 1 ? "1 reference" : n + " references"));
        assertTrue(robot.lookup("#usageHint").queryAs(Label.class).isVisible());
        LaptopStage.assertLegible(robot, root);

        dialogs.answerConfirm(false);
        robot.interact(() -> model.edits().deleteLabel());
        assertEquals(1, dialogs.confirmations().size());
        String message = dialogs.confirmations().get(0).message();
        assertTrue(message.contains(row.display() + " is used by " + n + (n == 1 ? " object" : " objects")), message);
        assertTrue(client.labels().get(busiest) != null, "Cancel keeps the label");

        // The groups tab follows the chosen dimension and says so.
        DimensionChoice dim = model.dimensions().stream().filter(d -> d.key() != null && d.key().equals(row.key()))
                .findFirst().orElseThrow();
        robot.interact(() -> model.dimensionProperty().set(dim));
        assertTrue(model.groupRoots().stream().allMatch(g -> row.key().equals(g.key())));
        assertTrue(model.groupsScopeBinding().get().startsWith("Label groups of dimension " + dim.displayName()),
                model.groupsScopeBinding().get());
    }
}
