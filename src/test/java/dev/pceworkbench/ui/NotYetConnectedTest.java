package dev.pceworkbench.ui;

import dev.pceworkbench.testing.TaskFailures;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.task.SynchronousTaskExecutor;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.ui.labels.LabelsViewModel;
import dev.pceworkbench.ui.policycheck.PolicyCheckViewModel;
import dev.pceworkbench.ui.rulesearch.RuleSearchViewModel;
import dev.pceworkbench.ui.rulesets.RuleSetsViewModel;
import dev.pceworkbench.workspace.PolicyWorkspace;
import dev.pceworkbench.testing.DemoPces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At start-up the shell shows the view used last before the workbench has connected: such a view
 * must not raise an error dialog, and must load by itself when the connection arrives (the
 * composition root turns a new connection into {@link PolicyWorkspace#refreshAll()}).
 */
class NotYetConnectedTest {
    static DemoPce pce;
    static PceClient client;
    final AtomicReference<PceClient> active = new AtomicReference<>();
    final PolicyWorkspace workspace = new PolicyWorkspace(() -> Optional.ofNullable(active.get()));
    final SynchronousTaskExecutor executor = TaskFailures.synchronousExecutor();
    final RecordingDialogService dialogs = new RecordingDialogService();

    @BeforeAll
    static void start() throws Exception {
        pce = DemoPces.startSmall();
        client = DemoPces.client(pce, Duration.ofMinutes(1));
    }

    @AfterAll
    static void stop() {
        pce.close();
    }

    private void connect() {
        active.set(client);
        workspace.refreshAll();
    }

    @Test
    void ruleSearchWaitsForTheConnection() {
        RuleSearchViewModel model = new RuleSearchViewModel(workspace, executor, dialogs, new Navigator());
        model.loadChoices();
        assertEquals(List.of(), dialogs.errors());
        assertTrue(model.choicesStatusProperty().get().startsWith("Not connected to a PCE"), model.choicesStatusProperty().get());
        assertTrue(model.form().options().isEmpty());

        connect();

        assertEquals(List.of(), dialogs.errors());
        assertFalse(model.form().options().isEmpty(), "the picker is filled once connected");
        assertEquals("", model.choicesStatusProperty().get());
    }

    @Test
    void policyCheckWaitsForTheConnection() {
        PolicyCheckViewModel model = new PolicyCheckViewModel(workspace, executor, dialogs, new Navigator());
        model.loadChoices();
        assertEquals(List.of(), dialogs.errors());
        assertTrue(model.statusProperty().get().startsWith("Not connected to a PCE"), model.statusProperty().get());

        connect();

        assertEquals(List.of(), dialogs.errors());
        assertTrue(workspace.loaded(PolicyWorkspace.INDEX, "active").isPresent() && workspace.loaded(PolicyWorkspace.INDEX, "draft").isPresent(),
                "both versions are indexed for the check once connected");
    }

    @Test
    void ruleSetsWaitForTheConnectionAndUnopenedViewsDoNotLoad() {
        RuleSetsViewModel opened = new RuleSetsViewModel(workspace, executor, dialogs, new Navigator());
        RuleSetsViewModel neverOpened = new RuleSetsViewModel(workspace, executor, dialogs, new Navigator());
        opened.load();
        assertEquals(List.of(), dialogs.errors());
        assertTrue(opened.statusProperty().get().startsWith("Not connected to a PCE"), opened.statusProperty().get());

        connect();

        assertEquals(List.of(), dialogs.errors());
        assertEquals(pce.summary().ruleSets(), opened.allRuleSets().size());
        assertTrue(neverOpened.allRuleSets().isEmpty(), "a view never shown does not download anything");
    }

    @Test
    void labelsWaitForTheConnectionAndUnopenedViewsDoNotLoad() {
        LabelsViewModel opened = new LabelsViewModel(workspace, executor, dialogs, new Navigator());
        LabelsViewModel neverOpened = new LabelsViewModel(workspace, executor, dialogs, new Navigator());
        opened.onShown();
        assertEquals(List.of(), dialogs.errors());
        assertTrue(opened.rows().isEmpty());

        connect();

        assertEquals(List.of(), dialogs.errors());
        assertEquals(pce.summary().labels(), opened.rows().size());
        assertTrue(neverOpened.rows().isEmpty(), "a view never shown does not download anything");
    }
}
