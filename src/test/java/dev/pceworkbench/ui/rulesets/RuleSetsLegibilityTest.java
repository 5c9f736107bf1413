package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.task.FxTaskExecutor;
import dev.pceworkbench.testing.FxTests;
import dev.pceworkbench.testing.Legibility;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.common.Navigator;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rulesets view at a laptop's size (1280 × 800) with a representative rule set selected (the
 * demo's rule set with the most actors in its rules): no header, chip or cell text is cut without a
 * tooltip giving it in full, with the list shown and in the full-width mode; disabled rule sets
 * and rules say so (icon and word) in the list, the detail's header and the rule tables.
 */
@ExtendWith(ApplicationExtension.class)
class RuleSetsLegibilityTest {
    static RuleSetsFixture demo;
    FxTaskExecutor executor;
    RecordingDialogService dialogs;
    RuleSetsViewModel vm;
    Node root;

    @BeforeAll
    static void startDemo() throws Exception {
        demo = new RuleSetsFixture();
    }

    @AfterAll
    static void stopDemo() {
        demo.close();
    }

    @Start
    void start(Stage stage) {
        dialogs = new RecordingDialogService();
        executor = new FxTaskExecutor(Platform::runLater, t -> dialogs.showError("Unhandled", t), 2);
        vm = new RuleSetsViewModel(demo.workspace(), executor, dialogs, new Navigator());
        root = new RuleSetsView(vm).root();
        FxTests.show(stage, root, vm, 1280, 800);
    }

    @AfterEach
    void tearDown() {
        executor.close();
    }

    private void loaded() throws Exception {
        FxTests.waitFor(30, () -> vm.loadedProperty().get() && !vm.loadingProperty().get()
                && vm.workloadNamesReadyProperty().get());
    }

    /** The rule set whose rules name the most actors and services (derived from the data). */
    private RuleSetRow busiest() {
        return vm.allRuleSets().stream().max(Comparator.comparingInt(r -> r.ruleSet().rules().stream()
                .mapToInt(rule -> rule.providers().size() + rule.consumers().size() + rule.ingressServices().size()).sum()))
                .orElseThrow();
    }

    private List<Legibility.Cut> unreadable(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<List<Legibility.Cut>> cuts = new AtomicReference<>();
        robot.interact(() -> cuts.set(Legibility.unreadable(root)));
        return cuts.get();
    }

    @Test
    void nothingIsCutWithoutAWayToReadItAt1280x800(FxRobot robot) throws Exception {
        loaded();
        RuleSetRow busiest = busiest();
        robot.interact(() -> vm.selectedProperty().set(busiest));
        assertEquals(busiest.name(), vm.selectedTitleProperty().get());
        assertTrue(robot.lookup("#intraRulesTable .chip").queryAll().size() + robot.lookup("#extraRulesTable .chip")
                .queryAll().size() > 0, "the rules show chips");
        assertEquals(List.of(), unreadable(robot), "list shown");

        robot.interact(() -> vm.listShownProperty().set(false));
        assertFalse(robot.lookup("#ruleSetsTable").tryQuery().map(Node::isVisible).orElse(false)
                && robot.lookup("#ruleSetsTable").query().getScene() != null, "the list is hidden");
        assertEquals(List.of(), unreadable(robot), "full width");

        robot.interact(() -> {
            vm.listShownProperty().set(true);
            vm.ruleFilter().queryProperty().set("role");
        });
        FxTests.waitFor(30, () -> !vm.ruleFilter().results().isEmpty());
        robot.interact(() -> robot.lookup("#detailTabs").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().select(1));
        assertEquals(List.of(), unreadable(robot), "rule filter results");
        dialogs.assertNoErrors();
    }

    @Test
    void headersReadInFull(FxRobot robot) throws Exception {
        loaded();
        @SuppressWarnings("unchecked")
        TableView<RuleRow> intra = robot.lookup("#intraRulesTable").queryAs(TableView.class);
        assertEquals(List.of("#", "State", "Providers", "Services", "Consumers", "Resolve as", "Description"),
                intra.getColumns().stream().map(RuleTables::headerText).toList());
        for (var c : intra.getColumns()) {
            Label header = (Label) c.getGraphic();
            assertTrue(header.getTooltip().getText().startsWith(header.getText()), header.getTooltip().getText());
            assertTrue(c.getWidth() >= c.getMinWidth(), RuleTables.headerText(c));
        }
    }

    @Test
    void disabledRuleSetsAndRulesSaySo(FxRobot robot) throws Exception {
        loaded();
        RuleSetRow disabledSet = vm.allRuleSets().stream().filter(r -> !r.enabled()).findFirst()
                .orElseThrow(() -> new AssertionError("the demo has a disabled rule set"));
        robot.interact(() -> vm.selectedProperty().set(disabledSet));
        WaitForAsyncUtils.waitForFxEvents();
        Label state = robot.lookup("#ruleSetState").queryAs(Label.class);
        assertTrue(state.isVisible());
        assertEquals("Disabled", state.getText());
        assertTrue(state.getStyleClass().contains("state-disabled"));
        assertTrue(state.getGraphic() != null, "an icon, not only a colour");
        assertTrue(robot.lookup("#ruleSetsTable .state-disabled").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("Disabled")), "the list says it too");

        RuleSetRow withDisabledRule = vm.allRuleSets().stream().filter(RuleSetRow::enabled)
                .filter(r -> r.ruleSet().rules().stream().anyMatch(rule -> Boolean.FALSE.equals(rule.enabled())))
                .findFirst().orElseThrow(() -> new AssertionError("the demo has a disabled rule"));
        robot.interact(() -> vm.selectedProperty().set(withDisabledRule));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Enabled", robot.lookup("#ruleSetState").queryAs(Label.class).getText());
        List<Label> ruleStates = new java.util.ArrayList<>();
        ruleStates.addAll(robot.lookup("#intraRulesTable .state-disabled").queryAllAs(Label.class));
        ruleStates.addAll(robot.lookup("#extraRulesTable .state-disabled").queryAllAs(Label.class));
        assertFalse(ruleStates.isEmpty(), "a disabled rule shows its state");
        assertTrue(ruleStates.stream().allMatch(l -> l.getText().equals("Disabled")));
        Node row = ruleStates.get(0);
        while (!(row instanceof javafx.scene.control.TableRow)) {
            row = row.getParent();
        }
        assertTrue(row.getPseudoClassStates().contains(RuleTables.DISABLED_ROW), "its row is muted");
    }
}
