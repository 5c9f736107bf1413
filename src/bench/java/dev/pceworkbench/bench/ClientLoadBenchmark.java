package dev.pceworkbench.bench;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.demo.data.DataGenerator;
import dev.pceworkbench.pce.ConnectionSettings;
import dev.pceworkbench.pce.Credentials;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.TlsSettings;
import dev.pceworkbench.pce.model.RuleSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Loads the large data set's 200,000 rules (700 rule sets) through the client from the demo PCE
 * over HTTPS: sync GET (500 rule sets), X-Total-Count says more, so the async job flow fetches
 * the whole collection and the client parses it into typed records. Run with
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench.args="ClientLoadBenchmark"}; the retained
 * heap of the loaded records is printed by {@link ClientLoadProbe}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class ClientLoadBenchmark {
    DemoPce pce;
    PceClient client;

    @Setup(Level.Trial)
    public void start() throws Exception {
        pce = DemoPce.start(DemoPceOptions.defaults().withScale(DataGenerator.Scale.LARGE).withRateLimit(0)
                .withJobTiming(Duration.ofMillis(100), 0));
        client = PceClient.connect(ConnectionSettings.of(pce.baseUrl(), 0, 1,
                        new Credentials.ApiKey(pce.credentials().authUsername(), pce.credentials().secret()))
                .withTls(TlsSettings.verifying().withCaBundlePem(pce.caPem())));
    }

    @TearDown(Level.Trial)
    public void stop() {
        pce.close();
    }

    @Benchmark
    public int loadAllActiveRules() {
        List<RuleSet> sets = client.ruleSets().list("active", Map.of());
        int rules = 0;
        for (RuleSet rs : sets) {
            rules += rs.rules().size();
        }
        if (rules < 200_000) {
            throw new IllegalStateException("expected the large data set's 200,000 rules, got " + rules);
        }
        return rules;
    }
}
