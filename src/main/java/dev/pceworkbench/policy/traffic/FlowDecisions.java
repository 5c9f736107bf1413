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
 * common pool, the provider's candidate rules looked up once per (provider class, service); a source is matched as its workload when the version knows it, else by the
 * address seen. The answers are each flow's own ({@link #decide(TrafficFlow, PolicyCheck)}).
 */
public final class FlowDecisions {
    private static final int MASK = (1 << 21) - 1;
    private static final long PROVIDER_AND_SERVICE = (1L << 42) - 1;

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
        Map<String, Integer> srcWorkloads = new HashMap<>();
        Map<String, Integer> srcAddresses = new HashMap<>();
        Map<String, Integer> dstWorkloads = new HashMap<>();
        List<Workload> destinations = new ArrayList<>();
        List<Integer> providerOf = new ArrayList<>();
        Map<PortRange, Integer> serviceIds = new HashMap<>();
        List<PortRange> services = new ArrayList<>();
        LongIntMap triples = new LongIntMap(flows.size() / 4);
        int[] tripleOf = new int[flows.size()];
        int[] destinationOf = new int[flows.size()];
        SharedParts<TrafficFlow.FlowService> sameService = new SharedParts<>();
        SharedParts<TrafficFlow.Endpoint> sameDst = new SharedParts<>();
        SharedParts<TrafficFlow.Endpoint> sameSrc = new SharedParts<>();
        for (int i = 0; i < flows.size(); i++) {
            TrafficFlow f = flows.get(i);
            int s = sameService.get(f.service());
            if (s < 0) {
                PortRange service = service(f);
                Integer known = serviceIds.get(service);
                if (known == null) {
                    known = services.size();
                    serviceIds.put(service, known);
                    services.add(service);
                }
                s = known;
                sameService.put(f.service(), s);
            }
            int d = sameDst.get(f.dst()); // -1 also for a destination that is not a managed workload
            String dw = d >= 0 ? null : workload(f.dst());
            if (dw != null) {
                Integer known = dstWorkloads.get(dw);
                if (known == null) {
                    Workload w = model.workload(dw);
                    known = -1;
                    if (w != null && w.managed()) {
                        known = destinations.size();
                        destinations.add(w);
                        providerOf.add(classes.provider(Endpoint.workload(dw)));
                    }
                    dstWorkloads.put(dw, known);
                }
                d = known;
                sameDst.put(f.dst(), d);
            }
            int c = -1;
            if (d >= 0) {
                c = sameSrc.get(f.src());
                if (c < 0) {
                    c = consumerClass(f.src(), model, classes, srcWorkloads, srcAddresses);
                    sameSrc.put(f.src(), c);
                }
            }
            if (c < 0) {
                tripleOf[i] = -1;
                continue;
            }
            destinationOf[i] = d;
            if (c > MASK || s > MASK || providerOf.get(d) > MASK) {
                throw new IllegalStateException("More than " + MASK + " distinct sources, destinations or services");
            }
            tripleOf[i] = triples.intern(((long) c << 42) | ((long) providerOf.get(d) << 21) | s);
        }
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("Decisions cancelled");
        }
        // Each distinct (consumer class, provider class, service) once, by their representatives,
        // provider by provider (the rules that can allow traffic to one provider stay warm).
        int n = triples.size();
        long[] keys = triples.keys();
        Integer[] boxed = new Integer[n];
        for (int t = 0; t < n; t++) {
            boxed[t] = t;
        }
        Arrays.sort(boxed, (x, y) -> Long.compare(keys[x] & PROVIDER_AND_SERVICE, keys[y] & PROVIDER_AND_SERVICE));
        // Runs of one (provider class, service): its candidate rules looked up once for all their consumers.
        int[] runStart = new int[n + 1];
        int runs = 0;
        for (int k = 0; k < n; k++) {
            if (k == 0 || (keys[boxed[k]] & PROVIDER_AND_SERVICE) != (keys[boxed[k - 1]] & PROVIDER_AND_SERVICE)) {
                runStart[runs++] = k;
            }
        }
        runStart[runs] = n;
        PolicyCheck.Outcome[] outcomes = new PolicyCheck.Outcome[n];
        IntStream.range(0, runs).parallel().forEach(run -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("Decisions cancelled");
            }
            int from = runStart[run];
            int to = runStart[run + 1];
            long key = keys[boxed[from]];
            List<Endpoint> consumers = new ArrayList<>(to - from);
            for (int k = from; k < to; k++) {
                consumers.add(classes.consumerRepresentative((int) (keys[boxed[k]] >>> 42)));
            }
            PolicyCheck.Outcome[] o = check.decide(consumers, classes.providerRepresentative((int) (key >>> 21) & MASK),
                    services.get((int) key & MASK));
            for (int k = from; k < to; k++) {
                outcomes[boxed[k]] = o[k - from];
            }
        });
        Decision[] out = new Decision[flows.size()];
        for (int i = 0; i < out.length; i++) {
            int t = tripleOf[i];
            out[i] = t < 0 ? Decision.UNKNOWN : Decision.of(outcomes[t], destinations.get(destinationOf[i]));
        }
        return out;
    }

    /** The consumer class of a flow's source (its workload when the version knows it, else its address), or -1 when it has neither. */
    private static int consumerClass(TrafficFlow.Endpoint src, PolicyModel model, EndpointClasses classes,
                                     Map<String, Integer> workloads, Map<String, Integer> addresses) {
        String sw = workload(src);
        if (sw != null) {
            Integer c = workloads.get(sw);
            if (c == null) {
                c = model.workload(sw) == null ? -2 : classes.consumer(Endpoint.workload(sw));
                workloads.put(sw, c);
            }
            if (c != -2) {
                return c;
            }
        }
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
