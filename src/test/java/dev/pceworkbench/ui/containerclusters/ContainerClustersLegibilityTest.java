package dev.pceworkbench.ui.containerclusters;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.task.FxTaskExecutor;
import dev.pceworkbench.testing.DemoPces;
import dev.pceworkbench.testing.FxTests;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.common.LaptopStage;
import dev.pceworkbench.workspace.ContainerClusters;
import dev.pceworkbench.workspace.PolicyWorkspace;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Optional;

/**
 * The Container clusters view at a laptop's size (1280 × 800): the list with its status chips, a
 * cluster's profiles, the create form and the profile editor open, every text readable in full
 * or in a tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class ContainerClustersLegibilityTest {
    static DemoPce pce;
    static PceClient client;
    FxTaskExecutor executor;
    ContainerClustersViewModel model;
    Node root;

    @BeforeAll
    static void startDemo() throws Exception {
        pce = DemoPces.startSmall();
        client = DemoPces.client(pce);
    }

    @AfterAll
    static void stopDemo() {
        pce.close();
        LaptopStage.reset();
    }

    @Start
    void start(Stage stage) {
        executor = FxTests.executor();
        model = new ContainerClustersViewModel(new ContainerClusters(new PolicyWorkspace(() -> Optional.of(client))),
                executor, new RecordingDialogService());
        root = new ContainerClustersView(model).root();
        LaptopStage.show(stage, root, model);
    }

    @AfterEach
    void tearDown() {
        executor.close();
    }

    @Test
    void clustersProfilesAndTheEditorAreReadable(FxRobot robot) throws Exception {
        FxTests.waitFor(30, () -> model.loadedProperty().get() && !model.clusters().isEmpty());
        LaptopStage.assertLegible(robot, root);
        robot.interact(() -> model.selectedProperty().set(model.clusters().get(0)));
        FxTests.waitFor(30, () -> model.profiles().size() == 3);
        robot.interact(() -> model.selectedProfileProperty().set(model.profiles().stream()
                .filter(p -> p.namespace().equals("payments")).findFirst().orElseThrow()));
        robot.interact(model::startCreate);
        LaptopStage.assertLegible(robot, root);
        robot.interact(model::editProfile);
        FxTests.waitFor(30, () -> model.editor().openProperty().get());
        LaptopStage.assertLegible(robot, root);
    }
}
