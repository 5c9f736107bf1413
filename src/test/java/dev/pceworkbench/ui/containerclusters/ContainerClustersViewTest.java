package dev.pceworkbench.ui.containerclusters;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.model.ContainerWorkloadProfile;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.task.FxTaskExecutor;
import dev.pceworkbench.testing.DemoPces;
import dev.pceworkbench.testing.FxTests;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.workspace.ContainerClusters;
import dev.pceworkbench.workspace.PolicyWorkspace;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real Container clusters view under TestFX against a demo PCE of its own per test: create a
 * cluster, see its token once in the dialog with Copy and the warning, close it, and find the token
 * nowhere on screen; edit a profile's labels (a restriction) and enforcement mode; the reason an
 * action is off is shown beside its buttons.
 */
@ExtendWith(ApplicationExtension.class)
class ContainerClustersViewTest {
    DemoPce pce;
    PceClient client;
    FxTaskExecutor executor;
    RecordingDialogService dialogs;
    ContainerClustersViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        pce = DemoPces.startSmall();
        client = DemoPces.client(pce);
        executor = FxTests.executor();
        dialogs = new RecordingDialogService();
        model = new ContainerClustersViewModel(new ContainerClusters(new PolicyWorkspace(() -> Optional.of(client))),
                executor, dialogs);
        FxTests.show(stage, new ContainerClustersView(model).root(), model);
    }

    @AfterEach
    void tearDown() {
        executor.close();
        pce.close();
    }

    /** Every text on screen: labels, fields, tooltips, in every window (the dialog included). */
    private static List<String> textsOnScreen(FxRobot robot) {
        List<String> out = new ArrayList<>();
        robot.interact(() -> {
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w.getScene() != null) {
                    collect(w.getScene().getRoot(), out);
                }
            }
        });
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (n instanceof Labeled l) {
            out.add(l.getText());
            Optional.ofNullable(l.getTooltip()).map(Tooltip::getText).ifPresent(out::add);
        }
        if (n instanceof TextInputControl t) {
            out.add(t.getText());
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    @SuppressWarnings("unchecked")
    private static TableRow<ProfileRow> profileRow(FxRobot robot, String namespace) {
        return robot.lookup("#profilesTable .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof ProfileRow p && p.namespace().equals(namespace))
                .findFirst().orElseThrow(() -> new AssertionError(namespace + " is not shown"));
    }

    @SuppressWarnings("unchecked")
    private static TableRow<ClusterRow> clusterRow(FxRobot robot, String name) {
        return robot.lookup("#clustersTable .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof ClusterRow c && c.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(name + " is not shown"));
    }

    private static void choose(FxRobot robot, String combo, String item) {
        robot.clickOn(combo);
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText(item)).queryAs(Node.class));
    }

    @Test
    void theTokenIsShownOnceWithCopyAndIsGoneAfterClose(FxRobot robot) throws Exception {
        FxTests.waitFor(30, () -> model.loadedProperty().get());
        robot.clickOn("#newClusterButton");
        assertTrue(robot.lookup("#createClusterButton").queryButton().isDisabled(), "no name yet");
        assertEquals("Name: required", robot.lookup("#createProblem").queryAs(javafx.scene.control.Label.class).getText());
        robot.clickOn("#clusterNameField").write("CC-Fx-Token");
        robot.clickOn("#createClusterButton");
        FxTests.waitFor(30, () -> robot.lookup("#tokenField").tryQuery().isPresent());
        dialogs.assertNoErrors();
        String token = robot.lookup("#tokenField").queryAs(TextField.class).getText();
        assertTrue(token.startsWith("1_") && token.length() > 40, "the PCE's token");
        assertFalse(robot.lookup("#tokenField").queryAs(TextField.class).isEditable());
        assertTrue(robot.lookup("#tokenWarning").queryAs(javafx.scene.control.Label.class).getText()
                .contains("it will not be shown again"));

        robot.clickOn("#copyTokenButton");
        AtomicReference<String> copied = new AtomicReference<>();
        robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
        assertEquals(token, copied.get(), "Copy puts the token on the clipboard");
        assertEquals("Copied to the clipboard", robot.lookup("#tokenCopied").queryAs(javafx.scene.control.Label.class).getText());
        assertTrue(textsOnScreen(robot).contains(token), "while open, the dialog shows it");

        robot.clickOn("#closeTokenButton");
        FxTests.waitFor(10, () -> model.tokenProperty().get() == null && robot.lookup("#tokenDialog").tryQuery().isEmpty());
        assertTrue(textsOnScreen(robot).stream().noneMatch(t -> t != null && t.contains(token)),
                "after Close the token is nowhere on screen");
        SecretScan.assertNotHeld(model, token);
        assertEquals("Not yet connected", clusterRow(robot, "CC-Fx-Token").getItem().status().word());
    }

    @Test
    void editAProfilesLabelsAndEnforcement(FxRobot robot) throws Exception {
        FxTests.waitFor(30, () -> model.loadedProperty().get());
        assertEquals("Select a cluster first", robot.lookup("#clusterHint").queryAs(javafx.scene.control.Label.class).getText());
        assertTrue(robot.lookup("#deleteClusterButton").queryButton().isDisabled());
        robot.clickOn(robot.from(clusterRow(robot, "CC-EKS-Prod")).lookup(".table-cell").nth(1).queryAs(Node.class));
        FxTests.waitFor(30, () -> model.profiles().size() == 3);
        assertEquals("Select a profile first", robot.lookup("#profileHint").queryAs(javafx.scene.control.Label.class).getText());
        assertTrue(robot.lookup("#editProfileButton").queryAs(Button.class).isDisabled());

        robot.clickOn(robot.from(profileRow(robot, "payments")).lookup(".table-cell").nth(0).queryAs(Node.class));
        robot.clickOn("#editProfileButton");
        FxTests.waitFor(30, () -> model.editor().openProperty().get());
        assertTrue(robot.lookup("#profileNamespace").queryAs(TextField.class).isDisabled(), "the namespace is fixed");

        choose(robot, "#mode-env", "Restrict to");
        assertTrue(robot.lookup("#saveProfileButton").queryButton().isDisabled());
        assertTrue(robot.lookup("#profileProblem").queryAs(javafx.scene.control.Label.class).getText()
                .endsWith("choose at least one label to allow"));
        List<Label> envs = client.labels().list(Map.of("key", "env"));
        @SuppressWarnings("unchecked")
        CheckComboBox<LabelChoice> restrict = robot.lookup("#restrict-env").queryAs(CheckComboBox.class);
        robot.interact(() -> restrict.getItems().stream()
                .filter(c -> c.href().equals(envs.get(0).href()) || c.href().equals(envs.get(1).href()))
                .forEach(c -> restrict.getCheckModel().check(c)));
        choose(robot, "#profileEnforcement", "Selective");
        assertFalse(robot.lookup("#saveProfileButton").queryButton().isDisabled());
        robot.clickOn("#saveProfileButton");
        FxTests.waitFor(30, () -> !model.editor().openProperty().get() || !dialogs.errors().isEmpty());
        dialogs.assertNoErrors();
        FxTests.waitFor(30, () -> model.profiles().stream()
                .anyMatch(p -> p.namespace().equals("payments") && p.enforcement().equals("Selective")));
        dialogs.assertNoErrors();
        WaitForAsyncUtils.waitForFxEvents();
        ProfileRow shown = profileRow(robot, "payments").getItem();
        assertTrue(shown.labels().contains("env: one of"), shown.labels());

        ContainerWorkloadProfile onPce = client.containerWorkloadProfiles(model.selectedProperty().get().href())
                .get(shown.href());
        assertEquals("selective", onPce.enforcementMode());
        assertEquals(List.of(envs.get(0).href(), envs.get(1).href()).stream().sorted().toList(),
                onPce.labels().stream().filter(r -> r.key().equals("env")).findFirst().orElseThrow()
                        .restriction().stream().map(h -> h.href()).sorted().toList());
        assertTrue(onPce.labels().stream().anyMatch(r -> r.key().equals("role") && r.assignment() != null),
                "the other dimensions keep their assignment");
    }
}
