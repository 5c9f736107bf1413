package dev.pceworkbench.policy.traffic;

import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.TrafficFlow;
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
import java.util.Objects;

/**
 * Group-by summaries over downloaded flows: rows keyed by any list of {@link Dimension}s (source or
 * destination label dimensions, together or one by one, workload, IP lists, address, port and
 * protocol, process, reported or draft decision), each with its flows (their indices, so a view can
 * filter its table to them), connections, decision counts and first/last seen. The app group
 * summary ({@link #appGroupDimensions}) reads "app | env → app | env on port". Names come from
 * {@code policy/names}. Pure and fast: each dimension's value is worked out once per workload (or
 * address) and interned, so 200,000 flows group in well under a second.
 */
public final class FlowSummary {
    /** What a dimension groups by. */
    public enum Kind {
        /** The endpoint's labels of the dimension's keys (app, env...); an address by its IP lists, else itself. */
        LABELS,
        /** The endpoint's workload, else its address. */
        WORKLOAD,
        /** The IP lists the endpoint's address is in (as the PCE reports them), else its address. */
        IP_LIST,
        /** The address seen. */
        ADDRESS,
        /** Port and protocol. */
        SERVICE,
        /** The process (and Windows service) that served the flow. */
        PROCESS,
        /** The reported {@code policy_decision}. */
        DECISION,
        /** The draft decision: the engine's when given to {@link #groupBy}, else the PCE's {@code draft_policy_decision}. */
        DRAFT_DECISION
    }

    /** Which end of the flow a dimension looks at ({@link #NONE} for service, process and decisions). */
    public enum End {
        SOURCE, DESTINATION, NONE
    }

    /** One grouping dimension; {@code labelKeys} only for {@link Kind#LABELS}. */
    public record Dimension(Kind kind, End end, List<String> labelKeys) {
        public Dimension {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(end, "end");
            labelKeys = labelKeys == null ? List.of() : List.copyOf(labelKeys);
            boolean endpoint = kind == Kind.LABELS || kind == Kind.WORKLOAD || kind == Kind.IP_LIST || kind == Kind.ADDRESS;
            if (endpoint == (end == End.NONE)) {
                throw new IllegalArgumentException(kind + (endpoint ? " needs a source or destination end" : " has no end"));
            }
            if (kind == Kind.LABELS && labelKeys.isEmpty()) {
                throw new IllegalArgumentException("a label dimension needs at least one label key");
            }
        }

        public static Dimension sourceLabels(String... keys) {
            return new Dimension(Kind.LABELS, End.SOURCE, List.of(keys));
        }

        public static Dimension destinationLabels(String... keys) {
            return new Dimension(Kind.LABELS, End.DESTINATION, List.of(keys));
        }

        public static Dimension workload(End end) {
            return new Dimension(Kind.WORKLOAD, end, null);
        }

        public static Dimension ipList(End end) {
            return new Dimension(Kind.IP_LIST, end, null);
        }

        public static Dimension address(End end) {
            return new Dimension(Kind.ADDRESS, end, null);
        }

        public static Dimension service() {
            return new Dimension(Kind.SERVICE, End.NONE, null);
        }

        public static Dimension process() {
            return new Dimension(Kind.PROCESS, End.NONE, null);
        }

        public static Dimension decision() {
            return new Dimension(Kind.DECISION, End.NONE, null);
        }

        public static Dimension draftDecision() {
            return new Dimension(Kind.DRAFT_DECISION, End.NONE, null);
        }

        /** A column title: "Source app | env", "Destination workload", "Port", "Decision"... */
        public String title() {
            String side = end == End.SOURCE ? "Source " : end == End.DESTINATION ? "Destination " : "";
            return switch (kind) {
                case LABELS -> side + String.join(" | ", labelKeys);
                case WORKLOAD -> side + "workload";
                case IP_LIST -> side + "IP lists";
                case ADDRESS -> side + "address";
                case SERVICE -> "Port";
                case PROCESS -> "Process";
                case DECISION -> "Decision";
                case DRAFT_DECISION -> "Draft decision";
            };
        }
    }

    /** One dimension's value in a row: its text, and the names (chips) it stands for (empty for decisions, processes). */
    public record Value(String text, List<Name> names) {
        public Value {
            names = List.copyOf(names);
        }
    }

    /**
     * One group: a value per dimension, the flows' indices into the list grouped, how many
     * connections, the decision counts (indexed by {@link Decision#ordinal()}; reported, and draft
     * when known) and when the flows were first and last seen (ISO text, as the PCE writes it).
     */
    public record Row(List<Value> values, int[] flows, long connections, int[] decisions, int[] draftDecisions,
                      String firstSeen, String lastSeen) {
        public Row {
            values = List.copyOf(values);
        }

        public int flowCount() {
            return flows.length;
        }

        public int decisions(Decision d) {
            return decisions[d.ordinal()];
        }

        public int draftDecisions(Decision d) {
            return draftDecisions[d.ordinal()];
        }

        /** The row's key as one line: values joined with " → " between ends, e.g. "app: A | env: P → app: B | env: P → 5432 TCP". */
        public String text() {
            StringBuilder b = new StringBuilder();
            for (Value v : values) {
                b.append(b.isEmpty() ? "" : " → ").append(v.text());
            }
            return b.toString();
        }
    }

    private FlowSummary() {
    }

    /** The app group summary: source labels of {@code keys} → destination labels of {@code keys} → port (default keys app, env). */
    public static List<Dimension> appGroupDimensions(String... keys) {
        String[] k = keys.length == 0 ? new String[]{"app", "env"} : keys;
        return List.of(Dimension.sourceLabels(k), Dimension.destinationLabels(k), Dimension.service());
    }

