package dev.pceworkbench.ui.policycheck;

import dev.pceworkbench.policy.CheckResult;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.task.FxTaskExecutor;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.ui.common.export.CsvReader;
import dev.pceworkbench.ui.rulesearch.SearchDemo;
import dev.pceworkbench.workspace.PolicyWorkspace;
import dev.pceworkbench.testing.FxTests;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real policy check view under TestFX against a demo PCE: an allowed connection (found by the
 * engine in the demo data) with its rules and reasons, the PCE agreeing, a rule opened through the
 * navigator; an unallowed one answered "No rules exist to allow that connection"; and the bulk mode
 * over a small CSV with one bad row, with the answers exported.
 */
@ExtendWith(ApplicationExtension.class)
class PolicyCheckViewTest {
    static SearchDemo demo;
    static PolicyWorkspace workspace;
    static CheckTuples allowed;
    static CheckTuples denied;

    @TempDir
    Path dir;
    FxTaskExecutor executor;
    RecordingDialogService dialogs;
    List<Navigator.Target> opened;
    PolicyCheckViewModel model;

    @BeforeAll
    static void start() throws Exception {
        demo = new SearchDemo();
        workspace = demo.workspace();
        allowed = CheckTuples.find(workspace, true);
        denied = CheckTuples.find(workspace, false);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Start
    void start(Stage stage) {
        executor = FxTests.executor();
        dialogs = new RecordingDialogService();
        opened = new CopyOnWriteArrayList<>();
        Navigator navigator = new Navigator();
        navigator.register(ObjectKind.RULE_SET, "rule-sets", opened::add);
        model = new PolicyCheckViewModel(workspace, executor, dialogs, navigator);
        FxTests.show(stage, new PolicyCheckView(model).root(), model);
    }

    @AfterEach
    void tearDown() {
        executor.close();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        FxTests.waitFor(30, condition);
    }

    /** Clicks into the field and pastes the text (typing long hostnames key by key takes seconds under Monocle). */
    private static void type(FxRobot robot, String field, String text) {
        robot.clickOn(field);
        robot.interact(() -> robot.lookup(field).queryAs(TextField.class).replaceText(0,
                robot.lookup(field).queryAs(TextField.class).getLength(), text));
        FxTests.closeSuggestions(robot);
    }

    private void check(FxRobot robot, CheckTuples t) throws Exception {
        type(robot, "#consumerField", t.consumerText());
        type(robot, "#providerField", t.providerText());
        type(robot, "#serviceField", t.serviceText());
        robot.clickOn("#checkButton");
        waitFor(() -> model.answerProperty().get() != null && !model.progress().busy().get());
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void anAllowedConnectionWithItsReasonsAgreesWithThePce(FxRobot robot) throws Exception {
        check(robot, allowed);
        assertTrue(text(robot, "#allowedNow").startsWith("Allowed now: Allowed by "), text(robot, "#allowedNow"));
        assertTrue(text(robot, "#allowedAfter").startsWith("Allowed after provisioning: Allowed by "));
        @SuppressWarnings("unchecked")
        TableView<CheckRow> rules = robot.lookup("#rulesTable").queryAs(TableView.class);
        assertEquals(allowed.comparison().rows().size(), rules.getItems().size());
        robot.interact(() -> rules.getSelectionModel().select(0));
        String reason = robot.lookup("#reasonText").queryAs(TextArea.class).getText();
        assertTrue(reason.startsWith("Rule set '" + rules.getItems().get(0).ruleSet() + "'"), reason);
        assertTrue(reason.contains("consumer " + allowed.consumerText() + " matches "), reason);

        robot.clickOn("#verifyButton");
        waitFor(() -> model.pceAgreesProperty().get() != null);
        assertEquals("The PCE agrees, now and after provisioning.", text(robot, "#verifyStatus"));

        robot.clickOn("#openRuleButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, opened.size());
        assertEquals(rules.getItems().get(0).href(), opened.get(0).selectHref());
        dialogs.assertNoErrors();
    }

    @Test
    void anUnallowedConnectionSaysNoRulesExist(FxRobot robot) throws Exception {
        check(robot, denied);
        assertEquals("Not allowed now: " + CheckResult.NO_RULES, text(robot, "#allowedNow").replaceAll(";.*", ""));
        assertTrue(text(robot, "#allowedAfter").contains(CheckResult.NO_RULES));
        robot.clickOn("#verifyButton");
        waitFor(() -> model.pceAgreesProperty().get() != null);
        assertEquals(Boolean.TRUE, model.pceAgreesProperty().get(), text(robot, "#verifyStatus"));
        dialogs.assertNoErrors();
    }

    @Test
    void bulkModeChecksACsvWithABadRowAndExportsTheAnswers(FxRobot robot) throws Exception {
        Path in = dir.resolve("tuples.csv");
        Files.writeString(in, "consumer,provider,port/proto\n"
                + allowed.consumerText() + "," + allowed.providerText() + "," + allowed.serviceText() + "\n"
                + "not-a-host," + allowed.providerText() + "," + allowed.serviceText() + "\n"
                + denied.consumer().href() + "," + denied.providerText() + "," + denied.serviceText() + "\n");
        robot.clickOn("#bulkTab");
        dialogs.willOpen(in);
        robot.clickOn("#bulkRunButton");
        waitFor(() -> model.bulk().rows().size() == 3 && !model.bulk().progress().busy().get());
        @SuppressWarnings("unchecked")
        TableView<BulkRow> table = robot.lookup("#bulkTable").queryAs(TableView.class);
        assertEquals(3, table.getItems().size());
        BulkRow ok = table.getItems().get(0);
        assertEquals("Yes", ok.allowedNow());
        assertEquals("", ok.error());
        assertTrue(table.getItems().get(1).error().startsWith("Consumer 'not-a-host' is neither"));
        assertEquals("No", table.getItems().get(2).allowedNow());
        assertEquals(CheckResult.NO_RULES, table.getItems().get(2).rules());

        Path out = dir.resolve("answers.csv");
        dialogs.willSaveTo(out);
        robot.clickOn("#bulkExportButton");
        waitFor(() -> dialogs.notifications().stream().anyMatch(n -> n.contains(out.toString())));
        List<CsvReader.Row> back = CsvReader.read(out);
        assertEquals(4, back.size());
        assertEquals(List.of("Row", "Consumer", "Provider", "Service", "Allowed now", "Allowed after provisioning",
                "Rules", "Rule hrefs", "Error"), back.get(0).cells());
        assertEquals("3", back.get(2).cell(0), "the CSV line of the bad row");
        assertTrue(back.get(2).cell(8).startsWith("Consumer 'not-a-host'"));
        dialogs.assertNoErrors();
    }
}
