package dev.pceworkbench.bench;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.demo.data.DataGenerator;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.Progress;
import dev.pceworkbench.pce.model.TrafficFlow;
import dev.pceworkbench.pce.model.TrafficQueryRequest;
import dev.pceworkbench.policy.PolicyCheck;
import dev.pceworkbench.policy.RuleSearchIndex;
import dev.pceworkbench.policy.impact.Decision;
import dev.pceworkbench.policy.names.NameLookup;
import dev.pceworkbench.policy.traffic.FlowDecisions;
import dev.pceworkbench.policy.traffic.TrafficBaseline;
import dev.pceworkbench.policy.traffic.FlowSummary;
import dev.pceworkbench.task.TaskContext;
import dev.pceworkbench.testing.DemoPces;
import dev.pceworkbench.workspace.PolicyWorkspace;
import dev.pceworkbench.workspace.TrafficExplorer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Traffic explorer on the {@code large} data set (50,000 workloads, 240,000 flows) over HTTPS
 * from the demo PCE, through the workspace as the view uses it: a query at the 200,000-flow limit,
 * then opening the completed query (download and parse of 200,000 flows, best of 3, without the
 * PCE's own query time; then the bytes and the parse apart), the group-bys (app group summary and
 * others) and the engine's draft decisions for all of them (the index built once beforehand,
 * reported apart, and once more without it), each before (the code of 2157e57, kept as
 * {@link TrafficBaseline}) and after in this process, wall and process CPU time, with a check that
 * both give the same answers; the summaries again on the flows with equal parts shared, as h18p's
 * parser returns them. {@code quick} as first argument: one download, no split; {@code decisions}: one
 * download, then the engine's decisions alone (before and after, same decisions checked). Not a timed test;
 * targets on 2 cores: &lt; 3 s (with the table model of {@link TrafficTableProbe}), &lt; 300 ms, &lt; 1 s. Run
 * with {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=dev.pceworkbench.bench.TrafficExplorerProbe -Dbench.args=}.
 */
public final class TrafficExplorerProbe {
    private static final int RUNS = 5;

