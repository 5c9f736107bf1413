package dev.pceworkbench.ui.virtualservices;

import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.ServiceBinding;
import dev.pceworkbench.task.FxTaskExecutor;
import dev.pceworkbench.testing.FxTests;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.rulesearch.SearchDemo;
import dev.pceworkbench.workspace.VirtualServiceFlows;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real Virtual services view and its wizards under TestFX, against a demo PCE of its own per
 * test: the list with its filters and details; the new-virtual-service wizard from the first page
 * to provisioned, handing over to the binding wizard, which binds two workloads with a port
 * override; and a failed create step that shows the PCE's message and keeps every field.
 */
@ExtendWith(ApplicationExtension.class)
class VirtualServicesViewTest {
    SearchDemo demo;
    FxTaskExecutor executor;
    RecordingDialogService dialogs;
    VirtualServicesViewModel model;
    Label doomed;

    @Start
    void start(Stage stage) throws Exception {
        executor = FxTests.executor();
        demo = new SearchDemo();
        doomed = demo.client.labels().create(Label.of("app", "ZZZ-doomed-UI")); // before the workspace loads labels
        dialogs = new RecordingDialogService();
        model = new VirtualServicesViewModel(new VirtualServiceFlows(demo.workspace()), executor, dialogs);
        FxTests.show(stage, new VirtualServicesView(model).root(), model);
    }

    @AfterEach
    void tearDown() {
        executor.close();
        demo.close();
    }

    private void loaded() throws Exception {
        FxTests.waitFor(60, () -> !model.loadingProperty().get() && !model.rows().isEmpty());
    }

