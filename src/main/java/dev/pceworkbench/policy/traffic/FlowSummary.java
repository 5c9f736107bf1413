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
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Group-by summaries over downloaded flows: rows keyed by any list of {@link Dimension}s (source or
 * destination label dimensions, together or one by one, workload, IP lists, address, port and
 * protocol, process, reported or draft decision), each with its flows (their indices, so a view can
 * filter its table to them), connections, decision counts and first/last seen. The app group
 * summary ({@link #appGroupDimensions}) reads "app | env → app | env on port". Names come from
 * {@code policy/names}. Pure and fast: each end's distinct endpoints are numbered once (by the
 * object itself when the download shares equal parts), each dimension's value is worked out once
 * per distinct endpoint (service, process, decision) and interned, flows are grouped on the value
 * ids packed in a long, with primitive accumulators; only groups that tie are named for sorting.
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
        int n = flows.size();
        int d = dimensions.size();
        // Each end's distinct endpoints (workload, address and IP lists), numbered in flow order.
        boolean src = false;
        boolean dst = false;
        for (Dimension dim : dimensions) {
            src |= dim.end() == End.SOURCE;
            dst |= dim.end() == End.DESTINATION;
        }
        boolean parallel = n >= PARALLEL;
        Endpoints[] ends = new Endpoints[2];
        boolean[] needed = {src, dst};
        forEach(2, parallel, e -> ends[e] = needed[e] ? new Endpoints(flows, e == 0) : null);
        Endpoints srcEnds = ends[0];
        Endpoints dstEnds = ends[1];
        // Per dimension, each flow's value id: worked out once per distinct endpoint (or service,
        // process, decision), through the same cache of values as one flow at a time would.
        int[][] valueOf = new int[d][];
        List<List<Value>> interned = new ArrayList<>(d);
        Values[] perDimension = new Values[d];
        forEach(d, parallel, i -> {
            Dimension dim = dimensions.get(i);
            Values values = new Values(dim, lookup);
            valueOf[i] = switch (dim.kind()) {
                case LABELS, WORKLOAD, IP_LIST, ADDRESS -> values.ofEndpoints(dim.end() == End.SOURCE ? srcEnds : dstEnds, flows);
                case SERVICE -> values.ofServices(flows);
                case PROCESS -> values.ofProcesses(flows);
                case DECISION, DRAFT_DECISION -> values.ofDecisions(flows, draft);
            };
            perDimension[i] = values;
        });
        for (Values v : perDimension) {
            interned.add(v.interned);
        }
        // The groups: the value ids packed in a long when they fit, numbered in flow order.
        int[] groupOf = new int[n];
        int groups = groupIds(valueOf, interned, n, groupOf);
        int[] firstFlow = new int[groups];
        for (int f = n - 1; f >= 0; f--) {
            firstFlow[groupOf[f]] = f;
        }
        // Connections, decisions, first and last seen: in slices of the flows (on every core), added up.
        int slices = parallel ? Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), n / (PARALLEL / 2))) : 1;
        Totals[] parts = new Totals[slices];
        forEach(slices, parallel, p -> parts[p] = new Totals(groups).add(flows, draft, groupOf,
                (int) ((long) n * p / slices), (int) ((long) n * (p + 1) / slices)));
        Totals totals = parts[0];
        for (int p = 1; p < slices; p++) {
            totals.merge(parts[p]);
        }
        int[] count = totals.count;
        long[] connections = totals.connections;
        int[] decisions = totals.decisions;
        int[] drafts = totals.drafts;
        String[] first = totals.first;
        String[] last = totals.last;
        int[][] members = new int[groups][];
        for (int g = 0; g < groups; g++) {
            members[g] = new int[count[g]];
        }
        int[] filled = new int[groups];
        for (int f = 0; f < n; f++) {
            int g = groupOf[f];
            members[g][filled[g]++] = f;
        }
        Row[] rows = new Row[groups];
        Integer[] sorted = new Integer[groups];
        for (int r = 0; r < groups; r++) {
            int key = firstFlow[r];
            List<Value> values = new ArrayList<>(d);
            for (int i = 0; i < d; i++) {
                values.add(interned.get(i).get(valueOf[i][key]));
            }
            rows[r] = new Row(values, members[r], connections[r], Arrays.copyOfRange(decisions, r * DECISIONS,
                    (r + 1) * DECISIONS), Arrays.copyOfRange(drafts, r * DECISIONS, (r + 1) * DECISIONS), first[r], last[r]);
            sorted[r] = r;
        }
        // Texts only for the rows that tie on connections and flows.
        String[] texts = new String[groups];
        Arrays.sort(sorted, (x, y) -> {
            int c = Long.compare(rows[y].connections(), rows[x].connections());
            if (c == 0) {
                c = Integer.compare(rows[y].flowCount(), rows[x].flowCount());
            }
            if (c == 0) {
                c = text(rows, texts, x).compareTo(text(rows, texts, y));
            }
            return c;
        });
        List<Row> out = new ArrayList<>(groups);
        for (Integer r : sorted) {
            out.add(rows[r]);
        }
        return out;
    }

    private static final int DECISIONS = Decision.values().length;

    /** From this many flows on, the ends, the dimensions and the totals are worked out on every core. */
    private static final int PARALLEL = 20_000;

    private static void forEach(int tasks, boolean parallel, IntConsumer task) {
        if (parallel && tasks > 1) {
            IntStream.range(0, tasks).parallel().forEach(task);
        } else {
            for (int t = 0; t < tasks; t++) {
                task.accept(t);
            }
        }
    }

    /** Per group: flows, connections, decision counts (reported and draft), first and last seen. */
    private static final class Totals {
        final int[] count;
        final long[] connections;
        final int[] decisions;
        final int[] drafts;
        final String[] first;
        final String[] last;

        Totals(int groups) {
            count = new int[groups];
            connections = new long[groups];
            decisions = new int[groups * DECISIONS];
            drafts = new int[groups * DECISIONS];
            first = new String[groups];
            last = new String[groups];
        }

        Totals add(List<TrafficFlow> flows, Decision[] draft, int[] groupOf, int from, int to) {
            for (int f = from; f < to; f++) {
                TrafficFlow flow = flows.get(f);
                int g = groupOf[f];
                count[g]++;
                Integer c = flow.numConnections();
                connections[g] += c == null ? 1 : Math.max(1, c);
                decisions[g * DECISIONS + FlowDecisions.ofPce(flow.policyDecision()).ordinal()]++;
                if (draft != null) {
                    drafts[g * DECISIONS + draft[f].ordinal()]++;
                } else if (flow.draftPolicyDecision() != null) {
                    drafts[g * DECISIONS + FlowDecisions.ofPce(flow.draftPolicyDecision()).ordinal()]++;
                }
                TrafficFlow.TimestampRange t = flow.timestampRange();
                if (t != null) {
                    seen(g, t.firstDetected(), t.lastDetected());
                }
            }
            return this;
        }

        /** ISO instants in UTC compare as text. */
        private void seen(int g, String fd, String ld) {
            if (fd != null && (first[g] == null || fd.compareTo(first[g]) < 0)) {
                first[g] = fd;
            }
            if (ld != null && (last[g] == null || ld.compareTo(last[g]) > 0)) {
                last[g] = ld;
            }
        }

        void merge(Totals o) {
            for (int g = 0; g < count.length; g++) {
                count[g] += o.count[g];
                connections[g] += o.connections[g];
                seen(g, o.first[g], o.last[g]);
            }
            for (int i = 0; i < decisions.length; i++) {
                decisions[i] += o.decisions[i];
                drafts[i] += o.drafts[i];
            }
        }
    }

    private static String text(Row[] rows, String[] texts, int r) {
        String t = texts[r];
        if (t == null) {
            t = rows[r].text();
            texts[r] = t;
        }
        return t;
    }

    /** Numbers the distinct combinations of value ids in flow order into {@code groupOf}; returns how many. */
    private static int groupIds(int[][] valueOf, List<List<Value>> interned, int n, int[] groupOf) {
        int d = valueOf.length;
        int[] bits = new int[d];
        int total = 0;
        for (int i = 0; i < d; i++) {
            bits[i] = 64 - Long.numberOfLeadingZeros(Math.max(1, interned.get(i).size() - 1));
            total += bits[i];
        }
        if (total <= 62) {
            LongIntMap ids = new LongIntMap(Math.min(n, 1 << 16));
            for (int f = 0; f < n; f++) {
                long k = 0;
                for (int i = 0; i < d; i++) {
                    k = (k << bits[i]) | valueOf[i][f];
                }
                groupOf[f] = ids.intern(k);
            }
            return ids.size();
        }
        Map<Key, Integer> ids = new HashMap<>();
        for (int f = 0; f < n; f++) {
            int[] k = new int[d];
            for (int i = 0; i < d; i++) {
                k[i] = valueOf[i][f];
            }
            Integer id = ids.putIfAbsent(new Key(k), ids.size());
            groupOf[f] = id == null ? ids.size() - 1 : id;
        }
        return ids.size();
    }

    /**
     * One end's distinct endpoints, numbered in flow order: a flow's endpoint is known by its
     * workload href, address and IP lists (hrefs), which is all any dimension's value reads of it
     * (besides names, taken from the first flow with it, as before).
     */
    private static final class Endpoints {
        final int[] idOf;
        final List<TrafficFlow.Endpoint> first = new ArrayList<>();

        Endpoints(List<TrafficFlow> flows, boolean source) {
            idOf = new int[flows.size()];
            Map<EndpointKey, Integer> ids = new HashMap<>();
            // Downloads share equal endpoints (one object for all flows of it): then the object
            // itself is the key, without reading its strings.
            SharedParts<TrafficFlow.Endpoint> same = new SharedParts<>();
            for (int f = 0; f < idOf.length; f++) {
                TrafficFlow flow = flows.get(f);
                TrafficFlow.Endpoint e = source ? flow.src() : flow.dst();
                int id = same.get(e);
                if (id < 0) {
                    Integer known = ids.putIfAbsent(new EndpointKey(e), first.size());
                    if (known == null) {
                        id = first.size();
                        first.add(e);
                    } else {
                        id = known;
                    }
                    same.put(e, id);
                }
                idOf[f] = id;
            }
        }
    }

    /** An endpoint by its workload href, address and IP list hrefs (null stands for no endpoint). */
    private static final class EndpointKey {
        final TrafficFlow.Endpoint e;
        final int hash;

        EndpointKey(TrafficFlow.Endpoint e) {
            this.e = e;
            int h = 0;
            if (e != null) {
                h = Objects.hashCode(href(e)) * 31 + Objects.hashCode(e.ip());
                if (e.ipLists() != null) {
                    for (Href l : e.ipLists()) {
                        h = h * 31 + Objects.hashCode(l.href());
                    }
                }
            }
            this.hash = h;
        }

        private static String href(TrafficFlow.Endpoint e) {
            return e.workload() == null ? null : e.workload().href();
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof EndpointKey k) || k.hash != hash) {
                return false;
            }
            if (e == null || k.e == null) {
                return e == k.e;
            }
            if ((e.workload() == null) != (k.e.workload() == null) || !Objects.equals(href(e), href(k.e))
                    || !Objects.equals(e.ip(), k.e.ip())) {
                return false;
            }
            List<Href> a = e.ipLists();
            List<Href> b = k.e.ipLists();
            if (a == null || b == null || a.size() != b.size()) {
                return a == b;
            }
            for (int i = 0; i < e.ipLists().size(); i++) {
                if (!Objects.equals(a.get(i).href(), b.get(i).href())) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * One dimension's values: the cache from what a value depends on ({@link #sourceOf}) to its id,
     * filled by the first flow of each, and the distinct values, interned.
     */
    private static final class Values {
        final Dimension dim;
        final NameLookup lookup;
        final Map<Object, Integer> cache = new HashMap<>();
        final Map<Value, Integer> ids = new HashMap<>();
        final List<Value> interned = new ArrayList<>();
        final Map<List<Href>, Integer> byLabels = new HashMap<>();

        Values(Dimension dim, NameLookup lookup) {
            this.dim = dim;
            this.lookup = lookup;
        }

        /** The value id for flow {@code f} (whose value depends on {@code source}), as one flow at a time would find it. */
        int of(TrafficFlow f, Object source) {
            Integer id = cache.get(source);
            if (id == null) {
                Value v = value(dim, f, lookup, source);
                id = ids.get(v);
                if (id == null) {
                    id = interned.size();
                    interned.add(v);
                    ids.put(v, id);
                }
                cache.put(source, id);
            }
            return id;
        }

        /**
         * {@link #of} for a label dimension: workloads of the same labels (of the dimension's keys)
         * share one value, worked out once.
         */
        int ofLabels(TrafficFlow f, TrafficFlow.Endpoint e) {
            Object source = sourceOf(dim, f, null);
            Integer id = cache.get(source);
            if (id != null) {
                return id;
            }
            if (e == null || e.workload() == null) {
                return of(f, source);
            }
            List<Href> labels = new ArrayList<>(dim.labelKeys().size());
            for (String key : dim.labelKeys()) {
                labels.add(label(e.workload(), key, lookup));
            }
            id = byLabels.get(labels);
            if (id == null) {
                id = of(f, source);
                byLabels.put(labels, id);
            } else {
                cache.put(source, id);
            }
            return id;
        }

        /** Per flow, through its endpoint: each distinct endpoint looked at once, at its first flow. */
        int[] ofEndpoints(Endpoints ends, List<TrafficFlow> flows) {
            int[] byEnd = new int[ends.first.size()];
            int[] firstFlow = new int[byEnd.length];
            Arrays.fill(firstFlow, -1);
            for (int f = 0; f < ends.idOf.length; f++) {
                if (firstFlow[ends.idOf[f]] < 0) {
                    firstFlow[ends.idOf[f]] = f;
                }
            }
            for (int e = 0; e < byEnd.length; e++) {
                TrafficFlow f = flows.get(firstFlow[e]);
                byEnd[e] = dim.kind() == Kind.LABELS ? ofLabels(f, ends.first.get(e)) : of(f, sourceOf(dim, f, null));
            }
            int[] out = new int[ends.idOf.length];
            for (int f = 0; f < out.length; f++) {
                out[f] = byEnd[ends.idOf[f]];
            }
            return out;
        }

        /** Per flow, through its port and protocol. */
        int[] ofServices(List<TrafficFlow> flows) {
            LongIntMap seen = new LongIntMap(256);
            Map<List<Integer>, Long> odd = new HashMap<>();
            List<Integer> byKey = new ArrayList<>();
            return perService(flows, f -> {
                TrafficFlow.FlowService s = f.service();
                long k;
                if (s == null) {
                    k = 1L << 61;
                } else if (s.proto() != null && s.proto() >= 0 && s.proto() <= 0xFFFF) {
                    k = ((long) s.proto() << 33) | (s.port() == null ? 1L << 32 : s.port() & 0xFFFFFFFFL);
                } else {
                    k = odd.computeIfAbsent(java.util.Arrays.asList(s.proto(), s.port()), x -> (1L << 62) | odd.size());
                }
                int id = seen.intern(k);
                if (id == byKey.size()) { // ids are dense: a new key is the next one
                    byKey.add(of(f, sourceOf(dim, f, null)));
                }
                return byKey.get(id);
            });
        }

        /** Per flow, through its process and Windows service names. */
        int[] ofProcesses(List<TrafficFlow> flows) {
            Map<List<String>, Integer> seen = new HashMap<>();
            return perService(flows, f -> {
                TrafficFlow.FlowService s = f.service();
                List<String> k = s == null ? List.of() : Arrays.asList(s.processName(), s.windowsServiceName());
                Integer id = seen.get(k);
                if (id == null) {
                    id = of(f, sourceOf(dim, f, null));
                    seen.put(k, id);
                }
                return id;
            });
        }

        /**
         * Per flow, a value of its service: {@code valueOf} once per service object (downloads share
         * equal services: one object for all their flows), then by identity.
         */
        private int[] perService(List<TrafficFlow> flows, java.util.function.ToIntFunction<TrafficFlow> valueOf) {
            SharedParts<TrafficFlow.FlowService> same = new SharedParts<>();
            int[] out = new int[flows.size()];
            for (int i = 0; i < out.length; i++) {
                TrafficFlow f = flows.get(i);
                int shared = same.get(f.service());
                if (shared >= 0) {
                    out[i] = shared;
                    continue;
                }
                out[i] = valueOf.applyAsInt(f);
                same.put(f.service(), out[i]);
            }
            return out;
        }

        /** Per flow, through its decision (reported, or draft: the engine's when given). */
        int[] ofDecisions(List<TrafficFlow> flows, Decision[] draft) {
            int[] byDecision = new int[DECISIONS];
            Arrays.fill(byDecision, -1);
            int[] out = new int[flows.size()];
            for (int i = 0; i < out.length; i++) {
                TrafficFlow f = flows.get(i);
                Decision x = (Decision) sourceOf(dim, f, draft == null ? null : draft[i]);
                int id = byDecision[x.ordinal()];
                if (id < 0) {
                    id = of(f, x);
                    byDecision[x.ordinal()] = id;
                }
                out[i] = id;
            }
            return out;
        }
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
            case IP_LIST -> e == null ? "" : ipListKey(e) + "|" + (lists(e).isEmpty() ? e.ip() : "");
            case ADDRESS -> e == null || e.ip() == null ? "" : e.ip();
            case SERVICE -> FlowDecisions.service(f);
            case PROCESS -> f.service() == null ? "" : String.valueOf(f.service().processName()) + "\u0000"
                    + f.service().windowsServiceName();
            case DECISION -> FlowDecisions.ofPce(f.policyDecision());
            case DRAFT_DECISION -> draft != null ? draft : FlowDecisions.ofPce(f.draftPolicyDecision());
        };
    }

    /** The endpoint's IP lists; none when the PCE left them out (it does for workloads). */
    private static List<Href> lists(TrafficFlow.Endpoint e) {
        return e.ipLists() == null ? List.of() : e.ipLists();
    }

    private static String ipListKey(TrafficFlow.Endpoint e) {
        if (lists(e).isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (Href h : lists(e)) {
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
                    Href label = label(e.workload(), key, lookup);
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
                return lists(e).isEmpty() ? address(e) : ipLists(e, lookup);
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

    /** The workload's label of {@code key} (by the label's own key, else the lookup's), or null. */
    private static Href label(TrafficFlow.FlowWorkload w, String key, NameLookup lookup) {
        if (w.labels() == null) {
            return null;
        }
        for (Href h : w.labels()) {
            if (key.equals(h.key()) || (h.key() == null && lookup.label(h.href()) != null
                    && key.equals(lookup.label(h.href()).key()))) {
                return h;
            }
        }
        return null;
    }

    private static Value addressValue(TrafficFlow.Endpoint e, NameLookup lookup) {
        return lists(e).isEmpty() ? address(e) : ipLists(e, lookup);
    }

    private static Value address(TrafficFlow.Endpoint e) {
        Name n = Names.ipAddress(e.ip() == null ? "?" : e.ip());
        return new Value(n.display(), List.of(n));
    }

    private static Value ipLists(TrafficFlow.Endpoint e, NameLookup lookup) {
        List<Name> names = new ArrayList<>();
        for (Href h : lists(e)) {
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
}