    private TrafficExplorerProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (DemoPce pce = DemoPce.start(DemoPceOptions.defaults().withScale(DataGenerator.Scale.LARGE).withRateLimit(0)
                .withJobTiming(Duration.ofMillis(100), 0).withTrafficQueryDuration(Duration.ofMillis(300)))) {
            PceClient client = DemoPces.client(pce, Duration.ofMinutes(10));
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

            boolean decisionsOnly = args.length > 0 && args[0].equals("decisions");
            boolean quick = decisionsOnly || args.length > 0 && args[0].equals("quick");
            TrafficExplorer.Result r = null;
            long best = Long.MAX_VALUE;
            for (int i = 0; i < (quick ? 1 : 3); i++) {
                long s = System.nanoTime();
                r = null; // let the previous 200,000 flows go before reading them again
                r = explorer.open(first.query(), ctx);
                long e = System.nanoTime() - s;
                best = Math.min(best, e);
                System.out.printf("download + parse of %,d flows (open a completed query): %d ms%n", r.flows().size(), ms(e));
            }
            System.out.printf("=> download + parse, best of %d: %d ms (target < 3,000 ms, with the table model of "
                    + "TrafficTableProbe)%n", quick ? 1 : 3, ms(best));
            if (!quick) {
                apart(client, first.query().resultPath());
            }

            var flows = r.flows();
            if (decisionsOnly) {
                decisions(workspace, flows, TrafficBaseline.sharedParts(flows), true);
                return;
            }
            System.out.println("-- group-by (before = the code of 2157e57, kept in TrafficBaseline; same answers checked)");
            groupBy("app group summary (app|env -> app|env on port)", flows, FlowSummary.appGroupDimensions(), null, true);
            groupBy("port x decision", flows, List.of(FlowSummary.Dimension.service(), FlowSummary.Dimension.decision()),
                    null, false);
            groupBy("source workload x process", flows, List.of(FlowSummary.Dimension.workload(FlowSummary.End.SOURCE),
                    FlowSummary.Dimension.process()), null, false);
            long a0 = System.nanoTime();
            int ipRows = FlowSummary.groupBy(flows, List.of(FlowSummary.Dimension.ipList(FlowSummary.End.DESTINATION)), null,
                    NameLookup.NONE).size();
            System.out.printf("   destination IP lists: %,d rows in %d ms (before: fails on workloads without ip_lists)%n",
                    ipRows, ms(System.nanoTime() - a0));
            long sh = System.nanoTime();
            List<TrafficFlow> shared = TrafficBaseline.sharedParts(flows);
            System.out.printf("-- the same flows with equal parts shared, as h18p's parser returns them (sharing took %d ms)%n",
                    ms(System.nanoTime() - sh));
            groupBy("app group summary, shared parts", shared, FlowSummary.appGroupDimensions(), null, true);
            groupBy("port x decision, shared parts", shared, List.of(FlowSummary.Dimension.service(),
                    FlowSummary.Dimension.decision()), null, false);

            decisions(workspace, flows, shared, false);
        }
    }

    /** The engine's draft decisions, before and after, on the flows and on the shared-parts flows. */
    private static void decisions(PolicyWorkspace workspace, List<TrafficFlow> flows, List<TrafficFlow> shared,
                                  boolean only) throws Exception {
        {
            long i0 = System.nanoTime();
            RuleSearchIndex draft = workspace.index("draft", CancellationToken.none(), Progress.Listener.NONE);
            System.out.printf("draft policy loaded over HTTPS and indexed (once per version, not part of the decisions): "
                    + "%d ms, %d rules%n", ms(System.nanoTime() - i0), draft.model().ruleCount());
            PolicyCheck check = new PolicyCheck(draft);
            System.out.println("-- engine draft decisions (index already built for the version: the figure)");
            Decision[] before = null;
            Best b = new Best();
            for (int i = 0; i < 3; i++) {
                b.start();
                before = TrafficBaseline.decide(flows, check);
                b.stop();
            }
            Best d = new Best();
            Decision[] decisions = null;
            for (int i = 0; i < RUNS; i++) {
                d.start();
                decisions = FlowDecisions.decide(flows, check);
                System.out.printf("   after, run %d: %d ms%n", i + 1, ms(d.stop()));
            }
            int[] counts = new int[Decision.values().length];
            for (Decision x : decisions) {
                counts[x.ordinal()]++;
            }
            System.out.printf("=> engine draft decisions for %,d flows: before, best of 3: %s; after, best of %d: %s "
                    + "(target < 1,000 ms); same decisions: %s; allowed %,d, potentially blocked %,d, blocked %,d, "
                    + "unknown %,d%n", flows.size(), b, RUNS, d, java.util.Arrays.equals(before, decisions),
                    counts[0], counts[1], counts[2], counts[3]);
            Best sd = new Best();
            for (int i = 0; i < 3; i++) {
                sd.start();
                Decision[] again = FlowDecisions.decide(shared, check);
                sd.stop();
                if (i == 0 && !java.util.Arrays.equals(again, decisions)) {
                    System.out.println("   !! decisions differ on the shared flows");
                }
            }
            System.out.printf("   after, on the shared flows, best of 3: %s%n", sd);
            long x0 = System.nanoTime();
            RuleSearchIndex fresh = RuleSearchIndex.build(draft.model());
            long built = System.nanoTime() - x0;
            FlowDecisions.decide(flows, new PolicyCheck(fresh));
            System.out.printf("   without a built index (policy already loaded): index build %d ms + decisions = %d ms%n",
                    ms(built), ms(System.nanoTime() - x0));
            if (only) {
                return;
            }
            groupBy("app group summary with the engine's draft decisions", flows,
                    List.of(FlowSummary.Dimension.sourceLabels("app", "env"), FlowSummary.Dimension.destinationLabels("app", "env"),
                            FlowSummary.Dimension.service(), FlowSummary.Dimension.draftDecision()), decisions, false);
        }
    }

    private static void groupBy(String what, List<TrafficFlow> flows, List<FlowSummary.Dimension> dims, Decision[] draft,
                                boolean target) {
        Best b = new Best();
        List<FlowSummary.Row> before = null;
        for (int i = 0; i < 3; i++) {
            b.start();
            before = TrafficBaseline.groupBy(flows, dims, draft, NameLookup.NONE);
            b.stop();
        }
        Best a = new Best();
        List<FlowSummary.Row> after = null;
        for (int i = 0; i < RUNS; i++) {
            a.start();
            after = FlowSummary.groupBy(flows, dims, draft, NameLookup.NONE);
            a.stop();
        }
        System.out.printf("%s %s over %,d flows: %,d rows; before, best of 3: %s; after, best of %d: %s%s; "
                        + "same rows: %s%n", target ? "=>" : "  ", what, flows.size(), after.size(), b, RUNS, a,
                target ? " (target < 300 ms)" : "", TrafficBaseline.sameRows(before, after));
    }

    /** The best wall time of some runs, with the CPU time (all threads of the process) of that run. */
    static final class Best {
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long wall = Long.MAX_VALUE;
        long cpu;
        private long w0;
        private long c0;

        void start() {
            c0 = OS.getProcessCpuTime();
            w0 = System.nanoTime();
        }

        long stop() {
            long w = System.nanoTime() - w0;
            long c = OS.getProcessCpuTime() - c0;
            if (w < wall) {
                wall = w;
                cpu = c;
            }
            return w;
        }

        @Override
        public String toString() {
            return String.format("%d ms (CPU %d ms)", ms(wall), ms(cpu));
        }
    }

    /** The bytes alone (the demo writing them, TLS, the wire), then parsing them from memory. */
    private static void apart(PceClient client, String path) throws Exception {
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
                var reader = dev.pceworkbench.pce.json.PceJson.mapper().readerFor(TrafficFlow.class);
                while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                    reader.readValue(p);
                    n++;
                }
            }
            System.out.printf("   apart (%s): %,d bytes fetched in %d ms, %,d flows parsed from memory in %d ms%n",
                    i == 0 ? "gzip" : "identity", bytes.length, ms(w), n, ms(System.nanoTime() - p0));
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
