package dev.pceworkbench.bench;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.demo.data.DataGenerator;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.Progress;
import dev.pceworkbench.pce.api.TrafficQueryBuilder;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.TrafficFlow;
import dev.pceworkbench.policy.PolicyData;
import dev.pceworkbench.policy.PolicyDataLoader;
import dev.pceworkbench.policy.PolicyModel;
import dev.pceworkbench.policy.RuleSearchIndex;
import dev.pceworkbench.policy.diff.ObjectChange;
import dev.pceworkbench.policy.diff.PolicyDiff;
import dev.pceworkbench.policy.impact.ImpactFlow;
import dev.pceworkbench.policy.impact.ImpactKind;
import dev.pceworkbench.policy.impact.ImpactReport;
import dev.pceworkbench.policy.impact.TrafficImpact;
import dev.pceworkbench.policy.names.NameLookup;

import dev.pceworkbench.policy.Endpoint;
import dev.pceworkbench.policy.PolicyCheck;
import dev.pceworkbench.testing.DemoPces;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The provisioning engine on the {@code large} data set (700 rule sets, 200,000 rules, 50,000
 * workloads, 200,000 flows), loaded through the client from a demo PCE over HTTPS: the time to
 * download draft and active and the flows (reported apart), then, timed alone and repeated, the
 * semantic diff of draft against active and the traffic impact of three changes over the 200,000
 * flows: the data set's own pending changes, a sweeping one (every tenth rule set disabled in
 * draft) and the worst case (the shortcut through the changed rules off, every flow checked in full
 * against both policies). Not a timed test; targets: diff &lt; 1 s, impact &lt; 2 s. Run with
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=dev.pceworkbench.bench.ProvisioningProbe -Dbench.args=}.
 */
public final class ProvisioningProbe {
    private static final int RUNS = 5;

    private ProvisioningProbe() {
    }

