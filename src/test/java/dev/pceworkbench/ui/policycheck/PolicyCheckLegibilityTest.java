package dev.pceworkbench.ui.policycheck;

import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.task.FxTaskExecutor;
import dev.pceworkbench.testing.FxTests;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.common.LaptopStage;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.ui.common.Verdict;
import dev.pceworkbench.ui.rulesearch.SearchDemo;
import dev.pceworkbench.workspace.PolicyWorkspace;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Policy check at a laptop's size (1280 × 800): a connection a rule allows (found by the engine)
 * shows both verdicts as chips with icon and word, its rule row and reason readable (or in a
 * tooltip); a connection only a disabled rule would allow shows that rule's state chip; an
 * unreadable port (70000) takes the verdicts off the screen.
 */
@ExtendWith(ApplicationExtension.class)
class PolicyCheckLegibilityTest {
    static SearchDemo demo;
    static PolicyWorkspace workspace;
    static CheckTuples allowed;
    static CheckTuples disabled;
    FxTaskExecutor executor;
    PolicyCheckViewModel model;
    Node root;

    @BeforeAll
    static void startDemo() throws Exception {
        demo = new SearchDemo();
        workspace = demo.workspace();
        allowed = CheckTuples.find(workspace, true);
        disabled = CheckTuples.findDisabled(workspace);
    }

    @AfterAll
    static void stopDemo() {
        demo.close();
        LaptopStage.reset();
    }

    @Start
    void start(Stage stage) {
        executor = FxTests.executor();
        Navigator navigator = new Navigator();
        navigator.register(ObjectKind.RULE_SET, "rule-sets", t -> { });
        model = new PolicyCheckViewModel(workspace, executor, new RecordingDialogService(), navigator);
        root = new PolicyCheckView(model).root();
        LaptopStage.show(stage, root, model);
    }

    @AfterEach
    void tearDown() {
        executor.close();
    }

    private void check(FxRobot robot, CheckTuples t) throws Exception {
        robot.interact(() -> {
            model.consumerProperty().set(t.consumerText());
            model.providerProperty().set(t.providerText());
            model.serviceProperty().set(t.serviceText());
            model.check();
        });
        FxTests.waitFor(60, () -> model.answerProperty().get() != null && !model.progress().busy().get());
    }

    private static Label chip(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class);
    }

    @Test
    void anAllowedConnectionIsReadableWithVerdictIcons(FxRobot robot) throws Exception {
        check(robot, allowed);
        for (String id : new String[]{"#verdictNow", "#verdictAfter"}) {
            Label chip = chip(robot, id);
            assertTrue(chip.isVisible());
            assertEquals(Verdict.ALLOWED.word(), chip.getText());
            assertTrue(chip.getGraphic() instanceof FontIcon, "the verdict has its icon");
            assertTrue(chip.getStyleClass().contains(Verdict.ALLOWED.tone().styleClass()));
        }
        robot.interact(() -> model.selectedRowProperty().set(model.rows().get(0)));
        LaptopStage.assertLegible(robot, root);

        robot.interact(() -> model.serviceProperty().set("70000/tcp"));
        assertFalse(chip(robot, "#verdictNow").isVisible(), "no verdict for a port that cannot be read");
        assertEquals("", robot.lookup("#allowedNow").queryAs(Label.class).getText());
    }

    @Test
    void aRuleOfADisabledRuleSetIsShownWithItsState(FxRobot robot) throws Exception {
        check(robot, disabled);
        Label after = chip(robot, "#verdictAfter");
        assertTrue(after.isVisible());
        assertFalse(after.getText().equals(Verdict.ALLOWED.word()));
        assertTrue(after.getGraphic() instanceof FontIcon);
        assertTrue(robot.lookup("#allowedAfter").queryAs(Label.class).getText().contains("; allowed only by "));
        assertTrue(robot.lookup("#rulesTable .status-chip").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText() != null && l.getText().startsWith("Disabled (rule")),
                "the disabled rule's state is shown");
        LaptopStage.assertLegible(robot, root);
    }
}
