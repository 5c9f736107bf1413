package dev.pceworkbench.policy.traffic;

import dev.pceworkbench.pce.model.TrafficFlow;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.policy.Endpoint;
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
 * <p>Fast: each distinct (source, destination, port, protocol) is decided once, the distinct
 * connections in parallel chunks on the common pool; a source is matched as its workload when the
 * version knows it, else by the address seen.
 */
public final class FlowDecisions {
    private static final int CHUNK = 1024;

    private FlowDecisions() {
    }

    /** {@link #decide(List, PolicyCheck, BooleanSupplier)}, not cancellable. */
    public static Decision[] decide(List<TrafficFlow> flows, PolicyCheck check) {
        return decide(flows, check, () -> false);
    }

    /**
     * One decision per flow, in the flows' order, under {@code check}'s policy version.
     *
     * @throws CancellationException when {@code cancelled} says so (polled between chunks)
     */
    public static Decision[] decide(List<TrafficFlow> flows, PolicyCheck check, BooleanSupplier cancelled) {
        PolicyModel model = check.model();
        Map<Key, Integer> ids = new HashMap<>(flows.size() * 2);
        List<Key> keys = new ArrayList<>();
        int[] keyOf = new int[flows.size()];
        Map<String, Boolean> known = new HashMap<>();
        for (int i = 0; i < flows.size(); i++) {
            Key k = key(flows.get(i), model, known);
            Integer id = ids.putIfAbsent(k, keys.size());
            if (id == null) {
                id = keys.size();
                keys.add(k);
            }
            keyOf[i] = id;
        }
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("Decisions cancelled");
        }
        Decision[] distinct = new Decision[keys.size()];
        // Destination by destination: the rules that can allow traffic to one provider stay warm.
        Integer[] order = new Integer[keys.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> {
            String x = keys.get(a).dst();
            String y = keys.get(b).dst();
            return x == y ? 0 : x == null ? -1 : y == null ? 1 : x.compareTo(y);
        });
        int chunks = (keys.size() + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("Decisions cancelled");
            }
            int end = Math.min(keys.size(), (c + 1) * CHUNK);
            for (int k = c * CHUNK; k < end; k++) {
                int id = order[k];
                distinct[id] = decide(keys.get(id), check);
            }
        });
        Decision[] out = new Decision[flows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = distinct[keyOf[i]];
        }
        return out;
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
