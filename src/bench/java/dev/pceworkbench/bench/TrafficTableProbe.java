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
import dev.pceworkbench.policy.PolicyData;
import dev.pceworkbench.policy.impact.Decision;
import dev.pceworkbench.policy.names.ObjectNames;
import dev.pceworkbench.policy.traffic.FlowSummary;
import dev.pceworkbench.task.TaskContext;
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
 * query (submit, PCE states, download and parse over HTTPS), the engine's draft decisions, the
 * table model (rows built with their names and chips, then set as the items of an observable list,
 * as the table's model gets them) and the app group summary. Three runs of the local steps.
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
            PceClient client = PceClient.connect(ConnectionSettings.of(pce.baseUrl(), 0, 1,
                            new Credentials.ApiKey(pce.credentials().authUsername(), pce.credentials().secret()))
                    .withTls(TlsSettings.verifying().withCaBundlePem(pce.caPem())), RetryPolicy.defaults(),
                    new RequestLimiter(0), Duration.ofMinutes(5));
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
            for (int run = 1; run <= 3; run++) {
                long q = System.nanoTime();
                TrafficExplorer.Result r = explorer.run(req, ctx);
                long queryMs = ms(q);
                long e = System.nanoTime();
                Decision[] local = explorer.localDecisions(r.flows(), "draft", ctx);
                long engineMs = ms(e);
                long t = System.nanoTime();
                List<FlowRow> rows = new FlowRows(names).rows(r.flows(), () -> false);
                ObservableList<FlowRow> items = FXCollections.observableArrayList();
                items.setAll(rows);
                long tableMs = ms(t);
                long g = System.nanoTime();
                List<FlowSummary.Row> groups = FlowSummary.groupBy(r.flows(), FlowSummary.appGroupDimensions(), local, names);
                long groupMs = ms(g);
                System.out.printf("run %d: %,d flows; query+download+parse %d ms; table model (rows + items) %d ms "
                                + "(total to the table %d ms); engine draft decisions %d ms; app group summary %,d groups %d ms%n",
                        run, items.size(), queryMs, tableMs, queryMs + tableMs, engineMs, groups.size(), groupMs);
            }
        }
    }
}
