package dev.pceworkbench.ui.rulesearch;

import dev.pceworkbench.testing.SteppingExecutor;
import dev.pceworkbench.policy.RuleHit;
import dev.pceworkbench.policy.RuleSearch;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.ui.common.policy.ActorOption;
import dev.pceworkbench.workspace.PolicyWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first open of Rule search is usable before the actor picker's workloads are in: with the
 * picker's last stage held back (a stepping executor runs only the tasks the test names), the
 * policy's load ends, labels can be picked and a search answers with the engine's rules; the
 * workloads arrive when that stage runs. Driven by the tasks' states, never by timing.
 */
class RuleSearchPickerLaterTest {
    static SearchDemo demo;

    @BeforeAll
    static void start() throws Exception {
        demo = new SearchDemo();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void aSearchAnswersWhileThePickersWorkloadsAreStillBeingPrepared() {
        PolicyWorkspace ws = demo.workspace();
        SteppingExecutor executor = new SteppingExecutor();
        RecordingDialogService dialogs = new RecordingDialogService();
        RuleSearchViewModel model = new RuleSearchViewModel(ws, executor, dialogs, new Navigator());

        model.onShown();
        assertEquals(List.of("Loading the draft policy for rule search", "Loading labels, label groups and IP lists (draft)"),
                executor.titles(), "the policy and the picker's first stage load side by side");
        assertFalse(model.policyReadyProperty().get());
        assertTrue(model.loadingPolicyProperty().get(), "Cancel can stop the policy's download");

        executor.run("Loading the draft policy");
        assertTrue(model.policyReadyProperty().get());
        assertFalse(model.loadingPolicyProperty().get());
        assertTrue(model.loadStatusProperty().get().endsWith("rules of the draft policy ready"), model.loadStatusProperty().get());

        executor.run("Loading labels, label groups and IP lists");
        assertEquals(List.of("Preparing the actor picker (draft)"), executor.titles());
        assertFalse(model.pickerReadyProperty().get(), "the workloads are not in the picker yet");
        assertTrue(model.choicesStatusProperty().get().contains("loading workloads"), model.choicesStatusProperty().get());
        assertTrue(model.form().options().all().stream().noneMatch(o -> o.kind() == ObjectKind.WORKLOAD));

        // The view is usable: a label is picked from the picker's first stage and the search runs.
        Set<String> usedByProviders = demo.draftRuleSets().stream().flatMap(rs -> rs.rules().stream())
                .flatMap(r -> r.providers().stream()).filter(a -> a.label() != null).map(a -> a.label().href())
                .collect(Collectors.toSet());
        ActorOption label = model.form().options().all().stream()
                .filter(o -> o.kind() == ObjectKind.LABEL && o.actor() != null && o.actor().label() != null
                        && usedByProviders.contains(o.actor().label().href()))
                .findFirst().orElseThrow(() -> new AssertionError("no label of a rule's providers in the picker"));
        model.form().actorSideProperty().set(SearchRequest.Side.PROVIDER);
        model.form().basicModeProperty().set(false);
        model.form().actorTextProperty().set(label.text());
        assertTrue(model.form().addActor(), model.form().errorProperty().get());
        model.search();
        executor.run("Rule search (draft)");
        dialogs.assertNoErrors();
        assertTrue(model.lastRequestProperty().get() != null, "the search answered");
        RuleSearch query = model.lastRequestProperty().get().query();
        Set<String> expected = query.run(SearchDemo.index(ws, "draft")).stream().map(RuleHit::href)
                .collect(Collectors.toCollection(TreeSet::new));
        assertFalse(expected.isEmpty(), "the label is used by some rule: " + label.text());
        assertEquals(expected, model.results().stream().map(RuleRow::href).collect(Collectors.toCollection(TreeSet::new)));
        assertFalse(model.pickerReadyProperty().get(), "still no workloads in the picker");

        executor.run("Preparing the actor picker");
        dialogs.assertNoErrors();
        assertTrue(model.pickerReadyProperty().get());
        assertEquals("", model.choicesStatusProperty().get());
        assertTrue(model.form().options().all().stream().anyMatch(o -> o.kind() == ObjectKind.WORKLOAD));
        assertEquals(expected.size(), model.results().size(), "the picker's arrival leaves the results alone");
    }

    @Test
    void aSearchPressedWhileThePolicyLoadsLeavesTheLoadsRunning() {
        SteppingExecutor executor = new SteppingExecutor();
        RecordingDialogService dialogs = new RecordingDialogService();
        RuleSearchViewModel model = new RuleSearchViewModel(demo.workspace(), executor, dialogs, new Navigator());
        model.onShown();
        model.form().basicModeProperty().set(false);
        model.form().portsProperty().set("443/tcp");
        model.search();
        assertTrue(executor.queuedTasks().stream().noneMatch(BackgroundTask::isCancelled), "nothing cancelled: " + executor.titles());
        executor.run("Rule search (draft)");
        assertTrue(model.lastRequestProperty().get() != null, "the search answered");
        executor.run("Loading the draft policy");
        executor.run("Loading labels, label groups and IP lists");
        executor.run("Preparing the actor picker");
        dialogs.assertNoErrors();
        assertTrue(model.policyReadyProperty().get());
        assertTrue(model.pickerReadyProperty().get());
    }

    @Test
    void cancelStopsThePolicysLoad() {
        PolicyWorkspace ws = new PolicyWorkspace(() -> java.util.Optional.of(demo.client));
        SteppingExecutor executor = new SteppingExecutor();
        RuleSearchViewModel model = new RuleSearchViewModel(ws, executor, new RecordingDialogService(), new Navigator());
        model.onShown();
        model.cancel();
        executor.run("Loading the draft policy");
        assertFalse(model.policyReadyProperty().get());
        assertTrue(model.loadStatusProperty().get().startsWith("Loading the draft policy was cancelled"),
                model.loadStatusProperty().get());
        assertTrue(ws.loaded(PolicyWorkspace.INDEX, "draft").isEmpty(), "nothing was indexed");
    }
}
