package dev.pceworkbench.ui.rulesearch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.policy.PortRange;
import dev.pceworkbench.policy.RuleHit;
import dev.pceworkbench.policy.RuleSearch;
import dev.pceworkbench.policy.RuleSearchIndex;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.task.FxTaskExecutor;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.ui.common.export.CsvReader;
import dev.pceworkbench.workspace.PolicyWorkspace;
import dev.pceworkbench.testing.FxTests;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
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
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real rule search view under TestFX against a demo PCE: a port search and a label picked in
 * the actor field give the engine's rules, the column chooser hides a column, CSV and JSON exports
 * hold every result with formula-like descriptions neutralised, a result opens through the
 * navigator, and the PCE's own rule search agrees.
 */
@ExtendWith(ApplicationExtension.class)
class RuleSearchViewTest {
    static final String FORMULA = "=HYPERLINK(\"http://example.com/x\",\"Click\")";
    static final String MINUS = "-2+3 review";
    static SearchDemo demo;
    static PolicyWorkspace workspace;

    @TempDir
    Path dir;
    FxTaskExecutor executor;
    RecordingDialogService dialogs;
    List<Navigator.Target> opened;
    RuleSearchViewModel model;

    @BeforeAll
    static void start() throws Exception {
        demo = new SearchDemo();
        List<RuleSet> ruleSets = demo.draftRuleSets();
        demo.describe(ruleSets.get(1).rules().get(0), FORMULA);
        demo.describe(ruleSets.get(2).rules().get(0), MINUS);
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
        opened = new CopyOnWriteArrayList<>();
        Navigator navigator = new Navigator();
        navigator.register(ObjectKind.RULE_SET, "rule-sets", opened::add);
        model = new RuleSearchViewModel(workspace, executor, dialogs, navigator);
        FxTests.show(stage, new RuleSearchView(model).root(), model);
    }

    @AfterEach
    void tearDown() {
        executor.close();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        FxTests.waitFor(30, condition);
    }

    private boolean searched() {
        return model.statusProperty().get().contains(" in ") && !model.busyProperty().get();
    }

    private static Set<String> hrefs(List<RuleHit> hits) {
        return hits.stream().map(RuleHit::href).collect(Collectors.toCollection(TreeSet::new));
    }

    @SuppressWarnings("unchecked")
    private static TableView<RuleRow> table(FxRobot robot) {
        return robot.lookup("#resultsTable").queryAs(TableView.class);
    }

    private static Set<String> shown(FxRobot robot) {
        return table(robot).getItems().stream().map(RuleRow::href).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void searchesUdp161AndChoosesColumns(FxRobot robot) throws Exception {
        robot.clickOn("#portsField").write("161/udp", 0);
        robot.type(KeyCode.ENTER);
        waitFor(this::searched);
        RuleSearchIndex ix = SearchDemo.index(workspace, "draft");
        Set<String> expected = hrefs(RuleSearch.builder().port(PortRange.of(PortRange.UDP, 161)).build().run(ix));
        assertFalse(expected.isEmpty());
        assertEquals(expected, shown(robot));
        String status = robot.lookup("#statusLabel").queryAs(Label.class).getText();
        assertTrue(status.startsWith(expected.size() + (expected.size() == 1 ? " rule in " : " rules in ")), status);
        assertTrue(table(robot).getItems().stream().allMatch(r -> r.services().contains("UDP")
                || r.services().contains("All Services") || !r.services().matches(".*\\d.*")));

        TableColumn<RuleRow, ?> description = table(robot).getColumns().stream()
                .filter(c -> "column-DESCRIPTION".equals(c.getId())).findFirst().orElseThrow();
        assertTrue(description.isVisible());
        robot.clickOn("#columnsButton");
        Node item = robot.lookup(".context-menu .label").match(LabeledMatchers.hasText("Description")).query();
        robot.clickOn(item);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(description.isVisible());
        assertFalse(model.columnVisibleProperty(RuleColumn.DESCRIPTION).get(), "the choice is kept in the view model");
    }

    @Test
    void findsTheRulesOfALabelPickedInTheActorField(FxRobot robot) throws Exception {
        waitFor(() -> !model.form().options().isEmpty());
        RuleSearchIndex ix = SearchDemo.index(workspace, "draft");
        Actor label = ix.model().data().ruleSets().stream().flatMap(rs -> rs.rules().stream())
                .flatMap(r -> r.consumers().stream()).filter(a -> a.label() != null).findFirst().orElseThrow();
        String text = model.form().options().all().stream().filter(o -> label.equals(o.actor())).findFirst().orElseThrow().text();
        robot.clickOn("#actorSide");
        robot.clickOn(SearchRequest.Side.CONSUMER.toString());
        robot.clickOn("#actorField").write(text, 0);
        FxTests.closeSuggestions(robot);
        robot.clickOn("#addActorButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.form().filters().size(), model.form().errorProperty().get());
        assertEquals(SearchRequest.Side.CONSUMER, model.form().filters().get(0).side());
        robot.clickOn("#searchButton");
        waitFor(this::searched);
        assertEquals(hrefs(RuleSearch.builder().consumer(label).build().run(ix)), shown(robot));
        assertTrue(table(robot).getItems().stream().allMatch(r -> r.consumers().contains(text)));
    }

    @Test
    void exportsEveryResultAsCsvAndJson(FxRobot robot) throws Exception {
        robot.clickOn("#basicMode");
        robot.clickOn("#searchButton");
        waitFor(this::searched);
        int all = SearchDemo.index(workspace, "draft").model().ruleCount();
        assertEquals(all, table(robot).getItems().size(), "an empty basic search lists every rule, no cap");

        Path csv = dir.resolve("rules.csv");
        dialogs.willSaveTo(csv);
        robot.clickOn("#exportCsvButton");
        waitFor(() -> dialogs.notifications().stream().anyMatch(n -> n.contains(csv.toString())));
        List<CsvReader.Row> rows = CsvReader.read(csv);
        assertEquals(all + 1, rows.size(), "a header and one row per result");
        String text = Files.readString(csv);
        assertTrue(text.contains("\"'=HYPERLINK(\"\"http://example.com/x\"\",\"\"Click\"\")\""), "formula neutralised");
        assertTrue(text.contains("\"'-2+3 review\""));
        assertFalse(text.contains(",=HYPERLINK"));

        Path json = dir.resolve("rules.json");
        dialogs.willSaveTo(json);
        robot.clickOn("#exportJsonButton");
        waitFor(() -> dialogs.notifications().stream().anyMatch(n -> n.contains(json.toString())));
        JsonNode back = PceJson.mapper().readTree(json.toFile());
        assertEquals(all, back.size());
        assertTrue(back.toString().contains("\"description\":\"=HYPERLINK("), "JSON keeps the text as it is");
        dialogs.assertNoErrors();
    }

    @Test
    void opensAResultAndThePceAgrees(FxRobot robot) throws Exception {
        robot.clickOn("#portsField").write("161/udp", 0);
        robot.clickOn("#searchButton");
        waitFor(this::searched);
        RuleRow first = table(robot).getItems().get(0);
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        robot.clickOn("#openButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, opened.size());
        assertEquals(first.href(), opened.get(0).selectHref());
        assertEquals("draft", opened.get(0).version());

        robot.clickOn("#verifyButton");
        waitFor(() -> model.agreementProperty().get() != null);
        String verdict = robot.lookup("#verifyStatus").queryAs(Label.class).getText();
        assertTrue(verdict.startsWith("The PCE agrees: the same " + table(robot).getItems().size()), verdict);
        dialogs.assertNoErrors();
    }

}
