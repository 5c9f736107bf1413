package dev.pceworkbench.testing;

import dev.pceworkbench.task.FxTaskExecutor;
import dev.pceworkbench.ui.common.FeatureModel;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What the TestFX tests of the feature views share: the executor, the stage, waiting and the suggestion pop-up. */
public final class FxTests {
    private FxTests() {
    }

    /**
     * An executor on the FX thread with two workers; failures reach the view model's own handlers,
     * and a failure nobody handles fails the test ({@link TaskFailures}).
     */
    public static FxTaskExecutor executor() {
        return TaskFailures.fxExecutor();
    }

    /**
     * Shows {@code root} (a feature view's root) in a 1200 × 760 scene on {@code stage} and tells its
     * model it is shown, as the shell does.
     */
    public static void show(Stage stage, Node root, FeatureModel model) {
        stage.setScene(new Scene((Parent) root, 1200, 760));
        stage.show();
        model.onShown();
    }

    /**
     * Shows {@code root} in a {@code width} × {@code height} scene (the legibility tests use a
     * laptop's 1280 × 800) and tells its model it is shown, as the shell does.
     */
    public static void show(Stage stage, Node root, FeatureModel model, double width, double height) {
        stage.setScene(new Scene((Parent) root, width, height));
        stage.show();
        model.onShown();
    }

    /** Waits up to {@code seconds} for {@code condition}, then for the FX events it caused. */
    public static void waitFor(long seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The suggestions pop up a moment after typing stops; Escape closes them, as a user would. */
    public static void closeSuggestions(FxRobot robot) {
        WaitForAsyncUtils.sleep(700, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