    /**
     * Groups {@code flows} by {@code dimensions}. Rows come most connections first (then most flows,
     * then by text).
     *
     * @param draft the engine's draft decision per flow ({@link FlowDecisions#decide}), or null to
     *              read the flows' {@code draft_policy_decision}
     * @param lookup names labels, workloads and IP lists; {@link NameLookup#NONE} names them from the flows
     */
    public static List<Row> groupBy(List<TrafficFlow> flows, List<Dimension> dimensions, Decision[] draft,
                                    NameLookup lookup) {
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("group by at least one dimension");
        }
        if (draft != null && draft.length != flows.size()) {
            throw new IllegalArgumentException("one draft decision per flow: " + draft.length + " for " + flows.size());
        }
        int d = dimensions.size();
        List<Map<Object, Integer>> caches = new ArrayList<>(d);
        List<List<Value>> interned = new ArrayList<>(d);
        List<Map<Value, Integer>> ids = new ArrayList<>(d);
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
                Dimension dim = dimensions.get(i);
                Object source = sourceOf(dim, flow, draft == null ? null : draft[f]);
                Map<Object, Integer> cache = caches.get(i);
                Integer id = cache.get(source);
                if (id == null) {
                    Value v = value(dim, flow, lookup, source);
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
        Row[] rows = new Row[order.size()];
        String[] texts = new String[rows.length];
        Integer[] sorted = new Integer[rows.length];
        for (int r = 0; r < rows.length; r++) {
            Acc a = order.get(r);
            List<Value> values = new ArrayList<>(d);
            for (int i = 0; i < d; i++) {
                values.add(interned.get(i).get(a.key[i]));
            }
            rows[r] = new Row(values, Arrays.copyOf(a.flows, a.n), a.connections, a.decisions, a.draft, a.first, a.last);
            texts[r] = rows[r].text();
            sorted[r] = r;
        }
        Arrays.sort(sorted, Comparator.<Integer>comparingLong(r -> -rows[r].connections())
                .thenComparingInt(r -> -rows[r].flowCount()).thenComparing(r -> texts[r]));
        List<Row> out = new ArrayList<>(rows.length);
        for (Integer r : sorted) {
            out.add(rows[r]);
        }
        return out;
    }

    /**
     * What a dimension's value depends on for one flow (the cache key): the endpoint's workload href
     * or address, the service, the process or the decision.
     */
    private static Object sourceOf(Dimension dim, TrafficFlow f, Decision draft) {
        TrafficFlow.Endpoint e = dim.end() == End.SOURCE ? f.src() : dim.end() == End.DESTINATION ? f.dst() : null;
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
    private static Value value(Dimension dim, TrafficFlow f, NameLookup lookup, Object source) {
        TrafficFlow.Endpoint e = dim.end() == End.SOURCE ? f.src() : dim.end() == End.DESTINATION ? f.dst() : null;
        switch (dim.kind()) {
            case LABELS -> {
                if (e == null) {
                    return new Value("", List.of());
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
                return new Value(String.join(" | ", texts), names);
            }
            case WORKLOAD -> {
                if (e == null) {
                    return new Value("", List.of());
                }
                if (e.workload() == null || e.workload().href() == null) {
                    return addressValue(e, lookup);
                }
                TrafficFlow.FlowWorkload w = e.workload();
                String name = w.name() != null && !w.name().isBlank() ? w.name() : w.hostname();
                Name n = Names.workload(new Href(w.href(), name, null, null, null), lookup);
                return new Value(n.display(), List.of(n));
            }
            case IP_LIST -> {
                if (e == null) {
                    return new Value("", List.of());
                }
                return e.ipLists().isEmpty() ? address(e) : ipLists(e, lookup);
            }
            case ADDRESS -> {
                return e == null ? new Value("", List.of()) : address(e);
            }
            case SERVICE -> {
                TrafficFlow.FlowService s = f.service();
                String text = s == null ? "" : s.port() == null || s.port() < 0 ? Names.protocol(s.proto())
                        : Names.port(s.proto(), s.port(), null);
                return new Value(text, List.of(new Name(ObjectKind.PORT, null, text.isEmpty() ? "?" : text, null)));
            }
            case PROCESS -> {
                TrafficFlow.FlowService s = f.service();
                String p = s == null || s.processName() == null ? "" : s.processName();
                if (s != null && s.windowsServiceName() != null) {
                    p = p.isEmpty() ? s.windowsServiceName() : p + " (" + s.windowsServiceName() + ")";
                }
                return new Value(p.isEmpty() ? "unknown process" : p, List.of());
            }
            case DECISION, DRAFT_DECISION -> {
                return new Value(((Decision) source).text(), List.of());
            }
            default -> throw new IllegalStateException(dim.kind().toString());
        }
    }

    private static Value addressValue(TrafficFlow.Endpoint e, NameLookup lookup) {
        return e.ipLists().isEmpty() ? address(e) : ipLists(e, lookup);
    }

    private static Value address(TrafficFlow.Endpoint e) {
        Name n = Names.ipAddress(e.ip() == null ? "?" : e.ip());
        return new Value(n.display(), List.of(n));
    }

    private static Value ipLists(TrafficFlow.Endpoint e, NameLookup lookup) {
        List<Name> names = new ArrayList<>();
        for (Href h : e.ipLists()) {
            names.add(Names.ipList(h, lookup));
        }
        return new Value(Names.list(names), names);
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
}