    private static boolean visible(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false);
    }

    private static void pickLabels(FxRobot robot) throws Exception {
        FxTests.waitFor(30, () -> robot.lookup("#label-app").tryQuery().isPresent());
        robot.interact(() -> {
            for (String dim : List.of("app", "env")) {
                ComboBox<Label> box = robot.lookup("#label-" + dim).queryAs(ComboBox.class);
                box.setValue(box.getItems().get(0));
            }
        });
    }

    @Test
    void theListFiltersAndShowsDetails(FxRobot robot) throws Exception {
        loaded();
        TableView<?> table = robot.lookup("#virtualServicesTable").queryAs(TableView.class);
        int all = table.getItems().size();
        robot.clickOn("#vsFqdnFilter").write("corp.example").type(javafx.scene.input.KeyCode.ENTER);
        FxTests.waitFor(30, () -> !model.loadingProperty().get() && table.getItems().size() < all);
        assertFalse(table.getItems().isEmpty());
        VirtualServicesViewModel.Row bound = model.rows().stream().filter(r -> r.bindings() > 0).findFirst()
                .orElse(model.rows().get(0));
        robot.interact(() -> model.selectedProperty().set(bound));
        FxTests.waitFor(30, () -> model.bindings().size() == bound.bindings());
        assertTrue(robot.lookup("#vsDetailsTitle").queryAs(javafx.scene.control.Label.class).getText().equals(bound.name()));
        assertTrue(model.bindings().stream().noneMatch(b -> b.contains("/orgs/")), "names, never hrefs: " + model.bindings());
        robot.clickOn("#vsClearFilters");
        FxTests.waitFor(30, () -> !model.loadingProperty().get() && table.getItems().size() == all);
        dialogs.assertNoErrors();
    }

    @Test
    void bothWizardsMainPaths(FxRobot robot) throws Exception {
        loaded();
        robot.clickOn("#newVirtualServiceButton");
        FxTests.waitFor(10, () -> visible(robot, "#newVirtualServiceWizard"));
        assertTrue(robot.lookup("#wizardNext").queryAs(Button.class).isDisabled());
        assertTrue(visible(robot, "#wizardProblem"), "the page says why it cannot go on");
        robot.clickOn("#vsName").write("VS-RabbitMQ-UI");
        pickLabels(robot);
        robot.clickOn("#wizardNext");
        robot.clickOn("#serviceName").write("S-RabbitMQ-UI");
        robot.clickOn("#servicePorts").write("5672/tcp, 15672/tcp");
        robot.clickOn("#serviceAddresses").write("rabbitmq-ui.corp.example:5672");
        FxTests.waitFor(5, () -> !robot.lookup("#wizardNext").queryAs(Button.class).isDisabled());
        robot.clickOn("#wizardNext");
        FxTests.waitFor(10, () -> !robot.lookup("#reviewList").queryAs(ListView.class).getItems().isEmpty());
        robot.clickOn("#wizardNext");
        robot.clickOn("#wizardCreate");
        FxTests.waitFor(60, () -> visible(robot, "#wizardNext") && !robot.lookup("#wizardNext").queryAs(Button.class).isDisabled()
                || visible(robot, "#createFailure"));
        dialogs.assertNoErrors();
        assertFalse(visible(robot, "#createFailure"));
        robot.clickOn("#wizardNext");
        robot.clickOn("#wizardBind");

        FxTests.waitFor(30, () -> visible(robot, "#bindWorkloadsWizard")
                && !robot.lookup("#bindNext").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#bindPorts").queryAs(javafx.scene.control.Label.class).getText().contains("5672 TCP"));
        robot.clickOn("#bindNext");
        ListView<?> found = robot.lookup("#bindFound").queryAs(ListView.class);
        robot.interact(() -> found.getSelectionModel().selectRange(0, 2));
        robot.clickOn("#bindAdd");
        robot.clickOn("#bindNext");
        robot.interact(() -> ((BindWorkloadsWizard.Row) robot.lookup("#bindOverrides").queryAs(TableView.class).getItems().get(0))
                .overridesProperty().set("5672 -> 5673"));
        robot.clickOn("#bindNext");
        FxTests.waitFor(5, () -> robot.lookup("#bindReview").queryAs(ListView.class).getItems().size() == 2);
        robot.clickOn("#bindCreate");
        FxTests.waitFor(60, () -> robot.lookup("#bindOutcome").queryAs(javafx.scene.control.Label.class).getText().equals("2 bound."));
        assertEquals(2, robot.lookup("#bindBound").queryAs(ListView.class).getItems().size());
        dialogs.assertNoErrors();
        String vs = demo.client.virtualServices().list(Map.of("name", "VS-RabbitMQ-UI")).get(0).href();
        List<ServiceBinding> bindings = demo.client.serviceBindings().list(Map.of("virtual_service", vs.replace("/draft/", "/active/")));
        assertEquals(2, bindings.size());
        robot.clickOn("#bindCancel"); // "Close"
        FxTests.waitFor(10, () -> visible(robot, "#virtualServicesTable"));
    }

    @Test
    void aFailedStepShowsThePcesMessageAndKeepsEveryField(FxRobot robot) throws Exception {
        loaded();
        robot.clickOn("#newVirtualServiceButton");
        robot.clickOn("#vsName").write("VS-keeps-input");
        FxTests.waitFor(30, () -> robot.lookup("#label-app").tryQuery().isPresent());
        robot.interact(() -> {
            ComboBox<Label> box = robot.lookup("#label-app").queryAs(ComboBox.class);
            box.setValue(box.getItems().stream().filter(l -> l.href().equals(doomed.href())).findFirst().orElseThrow());
        });
        robot.clickOn("#wizardNext");
        robot.clickOn("#serviceName").write("S-keeps-input");
        robot.clickOn("#servicePorts").write("7000/tcp");
        robot.clickOn("#wizardNext");
        robot.clickOn("#wizardNext");
        demo.client.labels().delete(doomed.href());
        robot.clickOn("#wizardCreate");
        FxTests.waitFor(60, () -> visible(robot, "#createFailure"));
        String failure = robot.lookup("#createFailure").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(failure.contains("does not exist"), failure);
        assertEquals("Retry", robot.lookup("#wizardCreate").queryAs(Button.class).getText());
        robot.clickOn("#wizardBack");
        robot.clickOn("#wizardBack");
        assertEquals("7000/tcp", robot.lookup("#servicePorts").queryAs(TextField.class).getText());
        robot.clickOn("#wizardBack");
        assertEquals("VS-keeps-input", robot.lookup("#vsName").queryAs(TextField.class).getText());
        dialogs.assertNoErrors();
    }
}
