package dev.pceworkbench.policy.traffic;

import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.TrafficFlow;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.policy.Endpoint;
import dev.pceworkbench.policy.IpAddress;
import dev.pceworkbench.policy.PolicyCheck;
import dev.pceworkbench.policy.PolicyModel;
import dev.pceworkbench.policy.PortRange;
import dev.pceworkbench.policy.impact.Decision;
import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.policy.names.NameLookup;
import dev.pceworkbench.policy.names.Names;
import dev.pceworkbench.policy.names.ObjectKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;

/**
 * The Traffic explorer's group-by and engine decisions as they were before the issue-16 speed
 * work (commit 2157e57), kept verbatim so the probes can time before and after in one process
 * and check that both give the same answers on 200,000 flows, and the tests compare the fast paths
 * with it on the demo data (it is the straightforward computation: one flow at a time). Not used by
 * the application.
 */
public final class TrafficBaseline {
    private static final int CHUNK = 1024;

    private TrafficBaseline() {
    }

    public static List<FlowSummary.Row> groupBy(List<TrafficFlow> flows, List<FlowSummary.Dimension> dimensions, Decision[] draft,
                                    NameLookup lookup) {
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("group by at least one dimension");
        }
        if (draft != null && draft.length != flows.size()) {
            throw new IllegalArgumentException("one draft decision per flow: " + draft.length + " for " + flows.size());
        }
        int d = dimensions.size();
        List<Map<Object, Integer>> caches = new ArrayList<>(d);
        List<List<FlowSummary.Value>> interned = new ArrayList<>(d);
        List<Map<FlowSummary.Value, Integer>> ids = new ArrayList<>(d);
        for (int i = 0; i < d; i++) {
            caches.add(new HashMap<>());
            interned.add(new ArrayList<>());
            ids.add(new HashMap<>());
        }
        Map<Key, Acc> groups = new HashMap<>();
        List<Acc> order = new ArrayList<>();
        for (int f = 0; f < flows.size(); f++) {
            TrafficFlow flow = flows.get(f);
            int[] k = new int[d];
            for (int i = 0; i < d; i++) {
                FlowSummary.Dimension dim = dimensions.get(i);
                Object source = sourceOf(dim, flow, draft == null ? null : draft[f]);
                Map<Object, Integer> cache = caches.get(i);
                Integer id = cache.get(source);
                if (id == null) {
                    FlowSummary.Value v = value(dim, flow, lookup, source);
                    id = ids.get(i).get(v);
                    if (id == null) {
                        id = interned.get(i).size();
                        interned.get(i).add(v);
                        ids.get(i).put(v, id);
                    }
                    cache.put(source, id);
                }
                k[i] = id;
            }
            Key key = new Key(k);
            Acc acc = groups.get(key);
            if (acc == null) {
                acc = new Acc(k);
                groups.put(key, acc);
                order.add(acc);
            }
            acc.add(f, flow, draft == null ? FlowDecisions.ofPce(flow.draftPolicyDecision()) : draft[f],
                    draft != null || flow.draftPolicyDecision() != null);
        }
        FlowSummary.Row[] rows = new FlowSummary.Row[order.size()];
        String[] texts = new String[rows.length];
        Integer[] sorted = new Integer[rows.length];
        for (int r = 0; r < rows.length; r++) {
            Acc a = order.get(r);
            List<FlowSummary.Value> values = new ArrayList<>(d);
            for (int i = 0; i < d; i++) {
                values.add(interned.get(i).get(a.key[i]));
            }
            rows[r] = new FlowSummary.Row(values, Arrays.copyOf(a.flows, a.n), a.connections, a.decisions, a.draft, a.first, a.last);
            texts[r] = rows[r].text();
            sorted[r] = r;
        }
        Arrays.sort(sorted, Comparator.<Integer>comparingLong(r -> -rows[r].connections())
                .thenComparingInt(r -> -rows[r].flowCount()).thenComparing(r -> texts[r]));
        List<FlowSummary.Row> out = new ArrayList<>(rows.length);
        for (Integer r : sorted) {
            out.add(rows[r]);
        }
        return out;
    }

    /**
     * What a dimension's value depends on for one flow (the cache key): the endpoint's workload href
     * or address, the service, the process or the decision.
     */
    private static Object sourceOf(FlowSummary.Dimension dim, TrafficFlow f, Decision draft) {
        TrafficFlow.Endpoint e = dim.end() == FlowSummary.End.SOURCE ? f.src() : dim.end() == FlowSummary.End.DESTINATION ? f.dst() : null;
        return switch (dim.kind()) {
            case LABELS, WORKLOAD -> e == null ? "" : e.workload() != null && e.workload().href() != null
                    ? e.workload().href() : "ip:" + ipListKey(e) + e.ip();
            case IP_LIST -> e == null ? "" : ipListKey(e) + "|" + (e.ipLists().isEmpty() ? e.ip() : "");
            case ADDRESS -> e == null || e.ip() == null ? "" : e.ip();
            case SERVICE -> FlowDecisions.service(f);
            case PROCESS -> f.service() == null ? "" : String.valueOf(f.service().processName()) + "\u0000"
                    + f.service().windowsServiceName();
            case DECISION -> FlowDecisions.ofPce(f.policyDecision());
            case DRAFT_DECISION -> draft != null ? draft : FlowDecisions.ofPce(f.draftPolicyDecision());
        };
    }

    private static String ipListKey(TrafficFlow.Endpoint e) {
        if (e.ipLists().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (Href h : e.ipLists()) {
            b.append(h.href()).append(',');
        }
        return b.toString();
    }

    /** The value of {@code dim} for {@code f} (called once per distinct {@link #sourceOf}). */
    private static FlowSummary.Value value(FlowSummary.Dimension dim, TrafficFlow f, NameLookup lookup, Object source) {
        TrafficFlow.Endpoint e = dim.end() == FlowSummary.End.SOURCE ? f.src() : dim.end() == FlowSummary.End.DESTINATION ? f.dst() : null;
        switch (dim.kind()) {
            case LABELS -> {
                if (e == null) {
                    return new FlowSummary.Value("", List.of());
                }
                if (e.workload() == null) {
                    return addressValue(e, lookup);
                }
                List<Name> names = new ArrayList<>();
                List<String> texts = new ArrayList<>();
                for (String key : dim.labelKeys()) {
                    Href label = null;
                    for (Href h : e.workload().labels()) {
                        if (key.equals(h.key()) || (h.key() == null && lookup.label(h.href()) != null
                                && key.equals(lookup.label(h.href()).key()))) {
                            label = h;
                            break;
                        }
                    }
                    if (label == null) {
                        texts.add("no " + key);
                    } else {
                        Name n = Names.label(label, lookup);
                        names.add(n);
                        texts.add(n.display());
                    }
                }
                return new FlowSummary.Value(String.join(" | ", texts), names);
            }
            case WORKLOAD -> {
                if (e == null) {
                    return new FlowSummary.Value("", List.of());
                }
                if (e.workload() == null || e.workload().href() == null) {
                    return addressValue(e, lookup);
                }
                TrafficFlow.FlowWorkload w = e.workload();
                String name = w.name() != null && !w.name().isBlank() ? w.name() : w.hostname();
                Name n = Names.workload(new Href(w.href(), name, null, null, null), lookup);
                return new FlowSummary.Value(n.display(), List.of(n));
            }
            case IP_LIST -> {
                if (e == null) {
                    return new FlowSummary.Value("", List.of());
                }
                return e.ipLists().isEmpty() ? address(e) : ipLists(e, lookup);
            }
            case ADDRESS -> {
                return e == null ? new FlowSummary.Value("", List.of()) : address(e);
            }
            case SERVICE -> {
                TrafficFlow.FlowService s = f.service();
                String text = s == null ? "" : s.port() == null || s.port() < 0 ? Names.protocol(s.proto())
                        : Names.port(s.proto(), s.port(), null);
                return new FlowSummary.Value(text, List.of(new Name(ObjectKind.PORT, null, text.isEmpty() ? "?" : text, null)));
            }
            case PROCESS -> {
                TrafficFlow.FlowService s = f.service();
                String p = s == null || s.processName() == null ? "" : s.processName();
                if (s != null && s.windowsServiceName() != null) {
                    p = p.isEmpty() ? s.windowsServiceName() : p + " (" + s.windowsServiceName() + ")";
                }
                return new FlowSummary.Value(p.isEmpty() ? "unknown process" : p, List.of());
            }
            case DECISION, DRAFT_DECISION -> {
                return new FlowSummary.Value(((Decision) source).text(), List.of());
            }
            default -> throw new IllegalStateException(dim.kind().toString());
        }
    }

    private static FlowSummary.Value addressValue(TrafficFlow.Endpoint e, NameLookup lookup) {
        return e.ipLists().isEmpty() ? address(e) : ipLists(e, lookup);
    }

    private static FlowSummary.Value address(TrafficFlow.Endpoint e) {
        Name n = Names.ipAddress(e.ip() == null ? "?" : e.ip());
        return new FlowSummary.Value(n.display(), List.of(n));
    }

    private static FlowSummary.Value ipLists(TrafficFlow.Endpoint e, NameLookup lookup) {
        List<Name> names = new ArrayList<>();
        for (Href h : e.ipLists()) {
            names.add(Names.ipList(h, lookup));
        }
        return new FlowSummary.Value(Names.list(names), names);
    }

    private record Key(int[] k) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Arrays.equals(k, other.k);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(k);
        }
    }

    private static final class Acc {
        final int[] key;
        int[] flows = new int[4];
        int n;
        long connections;
        final int[] decisions = new int[Decision.values().length];
        final int[] draft = new int[Decision.values().length];
        String first;
        String last;

        Acc(int[] key) {
            this.key = key;
        }

        void add(int index, TrafficFlow f, Decision draftDecision, boolean draftKnown) {
            if (n == flows.length) {
                flows = Arrays.copyOf(flows, n * 2);
            }
            flows[n++] = index;
            connections += f.numConnections() == null ? 1 : Math.max(1, f.numConnections());
            decisions[FlowDecisions.ofPce(f.policyDecision()).ordinal()]++;
            if (draftKnown) {
                draft[draftDecision.ordinal()]++;
            }
            TrafficFlow.TimestampRange t = f.timestampRange();
            if (t != null) {
                // ISO instants in UTC compare as text.
                if (t.firstDetected() != null && (first == null || t.firstDetected().compareTo(first) < 0)) {
                    first = t.firstDetected();
                }
                if (t.lastDetected() != null && (last == null || t.lastDetected().compareTo(last) > 0)) {
                    last = t.lastDetected();
                }
            }
        }
    }

    // ---- decisions ----

    public static Decision[] decide(List<TrafficFlow> flows, PolicyCheck check) {
        PolicyModel model = check.model();
        Map<DKey, Integer> ids = new HashMap<>(flows.size() * 2);
        List<DKey> keys = new ArrayList<>();
        int[] keyOf = new int[flows.size()];
        Map<String, Boolean> known = new HashMap<>();
        for (int i = 0; i < flows.size(); i++) {
            DKey k = key(flows.get(i), model, known);
            Integer id = ids.putIfAbsent(k, keys.size());
            if (id == null) {
                id = keys.size();
                keys.add(k);
            }
            keyOf[i] = id;
        }
        if (false) {
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
            if (false) {
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

    private static Decision decide(DKey k, PolicyCheck check) {
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
    private record DKey(String src, boolean srcWorkload, String dst, PortRange service) {
    }

    private static DKey key(TrafficFlow f, PolicyModel model, Map<String, Boolean> known) {
        String sw = wl(f.src());
        boolean srcKnown = sw != null && known(sw, model, known);
        String dw = wl(f.dst());
        boolean dstKnown = dw != null && known(dw, model, known);
        return new DKey(srcKnown ? sw : f.src() == null ? null : f.src().ip(), srcKnown, dstKnown ? dw : null,
                FlowDecisions.service(f));
    }

    private static boolean known(String href, PolicyModel model, Map<String, Boolean> known) {
        Boolean k = known.get(href);
        if (k == null) {
            k = model.workload(href) != null;
            known.put(href, k);
        }
        return k;
    }

    private static String wl(TrafficFlow.Endpoint e) {
        return e == null || e.workload() == null ? null : e.workload().href();
    }
    // ---- for comparing ----

    /** The flows with equal endpoints, services and time ranges one object each (what h18p's TrafficApi.Shared does). */
    public static List<TrafficFlow> sharedParts(List<TrafficFlow> flows) {
        java.util.Map<Object, Object> parts = new java.util.HashMap<>();
        java.util.Map<String, TrafficFlow.FlowWorkload> workloads = new java.util.HashMap<>();
        List<TrafficFlow> out = new java.util.ArrayList<>(flows.size());
        for (TrafficFlow f : flows) {
            TrafficFlow.Endpoint[] ends = {f.src(), f.dst()};
            for (int i = 0; i < 2; i++) {
                TrafficFlow.Endpoint e = ends[i];
                if (e == null) {
                    continue;
                }
                TrafficFlow.FlowWorkload w = e.workload();
                if (w != null && w.href() != null) {
                    TrafficFlow.FlowWorkload first = workloads.putIfAbsent(w.href(), w);
                    if (first != null && first != w && first.equals(w)) {
                        e = new TrafficFlow.Endpoint(e.ip(), first, e.ipLists(), e.fqdn(), e.virtualService(), e.extra());
                    }
                }
                Object one = parts.putIfAbsent(e, e);
                ends[i] = one == null ? e : (TrafficFlow.Endpoint) one;
            }
            Object svc = f.service() == null ? null : parts.putIfAbsent(f.service(), f.service());
            Object range = f.timestampRange() == null ? null : parts.putIfAbsent(f.timestampRange(), f.timestampRange());
            out.add(new TrafficFlow(ends[0], ends[1], svc == null ? f.service() : (TrafficFlow.FlowService) svc,
                    f.numConnections(), f.policyDecision(), f.flowDirection(), f.state(), f.transmission(),
                    range == null ? f.timestampRange() : (TrafficFlow.TimestampRange) range, f.dstBi(), f.dstBo(),
                    f.icmpType(), f.icmpCode(), f.network(), f.draftPolicyDecision(), f.boundaryDecision(), f.rules(),
                    f.denyRules(), f.extra()));
        }
        return out;
    }

    /** Whether two summaries have the same rows in the same order (values, flows, counts, first and last seen). */
    public static boolean sameRows(List<FlowSummary.Row> x, List<FlowSummary.Row> y) {
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            FlowSummary.Row a = x.get(i);
            FlowSummary.Row b = y.get(i);
            if (!a.values().equals(b.values()) || !java.util.Arrays.equals(a.flows(), b.flows())
                    || a.connections() != b.connections() || !java.util.Arrays.equals(a.decisions(), b.decisions())
                    || !java.util.Arrays.equals(a.draftDecisions(), b.draftDecisions())
                    || !java.util.Objects.equals(a.firstSeen(), b.firstSeen())
                    || !java.util.Objects.equals(a.lastSeen(), b.lastSeen())) {
                return false;
            }
        }
        return true;
    }

}
