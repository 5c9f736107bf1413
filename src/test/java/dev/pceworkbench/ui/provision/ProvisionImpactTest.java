package dev.pceworkbench.ui.provision;

import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.policy.impact.ImpactKind;
import dev.pceworkbench.task.SynchronousTaskExecutor;
import dev.pceworkbench.testing.TaskFailures;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.workspace.PolicyWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Provision view's traffic impact against the demo PCE over HTTPS, without the FX thread: rule
 * sets disabled in the draft (through the client) newly block observed flows; Cancel stops the
 * evaluation; a new selection drops the result; invalid days are flagged and stop the run.
 */
class ProvisionImpactTest {
    ProvisionDemo demo;
    SynchronousTaskExecutor executor;
    RecordingDialogService dialogs;
    ProvisionViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        executor = TaskFailures.synchronousExecutor();
        demo = new ProvisionDemo(executor);
        dialogs = new RecordingDialogService();
        model = demo.model(executor, dialogs);
        model.onShown();
        dialogs.assertNoErrors();
    }

    @AfterEach
    void tearDown() {
        demo.close();
    }

    /** Disables every enabled rule set in the draft and checks the rule-set changes. */
    private List<String> disableRuleSets() {
        List<String> names = new java.util.ArrayList<>();
        for (RuleSet rs : demo.demo.draftRuleSets()) {
            if (Boolean.TRUE.equals(rs.enabled())) {
                demo.demo.client.ruleSets().update(rs.href(), Map.of("enabled", false));
                names.add(rs.name());
            }
        }
        demo.workspace.changed(PolicyWorkspace.RULE_SETS, "draft");
        dialogs.assertNoErrors();
        names.forEach(n -> ProvisionDemo.row(model, n).checkedProperty().set(true));
        return names;
    }

    @Test
    void disabledRuleSetsNewlyBlockObservedFlows() {
        List<String> disabled = disableRuleSets();
        assertFalse(disabled.isEmpty());
        assertEquals("", model.impact().blockedProperty().get());
        model.impact().run();
        dialogs.assertNoErrors();
        List<ImpactRow> rows = List.copyOf(model.impact().rows());
        assertFalse(rows.isEmpty(), model.impact().summaryProperty().get());
        assertTrue(rows.stream().allMatch(r -> r.kind() == ImpactKind.NEWLY_BLOCKED
                || r.kind() == ImpactKind.NEWLY_POTENTIALLY_BLOCKED), rows.toString());
        assertTrue(rows.stream().allMatch(r -> r.decisions().startsWith("Allowed → ")), rows.toString());
        assertTrue(rows.stream().noneMatch(r -> (r.source() + r.destination()).contains("/orgs/")), "named, never hrefs");
        String summary = model.impact().summaryProperty().get();
        assertTrue(summary.matches("\\d+ flows? changes?: .*newly .*blocked.*"), summary);
        assertTrue(model.impact().scopeProperty().get().contains("last 7 days"), model.impact().scopeProperty().get());

        // A new selection drops the result about the previous one.
        ProvisionDemo.row(model, disabled.get(0)).checkedProperty().set(false);
        assertTrue(model.impact().rows().isEmpty());
        assertEquals("", model.impact().summaryProperty().get());
    }

    @Test
    void unchangedDecisionsSayNoFlowChanges() {
        ProvisionDemo.row(model, ProvisionDemo.EDITED_SERVICE).checkedProperty().set(true);
        model.impact().run();
        dialogs.assertNoErrors();
        if (model.impact().rows().isEmpty()) {
            assertTrue(model.impact().summaryProperty().get().startsWith("No flow changes its decision"),
                    model.impact().summaryProperty().get());
        }
    }

    @Test
    void cancelStopsTheEvaluation() {
        disableRuleSets();
        model.progress().message().addListener((o, a, b) -> {
            if (b != null && b.startsWith("Evaluating")) {
                model.cancel();
            }
        });
        model.impact().run();
        dialogs.assertNoErrors();
        assertTrue(model.impact().rows().isEmpty());
        assertEquals("", model.impact().summaryProperty().get());
        assertEquals("Impact cancelled.", model.statusProperty().get());
        assertFalse(model.progress().busy().get());
    }

    @Test
    void invalidDaysAreFlaggedAndStopTheRun() {
        ProvisionDemo.row(model, ProvisionDemo.RULE_SET).checkedProperty().set(true);
        for (String bad : new String[]{"0", "-3", "abc", "", "91"}) {
            model.impact().daysProperty().set(bad);
            assertFalse(model.impact().daysErrorProperty().get().isEmpty(), bad);
            assertEquals(model.impact().daysErrorProperty().get(), model.impact().blockedProperty().get());
        }
        model.impact().run();
        assertEquals(model.impact().daysErrorProperty().get(), model.statusProperty().get());
        assertTrue(model.impact().rows().isEmpty());
        model.impact().daysProperty().set(" 30 ");
        assertEquals("", model.impact().daysErrorProperty().get());
        assertEquals("", model.impact().blockedProperty().get());
    }
}