    public static void main(String[] args) throws Exception {
        PolicyData active;
        PolicyData draft;
        List<TrafficFlow> traffic;
        try (DemoPce pce = DemoPce.start(DemoPceOptions.defaults().withScale(DataGenerator.Scale.LARGE).withRateLimit(0)
                .withJobTiming(Duration.ofMillis(100), 0))) {
            PceClient client = DemoPces.client(pce, Duration.ofMinutes(10));
            long t0 = System.nanoTime();
            active = PolicyDataLoader.load(client, "active");
            long t1 = System.nanoTime();
            draft = PolicyDataLoader.load(client, "draft");
            long t2 = System.nanoTime();
            traffic = client.traffic().run(TrafficQueryBuilder.named("impact").maxResults(TrafficQueryBuilder.MAX_RESULTS_LIMIT)
                    .build(), CancellationToken.none(), Progress.Listener.NONE);
            long t3 = System.nanoTime();
            System.out.printf("download: active %d ms (%d rules), draft %d ms (%d rules), %d flows %d ms%n",
                    ms(t1 - t0), rules(active), ms(t2 - t1), rules(draft), traffic.size(), ms(t3 - t2));
        }
        // The same org records on both sides, as the workspace shares them between versions.
        draft = draft.withLabels(active.labels()).withWorkloads(active.workloads()).withServiceBindings(active.serviceBindings());

        PolicyModel draftModel = PolicyModel.build(draft);
        NameLookup names = draftModel.objectNames();
        PolicyData a = active;
        PolicyData d = draft;
        List<ObjectChange> changes = time("diff draft vs active (names from the draft)", () -> PolicyDiff.compare(a, d, names));
        System.out.printf("  %d objects changed, %d of them rule sets with %d rule changes%n", changes.size(),
                changes.stream().filter(c -> !c.parts().isEmpty()).count(),
                changes.stream().mapToInt(c -> c.parts().size()).sum());

        long b0 = System.nanoTime();
        RuleSearchIndex activeIndex = RuleSearchIndex.build(PolicyModel.build(active));
        RuleSearchIndex draftIndex = RuleSearchIndex.build(draftModel);
        System.out.printf("models and indexes of both versions (not part of the impact): %d ms%n", ms(System.nanoTime() - b0));

        List<ImpactFlow> flows = time("flows read for the impact", () -> TrafficImpact.flows(traffic));
        impact("impact of the pending changes", flows, activeIndex, draftIndex, null);
        impact("impact of the pending changes, given their diff (as the Provision view has it)", flows, activeIndex,
                draftIndex, changes);

        List<RuleSet> sweeping = new ArrayList<>();
        for (int i = 0; i < draft.ruleSets().size(); i++) {
            RuleSet rs = draft.ruleSets().get(i);
            sweeping.add(i % 10 == 0 ? rs.withEnabled(false) : rs);
        }
        RuleSearchIndex sweepingIndex = RuleSearchIndex.build(PolicyModel.build(draft.withRuleSets(sweeping)));
        impact("impact of disabling every tenth rule set", flows, activeIndex, sweepingIndex, null);

        List<Label> oneMore = new ArrayList<>(draft.labels());
        oneMore.add(new Label("/orgs/1/labels/probe", "env", "Probe", null, null, null));
        RuleSearchIndex fullIndex = RuleSearchIndex.build(PolicyModel.build(draft.withLabels(oneMore)));
        impact("impact with every flow checked in full (shortcut off: org data differ)", flows, activeIndex, fullIndex, null);

        // What the impact gains by asking for the verdict alone (PolicyCheck.decide: first allowing rule
        // wins, no rule named) instead of the full answer (PolicyCheck.check), on the same connections in
        // one run: every flow between two workloads of the draft, one thread.
        PolicyCheck check = new PolicyCheck(draftIndex);
        List<Endpoint[]> pairs = new ArrayList<>();
        List<dev.pceworkbench.policy.PortRange> ports = new ArrayList<>();
        for (ImpactFlow f : flows) {
            if (f.sourceWorkload() != null && f.destinationWorkload() != null
                    && draftModel.workload(f.sourceWorkload()) != null && draftModel.workload(f.destinationWorkload()) != null) {
                pairs.add(new Endpoint[]{Endpoint.workload(f.sourceWorkload()), Endpoint.workload(f.destinationWorkload())});
                ports.add(f.service());
            }
        }
        long full = time("full answers (check) for " + pairs.size() + " workload-to-workload flows", () -> {
            long n = 0;
            for (int i = 0; i < pairs.size(); i++) {
                n += check.check(pairs.get(i)[0], pairs.get(i)[1], ports.get(i)).allowed() ? 1 : 0;
            }
            return n;
        });
        long alone = time("verdicts alone (decide) for the same flows", () -> {
            long n = 0;
            for (int i = 0; i < pairs.size(); i++) {
                n += check.decide(pairs.get(i)[0], pairs.get(i)[1], ports.get(i)).allowed() ? 1 : 0;
            }
            return n;
        });
        System.out.printf("  allowed: %d by check, %d by decide (must be equal)%n", full, alone);
    }

    private static void impact(String what, List<ImpactFlow> flows, RuleSearchIndex active, RuleSearchIndex draft,
                               List<ObjectChange> changes) {
        ImpactReport r = time(what, () -> TrafficImpact.evaluate(flows, active, draft, changes, () -> false,
                TrafficImpact.ProgressListener.NONE));
        System.out.printf("  %d flows, %d distinct, %d checked in full; changed: %d (%d newly allowed, %d newly blocked,"
                        + " %d newly potentially blocked) in %d groups%n", r.flows(), r.distinctFlows(), r.checkedFlows(),
                r.changed().size(), r.count(ImpactKind.NEWLY_ALLOWED), r.count(ImpactKind.NEWLY_BLOCKED),
                r.count(ImpactKind.NEWLY_POTENTIALLY_BLOCKED), r.groups().size());
        r.groups().stream().limit(3).forEach(g -> System.out.println("    " + g.summary()));
    }

    /** Runs {@code work} {@value #RUNS} times; prints each time and the median. */
    private static <T> T time(String what, Supplier<T> work) {
        T out = null;
        long[] t = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long s = System.nanoTime();
            out = work.get();
            t[i] = System.nanoTime() - s;
        }
        StringBuilder runs = new StringBuilder();
        for (long x : t) {
            runs.append(runs.isEmpty() ? "" : ", ").append(ms(x));
        }
        java.util.Arrays.sort(t);
        System.out.printf("%s: median %d ms (runs: %s ms)%n", what, ms(t[RUNS / 2]), runs);
        return out;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static int rules(PolicyData p) {
        return p.ruleSets().stream().mapToInt(rs -> rs.rules().size()).sum();
    }
}
