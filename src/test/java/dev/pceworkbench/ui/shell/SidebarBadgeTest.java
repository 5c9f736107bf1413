package dev.pceworkbench.ui.shell;

import dev.pceworkbench.connection.ConnectionManager;
import dev.pceworkbench.connection.EmbeddedDemo;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.task.FxTaskExecutor;
import dev.pceworkbench.testing.TaskFailures;
import dev.pceworkbench.ui.common.Themes;
import dev.pceworkbench.ui.common.UiSettings;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A feature's count in the sidebar (pending changes on "Provision"): shown beside its title, hidden at zero. */
@ExtendWith(ApplicationExtension.class)
class SidebarBadgeTest {
    final SimpleIntegerProperty pending = new SimpleIntegerProperty(5);
    Path settingsFolder;
    ConnectionManager connections;
    FxTaskExecutor executor;
    ShellViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        settingsFolder = Files.createTempDirectory("ui-settings");
        connections = new ConnectionManager(ShellViewModelTest.memory(), new EmbeddedDemo(DemoPceOptions.defaults()));
        executor = TaskFailures.fxExecutor();
        List<Feature> features = List.of(
                new Feature("first", "First view", Material2AL.CLOUD_QUEUE),
                new Feature("provision", "Provision", Material2MZ.PUBLISH, pending));
        model = new ShellViewModel(features, connections, executor.registry(), UiSettings.in(settingsFolder), Themes.LIGHT);
        ShellView view = new ShellView(model, f -> new FeatureView(new Label(f.id() + "-content"),
                new dev.pceworkbench.ui.common.FeatureModel() {
                    @Override
                    public void onShown() {
                    }

                    @Override
                    public void reload() {
                    }
                }));
        Scene scene = new Scene(view, 1000, 700);
        Themes.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        executor.close();
        connections.close();
        try (var files = Files.walk(settingsFolder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Test
    void theCountFollowsItsValueAndHidesAtZero(FxRobot robot) {
        Label badge = robot.lookup("#sidebarBadge-provision").queryAs(Label.class);
        assertTrue(badge.isVisible());
        assertEquals("5", badge.getText());
        assertEquals("5 pending changes", badge.getTooltip().getText());

        robot.interact(() -> pending.set(1));
        WaitForAsyncUtils.waitForFxEvents();
        badge = robot.lookup("#sidebarBadge-provision").queryAs(Label.class);
        assertEquals("1", badge.getText());
        assertEquals("1 pending change", badge.getTooltip().getText());

        robot.interact(() -> pending.set(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#sidebarBadge-provision").queryAs(Label.class).isVisible());

        robot.clickOn("Provision");
        assertTrue(robot.lookup("provision-content").tryQuery().isPresent() || model.selectedProperty().get().id().equals("provision"));
    }
}
