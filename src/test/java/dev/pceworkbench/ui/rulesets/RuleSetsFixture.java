package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.testing.TaskFailures;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.task.SynchronousTaskExecutor;
import dev.pceworkbench.ui.common.DialogService;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.workspace.PolicyWorkspace;
import dev.pceworkbench.testing.DemoPces;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A demo PCE of its own (tests here edit its draft) and a client for it, as the other demo tests set them up. */
final class RuleSetsFixture implements AutoCloseable {
    final DemoPce pce;
    final PceClient client;

    RuleSetsFixture() throws IOException {
        pce = DemoPces.startSmall();
        client = DemoPces.client(pce);
    }

    Optional<PceClient> clientOpt() {
        return Optional.of(client);
    }

    /** A new workspace over this demo's client. */
    PolicyWorkspace workspace() {
        return new PolicyWorkspace(this::clientOpt);
    }

    /** A rule sets view model running its tasks on this thread, its rule filter without delay, loaded. */
    static RuleSetsViewModel loadedModel(PolicyWorkspace workspace, DialogService dialogs, Navigator navigator) {
        RuleSetsViewModel vm = new RuleSetsViewModel(workspace, TaskFailures.synchronousExecutor(), dialogs, navigator);
        vm.setRuleFilterDelay(Duration.ZERO);
        vm.load();
        return vm;
    }

    /** The first chip among {@code names}' choices of {@code kind} with {@code key} and {@code text}. */
    static Name choice(ActorNames names, ObjectKind kind, String key, String text) {
        return names.choices().stream().filter(c -> c.kind() == kind && (key == null || key.equals(c.key()))
                        && (text == null || text.equals(c.text()))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + key + " " + text));
    }

    /** One label of each of the five dimensions of the demo (role, app, env, loc, bu). */
    static List<Name> fiveLabels(ActorNames names) {
        return List.of("role", "app", "env", "loc", "bu").stream()
                .map(k -> names.choices().stream().filter(c -> c.kind() == ObjectKind.LABEL && k.equals(c.key()))
                        .findFirst().orElseThrow(() -> new AssertionError("no label of " + k)))
                .toList();
    }

    @Override
    public void close() {
        pce.close();
    }
}
