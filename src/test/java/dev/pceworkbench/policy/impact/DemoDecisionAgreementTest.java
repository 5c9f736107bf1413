package dev.pceworkbench.policy.impact;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.Progress;
import dev.pceworkbench.pce.api.TrafficQueryBuilder;
import dev.pceworkbench.pce.model.TrafficFlow;
import dev.pceworkbench.policy.PolicyCheck;
import dev.pceworkbench.policy.PolicyDataLoader;
import dev.pceworkbench.policy.PolicyModel;
import dev.pceworkbench.policy.RuleSearchIndex;
import dev.pceworkbench.testing.DemoPces;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The impact's decisions against the demo PCE's, over HTTPS on the {@code small} data set: every
 * flow of a traffic query over the last 30 days, evaluated under the active policy loaded through
 * the client, gets the {@code policy_decision} the demo's own, independent evaluator reported. One
 * known difference is allowed, and only it: the demo reports a flow into a {@code selective}
 * workload that no rule allows as potentially blocked even where it crosses an enforcement boundary,
 * which the PCE blocks (selective enforcement enforces the boundaries only); the engine says blocked.
 */
class DemoDecisionAgreementTest {
    @Test
    void everyFlowGetsTheDecisionTheDemoReported() throws Exception {
        try (DemoPce pce = DemoPces.startSmall()) {
            PceClient client = DemoPces.client(pce);
            PolicyCheck active = new PolicyCheck(RuleSearchIndex.build(PolicyModel.build(PolicyDataLoader.load(client, "active"))));
            List<TrafficFlow> flows = client.traffic().run(TrafficQueryBuilder.named("agreement")
                    .maxResults(TrafficQueryBuilder.MAX_RESULTS_LIMIT).build(), CancellationToken.none(), Progress.Listener.NONE);
            assertTrue(flows.size() > 1000, "the small data set's traffic: " + flows.size());
            List<String> disagree = new ArrayList<>();
            int[] seen = new int[Decision.values().length];
            int selectiveBoundary = 0;
            for (TrafficFlow f : flows) {
                Decision d = TrafficImpact.decide(ImpactFlow.of(f), active);
                seen[d.ordinal()]++;
                if (d == Decision.BLOCKED && "potentially_blocked".equals(f.policyDecision())
                        && "selective".equals(active.model().workload(f.dst().workload().href()).enforcementMode())) {
                    selectiveBoundary++;
                } else if (!d.word().equals(f.policyDecision())) {
                    disagree.add(ImpactFlow.of(f) + ": " + d.word() + " (demo: " + f.policyDecision() + ")");
                }
            }
            assertEquals(List.of(), disagree.subList(0, Math.min(10, disagree.size())), disagree.size() + " of " + flows.size());
            assertTrue(selectiveBoundary < flows.size() / 20, "the known difference stays small: " + selectiveBoundary);
            for (Decision d : List.of(Decision.ALLOWED, Decision.POTENTIALLY_BLOCKED, Decision.UNKNOWN)) {
                assertTrue(seen[d.ordinal()] > 0, "the data set has " + d + " flows");
            }
        }
    }
}
