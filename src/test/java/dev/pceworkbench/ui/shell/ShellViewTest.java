package dev.pceworkbench.ui.shell;

import dev.pceworkbench.testing.TaskFailures;
import dev.pceworkbench.connection.ActiveConnection;
import dev.pceworkbench.connection.ConnectionManager;
import dev.pceworkbench.connection.ConnectionProfile;
import dev.pceworkbench.connection.EmbeddedDemo;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.FxTaskExecutor;
import dev.pceworkbench.task.TaskState;
import dev.pceworkbench.testing.FxTests;
import dev.pceworkbench.ui.common.Themes;
import dev.pceworkbench.ui.common.UiSettings;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.material2.Material2AL;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real shell under TestFX: sidebar navigation, shortcuts, status bar, task list with cancel. */
@ExtendWith(ApplicationExtension.class)
class ShellViewTest {
    Path settingsFolder;
    ConnectionManager connections;
    FxTaskExecutor executor;
    ShellViewModel model;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        settingsFolder = Files.createTempDirectory("ui-settings");
        connections = new ConnectionManager(ShellViewModelTest.memory(), new EmbeddedDemo(DemoPceOptions.defaults()));
        executor = TaskFailures.fxExecutor();
        List<Feature> features = List.of(
                new Feature("first", "First view", Material2AL.CLOUD_QUEUE),
                new Feature("second", "Second view", Material2AL.LABEL));
        model = new ShellViewModel(features, connections, executor.registry(), UiSettings.in(settingsFolder), Themes.LIGHT);
        ShellView view = new ShellView(model, f -> labelled(f.id() + "-content"));
        Scene scene = new Scene(view, 1000, 700);
        Themes.apply(Themes.LIGHT);
        Themes.style(scene);
        view.installShortcuts(scene);
        stage.titleProperty().bind(model.titleBinding());
        stage.setScene(scene);
        stage.show();
    }

    /** How often each feature's model was told its view is shown, by the view's id. */
    private static final java.util.Map<String, Integer> SHOWN = new java.util.concurrent.ConcurrentHashMap<>();

    private static FeatureView labelled(String id) {
        Label l = new Label(id);
        l.setId(id);
        return new FeatureView(l, new dev.pceworkbench.ui.common.FeatureModel() {
            @Override
            public void onShown() {
                SHOWN.merge(id, 1, Integer::sum);
            }

            @Override
            public void reload() {
                throw new AssertionError("the shell never reloads a view by itself");
            }
        });
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
    void navigatesBySidebarAndShortcut(FxRobot robot) {
        assertTrue(robot.lookup("#first-content").tryQuery().isPresent());
        robot.clickOn("Second view");
        assertTrue(robot.lookup("#second-content").tryQuery().isPresent());
        assertFalse(robot.lookup("#first-content").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#first-content").tryQuery().isPresent());
    }

    @Test
    void theSidebarShowsEachViewsShortcut(FxRobot robot) {
        var cells = robot.lookup("#sidebar").lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class);
        List<String> tips = cells.stream().filter(c -> !c.isEmpty()).map(c -> c.getTooltip().getText()).sorted().toList();
        assertEquals(List.of("First view (Ctrl+1)", "Second view (Ctrl+2)"), tips);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#second-content").tryQuery().isPresent());
    }

    @Test
    void eachShowingOfAViewTellsItsModelOnce(FxRobot robot) {
        SHOWN.clear();
        robot.clickOn("Second view");
        robot.clickOn("First view");
        robot.clickOn("Second view");
        WaitForAsyncUtils.waitForFxEvents();
        // Built once each, told at every showing: the model decides what a return to the view reloads.
        assertEquals(java.util.Map.of("first-content", 1, "second-content", 2), SHOWN);
    }

    @Test
    void statusBarShowsTheActiveConnection(FxRobot robot) throws Exception {
        assertEquals("Not connected", robot.lookup("#connectionStatus").queryAs(Label.class).getText());
        ConnectionProfile demo = new ConnectionProfile(UUID.randomUUID().toString(), "Demo PCE (embedded)", "embedded", 0, 1,
                ConnectionProfile.CredentialType.API_KEY, null, ConnectionProfile.ProxyMode.NONE, null, 0, null,
                true, null, ConnectionProfile.ClientCertType.NONE, null, null, true);
        ActiveConnection c = connections.open(demo, CancellationToken.none());
        robot.interact(() -> connections.activate(c));
        assertEquals("Demo PCE (embedded) — PCE 23.2.10, org 1", robot.lookup("#connectionStatus").queryAs(Label.class).getText());
        assertEquals("PCE Workbench — Demo PCE (embedded)", stage.getTitle());
        assertFalse(robot.lookup("#insecureWarning").query().isVisible());
    }

    @Test
    void theTaskListShowsRunningTasksAndCancelsThem(FxRobot robot) throws Exception {
        BackgroundTask<Object> slow = BackgroundTask.of("Slow demo task", ctx -> {
            ctx.message("waiting");
            ctx.token().sleep(java.time.Duration.ofSeconds(30), "slow");
            return null;
        });
        robot.interact(() -> executor.execute(slow));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> slow.state() == TaskState.RUNNING);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#tasksButton").queryButton().getText().contains("1 task running"));
        robot.clickOn("#tasksButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("Slow demo task").tryQuery().isPresent(), "the task list shows the task");
        robot.clickOn(robot.lookup(".task-row .button").queryButton());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> slow.state() == TaskState.CANCELLED);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#tasksButton").queryButton().getText().contains("No tasks running"));
    }

    @Test
    void leavingAViewCancelsItsWorkButNotUnownedTasks(FxRobot robot) throws Exception {
        BackgroundTask<Object> viewWork = BackgroundTask.of("First view's load", ctx -> {
            ctx.token().sleep(java.time.Duration.ofSeconds(30), "load");
            return null;
        }).ownedBy("first");
        BackgroundTask<Object> global = BackgroundTask.of("Connecting", ctx -> {
            ctx.token().sleep(java.time.Duration.ofSeconds(30), "connect");
            return null;
        });
        robot.interact(() -> {
            executor.execute(viewWork);
            executor.execute(global);
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> viewWork.state() == TaskState.RUNNING && global.state() == TaskState.RUNNING);
        robot.clickOn("Second view");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> viewWork.state() == TaskState.CANCELLED);
        assertEquals(TaskState.RUNNING, global.state());
        global.cancel();
    }

    @Test
    void themeToggleSwitchesToDark(FxRobot robot) {
        robot.clickOn("#themeToggle");
        assertEquals(Themes.DARK, model.themeProperty().get());
    }

    @Test
    void theFirstViewCanComeAfterTheWindowsFirstFrame(FxRobot robot) throws Exception {
        int[] built = new int[1];
        List<Feature> features = List.of(
                new Feature("first", "First view", Material2AL.CLOUD_QUEUE),
                new Feature("second", "Second view", Material2AL.LABEL));
        java.util.function.Function<Feature, FeatureView> lateViews = f -> {
            if (f.id().equals("first")) {
                built[0]++;
            }
            return labelled("late-" + f.id() + "-content");
        };
        ShellViewModel late = new ShellViewModel(features, connections, executor.registry(), UiSettings.in(settingsFolder), Themes.LIGHT);
        List<String> seenWhenShown = new java.util.ArrayList<>();
        Stage[] window = new Stage[1];
        robot.interact(() -> {
            ShellView view = new ShellView(late, lateViews, true);
            window[0] = new Stage();
            window[0].setScene(new Scene(view, 800, 600));
            // Until the window has shown a frame, only the placeholder is there.
            assertEquals(0, built[0]);
            assertTrue(view.lookup("#openingPlaceholder").lookupAll(".label").stream()
                    .anyMatch(n -> n instanceof Label l && l.getText().equals("Opening First view…")));
            view.whenFirstViewShown(() -> seenWhenShown.add(view.lookup("#late-first-content") == null ? "missing" : "shown"));
            window[0].show();
            assertEquals(0, built[0], "building waits for the first frame, not for show()");
        });
        try {
            FxTests.waitFor(10, () -> !seenWhenShown.isEmpty());
            assertEquals(List.of("shown"), seenWhenShown, "the callback runs once the view is in the scene");
            assertEquals(1, built[0]);
            assertTrue(robot.lookup("#openingPlaceholder").tryQuery().isEmpty());
            // Callbacks registered later run at once.
            robot.interact(() -> ((ShellView) window[0].getScene().getRoot()).whenFirstViewShown(() -> seenWhenShown.add("later")));
            assertEquals(List.of("shown", "later"), seenWhenShown);
        } finally {
            robot.interact(window[0]::close);
        }
    }

    @Test
    void aViewPickedBeforeTheFirstFrameIsNotReplacedByTheDeferredOne(FxRobot robot) throws Exception {
        int[] firstBuilt = new int[1];
        List<Feature> features = List.of(
                new Feature("first", "First view", Material2AL.CLOUD_QUEUE),
                new Feature("second", "Second view", Material2AL.LABEL));
        java.util.function.Function<Feature, FeatureView> earlyViews = f -> {
            if (f.id().equals("first")) {
                firstBuilt[0]++;
            }
            return labelled("early-" + f.id() + "-content");
        };
        ShellViewModel early = new ShellViewModel(features, connections, executor.registry(), UiSettings.in(settingsFolder), Themes.LIGHT);
        boolean[] shown = new boolean[1];
        Stage[] window = new Stage[1];
        robot.interact(() -> {
            ShellView view = new ShellView(early, earlyViews, true);
            view.whenFirstViewShown(() -> shown[0] = true);
            window[0] = new Stage();
            window[0].setScene(new Scene(view, 800, 600));
            window[0].show();
            early.select(1);
        });
        try {
            FxTests.waitFor(10, () -> shown[0]);
            ShellView view = (ShellView) window[0].getScene().getRoot();
            assertTrue(view.lookup("#early-second-content") != null);
            assertEquals(0, firstBuilt[0], "the first view was never needed");
        } finally {
            robot.interact(window[0]::close);
        }
    }
}
