package dev.pceworkbench.bench;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.demo.data.DataGenerator;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.policy.AgreementCases;
import dev.pceworkbench.policy.LinearScan;
import dev.pceworkbench.policy.PolicyCheck;
import dev.pceworkbench.policy.PolicyData;
import dev.pceworkbench.policy.PolicyDataLoader;
import dev.pceworkbench.policy.PolicyModel;
import dev.pceworkbench.policy.RuleSearch;
import dev.pceworkbench.policy.RuleSearchIndex;
import dev.pceworkbench.testing.DemoPces;

import java.time.Duration;

/**
 * A quick look at the engine on the large data set without JMH: load and build times, and the
 * index against the linear scan on 2,000 checks and 300 searches (they must agree at this scale
 * too), with rough per-query times. Run with
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=dev.pceworkbench.bench.PolicyEngineProbe -Dbench.args=}.
 */
public final class PolicyEngineProbe {
    private PolicyEngineProbe() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        PolicyData data;
        try (DemoPce pce = DemoPce.start(DemoPceOptions.defaults().withScale(DataGenerator.Scale.LARGE).withRateLimit(0)
                .withJobTiming(Duration.ofMillis(100), 0))) {
            long t1 = System.nanoTime();
            System.out.printf("demo PCE started in %d ms%n", (t1 - t0) / 1_000_000);
            PceClient client = DemoPces.client(pce, Duration.ofMinutes(10));
            data = PolicyDataLoader.load(client, "active");
            System.out.printf("loaded %d rule sets, %d workloads through the client in %d ms%n", data.ruleSets().size(),
                    data.workloads().size(), (System.nanoTime() - t1) / 1_000_000);
        }
        PolicyModel model = null;
        RuleSearchIndex index = null;
        for (int i = 0; i < 5; i++) {
            long b0 = System.nanoTime();
            model = PolicyModel.build(data);
            long b1 = System.nanoTime();
            index = RuleSearchIndex.build(model);
            System.out.printf("model %d ms, index %d ms (%d rules)%n", (b1 - b0) / 1_000_000,
                    (System.nanoTime() - b1) / 1_000_000, model.ruleCount());
        }
        PolicyCheck check = new PolicyCheck(index);
        LinearScan scan = new LinearScan(model);
        AgreementCases cases = new AgreementCases(data, 8);
        long tIndex = 0;
        long tScan = 0;
        int allowed = 0;
        for (int i = 0; i < 2000; i++) {
            AgreementCases.Tuple t = cases.tuple();
            long a = System.nanoTime();
            var x = check.check(t.consumer(), t.provider(), t.service());
            long b = System.nanoTime();
            var y = scan.check(t.consumer(), t.provider(), t.service());
            long c = System.nanoTime();
            if (!x.equals(y)) {
                throw new AssertionError("check differs: " + t + "\n" + x.ruleHrefs() + "\n" + y.ruleHrefs());
            }
            allowed += x.allowed() ? 1 : 0;
            tIndex += b - a;
            tScan += c - b;
        }
        System.out.printf("2000 checks agree (%d allowed): index %.1f us/check, linear %.1f us/check%n", allowed,
                tIndex / 2000e3, tScan / 2000e3);
        tIndex = 0;
        tScan = 0;
        long hits = 0;
        for (int i = 0; i < 300; i++) {
            RuleSearch q = cases.search().query();
            long a = System.nanoTime();
            var x = q.run(index);
            long b = System.nanoTime();
            var y = scan.search(q);
            long c = System.nanoTime();
            if (!x.equals(y)) {
                throw new AssertionError("search differs: " + x.size() + " vs " + y.size());
            }
            hits += x.size();
            tIndex += b - a;
            tScan += c - b;
        }
        System.out.printf("300 searches agree (%d hits in all): index %.1f us/search, linear %.1f us/search%n", hits,
                tIndex / 300e3, tScan / 300e3);
    }
}
