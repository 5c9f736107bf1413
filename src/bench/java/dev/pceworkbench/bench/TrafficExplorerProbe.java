package dev.pceworkbench.bench;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.demo.data.DataGenerator;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.ConnectionSettings;
import dev.pceworkbench.pce.Credentials;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.Progress;
import dev.pceworkbench.pce.TlsSettings;
import dev.pceworkbench.pce.http.RequestLimiter;
import dev.pceworkbench.pce.http.RetryPolicy;
import dev.pceworkbench.pce.model.TrafficQueryRequest;
import dev.pceworkbench.policy.PolicyCheck;
import dev.pceworkbench.policy.RuleSearchIndex;
import dev.pceworkbench.policy.impact.Decision;
import dev.pceworkbench.policy.names.NameLookup;
import dev.pceworkbench.policy.traffic.FlowDecisions;
import dev.pceworkbench.policy.traffic.FlowSummary;
import dev.pceworkbench.task.TaskContext;
import dev.pceworkbench.workspace.PolicyWorkspace;
import dev.pceworkbench.workspace.TrafficExplorer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Traffic explorer on the {@code large} data set (50,000 workloads, 240,000 flows) over HTTPS
 * from the demo PCE, through the workspace as the view uses it: a query at the 200,000-flow limit,
 * then, timed alone and repeated, opening the completed query (download and parse of 200,000 flows,
 * without the PCE's own query time), the app group summary and a port × decision summary over them,
 * and the engine's draft decisions for all of them (the index built once beforehand, reported
 * apart). Not a timed test; targets on 2 cores: &lt; 3 s, &lt; 300 ms, &lt; 1 s. Run with
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=dev.pceworkbench.bench.TrafficExplorerProbe -Dbench.args=}.
 */
public final class TrafficExplorerProbe {
    private static final int RUNS = 5;

