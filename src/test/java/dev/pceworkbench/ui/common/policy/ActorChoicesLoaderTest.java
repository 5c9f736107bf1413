package dev.pceworkbench.ui.common.policy;

import dev.pceworkbench.testing.TaskFailures;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.SynchronousTaskExecutor;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.workspace.NotConnectedException;
import dev.pceworkbench.workspace.PolicyWorkspace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared lifecycle of the pickers' choices in rule search and policy check. */
class ActorChoicesLoaderTest {
    final PolicyWorkspace workspace = new PolicyWorkspace(Optional::empty);
    final SynchronousTaskExecutor executor = TaskFailures.synchronousExecutor();
    final List<String> events = new ArrayList<>();
    int loads;

    ActorChoicesLoader loader() {
        return new ActorChoicesLoader(workspace, executor,
                () -> BackgroundTask.of("Loading choices", ctx -> ++loads).onSuccess(n -> events.add("loaded " + n)),
                () -> events.add("policy changed"));
    }

    @Test
    void loadsOnTheFirstShowingOnlyThenOnEveryPolicyChange() {
        ActorChoicesLoader l = loader();
        workspace.refreshAll();
        assertEquals(List.of("policy changed"), events, "nothing is loaded before the view was shown");

        l.onShown();
        l.onShown();
        assertEquals(List.of("policy changed", "loaded 1"), events, "a second showing loads nothing");

        l.reload(); // refreshes the workspace, whose change reloads
        assertEquals(List.of("policy changed", "loaded 1", "policy changed", "loaded 2"), events);

        l.reloadIfRequested();
        assertEquals("loaded 3", events.get(events.size() - 1));
        assertTrue(executor.unhandledFailures().isEmpty());
    }

    @Test
    void reloadIfRequestedWaitsForTheFirstShowing() {
        ActorChoicesLoader l = loader();
        l.reloadIfRequested();
        assertEquals(0, loads);
        l.load();
        assertEquals(1, loads);
    }

    @Test
    void failuresWithoutAConnectionGoToTheStatusOthersAlsoToTheUser() {
        RecordingDialogService dialogs = new RecordingDialogService();
        List<String> status = new ArrayList<>();
        var failure = ActorChoicesLoader.failure(dialogs, status::add, "Could not load: try again.", "Loading failed");

        failure.accept(new NotConnectedException());
        assertEquals(1, status.size());
        assertTrue(dialogs.errors().isEmpty());

        failure.accept(new IllegalStateException("HTTP 500: boom"));
        assertEquals("Could not load: try again.", status.get(1));
        assertEquals(1, dialogs.errors().size());
        assertEquals("Loading failed", dialogs.errors().get(0).title());
        assertEquals("HTTP 500: boom", dialogs.errors().get(0).message());
    }
}
