package dev.pceworkbench.ui.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.task.FxTaskExecutor;
import dev.pceworkbench.testing.FxTests;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.ui.common.Verdict;
import dev.pceworkbench.ui.common.export.CsvReader;
import dev.pceworkbench.ui.rulesearch.SearchDemo;
import dev.pceworkbench.ui.rulesets.RuleSetsView;
import dev.pceworkbench.ui.rulesets.RuleSetsViewModel;
import dev.pceworkbench.workspace.PolicyWorkspace;
import dev.pceworkbench.workspace.TrafficExplorer;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real Traffic view under TestFX against a demo PCE over HTTPS: a query built in the form runs
 * and fills the table; the summary groups and its row filters the table; a chart bar filters the
 * table (said in a banner, cleared with one click); a rule proposed from a flow opens prefilled in
 * the Rulesets view's rule editor and, once saved, the flow's draft decision shows it allowed; the
 * table exports to CSV and JSON; a query saved under a name through the Saved controls loads back
 * into the cleared form as it was typed.
 */
@ExtendWith(ApplicationExtension.class)
class TrafficViewTest {
    static SearchDemo demo;
    static PolicyWorkspace workspace;

    @TempDir
    Path dir;
    FxTaskExecutor executor;
    RecordingDialogService dialogs;
    TrafficViewModel model;
    RuleSetsViewModel ruleSets;
    TabPane views;

