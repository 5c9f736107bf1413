package dev.pceworkbench.bench;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.demo.data.DataGenerator;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.Progress;
import dev.pceworkbench.pce.model.TrafficQueryRequest;
import dev.pceworkbench.policy.PolicyData;
import dev.pceworkbench.policy.impact.Decision;
import dev.pceworkbench.policy.names.ObjectNames;
import dev.pceworkbench.policy.traffic.FlowSummary;
import dev.pceworkbench.policy.traffic.TrafficBaseline;
import dev.pceworkbench.pce.model.TrafficFlow;
import dev.pceworkbench.task.TaskContext;
import dev.pceworkbench.testing.DemoPces;
import dev.pceworkbench.ui.traffic.FlowRow;
import dev.pceworkbench.ui.traffic.FlowRows;
import dev.pceworkbench.workspace.PolicyWorkspace;
import dev.pceworkbench.workspace.TrafficExplorer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Prints, on the demo PCE's {@code large} data set, the Traffic view's steps for 200,000 flows: the
 * query (submit, PCE states, download and parse over HTTPS, once), the engine's draft decisions, then
 * three times the table model (rows built with their names and chips, then set as the items of an
 * observable list, as the table's model gets them) and the app group summary with names, on the
 * flows as parsed here and with their equal parts shared (as h18p's parser returns them).
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=dev.pceworkbench.bench.TrafficTableProbe -Dbench.args=}
 */
public final class TrafficTableProbe {
    private TrafficTableProbe() {
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        try (DemoPce pce = DemoPce.start(DemoPceOptions.defaults().withScale(DataGenerator.Scale.LARGE).withRateLimit(0)
                .withJobTiming(Duration.ofMillis(100), 0))) {
            System.out.printf("demo PCE (large) up in %d ms%n", ms(t0));
            PceClient client = DemoPces.client(pce, Duration.ofMinutes(5));
            PolicyWorkspace ws = new PolicyWorkspace(() -> Optional.of(client));
            TrafficExplorer explorer = new TrafficExplorer(ws, Duration.ofMinutes(10), Duration.ofMillis(100));
            CancellationToken token = new CancellationToken();
            TaskContext ctx = new TaskContext() {
                public CancellationToken token() {
                    return token;
                }

                public void progress(double done, double total) {
                }

                public void message(String message) {
                }
            };
            Instant now = Instant.now();
            TrafficQueryRequest req = TrafficQueryRequest.of("probe", now.minus(Duration.ofDays(40)).toString(),
                    now.plus(Duration.ofDays(2)).toString()).withMaxResults(200_000);
            PolicyData d = ws.index("draft", token, Progress.Listener.NONE).model().data();
            ObjectNames names = new ObjectNames(d.labels(), d.labelGroups(), d.ipLists(), d.virtualServices(), d.services())
                    .withWorkloads(d.workloads());
            long q = System.nanoTime();
            TrafficExplorer.Result r = explorer.run(req, ctx);
            System.out.printf("query + download + parse (the PCE's query time included; h18p's part): %d ms, %,d flows%n",
                    ms(q), r.flows().size());
            long e = System.nanoTime();
            Decision[] local = explorer.localDecisions(r.flows(), "draft", ctx);
            System.out.printf("engine draft decisions through the workspace (index built before): %d ms%n", ms(e));
            List<TrafficFlow> shared = TrafficBaseline.sharedParts(r.flows());
            for (int run = 1; run <= 3; run++) {
                for (List<TrafficFlow> flows : List.of(r.flows(), shared)) {
                    long t = System.nanoTime();
                    List<FlowRow> rows = new FlowRows(names).rows(flows, () -> false);
                    ObservableList<FlowRow> items = FXCollections.observableArrayList();
                    items.setAll(rows);
                    long tableMs = ms(t);
                    long g = System.nanoTime();
                    List<FlowSummary.Row> groups = FlowSummary.groupBy(flows, FlowSummary.appGroupDimensions(), local, names);
                    System.out.printf("run %d%s: table model for %,d flows (rows with names and chips + items) %d ms; "
                                    + "app group summary with names, %,d groups %d ms%n", run,
                            flows == shared ? " (parts shared, as h18p's parser gives them)" : "", items.size(), tableMs,
                            groups.size(), ms(g));
                }
            }
        }
    }
}
