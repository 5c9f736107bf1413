package dev.pceworkbench.ui.provision;

import atlantafx.base.theme.PrimerDark;
import dev.pceworkbench.task.FxTaskExecutor;
import dev.pceworkbench.testing.FxTests;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.common.LaptopStage;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static dev.pceworkbench.ui.provision.ProvisionDemo.RULE_SET;
import static dev.pceworkbench.ui.provision.ProvisionDemo.row;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Provision view at a laptop's size (1280 × 800), light and dark: the pending changes with
 * their change chips (icon and word), a rule set's diff and its dependencies, the provision form,
 * the traffic impact of rule sets disabled in the draft, and the history with a comparison, nothing cut without a tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class ProvisionLegibilityTest {
    ProvisionDemo demo;
    FxTaskExecutor executor;
    ProvisionViewModel model;
    Node root;
    final java.util.List<String> disabled = new java.util.ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        executor = FxTests.executor();
        demo = new ProvisionDemo(executor);
        // Rule sets disabled in the draft: the Impact tab then has blocked flows to show.
        for (dev.pceworkbench.pce.model.RuleSet rs : demo.demo.draftRuleSets()) {
            if (Boolean.TRUE.equals(rs.enabled()) && !rs.name().equals(RULE_SET)) {
                demo.demo.client.ruleSets().update(rs.href(), java.util.Map.of("enabled", false));
                disabled.add(rs.name());
            }
        }
        model = demo.model(executor, new RecordingDialogService());
        root = new ProvisionView(model).root();
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
        FxTests.waitFor(60, () -> model.loadedProperty().get() && !model.loadingProperty().get());
        assertTrue(robot.lookup("#pendingTable .status-chip").queryAllAs(Label.class).stream()
                .allMatch(l -> l.getGraphic() instanceof FontIcon && !l.getText().isEmpty()), "change chips have icon and word");
        robot.interact(() -> {
            row(model, RULE_SET).checkedProperty().set(true);
            model.currentProperty().set(row(model, RULE_SET));
            model.dependencies().check();
        });
        FxTests.waitFor(30, () -> !model.dependencies().rows().isEmpty() && !model.progress().busy().get());
        LaptopStage.assertLegible(robot, root);

        robot.interact(() -> {
            disabled.forEach(n -> row(model, n).checkedProperty().set(true));
            ((TabPane) root).getSelectionModel().select(1);
            model.impact().run();
        });
        FxTests.waitFor(60, () -> !model.impact().rows().isEmpty() && !model.progress().busy().get());
        assertTrue(robot.lookup("#impactTable .status-chip").queryAllAs(Label.class).stream()
                .allMatch(l -> l.getGraphic() instanceof FontIcon && !l.getText().isEmpty()), "impact chips have icon and word");
        LaptopStage.assertLegible(robot, root);

        robot.interact(() -> ((TabPane) root).getSelectionModel().select(2));
        robot.interact(() -> model.history().selectedProperty().set(model.history().versions().get(0)));
        FxTests.waitFor(60, () -> !model.history().diff().isEmpty() && !model.history().progress().busy().get());
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
