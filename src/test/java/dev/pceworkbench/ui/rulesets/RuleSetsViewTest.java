package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.testing.TaskFailures;
import dev.pceworkbench.task.FxTaskExecutor;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.testing.FxTests;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.controlsfx.control.SearchableComboBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real rulesets view under TestFX against a demo PCE of its own: opening a rule set and
 * reading its rules (actors shown by name, not href), creating a valid rule and seeing the rule set
 * marked pending, and trying rules that break the Rules guide and seeing why on the field, with
 * nothing sent.
 */
@ExtendWith(ApplicationExtension.class)
class RuleSetsViewTest {
    static RuleSetsFixture demo;
    FxTaskExecutor executor;
    RecordingDialogService dialogs;
    RuleSetsViewModel vm;

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
        executor = TaskFailures.fxExecutor(t -> dialogs.showError("Unhandled", t));
        vm = new RuleSetsViewModel(demo.workspace(), executor, dialogs, new Navigator());
        FxTests.show(stage, new RuleSetsView(vm).root(), vm);
    }

    @AfterEach
    void tearDown() {
        executor.close();
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        FxTests.waitFor(30, condition);
    }

    /**
     * Puts {@code name} into the rule set filter and selects its row. Text, focus and selection are
     * set directly rather than by moving the mouse and typing: TestFX moves the pointer in up to 200
     * steps and waits for the FX thread after every key (about 90 ms a character here), which made
     * these tests several times slower without testing anything of this view.
     */
    private void openRuleSet(FxRobot robot, String name) throws Exception {
        waitFor(() -> vm.loadedProperty().get() && !vm.loadingProperty().get());
        setText(robot, "#ruleSetFilter", name);
        waitFor(() -> vm.ruleSets().size() >= 1);
        Node nameLabel = robot.lookup("#ruleSetsTable .rule-set-name").match(LabeledMatchers.hasText(name)).query();
        Node cell = nameLabel;
        while (!(cell instanceof TableCell)) {
            cell = cell.getParent();
        }
        TableCell<?, ?> tableCell = (TableCell<?, ?>) cell;
        @SuppressWarnings("unchecked")
        TableView<RuleSetRow> table = robot.lookup("#ruleSetsTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select((RuleSetRow) tableCell.getTableRow().getItem()));
        waitFor(() -> vm.selectedProperty().get() != null && name.equals(vm.selectedProperty().get().name()));
    }

    private static void setText(FxRobot robot, String id, String text) {
        TextInputControl field = robot.lookup(id).queryAs(TextInputControl.class);
        robot.interact(() -> field.setText(text));
    }

    /** Focuses the text field {@code id} and types {@code text} into it, key by key (for short texts). */
    private static void type(FxRobot robot, String id, String text) {
        TextInputControl field = robot.lookup(id).queryAs(TextInputControl.class);
        robot.interact(field::requestFocus);
        robot.write(text, 0);
    }

    private static List<String> chipTexts(FxRobot robot, String table) {
        return robot.lookup(table + " .chip").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private static void press(FxRobot robot, String id) {
        ButtonBase b = robot.lookup(id).queryAs(ButtonBase.class);
        assertFalse(b.isDisabled(), id + " is disabled");
        robot.interact(b::fire); // runs on the FX thread, then waits for the events it caused
    }

    private static void pick(FxRobot robot, String picker, Name chip) {
        @SuppressWarnings("unchecked")
        SearchableComboBox<Name> box = robot.lookup("#" + picker).queryAs(SearchableComboBox.class);
        assertTrue(box.getItems().contains(chip), chip + " is offered by " + picker);
        robot.interact(() -> box.setValue(chip));
        press(robot, "#" + picker + "Add");
    }

    @Test
    void openARuleSetAndReadItsRulesByName(FxRobot robot) throws Exception {
        openRuleSet(robot, "RS-HRM-US-Dev");
        assertEquals("RS-HRM-US-Dev", robot.lookup("#ruleSetTitle").queryAs(Label.class).getText());
        assertEquals(List.of("app: HRM", "loc: US", "env: Dev"), chipTexts(robot, "#scopesBox"));
        List<String> intra = chipTexts(robot, "#intraRulesTable");
        assertTrue(intra.containsAll(List.of("role: App", "role: Web", "role: DB")), intra.toString());
        List<String> extra = chipTexts(robot, "#extraRulesTable");
        assertTrue(extra.contains("IP list IPL-Corporate-Networks"), extra.toString());
        assertTrue(extra.contains("label group LG-R-Admin-Tools"), extra.toString());
        assertTrue(extra.contains("All Workloads"), extra.toString());
        for (String t : intra) {
            assertFalse(t.startsWith("/orgs/"), "no hrefs in the table: " + t);
        }
        assertEquals(2, robot.lookup("#intraRulesTable").queryAs(TableView.class).getItems().size());
        dialogs.assertNoErrors();
    }

    @Test
    void createAValidRuleAndSeeTheRuleSetPending(FxRobot robot) throws Exception {
        openRuleSet(robot, "RS-Internet-Egress");
        assertFalse(robot.lookup("#pendingBadge").query().isVisible());
        int before = vm.selectedProperty().get().intraRules();
        press(robot, "#newIntraRuleButton");
        assertTrue(robot.lookup("#ruleForm").query().isVisible());
        pick(robot, "providerPicker", RuleSetsFixture.choice(vm.names(), ObjectKind.LABEL, "role", "Proxy"));
        pick(robot, "consumerPicker", RuleSetsFixture.choice(vm.names(), ObjectKind.LABEL, "role", "Web"));
        type(robot, "#portField", "3128/tcp");
        press(robot, "#addPortButton");
        assertEquals(List.of("3128 TCP"), chipTexts(robot, "#servicesChips"));
        press(robot, "#saveRuleButton");
        waitFor(() -> vm.editingProperty().get() == RuleSetsViewModel.Editing.NONE && !vm.loadingProperty().get()
                && vm.selectedProperty().get() != null && vm.selectedProperty().get().pending());
        dialogs.assertNoErrors();
        assertTrue(robot.lookup("#pendingBadge").query().isVisible());
        assertEquals(before + 1, vm.selectedProperty().get().intraRules());
        // The table cells show the new state at their next layout pass, after the model changed.
        waitFor(() -> !robot.lookup("#ruleSetsTable .pending-badge").queryAll().isEmpty());
        waitFor(() -> !robot.lookup("#intraRulesTable .pending-badge").queryAll().isEmpty()); // the new rule is marked
    }

    @Test
    void deleteARuleConfirmAndSeeTheRuleSetPending(FxRobot robot) throws Exception {
        openRuleSet(robot, "RS-Legacy-Licensing");
        assertFalse(robot.lookup("#pendingBadge").query().isVisible());
        assertTrue(robot.lookup("#deleteIntraRuleButton").queryAs(ButtonBase.class).isDisabled(), "no rule selected yet");
        @SuppressWarnings("unchecked")
        TableView<RuleRow> intra = robot.lookup("#intraRulesTable").queryAs(TableView.class);
        assertEquals(1, intra.getItems().size());
        robot.interact(() -> intra.getSelectionModel().select(0));
        press(robot, "#deleteIntraRuleButton");
        waitFor(() -> !vm.loadingProperty().get() && vm.selectedProperty().get() != null
                && vm.selectedProperty().get().pending());
        dialogs.assertNoErrors();
        assertEquals(1, dialogs.confirmations().size());
        assertTrue(dialogs.confirmations().get(0).message().contains(" of 'RS-Legacy-Licensing' "),
                dialogs.confirmations().get(0).message());
        Label badge = robot.lookup("#pendingBadge").queryAs(Label.class);
        assertTrue(badge.isVisible());
        assertEquals("pending", badge.getText());
        assertEquals(0, intra.getItems().size());
        assertEquals("RS-Legacy-Licensing", vm.selectedProperty().get().name());
    }

    @Test
    void theDeleteKeyAndTheContextMenuDeleteTheSelectedRuleAfterAsking(FxRobot robot) throws Exception {
        waitFor(() -> vm.loadedProperty().get() && !vm.loadingProperty().get());
        // A rule set with two extra-scope rules that no other test here touches.
        Set<String> usedElsewhere = Set.of("RS-HRM-US-Dev", "RS-Internet-Egress", "RS-Legacy-Licensing", "RS-Payments-PCI");
        String name = vm.allRuleSets().stream()
                .filter(r -> r.extraRules() >= 2 && !r.pending() && !usedElsewhere.contains(r.ruleSet().name()))
                .map(r -> r.ruleSet().name()).findFirst().orElseThrow();
        openRuleSet(robot, name);
        @SuppressWarnings("unchecked")
        TableView<RuleRow> extra = robot.lookup("#extraRulesTable").queryAs(TableView.class);
        int before = extra.getItems().size();

        // The Delete key, declined: nothing is sent.
        dialogs.answerConfirm(false);
        robot.interact(() -> {
            extra.getSelectionModel().select(0);
            extra.requestFocus();
        });
        robot.press(javafx.scene.input.KeyCode.DELETE).release(javafx.scene.input.KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, dialogs.confirmations().size());
        assertTrue(dialogs.confirmations().get(0).message().contains(" of '" + name + "' "),
                dialogs.confirmations().get(0).message());
        assertEquals(before, extra.getItems().size());
        assertFalse(vm.selectedProperty().get().pending());

        // The Delete key, confirmed.
        dialogs.answerConfirm(true);
        robot.interact(() -> {
            extra.getSelectionModel().select(0);
            extra.requestFocus();
        });
        robot.press(javafx.scene.input.KeyCode.DELETE).release(javafx.scene.input.KeyCode.DELETE);
        waitFor(() -> !vm.loadingProperty().get() && vm.selectedProperty().get() != null
                && vm.selectedProperty().get().pending() && extra.getItems().size() == before - 1);

        // The context menu's item does the same.
        javafx.scene.control.MenuItem item = extra.getContextMenu().getItems().get(0);
        assertEquals("Delete (Del)", item.getText());
        robot.interact(() -> extra.getSelectionModel().clearSelection());
        assertTrue(item.isDisable(), "nothing selected, nothing to delete");
        robot.interact(() -> extra.getSelectionModel().select(0));
        assertFalse(item.isDisable());
        robot.interact(item::fire);
        waitFor(() -> !vm.loadingProperty().get() && extra.getItems().size() == before - 2);
        assertEquals(3, dialogs.confirmations().size());
        dialogs.assertNoErrors();
    }

    @Test
    void aRuleBreakingTheRulesGuideSaysWhyOnItsFieldAndIsNotSent(FxRobot robot) throws Exception {
        openRuleSet(robot, "RS-Payments-PCI");
        int rules = vm.selectedProperty().get().ruleSet().rules().size();
        press(robot, "#newIntraRuleButton");
        pick(robot, "providerPicker", RuleSetsFixture.choice(vm.names(), ObjectKind.LABEL, "role", "DB"));
        for (Name label : RuleSetsFixture.fiveLabels(vm.names())) {
            pick(robot, "consumerPicker", label);
        }
        type(robot, "#portField", "5432/tcp");
        press(robot, "#addPortButton");
        assertFalse(robot.lookup("#saveRuleButton").queryAs(ButtonBase.class).isDisabled(), "stateful, it is valid");
        robot.interact(() -> robot.lookup("#statelessBox").queryAs(CheckBox.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        Label why = robot.lookup("#consumersMessage").queryAs(Label.class);
        assertTrue(why.isVisible());
        assertTrue(why.getText().startsWith("There are 5 labels; at most 4 are allowed."), why.getText());
        assertTrue(robot.lookup("#saveRuleButton").queryAs(ButtonBase.class).isDisabled());
        assertFalse(vm.edits().save(), "the form refuses to send");
        press(robot, "#cancelRuleButton");

        press(robot, "#newIpTablesRuleButton");
        pick(robot, "ipTablesActorPicker", RuleSetsFixture.choice(vm.names(), ObjectKind.LABEL, "role", "App"));
        setText(robot, "#statementsField", "nat PREROUTING -p tcp --dport 80 -j DROP");
        Label ipt = robot.lookup("#ipTablesMessage").queryAs(Label.class);
        assertTrue(ipt.isVisible());
        assertTrue(ipt.getText().contains("DROP is not allowed in the nat table"), ipt.getText());
        assertTrue(robot.lookup("#saveIpTablesButton").queryAs(ButtonBase.class).isDisabled());

        assertEquals(Set.of(), Set.copyOf(dialogs.errors()));
        assertEquals(rules, vm.allRuleSets().stream().filter(r -> r.name().equals("RS-Payments-PCI")).findFirst()
                .orElseThrow().ruleSet().rules().size(), "nothing was sent");
        assertFalse(vm.selectedProperty().get().pending());
    }
}
