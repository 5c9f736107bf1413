package dev.pceworkbench.ui.policycheck;

import dev.pceworkbench.testing.SteppingExecutor;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.ui.rulesearch.SearchDemo;
import dev.pceworkbench.workspace.PolicyWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first open of Policy check is usable before the workload picker is ready: with the picker's
 * task held back (a stepping executor runs only the tasks the test names), both policies load side
 * by side and a check by hostname answers as the engine does; the picker fills when its task runs.
 * Driven by the tasks' states, never by timing.
 */
class PolicyCheckPickerLaterTest {
    static SearchDemo demo;
    static CheckTuples allowed;

    @BeforeAll
    static void start() throws Exception {
        demo = new SearchDemo();
        allowed = CheckTuples.find(demo.workspace(), true);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void aCheckAnswersWhileTheWorkloadPickerIsStillBeingPrepared() {
        PolicyWorkspace ws = demo.workspace();
        SteppingExecutor executor = new SteppingExecutor();
        RecordingDialogService dialogs = new RecordingDialogService();
        PolicyCheckViewModel model = new PolicyCheckViewModel(ws, executor, dialogs, new Navigator());

        model.onShown();
        assertEquals(List.of("Loading both policies for the policy check", "Preparing the workload picker"), executor.titles());
        assertTrue(model.loadingPolicyProperty().get());

        executor.run("Loading both policies");
        dialogs.assertNoErrors();
        assertFalse(model.loadingPolicyProperty().get());
        assertTrue(ws.loaded(PolicyWorkspace.INDEX, "active").isPresent() && ws.loaded(PolicyWorkspace.INDEX, "draft").isPresent());
        assertTrue(model.loadStatusProperty().get().endsWith("draft rules ready"), model.loadStatusProperty().get());
        assertFalse(model.pickerReadyProperty().get());
        assertTrue(model.suggest(allowed.consumerText()).isEmpty(), "the picker is not filled yet");

        // Usable: a hostname typed by hand is checked at once.
        model.consumerProperty().set(allowed.consumerText());
        model.providerProperty().set(allowed.providerText());
        model.serviceProperty().set(allowed.serviceText());
        model.check();
        executor.run("Policy check");
        dialogs.assertNoErrors();
        assertEquals("", model.formErrorProperty().get());
        assertNotNull(model.answerProperty().get());
        assertEquals(allowed.comparison().allowedNow(), model.answerProperty().get().comparison().allowedNow());
        assertEquals(allowed.comparison().allowedAfterProvisioning(),
                model.answerProperty().get().comparison().allowedAfterProvisioning());
        assertFalse(model.pickerReadyProperty().get());

        executor.run("Preparing the workload picker");
        dialogs.assertNoErrors();
        assertTrue(model.pickerReadyProperty().get());
        assertFalse(model.suggest(allowed.consumerText()).isEmpty(), "the picker finds the workload by hostname");
        assertNotNull(model.answerProperty().get(), "the picker's arrival leaves the answer alone");
    }
}