    @BeforeAll
    static void start() throws Exception {
        demo = new SearchDemo();
        workspace = demo.workspace();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Start
    void start(Stage stage) {
        executor = FxTests.executor();
        dialogs = new RecordingDialogService();
        Navigator navigator = new Navigator();
        ruleSets = new RuleSetsViewModel(workspace, executor, dialogs, navigator);
        navigator.register(ObjectKind.RULE_SET, RuleSetsViewModel.FEATURE_ID, ruleSets::open);
        model = new TrafficViewModel(workspace, new TrafficExplorer(workspace, Duration.ofMinutes(2), Duration.ofMillis(100)),
                executor, dialogs, navigator, java.time.Clock.systemUTC(),
                new dev.pceworkbench.connection.TrafficQueryStore(dir.resolve("config")),
                () -> java.util.Optional.of(new QueryLibrary.Profile("profile-1", "Demo PCE")));
        Tab traffic = new Tab("Traffic", new TrafficView(model).root());
        Tab rules = new Tab("Rulesets", new RuleSetsView(ruleSets).root());
        views = new TabPane(traffic, rules);
        model.openRuleEditorWith((ruleSet, rule) -> {
            views.getSelectionModel().select(rules);
            ruleSets.onShown();
            ruleSets.proposeRule(ruleSet, rule);
        });
        FxTests.show(stage, views, model, 1280, 800);
    }

    @AfterEach
    void tearDown() {
        executor.close();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        FxTests.waitFor(60, condition);
    }

    @SuppressWarnings("unchecked")
    private static TableView<FlowRow> flows(FxRobot robot) {
        return robot.lookup("#flowsTable").queryAs(TableView.class);
    }

    private void runQuery(FxRobot robot) throws Exception {
        robot.interact(() -> model.form().presetProperty().set(TimePreset.LAST_MONTH));
        robot.doubleClickOn("#maxResults").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("200000", 0);
        robot.clickOn("#runButton");
        try {
            waitFor(() -> !model.rows().isEmpty() && !model.busyProperty().get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no flows: " + model.statusProperty().get() + " / " + model.form().maxResultsProperty().get()
                    + " / " + dialogs.errors(), e);
        }
        dialogs.assertNoErrors();
    }

    @Test
    void runsGroupsFiltersByChartAndExports(FxRobot robot) throws Exception {
        robot.clickOn("#servicesInclude").write("99999/tcp", 0);
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#servicesIncludeError").queryLabeled().getText().contains("99999"));
        assertTrue(model.rows().isEmpty(), "a wrong field runs nothing");
        robot.clickOn("#servicesInclude").eraseText(9);
        runQuery(robot);
        int n = model.rows().size();
        assertEquals(n, flows(robot).getItems().size());
        assertTrue(model.statusProperty().get().startsWith(String.format(java.util.Locale.US, "%,d flows", n)), model.statusProperty().get());

        // Group: the app group summary; a group's flows in the table.
        robot.clickOn("Summaries");
        waitFor(() -> !model.summaries().rows().isEmpty());
        TableView<?> summary = robot.lookup("#summaryTable").queryAs(TableView.class);
        robot.interact(() -> summary.getSelectionModel().select(0));
        robot.clickOn("#showGroupFlows");
        waitFor(() -> model.rowFilterProperty().get() != null);
        assertTrue(flows(robot).getItems().size() < n);
        assertTrue(robot.lookup("#rowFilterBanner").query().isVisible());
        robot.clickOn("#clearFilterButton");
        waitFor(() -> flows(robot).getItems().size() == n);

        // A chart bar filters the table.
        robot.clickOn("Charts");
        WaitForAsyncUtils.waitForFxEvents();
        Node bar = robot.lookup("#decisionsByPortChart .traffic-chart-bar").query();
        assertNotNull(bar);
        robot.clickOn(bar);
        waitFor(() -> model.rowFilterProperty().get() != null);
        String what = model.rowFilterProperty().get().description();
        assertTrue(robot.lookup("#rowFilterLabel").queryLabeled().getText().contains(what));
        int shown = flows(robot).getItems().size();
        assertTrue(shown > 0 && shown < n);
        assertTrue(flows(robot).getItems().stream().allMatch(r -> what.endsWith(r.service())));

        // Export what the table shows.
        Path csv = dir.resolve("flows.csv");
        dialogs.willSaveTo(csv);
        robot.clickOn("#exportCsvButton");
        waitFor(() -> Files.exists(csv) && !model.busyProperty().get());
        List<CsvReader.Row> rows = CsvReader.read(csv);
        assertEquals(shown + 1, rows.size());
        assertEquals("Source", rows.get(0).cell(0));
        Path json = dir.resolve("flows.json");
        dialogs.willSaveTo(json);
        robot.clickOn("#exportJsonButton");
        waitFor(() -> Files.exists(json) && !model.busyProperty().get());
        JsonNode all = PceJson.mapper().readTree(Files.readString(json));
        assertEquals(shown, all.size());
        assertTrue(all.get(0).get("flow").has("service"));
        dialogs.assertNoErrors();

        // A changed form marks the flows as the previous query's.
        robot.clickOn("#servicesInclude").write("443/tcp", 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#staleBanner").query().isVisible());
    }

    @Test
    void aRuleProposedFromAFlowOpensInTheRuleEditorAndChangesItsDraftDecision(FxRobot robot) throws Exception {
        runQuery(robot);
        // A flow the draft does not allow, between two workloads.
        FlowRow target = model.rows().stream().filter(r -> r.draftVerdict() != Verdict.ALLOWED
                && r.flow().dst() != null && r.flow().dst().workload() != null
                && r.flow().src() != null && r.flow().src().workload() != null
                && r.draftVerdict() != Verdict.UNKNOWN).findFirst().orElseThrow();
        int index = target.index();
        robot.interact(() -> {
            flows(robot).getSelectionModel().clearSelection();
            flows(robot).getSelectionModel().select(target);
        });
        robot.clickOn("#proposeRuleButton");
        try {
            waitFor(() -> ruleSets.editingProperty().get() == RuleSetsViewModel.Editing.RULE);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no rule editor: " + dialogs.notifications() + " " + dialogs.confirmations()
                    + " selected " + ruleSets.selectedProperty().get() + " editable " + ruleSets.editableProperty().get(), e);
        }
        assertFalse(ruleSets.ruleEditor().providers().isEmpty());
        assertFalse(ruleSets.ruleEditor().consumers().isEmpty());
        assertFalse(ruleSets.ruleEditor().services().isEmpty());
        assertTrue(ruleSets.ruleEditor().isNew());
        assertTrue(robot.lookup("#saveRuleButton").query().isVisible());
        robot.clickOn("#saveRuleButton");
        waitFor(() -> ruleSets.editingProperty().get() == RuleSetsViewModel.Editing.NONE && !ruleSets.savingProperty().get());
        // The traffic view's engine draft decisions follow the saved rule.
        waitFor(() -> model.rows().get(index).draftVerdict() == Verdict.ALLOWED);
        dialogs.assertNoErrors();
    }

    @Test
    void aQuerySavedThroughTheControlsLoadsBackIntoTheForm(FxRobot robot) throws Exception {
        robot.clickOn("#servicesInclude").write("22/TCP, process sshd", 0);
        robot.doubleClickOn("#maxResults").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("1,500", 0);
        robot.clickOn("#decision-blocked");
        String key = model.form().key();
        robot.clickOn("#savedQueriesButton");
        robot.clickOn("#savedQueryName").write("SSH blocked", 0);
        robot.clickOn("#saveQueryButton");
        waitFor(() -> model.queries().saved().size() == 1);
        assertEquals("SSH blocked", model.queries().saved().get(0).name());
        assertTrue(robot.lookup("#savedQueriesStatus").queryLabeled().getText().contains("Saved 'SSH blocked'"));

        robot.clickOn("#clearQueryButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", robot.lookup("#servicesInclude").queryTextInputControl().getText());
        robot.clickOn(robot.lookup("#savedQueriesList .list-cell").nth(0).queryAs(Node.class));
        robot.clickOn("#loadSavedQuery");
        waitFor(() -> key.equals(model.form().key()));
        assertEquals("22/TCP, process sshd", robot.lookup("#servicesInclude").queryTextInputControl().getText());
        assertEquals("1,500", robot.lookup("#maxResults").queryTextInputControl().getText());
        assertTrue(robot.lookup("#decision-blocked").queryAs(javafx.scene.control.CheckBox.class).isSelected());
        robot.clickOn("#closeSavedQueries");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#savedQueriesPane").tryQuery().isPresent(), "closed");
        dialogs.assertNoErrors();
    }
}
