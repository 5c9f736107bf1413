package dev.pceworkbench.ui.provision;

import dev.pceworkbench.task.FxTaskExecutor;
import dev.pceworkbench.testing.FxTests;
import dev.pceworkbench.ui.RecordingDialogService;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static dev.pceworkbench.ui.provision.ProvisionDemo.EDITED_SERVICE;
import static dev.pceworkbench.ui.provision.ProvisionDemo.NEW_IP_LIST;
import static dev.pceworkbench.ui.provision.ProvisionDemo.RULE_SET;
import static dev.pceworkbench.ui.provision.ProvisionDemo.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real Provision view under TestFX against a demo PCE of its own per test: select a change and
 * see its diff, add its dependency, provision with a description and see the new version (also in
 * the history); a refusal keeps the description and the selection; revert a change.
 */
@ExtendWith(ApplicationExtension.class)
class ProvisionViewTest {
    ProvisionDemo demo;
    FxTaskExecutor executor;
    RecordingDialogService dialogs;
    ProvisionViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        executor = FxTests.executor();
        demo = new ProvisionDemo(executor);
        dialogs = new RecordingDialogService();
        model = demo.model(executor, dialogs);
        FxTests.show(stage, new ProvisionView(model).root(), model);
    }

    @AfterEach
    void tearDown() {
        executor.close();
        demo.close();
    }

    private void loaded() throws Exception {
        FxTests.waitFor(60, () -> model.loadedProperty().get() && !model.loadingProperty().get());
    }

    /** The table row showing {@code name}. */
    @SuppressWarnings("unchecked")
    private static TableRow<PendingRow> tableRow(FxRobot robot, String name) {
        return robot.lookup("#pendingTable .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof PendingRow p && p.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(name + " is not shown"));
    }

    private static void check(FxRobot robot, String name) {
        Node box = robot.from(tableRow(robot, name)).lookup(".check-box").queryAs(CheckBox.class);
        robot.clickOn(box);
    }

    @Test
    void selectAChangeSeeItsDiffAddItsDependencyAndProvision(FxRobot robot) throws Exception {
        loaded();
        robot.clickOn(robot.from(tableRow(robot, RULE_SET)).lookup(".table-cell").nth(3).queryAs(Node.class));
        FxTests.waitFor(10, () -> !model.diff().isEmpty());
        assertTrue(robot.lookup("#diffTitle").queryAs(Label.class).getText().startsWith(RULE_SET));
        ListView<?> diff = robot.lookup("#diffList").queryAs(ListView.class);
        assertTrue(diff.getItems().stream().anyMatch(l -> ((DiffLine) l).text().startsWith("Rule 1")));

        check(robot, RULE_SET);
        FxTests.waitFor(5, () -> row(model, RULE_SET).isChecked());
        robot.clickOn("#dependenciesButton");
        FxTests.waitFor(30, () -> row(model, NEW_IP_LIST).isChecked());
        assertTrue(robot.lookup("#dependenciesTable").queryAs(TableView.class).isVisible());
        Label shape = robot.lookup("#dependencyShape").queryAs(Label.class);
        assertTrue(shape.isVisible(), "the view says which answer shape the PCE gave");
        assertEquals(ProvisionDependencies.shapeText(dev.pceworkbench.pce.model.DependencyReport.Shape.valueOf(
                demo.demo.pce.variants().dependencies().name())), shape.getText());

        robot.clickOn("#descriptionField").write("Partner VPN for CRM");
        robot.clickOn("#provisionButton");
        FxTests.waitFor(60, () -> robot.lookup("#lastVersion").queryAs(Label.class).isVisible());
        dialogs.assertNoErrors();
        String version = robot.lookup("#lastVersion").queryAs(Label.class).getText();
        assertTrue(version.matches("Version \\d+ provisioned: \\d+ workloads? affected"), version);
        FxTests.waitFor(60, () -> !model.loadingProperty().get()
                && model.rows().stream().noneMatch(r -> r.name().equals(RULE_SET)));
        assertEquals("", robot.lookup("#descriptionField").queryAs(TextField.class).getText());

        robot.clickOn("#historyTab");
        TableView<?> versions = robot.lookup("#versionsTable").queryAs(TableView.class);
        HistoryRow newest = (HistoryRow) versions.getItems().get(0);
        assertTrue(version.startsWith("Version " + newest.number() + " "), version);
        assertEquals("Partner VPN for CRM", newest.description());

        // What the new version changed, as the PCE's modified_objects lists it, by name.
        TableRow<?> first = robot.lookup("#versionsTable .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getIndex() == 0).findFirst().orElseThrow();
        robot.clickOn(first);
        FxTests.waitFor(10, () -> versions.getSelectionModel().getSelectedIndex() == 0);
        TableView<?> modified = robot.lookup("#modifiedTable").queryAs(TableView.class);
        FxTests.waitFor(30, () -> !modified.getItems().isEmpty());
        assertTrue(modified.getItems().stream().map(m -> ((ModifiedRow) m).name()).toList()
                .containsAll(java.util.List.of(RULE_SET, NEW_IP_LIST)), modified.getItems().toString());
        assertTrue(modified.getItems().stream().noneMatch(m -> ((ModifiedRow) m).name().contains("/orgs/")));
    }

    @Test
    void aRefusalKeepsTheDescriptionAndTheSelection(FxRobot robot) throws Exception {
        loaded();
        check(robot, RULE_SET);
        robot.clickOn("#descriptionField").write("Only the rule set");
        robot.clickOn("#provisionButton");
        FxTests.waitFor(30, () -> !dialogs.errors().isEmpty());
        assertTrue(dialogs.errors().get(0).message().contains("without its dependencies"), dialogs.errors().toString());
        assertEquals("Only the rule set", robot.lookup("#descriptionField").queryAs(TextField.class).getText());
        assertTrue(row(model, RULE_SET).isChecked());
        assertFalse(robot.lookup("#lastVersion").queryAs(Label.class).isVisible());
        assertTrue(robot.lookup("#provisionStatus").queryAs(Label.class).getText().startsWith("The PCE refused"));
    }

    @Test
    void aMissingDescriptionIsSaidAtTheField(FxRobot robot) throws Exception {
        loaded();
        check(robot, NEW_IP_LIST);
        robot.clickOn("#provisionButton");
        FxTests.waitFor(5, () -> robot.lookup("#descriptionError").queryAs(Label.class).isVisible());
        assertEquals(ProvisionActions.DESCRIPTION_REQUIRED, robot.lookup("#descriptionError").queryAs(Label.class).getText());
        assertTrue(dialogs.confirmations().isEmpty());
    }

    @Test
    void revertASelectedChange(FxRobot robot) throws Exception {
        loaded();
        assertTrue(robot.lookup("#provisionButton").queryButton().isDisabled(), "nothing selected: Provision is off");
        assertEquals("Select the changes to provision.", robot.lookup("#provisionHint").queryAs(Label.class).getText());
        check(robot, EDITED_SERVICE);
        robot.clickOn("#revertButton");
        FxTests.waitFor(60, () -> !model.loadingProperty().get()
                && model.rows().stream().noneMatch(r -> r.name().equals(EDITED_SERVICE)));
        dialogs.assertNoErrors();
        assertTrue(dialogs.confirmations().get(0).message().contains(EDITED_SERVICE));
    }

    @Test
    void pressImpactAndSeeTheChangedFlowsGrouped(FxRobot robot) throws Exception {
        loaded();
        java.util.List<String> disabled = new java.util.ArrayList<>();
        for (dev.pceworkbench.pce.model.RuleSet rs : demo.demo.draftRuleSets()) {
            if (Boolean.TRUE.equals(rs.enabled())) {
                demo.demo.client.ruleSets().update(rs.href(), java.util.Map.of("enabled", false));
                disabled.add(rs.name());
            }
        }
        robot.interact(() -> demo.workspace.changed(dev.pceworkbench.workspace.PolicyWorkspace.RULE_SETS, "draft"));
        FxTests.waitFor(60, () -> !model.loadingProperty().get()
                && model.rows().stream().anyMatch(r -> r.name().equals(disabled.get(0))));
        robot.interact(() -> disabled.forEach(n -> row(model, n).checkedProperty().set(true)));
        robot.clickOn("#impactButton");
        FxTests.waitFor(60, () -> !model.impact().rows().isEmpty());
        dialogs.assertNoErrors();
        assertTrue(robot.lookup("#impactTable").queryAs(TableView.class).isVisible(), "the Impact tab is shown");
        String summary = robot.lookup("#impactSummary").queryAs(Label.class).getText();
        assertTrue(summary.matches("\\d+ flows change: .*newly blocked.*"), summary);
        assertTrue(robot.lookup("#impactTable .status-chip").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().equals("Newly blocked")), "the kind as a chip");
        assertTrue(robot.lookup("#impactScope").queryAs(Label.class).getText().contains("checked"));
    }
}
