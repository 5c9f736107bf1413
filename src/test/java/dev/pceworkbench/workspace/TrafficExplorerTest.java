package dev.pceworkbench.workspace;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.model.TrafficFlow;
import dev.pceworkbench.pce.model.TrafficQueryRequest;
import dev.pceworkbench.policy.impact.Decision;
import dev.pceworkbench.policy.traffic.FlowDecisions;
import dev.pceworkbench.testing.DemoPces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Traffic explorer's workspace half over HTTPS against the small demo PCE. */
class TrafficExplorerTest {
    static DemoPce pce;
    static PceClient client;
    static TrafficExplorer explorer;

    @BeforeAll
    static void start() throws Exception {
        pce = DemoPces.start(DemoPceOptions.defaults().withRateLimit(0).withTrafficQueryDuration(Duration.ofMillis(1500)));
        client = DemoPces.client(pce);
        explorer = new TrafficExplorer(new PolicyWorkspace(() -> Optional.of(client)), Duration.ofMinutes(2),
                Duration.ofMillis(50));
    }

    @AfterAll
    static void stop() {
        pce.close();
    }

    static TrafficQueryRequest lastDays(int days) {
        Instant now = Instant.now();
        return TrafficQueryRequest.of("test", now.minus(Duration.ofDays(days)).toString(), now.plus(Duration.ofDays(1)).toString())
                .withMaxResults(200_000);
    }

    @Test
    void runReportsThePceStatesAndTheEngineAgreesWithTheReportedDecisions() {
        RecordingContext ctx = new RecordingContext();
        TrafficExplorer.Result r = explorer.run(lastDays(40), ctx);
        assertEquals(5_000, r.flows().size(), "every flow of the small data set");
        assertFalse(r.limitReached());
        assertTrue(r.query().completed());
        assertTrue(ctx.messages.stream().anyMatch(m -> m.contains("queued")), ctx.messages.toString());
        assertTrue(ctx.messages.stream().anyMatch(m -> m.contains("working")), ctx.messages.toString());

        Decision[] local = explorer.localDecisions(r.flows(), "active", ctx);
        int disagree = 0;
        int selectiveBoundary = 0;
        for (int i = 0; i < local.length; i++) {
            TrafficFlow f = r.flows().get(i);
            Decision reported = FlowDecisions.ofPce(f.policyDecision());
            if (reported != local[i]) {
                // The one known difference (see DemoDecisionAgreementTest): the demo does not model
                // enforcement boundaries, so a selective destination's boundary-crossing flow is only
                // potentially blocked there.
                if (reported == Decision.POTENTIALLY_BLOCKED && local[i] == Decision.BLOCKED
                        && "selective".equals(f.dst().workload().enforcementMode())) {
                    selectiveBoundary++;
                } else {
                    disagree++;
                }
            }
        }
        assertEquals(0, disagree, "the engine decides every flow as the demo PCE reported it");
        assertTrue(selectiveBoundary < local.length / 20, "the known difference stays small: " + selectiveBoundary);
    }
}
