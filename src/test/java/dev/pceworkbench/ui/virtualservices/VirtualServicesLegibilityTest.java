package dev.pceworkbench.ui.virtualservices;

import atlantafx.base.theme.PrimerDark;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.task.FxTaskExecutor;
import dev.pceworkbench.testing.FxTests;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.common.LaptopStage;
import dev.pceworkbench.ui.rulesearch.SearchDemo;
import dev.pceworkbench.workspace.VirtualServiceFlows;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Virtual services view and its wizards at a laptop's size (1280 × 800), light and dark: the
 * list with a virtual service's details, every page of the new-virtual-service wizard (with a
 * field's error), and the binding wizard's pages (with an override's error and the results),
 * nothing cut without a tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class VirtualServicesLegibilityTest {
    SearchDemo demo;
    FxTaskExecutor executor;
    VirtualServicesViewModel model;
    Node root;

    @Start
    void start(Stage stage) throws Exception {
        executor = FxTests.executor();
        demo = new SearchDemo();
        RecordingDialogService dialogs = new RecordingDialogService();
        model = new VirtualServicesViewModel(new VirtualServiceFlows(demo.workspace()), executor, dialogs);
        root = new VirtualServicesView(model).root();
        LaptopStage.show(stage, root, model);
    }

    @AfterEach
    void tearDown() {
        executor.close();
        demo.close();
    }

    @AfterAll
    static void reset() {
        LaptopStage.reset();
    }

    private void everythingOnScreen(FxRobot robot) throws Exception {
        FxTests.waitFor(60, () -> !model.loadingProperty().get() && !model.rows().isEmpty());
        robot.interact(() -> model.selectedProperty().set(model.rows().get(0)));
        FxTests.waitFor(30, () -> !model.bindings().isEmpty());
        LaptopStage.assertLegible(robot, root);

        robot.clickOn("#newVirtualServiceButton");
        FxTests.waitFor(30, () -> robot.lookup("#label-app").tryQuery().isPresent());
        LaptopStage.assertLegible(robot, root);
        robot.clickOn("#vsName").write("VS-RabbitMQ-legible");
        robot.interact(() -> {
            ComboBox<Label> box = robot.lookup("#label-app").queryAs(ComboBox.class);
            box.setValue(box.getItems().get(0));
        });
        robot.clickOn("#wizardNext");
        robot.clickOn("#serviceName").write("S-RabbitMQ-legible");
        robot.clickOn("#servicePorts").write("5672/tcp, 15672/xyz");
        LaptopStage.assertLegible(robot, root);
        robot.clickOn("#servicePorts").eraseText(3).write("tcp");
        robot.clickOn("#wizardNext");
        LaptopStage.assertLegible(robot, root);
        robot.clickOn("#wizardNext");
        robot.clickOn("#wizardCreate");
        FxTests.waitFor(60, () -> !robot.lookup("#wizardNext").queryButton().isDisabled());
        LaptopStage.assertLegible(robot, root);
        robot.clickOn("#wizardNext");
        robot.clickOn("#wizardBind");
        FxTests.waitFor(30, () -> !robot.lookup("#bindNext").queryButton().isDisabled());
        LaptopStage.assertLegible(robot, root);
        robot.clickOn("#bindNext");
        robot.interact(() -> robot.lookup("#bindFound").queryListView().getSelectionModel().selectRange(0, 3));
        robot.clickOn("#bindAdd");
        LaptopStage.assertLegible(robot, root);
        robot.clickOn("#bindNext");
        robot.interact(() -> ((BindWorkloadsWizard.Row) robot.lookup("#bindOverrides").queryTableView().getItems().get(0))
                .overridesProperty().set("5672 -> 99999"));
        LaptopStage.assertLegible(robot, root);
        robot.interact(() -> ((BindWorkloadsWizard.Row) robot.lookup("#bindOverrides").queryTableView().getItems().get(0))
                .overridesProperty().set("5672 -> 5673"));
        robot.clickOn("#bindNext");
        robot.clickOn("#bindCreate");
        FxTests.waitFor(60, () -> robot.lookup("#bindOutcome").queryLabeled().getText().endsWith("bound."));
        LaptopStage.assertLegible(robot, root);
    }

    @Test
    void legibleInTheLightTheme(FxRobot robot) throws Exception {
        everythingOnScreen(robot);
    }

    @Test
    void legibleInTheDarkTheme(FxRobot robot) throws Exception {
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        everythingOnScreen(robot);
    }
}
