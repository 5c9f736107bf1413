package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.testing.SteppingExecutor;
import dev.pceworkbench.testing.FxTests;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.common.Navigator;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first open of the rulesets view never shows an unchanged screen: while the first load runs
 * the table's placeholder shows a progress indicator, "Loading rule sets… (phase)" and Cancel;
 * "No rule sets match" appears only once loaded. The load's tasks are held back by a stepping
 * executor so the state in between can be looked at.
 */
@ExtendWith(ApplicationExtension.class)
class RuleSetsFirstLoadTest {
    static RuleSetsFixture demo;
    SteppingExecutor executor;
    RuleSetsViewModel vm;

    @BeforeAll
    static void startDemo() throws Exception {
        demo = new RuleSetsFixture();
    }

    @AfterAll
    static void stopDemo() {
        demo.close();
    }

    @Start
    void start(Stage stage) {
        executor = new SteppingExecutor();
        vm = new RuleSetsViewModel(demo.workspace(), executor, new RecordingDialogService(), new Navigator());
        FxTests.show(stage, new RuleSetsView(vm).root(), vm, 1280, 800);
    }

    @Test
    void theFirstLoadShowsProgressThenTheRuleSets(FxRobot robot) {
        assertEquals(1, executor.queued(), "the load is under way");
        Label text = robot.lookup("#ruleSetsPlaceholder").queryAs(Label.class);
        assertTrue(text.isVisible());
        assertTrue(text.getText().startsWith("Loading rule sets…"), text.getText());
        assertFalse(text.getText().contains("No rule sets match"));
        assertTrue(robot.lookup("#firstLoadProgress").query().isVisible());
        assertTrue(robot.lookup("#cancelLoadButton").queryAs(ButtonBase.class).isVisible());

        robot.interact(executor::runNext);
        assertTrue(vm.loadedProperty().get());
        assertFalse(vm.allRuleSets().isEmpty());
        robot.interact(() -> vm.filterTextProperty().set("no rule set is called this"));
        assertEquals("No rule sets match", vm.placeholderProperty().get());
        assertFalse(robot.lookup("#firstLoadProgress").query().isVisible());
    }

    @Test
    void cancelStopsTheFirstLoadAndSaysHowToTryAgain(FxRobot robot) {
        robot.interact(() -> robot.lookup("#cancelLoadButton").queryAs(ButtonBase.class).fire());
        robot.interact(executor::runNext); // the cancelled task ends
        assertFalse(vm.loadingProperty().get());
        assertFalse(vm.loadedProperty().get());
        assertTrue(vm.placeholderProperty().get().contains("cancelled"), vm.placeholderProperty().get());
    }
}
