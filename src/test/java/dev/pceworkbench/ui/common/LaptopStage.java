package dev.pceworkbench.ui.common;

import atlantafx.base.theme.PrimerLight;
import dev.pceworkbench.testing.Legibility;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A feature view as a user sees it on a laptop: a 1280 × 800 stage in the AtlantaFX theme with the
 * workbench's styles, the view beside a sidebar as wide as the shell's and above a status bar, so
 * the legibility tests measure the room the view really has.
 */
public final class LaptopStage {
    private LaptopStage() {
    }

    /** Shows {@code view} as the shell would and tells its model it is shown. */
    public static void show(Stage stage, Node view, FeatureModel model) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Region sidebar = new Region();
        sidebar.getStyleClass().add("sidebar");
        sidebar.setPrefWidth(210);
        sidebar.setMinWidth(210);
        Label status = new Label("Demo PCE (embedded)");
        status.getStyleClass().add("status-bar");
        status.setMaxWidth(Double.MAX_VALUE);
        BorderPane shell = new BorderPane(view, null, null, status, sidebar);
        Scene scene = new Scene((Parent) shell, 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(LaptopStage.class.getResource(
                "/dev/pceworkbench/ui/workbench.css")).toExternalForm());
        stage.setScene(scene);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        model.onShown();
    }

    /** Back to JavaFX's own theme, for the tests that run after. */
    public static void reset() {
        Application.setUserAgentStylesheet(null);
    }

    /** Asserts that nothing visible under {@code root} is cut without a tooltip giving its full text. */
    public static void assertLegible(FxRobot robot, Node root) {
        @SuppressWarnings("unchecked")
        List<Legibility.Cut>[] cut = new List[1];
        // Let a few pulses lay out what the last change made dirty, as the screen shows it.
        for (int i = 0; i < 5; i++) {
            org.testfx.util.WaitForAsyncUtils.sleep(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        }
        robot.interact(() -> cut[0] = Legibility.unreadable(root));
        assertEquals(List.of(), cut[0], "texts cut without a way to read them at 1280 × 800");
    }
}
