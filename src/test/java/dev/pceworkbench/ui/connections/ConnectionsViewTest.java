package dev.pceworkbench.ui.connections;

import dev.pceworkbench.testing.TaskFailures;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.connection.ConnectionManager;
import dev.pceworkbench.connection.ConnectionProfile;
import dev.pceworkbench.connection.ConnectionProfileStore;
import dev.pceworkbench.connection.EmbeddedDemo;
import dev.pceworkbench.connection.SessionSecretStore;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.pce.ConnectionCheck;
import dev.pceworkbench.pce.ConnectionDiagnosis.StepName;
import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.FxTaskExecutor;
import dev.pceworkbench.task.TaskState;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.connections.CheckStepRow.Status;
import dev.pceworkbench.ui.connections.ConnectionCheckViewModel.State;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real connections view under TestFX: a profile for a standalone demo PCE typed into the
 * form and checked (with and without its CA bundle), connecting, cancelling a check of a server
 * that never answers, and the validation and insecure-TLS feedback.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectionsViewTest {
    @TempDir
    static Path demoDir;
    static DemoPce pce;
    static JsonNode creds;

    @TempDir
    Path dir;
    ConnectionManager manager;
    FxTaskExecutor executor;
    RecordingDialogService dialogs;
    ConnectionsViewModel model;

    @BeforeAll
    static void startDemo() throws IOException {
        pce = DemoPce.start(DemoPceOptions.defaults().withStateDir(demoDir).withRateLimit(0));
        creds = PceJson.mapper().readTree(demoDir.resolve("credentials.json").toFile());
    }

    @AfterAll
    static void stopDemo() {
        pce.close();
    }

    @Start
    void start(Stage stage) {
        manager = new ConnectionManager(new SessionSecretStore(), new EmbeddedDemo(DemoPceOptions.defaults()));
        executor = TaskFailures.fxExecutor();
        dialogs = new RecordingDialogService();
        model = new ConnectionsViewModel(new ConnectionProfileStore(dir.resolve("config")), manager, executor, dialogs,
                () -> new ConnectionCheck(Map.of()));
        ConnectionsView view = new ConnectionsView(model);
        stage.setScene(new Scene((javafx.scene.Parent) view.root(), 1100, 750));
        stage.show();
    }

    /** The profiles are read in a task: each test starts once they are in. */
    @BeforeEach
    void profilesRead() throws Exception {
        waitFor(10, () -> !model.storageStatus().loadingProperty().get() && !model.profiles().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void tearDown() {
        executor.close();
        manager.close();
    }

    /** Focuses a form control first (the form scrolls it into view), so a click lands on it. */
    private static org.testfx.api.FxRobotInterface clickField(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        robot.interact(n::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        return robot.clickOn(query);
    }

    /** Types into the focused field key by key, without TestFX's default pause after each key. */
    private static void type(org.testfx.api.FxRobotInterface robot, String text) {
        robot.write(text, 0);
    }

    /** Types a profile for the standalone demo PCE into the form, as a user would. */
    private void typeDemoProfile(FxRobot robot, String name, String target, boolean withCa) {
        robot.clickOn("#newButton");
        clickField(robot, "#nameField");
        robot.interact(() -> robot.lookup("#nameField").queryAs(TextField.class).selectAll());
        type(robot, name);
        type(clickField(robot, "#targetField"), target);
        type(clickField(robot, "#usernameField"), creds.get("auth_username").asText());
        type(clickField(robot, "#secretField"), creds.get("secret").asText());
        if (withCa) {
            type(clickField(robot, "#caBundleField"), demoDir.resolve("ca.pem").toString());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitFor(long seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    private List<CheckStepRow> rows(FxRobot robot) {
        TableView<CheckStepRow> table = robot.lookup("#checkSteps").queryTableView();
        return new ArrayList<>(table.getItems());
    }

    @Test
    void aTypedProfileChecksSuccessfullyStepByStep(FxRobot robot) throws Exception {
        typeDemoProfile(robot, "Standalone demo", creds.get("url").asText(), true);
        assertFalse(robot.lookup("#checkButton").queryButton().isDisabled(), "the form is valid");
        robot.clickOn("#checkButton");
        waitFor(30, () -> model.check().state() == State.SUCCEEDED || model.check().state() == State.FAILED);
        WaitForAsyncUtils.waitForFxEvents();
        String summary = robot.lookup("#checkSummary").queryAs(Label.class).getText();
        assertEquals(State.SUCCEEDED, model.check().state(), summary);
        assertTrue(summary.startsWith("Connected to PCE 23.2.10"), summary);
        List<CheckStepRow> rows = rows(robot);
        assertEquals(StepName.values().length, rows.size());
        for (CheckStepRow r : rows) {
            assertEquals(r.step() == StepName.PROXY ? Status.SKIPPED : Status.OK, r.status(), r.toString());
        }
        assertEquals(StepName.values().length - 1, robot.lookup("#checkSteps .check-status-ok").queryAll().size(),
                "each OK step shows its icon and word");
        dialogs.assertNoErrors();
    }

    @Test
    void withoutTheCaBundleTheTlsStepFailsClearly(FxRobot robot) throws Exception {
        typeDemoProfile(robot, "Demo without CA", creds.get("url").asText(), false);
        robot.clickOn("#checkButton");
        waitFor(30, () -> model.check().state() == State.FAILED || model.check().state() == State.SUCCEEDED);
        WaitForAsyncUtils.waitForFxEvents();
        CheckStepRow tls = rows(robot).get(StepName.TLS.ordinal());
        assertEquals(Status.FAILED, tls.status());
        String summary = robot.lookup("#checkSummary").queryAs(Label.class).getText();
        assertTrue(summary.startsWith("TLS failed") && summary.contains("CA bundle"), summary);
        assertEquals(1, robot.lookup("#checkSteps .check-status-failed").queryAll().size());
    }

    @Test
    void connectMakesTheProfileTheActiveOne(FxRobot robot) throws Exception {
        typeDemoProfile(robot, "Standalone demo", creds.get("url").asText(), true);
        robot.clickOn("#connectButton");
        waitFor(30, () -> manager.activeProperty().get() != null || !dialogs.errors().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        dialogs.assertNoErrors();
        assertEquals("Standalone demo", manager.activeProperty().get().profile().name());
        String active = robot.lookup("#activeConnectionLabel").queryAs(Label.class).getText();
        assertTrue(active.startsWith("Active: Standalone demo — PCE 23.2.10"), active);
        Node badge = robot.lookup("#profileList ." + ProfileListCell.ACTIVE_BADGE).query();
        Node cell = badge.getParent();
        assertTrue(robot.from(cell).lookup((Label l) -> "Standalone demo".equals(l.getText())).tryQuery().isPresent(),
                "the badge sits on the connected profile");
        assertEquals(1, robot.lookup("#profileList ." + ProfileListCell.ACTIVE_BADGE).queryAll().size());
        assertEquals(2, model.profiles().size(), "connecting saved the new profile");
    }

    @Test
    void aCheckOfANeverAnsweringServerCanBeCancelled(FxRobot robot) throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // The test is over.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            typeDemoProfile(robot, "Silent", "https://127.0.0.1:" + silent.getLocalPort(), false);
            robot.clickOn("#checkButton");
            // The TCP connect succeeds; the TLS handshake then waits for an answer that never comes.
            waitFor(20, () -> model.check().steps().size() > 0
                    && model.check().steps().get(StepName.TCP.ordinal()).status() == Status.OK);
            Button cancel = robot.lookup("#cancelCheckButton").queryButton();
            assertFalse(cancel.isDisabled());
            assertEquals(State.RUNNING, model.check().state());
            robot.clickOn("#cancelCheckButton");
            waitFor(10, () -> model.check().state() == State.CANCELLED);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("The connection check was cancelled", robot.lookup("#checkSummary").queryAs(Label.class).getText());
            assertEquals(Status.CANCELLED, rows(robot).get(StepName.TLS.ordinal()).status());
            assertFalse(robot.lookup("#checkSteps .check-status-cancelled").queryAll().isEmpty());
            assertTrue(cancel.isDisabled(), "nothing left to cancel");
            assertFalse(robot.lookup("#checkButton").queryButton().isDisabled());
        }
    }

    @Test
    void invalidFieldsAreDecoratedAndInsecureTlsIsWarnedAbout(FxRobot robot) throws Exception {
        typeDemoProfile(robot, "Standalone demo", creds.get("url").asText(), true);
        TextField org = robot.lookup("#orgField").queryAs(TextField.class);
        clickField(robot, "#orgField");
        robot.interact(org::selectAll);
        robot.write("0");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("The org id must be a positive whole number",
                model.editor().message(ProfileEditorViewModel.Field.ORG_ID));
        waitFor(5, () -> org.getStyleClass().contains("error"));
        assertTrue(org.getPseudoClassStates().contains(atlantafx.base.theme.Styles.STATE_DANGER));
        assertTrue(robot.lookup("#saveButton").queryButton().isDisabled(), "nothing invalid can be saved");
        assertTrue(robot.lookup("#connectButton").queryButton().isDisabled());
        assertTrue(robot.lookup("#validationSummary").queryAs(Label.class).getText().contains("org id"));
        robot.interact(org::selectAll);
        robot.write("1");
        waitFor(5, () -> !org.getStyleClass().contains("error"));
        assertFalse(robot.lookup("#saveButton").queryButton().isDisabled());

        Label warning = robot.lookup("#tlsWarning").queryAs(Label.class);
        assertFalse(warning.isVisible());
        clickField(robot, "#tlsVerifyCheck");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(warning.isVisible());
        assertTrue(warning.getText().contains("verification is OFF"), warning.getText());
        assertFalse(model.editor().tlsVerifyProperty().get());

        Label note = robot.lookup("#secretsNote").queryAs(Label.class);
        assertTrue(note.getText().contains("this session only"), note.getText());
        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.readString(dir.resolve("config").resolve(ConnectionProfileStore.FILE_NAME)).contains("Standalone demo"));
        assertFalse(Files.readString(dir.resolve("config").resolve(ConnectionProfileStore.FILE_NAME))
                .contains(creds.get("secret").asText()));
    }

    /** The profile list's cell showing {@code p}. */
    private static Node cellOf(FxRobot robot, ConnectionProfile p) {
        return robot.lookup("#profileList .list-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?> c && p.equals(c.getItem()))
                .findFirst().orElseThrow();
    }

    @Test
    void openingAnotherProfileWithUnsavedChangesAsksAndCanKeepThem(FxRobot robot) throws Exception {
        ConnectionProfile demo = model.profiles().get(0);
        // A saved profile (filled through the model: typing it is covered above), then an edit typed.
        BackgroundTask<?>[] saving = new BackgroundTask<?>[1];
        robot.interact(() -> {
            model.newProfile();
            ProfileEditorViewModel e = model.editor();
            e.nameProperty().set("Standalone demo");
            e.targetProperty().set(creds.get("url").asText());
            e.usernameProperty().set(creds.get("auth_username").asText());
            e.secretProperty().set(creds.get("secret").asText());
            saving[0] = model.save();
        });
        assertNotNull(saving[0]);
        waitFor(10, () -> saving[0].state() == TaskState.SUCCEEDED);
        WaitForAsyncUtils.waitForFxEvents();
        ConnectionProfile saved = model.selectedProperty().get();
        assertEquals("Standalone demo", saved.name());
        clickField(robot, "#nameField");
        robot.interact(() -> robot.lookup("#nameField").queryAs(TextField.class).end());
        type(robot, " edited");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ListView<?> list = robot.lookup("#profileList").queryListView();

        dialogs.answerConfirm(false);
        robot.clickOn(cellOf(robot, demo));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("'Standalone demo edited' has changes that are not saved. Discard them and open 'Demo PCE (embedded)'?",
                dialogs.confirmations().get(dialogs.confirmations().size() - 1).message());
        assertEquals(saved, model.selectedProperty().get());
        assertEquals(saved, list.getSelectionModel().getSelectedItem(), "the list went back to the profile being edited");
        assertEquals("Standalone demo edited", robot.lookup("#nameField").queryAs(TextField.class).getText());

        dialogs.answerConfirm(true);
        robot.clickOn(cellOf(robot, demo));
        waitFor(5, () -> demo.equals(model.selectedProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Demo PCE (embedded)", robot.lookup("#nameField").queryAs(TextField.class).getText());
        assertEquals(demo, list.getSelectionModel().getSelectedItem());
        dialogs.assertNoErrors();
    }
}
