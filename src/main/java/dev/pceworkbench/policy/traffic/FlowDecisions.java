package dev.pceworkbench.policy.traffic;

import dev.pceworkbench.pce.model.TrafficFlow;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.policy.Endpoint;
import dev.pceworkbench.policy.EndpointClasses;
import dev.pceworkbench.policy.IpAddress;
import dev.pceworkbench.policy.PolicyCheck;
import dev.pceworkbench.policy.PolicyModel;
import dev.pceworkbench.policy.PortRange;
import dev.pceworkbench.policy.impact.Decision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * The policy decisions of downloaded flows under any policy version, by the engine
 * ({@link PolicyCheck#decide}), the way the PCE reports them ({@link Decision}: the destination
 * decides; a flow to anything but a managed workload of that version is unknown), and their
 * comparison with the PCE's own {@code draft_policy_decision} (after {@code update_rules}).
 *
 * <p>Fast: flows repeat endpoints, and the policy cannot tell apart workloads it does not name that
 * carry the same labels (and IP lists, bindings): each distinct (consumer class, provider class,
 * service) of {@link EndpointClasses} is decided once, by its representatives, in parallel on the
 * common pool, the provider's candidate rules looked up once per (provider class, service). The
 * flows' workloads are looked up by href in parallel too, then numbered by their positions in the
 * model (no per-flow boxing or maps); each destination's decision per outcome is worked out once. A
 * source is matched as its workload when the version knows it, else by the address seen. The answers are each flow's own ({@link #decide(TrafficFlow, PolicyCheck)}).
 */
public final class FlowDecisions {
    private static final int MASK = (1 << 21) - 1;
    private static final long PROVIDER_AND_SERVICE = (1L << 42) - 1;
    private static final int UNSEEN = Integer.MIN_VALUE;
    private static final PolicyCheck.Outcome[] OUTCOMES = PolicyCheck.Outcome.values();

    private FlowDecisions() {
    }

    /** {@link #decide(List, PolicyCheck, BooleanSupplier)}, not cancellable. */
    public static Decision[] decide(List<TrafficFlow> flows, PolicyCheck check) {
        return decide(flows, check, () -> false);
    }

    /**
     * One decision per flow, in the flows' order, under {@code check}'s policy version.
     *
     * @throws CancellationException when {@code cancelled} says so (polled once per provider and service)
     */
    public static Decision[] decide(List<TrafficFlow> flows, PolicyCheck check, BooleanSupplier cancelled) {
        PolicyModel model = check.model();
        EndpointClasses classes = new EndpointClasses(model);
        // Per flow: the (consumer class, provider class, service) it is decided as, and its destination.
        // Per workload of the model (by its position): its destination number, or its consumer class.
        int[] dstOfWorkload = new int[model.workloadCount()];
        Arrays.fill(dstOfWorkload, UNSEEN);
        int[] srcOfWorkload = new int[model.workloadCount()];
        Arrays.fill(srcOfWorkload, UNSEEN);
        Map<String, Integer> srcAddresses = new HashMap<>();
        int destinations = 0;
        int[] providerOf = new int[64];
        // Per destination, its decision for each outcome (read once per destination instead of per flow).
        Decision[] decisionOf = new Decision[64 * OUTCOMES.length];
        LongIntMap serviceIds = new LongIntMap(64);
        List<PortRange> services = new ArrayList<>();
        int size = flows.size();
        LongIntMap triples = new LongIntMap(size / 4);
        int[] tripleOf = new int[size];
        int[] destinationOf = new int[size];
        // First, on all cores: each flow's destination and source workloads (their positions in the
        // model, -1 for none it knows) and its service, packed; the look-ups by href are most of the work.
        int[] dstW = new int[size];
        int[] srcW = new int[size];
        long[] svc = new long[size];
        IntStream.range(0, size).parallel().forEach(i -> {
            TrafficFlow f = flows.get(i);
            String dw = workload(f.dst());
            dstW[i] = dw == null ? -1 : model.workloadIndex(dw);
            String sw = dw == null ? null : workload(f.src());
            srcW[i] = sw == null ? -1 : model.workloadIndex(sw);
            svc[i] = serviceKey(f);
        });
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("Decisions cancelled");
        }
        for (int i = 0; i < size; i++) {
            int s = serviceIds.intern(svc[i]);
            if (s == services.size()) {
                services.add(service(flows.get(i)));
            }
            int w = dstW[i];
            int d = -1; // also for a destination that is not a managed workload
            if (w >= 0) {
                d = dstOfWorkload[w];
                if (d == UNSEEN) {
                    Workload wl = model.workload(w);
                    d = -1;
                    if (wl.managed()) {
                        d = destinations++;
                        if (d == providerOf.length) {
                            providerOf = Arrays.copyOf(providerOf, d * 2);
                            decisionOf = Arrays.copyOf(decisionOf, d * 2 * OUTCOMES.length);
                        }
                        providerOf[d] = classes.providerWorkload(w);
                        System.arraycopy(Decision.byOutcome(wl), 0, decisionOf, d * OUTCOMES.length, OUTCOMES.length);
                    }
                    dstOfWorkload[w] = d;
                }
            }
            int c = -1;
            if (d >= 0) {
                int v = srcW[i];
                if (v >= 0) {
                    c = srcOfWorkload[v];
                    if (c == UNSEEN) {
                        c = classes.consumerWorkload(v);
                        srcOfWorkload[v] = c;
                    }
                } else {
                    c = consumerAddress(flows.get(i).src(), classes, srcAddresses);
                }
            }
            if (c < 0) {
                tripleOf[i] = -1;
                continue;
            }
            destinationOf[i] = d;
            int p = providerOf[d];
            if (c > MASK || s > MASK || p > MASK) {
                throw new IllegalStateException("More than " + MASK + " distinct sources, destinations or services");
            }
            tripleOf[i] = triples.intern(((long) c << 42) | ((long) p << 21) | s);
        }
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("Decisions cancelled");
        }
        // Each distinct (consumer class, provider class, service) once, by their representatives,
        // provider by provider (the rules that can allow traffic to one provider stay warm): the
        // keys turned to (provider class, service, consumer class) and sorted as primitives.
        int n = triples.size();
        long[] order = triples.keys();
        for (int t = 0; t < n; t++) {
            order[t] = providerFirst(order[t]);
        }
        Arrays.sort(order);
        // Runs of one (provider class, service): its candidate rules looked up once for all their consumers.
        int[] runStart = new int[n + 1];
        int runs = 0;
        for (int k = 0; k < n; k++) {
            if (k == 0 || order[k] >>> 21 != order[k - 1] >>> 21) {
                runStart[runs++] = k;
            }
        }
        runStart[runs] = n;
        PolicyCheck.Outcome[] sorted = new PolicyCheck.Outcome[n];
        PolicyCheck.Batch batch = check.batch(classes, services);
        IntStream.range(0, runs).parallel().forEach(run -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("Decisions cancelled");
            }
            int from = runStart[run];
            int to = runStart[run + 1];
            long key = order[from];
            int[] consumers = new int[to - from];
            for (int k = from; k < to; k++) {
                consumers[k - from] = (int) order[k] & MASK;
            }
            PolicyCheck.Outcome[] o = batch.decide(consumers, (int) (key >>> 42), (int) (key >>> 21) & MASK);
            System.arraycopy(o, 0, sorted, from, o.length);
        });
        byte[] outcomes = new byte[n];
        for (int k = 0; k < n; k++) {
            long o = order[k];
            long key = ((o & MASK) << 42) | (o >>> 21);
            outcomes[triples.intern(key)] = (byte) sorted[k].ordinal();
        }
        Decision[] out = new Decision[flows.size()];
        for (int i = 0; i < out.length; i++) {
            int t = tripleOf[i];
            out[i] = t < 0 ? Decision.UNKNOWN : decisionOf[destinationOf[i] * OUTCOMES.length + outcomes[t]];
        }
        return out;
    }

    /** A (consumer, provider, service) key as (provider, service, consumer), 21 bits each. */
    private static long providerFirst(long key) {
        return ((key & PROVIDER_AND_SERVICE) << 21) | (key >>> 42);
    }

    /** The consumer class of a flow's source by its address (its workload being unknown to the version), or -1 when it has none. */
    private static int consumerAddress(TrafficFlow.Endpoint src, EndpointClasses classes, Map<String, Integer> addresses) {
        String ip = src == null ? null : src.ip();
        if (ip == null) {
            return -1;
        }
        Integer c = addresses.get(ip);
        if (c == null) {
            IpAddress a = IpAddress.parseOrNull(ip);
            c = a == null ? -1 : classes.consumer(new Endpoint(null, a));
            addresses.put(ip, c);
        }
        return c;
    }

    /** {@link #service}'s protocol and port (-1 for none), packed: equal keys, equal services. */
    private static long serviceKey(TrafficFlow f) {
        TrafficFlow.FlowService s = f.service();
        int proto = s == null || s.proto() == null ? -1 : s.proto();
        int port = s == null || s.port() == null || s.port() < 0 ? -1 : s.port();
        return ((long) proto << 32) | (port & 0xFFFFFFFFL);
    }

    /** One flow's decision under {@code check}'s version. */
    public static Decision decide(TrafficFlow flow, PolicyCheck check) {
        return decide(key(flow, check.model(), new HashMap<>()), check);
    }

    private static Decision decide(Key k, PolicyCheck check) {
        if (k.dst() == null) {
            return Decision.UNKNOWN;
        }
        Workload destination = check.model().workload(k.dst());
        if (destination == null || !destination.managed()) {
            return Decision.UNKNOWN;
        }
        Endpoint consumer;
        if (k.srcWorkload()) {
            consumer = Endpoint.workload(k.src());
        } else {
            IpAddress a = k.src() == null ? null : IpAddress.parseOrNull(k.src());
            if (a == null) {
                return Decision.UNKNOWN;
            }
            consumer = new Endpoint(null, a);
        }
        try {
            return Decision.of(check.decide(consumer, Endpoint.workload(k.dst()), k.service()), destination);
        } catch (IllegalArgumentException notInThisVersion) {
            return Decision.UNKNOWN;
        }
    }

    /** What a decision depends on: source workload or address, destination workload (or null), service. */
    private record Key(String src, boolean srcWorkload, String dst, PortRange service) {
    }

    private static Key key(TrafficFlow f, PolicyModel model, Map<String, Boolean> known) {
        String sw = workload(f.src());
        boolean srcKnown = sw != null && known(sw, model, known);
        String dw = workload(f.dst());
        boolean dstKnown = dw != null && known(dw, model, known);
        return new Key(srcKnown ? sw : f.src() == null ? null : f.src().ip(), srcKnown, dstKnown ? dw : null,
                service(f));
    }

    private static boolean known(String href, PolicyModel model, Map<String, Boolean> known) {
        Boolean k = known.get(href);
        if (k == null) {
            k = model.workload(href) != null;
            known.put(href, k);
        }
        return k;
    }

    /** A flow's service as the engine reads it: protocol and port, or the protocol alone. */
    public static PortRange service(TrafficFlow f) {
        TrafficFlow.FlowService s = f.service();
        int proto = s == null || s.proto() == null ? -1 : s.proto();
        return s == null || s.port() == null || s.port() < 0 ? PortRange.protocol(proto) : PortRange.of(proto, s.port());
    }

    private static String workload(TrafficFlow.Endpoint e) {
        return e == null || e.workload() == null ? null : e.workload().href();
    }

    /**
     * A decision word of the PCE, reported or draft, as a {@link Decision}: {@code allowed},
     * {@code allowed_across_boundary} are allowed; {@code potentially_blocked},
     * {@code potentially_blocked_no_rule}, {@code potentially_blocked_by_boundary} potentially
     * blocked; {@code blocked}, {@code blocked_no_rule}, {@code blocked_by_boundary},
     * {@code blocked_by_override_deny} blocked; anything else (null, {@code unknown}) unknown.
     */
    public static Decision ofPce(String word) {
        if (word == null) {
            return Decision.UNKNOWN;
        }
        switch (word) { // the PCE's own words, without lower-casing each of 200,000 flows' words
            case "allowed", "allowed_across_boundary":
                return Decision.ALLOWED;
            case "potentially_blocked", "potentially_blocked_no_rule", "potentially_blocked_by_boundary":
                return Decision.POTENTIALLY_BLOCKED;
            case "blocked", "blocked_no_rule", "blocked_by_boundary", "blocked_by_override_deny":
                return Decision.BLOCKED;
            case "unknown":
                return Decision.UNKNOWN;
            default:
                break;
        }
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("allowed")) {
            return Decision.ALLOWED;
        }
        if (w.startsWith("potentially_blocked")) {
            return Decision.POTENTIALLY_BLOCKED;
        }
        if (w.startsWith("blocked")) {
            return Decision.BLOCKED;
        }
        return Decision.UNKNOWN;
    }

    /**
     * The engine's decisions side by side with the PCE's {@code draft_policy_decision} of each flow
     * (flows without one are not compared): how many agree and disagree, the disagreeing flows'
     * indices, and the counts per (PCE, engine) pair.
     */
    public record Comparison(int compared, int agree, int disagree, int[] disagreeing,
                             Map<String, Integer> byPair) {
        public boolean allAgree() {
            return disagree == 0;
        }

        public String summary() {
            return compared == 0 ? "No flow carries a draft decision from the PCE"
                    : String.format("%,d of %,d flows agree with the PCE's draft decisions, %,d disagree", agree,
                    compared, disagree);
        }
    }

    /** Compares {@code local} (one per flow, e.g. from {@link #decide}) with the flows' PCE draft decisions. */
    public static Comparison compare(List<TrafficFlow> flows, Decision[] local) {
        if (local.length != flows.size()) {
            throw new IllegalArgumentException("one decision per flow: " + local.length + " for " + flows.size());
        }
        int compared = 0;
        int agree = 0;
        int[] dis = new int[16];
        int n = 0;
        Map<String, Integer> pairs = new LinkedHashMap<>();
        for (int i = 0; i < local.length; i++) {
            String pce = flows.get(i).draftPolicyDecision();
            if (pce == null) {
                continue;
            }
            compared++;
            Decision p = ofPce(pce);
            pairs.merge(p.word() + " / " + local[i].word(), 1, Integer::sum);
            if (p == local[i]) {
                agree++;
            } else {
                if (n == dis.length) {
                    dis = Arrays.copyOf(dis, n * 2);
                }
                dis[n++] = i;
            }
        }
        return new Comparison(compared, agree, compared - agree, Arrays.copyOf(dis, n), pairs);
    }
}
