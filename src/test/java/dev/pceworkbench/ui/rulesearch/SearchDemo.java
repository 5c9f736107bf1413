package dev.pceworkbench.ui.rulesearch;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.Progress;
import dev.pceworkbench.pce.http.PceResponse;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.policy.RuleSearchIndex;
import dev.pceworkbench.workspace.PolicyWorkspace;
import dev.pceworkbench.testing.DemoPces;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A demo PCE of its own for one test class (the {@code small} data set), a client with no request
 * budget, and helpers to edit a rule's description (to put formula-like text into exports).
 */
public final class SearchDemo implements AutoCloseable {
    public final DemoPce pce;
    public final PceClient client;

    public SearchDemo() throws java.io.IOException {
        pce = DemoPces.startSmall();
        client = DemoPces.client(pce, Duration.ofMinutes(5));
    }

    public PolicyWorkspace workspace() {
        return new PolicyWorkspace(() -> Optional.of(client));
    }

    /** The draft's rule sets as the PCE has them now. */
    public List<RuleSet> draftRuleSets() {
        return client.ruleSets().list("draft", Map.of(), CancellationToken.none(), Progress.Listener.NONE);
    }

    /** Sets a draft rule's description on the PCE. */
    public void describe(SecRule rule, String description) {
        PceResponse r = client.raw().put(rule.href(), true, Map.of("description", description), CancellationToken.none());
        if (r.status() / 100 != 2) {
            throw new AssertionError("Could not edit " + rule.href() + ": " + r.status() + " " + r.text());
        }
    }

    /** The workspace's index of {@code version}, loaded on this thread. */
    public static RuleSearchIndex index(PolicyWorkspace ws, String version) {
        return ws.index(version, CancellationToken.none(), Progress.Listener.NONE);
    }

    @Override
    public void close() {
        pce.close();
    }
}
