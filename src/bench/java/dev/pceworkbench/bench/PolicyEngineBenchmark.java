package dev.pceworkbench.bench;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.demo.data.DataGenerator;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.policy.AgreementCases;
import dev.pceworkbench.policy.CheckResult;
import dev.pceworkbench.policy.LinearScan;
import dev.pceworkbench.policy.PolicyCheck;
import dev.pceworkbench.policy.PolicyData;
import dev.pceworkbench.policy.PolicyDataLoader;
import dev.pceworkbench.policy.PolicyModel;
import dev.pceworkbench.policy.PortRange;
import dev.pceworkbench.policy.RuleHit;
import dev.pceworkbench.policy.RuleSearch;
import dev.pceworkbench.policy.RuleSearchIndex;
import dev.pceworkbench.testing.DemoPces;

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
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The policy engine on the large data set (200,000 rules in 700 rule sets, 50,000 workloads),
 * loaded once per fork through the client from a demo PCE: the latency distribution (median, p99)
 * of a policy check and of a rule search through the index, against a plain linear scan over the
 * same rules in the same run, and the time to build the model and the index. Checks and searches
 * rotate through 1,000 tuples and 500 searches generated as in the agreement test (half of the
 * tuples aimed at a rule, half random); {@code searchSnmp*} is the "which rules allow
 * SNMP (UDP 161)?". Run with
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench.args="PolicyEngineBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class PolicyEngineBenchmark {
    PolicyData data;
    PolicyModel model;
    RuleSearchIndex index;
    PolicyCheck check;
    LinearScan scan;
    AgreementCases.Tuple[] tuples;
    RuleSearch[] searches;
    RuleSearch snmp;
    int next;

    @Setup(Level.Trial)
    public void load() throws Exception {
        try (DemoPce pce = DemoPce.start(DemoPceOptions.defaults().withScale(DataGenerator.Scale.LARGE).withRateLimit(0)
                .withJobTiming(Duration.ofMillis(100), 0))) {
            PceClient client = DemoPces.client(pce, Duration.ofMinutes(10));
            data = PolicyDataLoader.load(client, "active");
        }
        int rules = data.ruleSets().stream().mapToInt(rs -> rs.rules().size()).sum();
        if (rules < 200_000) {
            throw new IllegalStateException("expected the large data set's 200,000 rules, got " + rules);
        }
        model = PolicyModel.build(data);
        index = RuleSearchIndex.build(model);
        check = new PolicyCheck(index);
        scan = new LinearScan(model);
        AgreementCases cases = new AgreementCases(data, 8);
        tuples = new AgreementCases.Tuple[1000];
        for (int i = 0; i < tuples.length; i++) {
            tuples[i] = cases.tuple();
        }
        searches = new RuleSearch[500];
        for (int i = 0; i < searches.length; i++) {
            searches[i] = cases.search().query();
        }
        snmp = RuleSearch.builder().port(PortRange.of(PortRange.UDP, 161)).build();
    }

    private AgreementCases.Tuple nextTuple() {
        next = (next + 1) % tuples.length;
        return tuples[next];
    }

    private RuleSearch nextSearch() {
        next = (next + 1) % searches.length;
        return searches[next];
    }

    @Benchmark
    public CheckResult check() {
        AgreementCases.Tuple t = nextTuple();
        return check.check(t.consumer(), t.provider(), t.service());
    }

    @Benchmark
    public CheckResult checkLinearScan() {
        AgreementCases.Tuple t = nextTuple();
        return scan.check(t.consumer(), t.provider(), t.service());
    }

    @Benchmark
    public List<RuleHit> search() {
        return nextSearch().run(index);
    }

    @Benchmark
    public List<RuleHit> searchLinearScan() {
        return scan.search(nextSearch());
    }

    @Benchmark
    public List<RuleHit> searchSnmp() {
        return snmp.run(index);
    }

    @Benchmark
    public List<RuleHit> searchSnmpLinearScan() {
        return scan.search(snmp);
    }

    /** Compiling the records into a model and indexing it: what a reload costs. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 10)
    public RuleSearchIndex buildModelAndIndex() {
        return RuleSearchIndex.build(PolicyModel.build(data));
    }

    /** Indexing an already compiled model. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 10)
    public RuleSearchIndex buildIndex() {
        return RuleSearchIndex.build(model);
    }
}