    private TrafficExplorerProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (DemoPce pce = DemoPce.start(DemoPceOptions.defaults().withScale(DataGenerator.Scale.LARGE).withRateLimit(0)
                .withJobTiming(Duration.ofMillis(100), 0).withTrafficQueryDuration(Duration.ofMillis(300)))) {
            PceClient client = PceClient.connect(ConnectionSettings.of(pce.baseUrl(), 0, 1,
                            new Credentials.ApiKey(pce.credentials().authUsername(), pce.credentials().secret()))
                    .withTls(TlsSettings.verifying().withCaBundlePem(pce.caPem())), RetryPolicy.defaults(),
                    new RequestLimiter(0), Duration.ofMinutes(10));
            PolicyWorkspace workspace = new PolicyWorkspace(() -> Optional.of(client));
            TrafficExplorer explorer = new TrafficExplorer(workspace, Duration.ofMinutes(10), Duration.ofMillis(100));
            TaskContext ctx = context();
            Instant now = Instant.now();
            TrafficQueryRequest all = TrafficQueryRequest.of("probe", now.minus(Duration.ofDays(31)).toString(),
                    now.plus(Duration.ofDays(1)).toString()).withMaxResults(200_000);

            long t0 = System.nanoTime();
            TrafficExplorer.Result first = explorer.run(all, ctx);
            System.out.printf("first query, end to end (generates the 240,000-flow history, PCE query time included): %d ms, "
                    + "%,d flows, limit reached: %s, matches %,d%n", ms(System.nanoTime() - t0), first.flows().size(),
                    first.limitReached(), first.query().matchesCount());

            TrafficExplorer.Result r = null;
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                long s = System.nanoTime();
                r = null; // let the previous 200,000 flows go before reading them again
                r = explorer.open(first.query(), ctx);
                long e = System.nanoTime() - s;
                best = Math.min(best, e);
                System.out.printf("download + parse of %,d flows (open a completed query): %d ms%n", r.flows().size(), ms(e));
            }
            System.out.printf("=> download + parse, best of 3: %d ms (target < 3,000 ms)%n", ms(best));
            // Apart: the bytes alone (the demo writing them, TLS, the wire), then parsing them from memory.
            String path = first.query().resultPath();
            for (int i = 0; i < 2; i++) {
                long s = System.nanoTime();
                var req = dev.pceworkbench.pce.http.PceRequest.of("GET", path);
                byte[] bytes = client.transport().stream(i == 0 ? req : req.withHeader("Accept-Encoding", "identity"),
                        CancellationToken.none(), Progress.Listener.NONE, (in, len) -> in.readAllBytes()).value();
                long w = System.nanoTime() - s;
                long p0 = System.nanoTime();
                int n = 0;
                try (var p = dev.pceworkbench.pce.json.PceJson.mapper().getFactory().createParser(bytes)) {
                    p.nextToken();
                    var reader = dev.pceworkbench.pce.json.PceJson.mapper().readerFor(dev.pceworkbench.pce.model.TrafficFlow.class);
                    while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                        reader.readValue(p);
                        n++;
                    }
                }
                System.out.printf("   apart (%s): %,d bytes fetched in %d ms, %,d flows parsed from memory in %d ms%n",
                        i == 0 ? "gzip" : "identity", bytes.length, ms(w), n, ms(System.nanoTime() - p0));
            }

            var flows = r.flows();
            long g = Long.MAX_VALUE;
            int rows = 0;
            for (int i = 0; i < RUNS; i++) {
                long s = System.nanoTime();
                rows = FlowSummary.groupBy(flows, FlowSummary.appGroupDimensions(), null, NameLookup.NONE).size();
                g = Math.min(g, System.nanoTime() - s);
            }
            System.out.printf("=> app group summary (app|env -> app|env on port) over %,d flows: %d rows, best of %d: %d ms "
                    + "(target < 300 ms)%n", flows.size(), rows, RUNS, ms(g));
            long g2 = Long.MAX_VALUE;
            for (int i = 0; i < RUNS; i++) {
                long s = System.nanoTime();
                rows = FlowSummary.groupBy(flows, List.of(FlowSummary.Dimension.service(), FlowSummary.Dimension.decision()),
                        null, NameLookup.NONE).size();
                g2 = Math.min(g2, System.nanoTime() - s);
            }
            System.out.printf("   port x decision summary: %d rows, best of %d: %d ms%n", rows, RUNS, ms(g2));

            long i0 = System.nanoTime();
            RuleSearchIndex draft = workspace.index("draft", CancellationToken.none(), Progress.Listener.NONE);
            System.out.printf("draft policy loaded and indexed (once, not part of the decisions): %d ms, %d rules%n",
                    ms(System.nanoTime() - i0), draft.model().ruleCount());
            PolicyCheck check = new PolicyCheck(draft);
            long d = Long.MAX_VALUE;
            Decision[] decisions = null;
            for (int i = 0; i < RUNS; i++) {
                long s = System.nanoTime();
                decisions = FlowDecisions.decide(flows, check);
                d = Math.min(d, System.nanoTime() - s);
                System.out.printf("   engine draft decisions run %d: %d ms%n", i + 1, ms(System.nanoTime() - s));
            }
            int[] counts = new int[Decision.values().length];
            for (Decision x : decisions) {
                counts[x.ordinal()]++;
            }
            System.out.printf("=> engine draft decisions for %,d flows, best of %d: %d ms (target < 1,000 ms); "
                    + "allowed %,d, potentially blocked %,d, blocked %,d, unknown %,d%n", flows.size(), RUNS, ms(d),
                    counts[0], counts[1], counts[2], counts[3]);
        }
    }

    private static TaskContext context() {
        CancellationToken token = new CancellationToken();
        return new TaskContext() {
            @Override
            public CancellationToken token() {
                return token;
            }

            @Override
            public void progress(double done, double total) {
            }

            @Override
            public void message(String message) {
            }
        };
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
