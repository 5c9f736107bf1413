package dev.pceworkbench.bench;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.demo.data.DataGenerator;
import dev.pceworkbench.pce.ConnectionSettings;
import dev.pceworkbench.pce.Credentials;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.TlsSettings;
import dev.pceworkbench.pce.model.RuleSet;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Prints the time to load the large data set's rules through the client and the heap the loaded
 * records retain (used heap after a full GC, with and without the records). A companion of
 * {@link ClientLoadBenchmark}:
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=dev.pceworkbench.bench.ClientLoadProbe}.
 */
public final class ClientLoadProbe {
    private ClientLoadProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (DemoPce pce = DemoPce.start(DemoPceOptions.defaults().withScale(DataGenerator.Scale.LARGE).withRateLimit(0)
                .withJobTiming(Duration.ofMillis(100), 0))) {
            PceClient client = PceClient.connect(ConnectionSettings.of(pce.baseUrl(), 0, 1,
                            new Credentials.ApiKey(pce.credentials().authUsername(), pce.credentials().secret()))
                    .withTls(TlsSettings.verifying().withCaBundlePem(pce.caPem())));
            long before = Heap.usedAfterGc();
            for (int run = 1; run <= 3; run++) {
                long t0 = System.nanoTime();
                List<RuleSet> sets = client.ruleSets().list("active", Map.of());
                long ms = (System.nanoTime() - t0) / 1_000_000;
                long rules = sets.stream().mapToLong(rs -> rs.rules().size()).sum();
                long retained = Heap.usedAfterGc() - before;
                System.out.printf("run %d: %d rule sets, %d rules loaded in %d ms; records retain %.0f MB%n",
                        run, sets.size(), rules, ms, retained / 1_048_576.0);
                if (args.length > 0 && args[0].equals("--hold") && run == 1) {
                    // Time to take a heap histogram: jcmd <pid> GC.class_histogram
                    System.out.println("holding for 20 s, pid " + ProcessHandle.current().pid());
                    Thread.sleep(20_000);
                    System.out.println(sets.size());
                }
                sets = null;
            }
        }
    }
}
