package dev.pceworkbench.demo.traffic;

import dev.pceworkbench.demo.policy.Endpoint;
import dev.pceworkbench.demo.policy.IpAddress;
import dev.pceworkbench.demo.policy.PolicyEvaluator;
import dev.pceworkbench.demo.policy.PolicyModel;
import dev.pceworkbench.demo.policy.PortRange;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Runs a {@link FlowQuery} over the {@link FlowStore}: filters by endpoints, services and time,
 * then computes each remaining flow's policy decision against the ACTIVE policy model and filters by
 * decision. Decisions are computed destination by destination: the rules that could allow traffic
 * to one destination are collected once ({@link PolicyEvaluator#provider}) and then checked for
 * each flow's consumer and service, so 200,000 flows take seconds, not hours.
 */
public final class FlowQueryRunner {
    static final String[] DECISIONS = {"allowed", "blocked", "potentially_blocked", "unknown"};
    private static final byte ALLOWED = 0;
    private static final byte BLOCKED = 1;
    private static final byte POTENTIALLY_BLOCKED = 2;
    private static final byte UNKNOWN = 3;

    /** The flows returned (indices into the store, in store order), their decisions, and the match count before max_results. */
    public record Result(int[] flows, byte[] decisions, int matches) {
        public int flowsCount() {
            return flows.length;
        }

        public String decision(int i) {
            return DECISIONS[decisions[i]];
        }
    }

    /**
     * The decisions of a query's flows against another policy version (the draft), computed after the
     * query by {@code update_rules}: per returned flow, its {@code draft_policy_decision} and the hrefs
     * of the rules that allow it (empty when none).
     */
    public record Draft(String[] decisions, String[][] rules) {
    }

    private final FlowStore s;
    private final FlowQuery q;
    private final PolicyModel model;
    private final int[] modelIndex;
    private final Map<String, Integer> storeIndex = new HashMap<>();

    private FlowQueryRunner(FlowStore s, FlowQuery q, PolicyModel model) {
        this.s = s;
        this.q = q;
        this.model = model;
        this.modelIndex = new int[s.workloadHrefs.length];
        for (int i = 0; i < modelIndex.length; i++) {
            modelIndex[i] = model.workload(s.workloadHrefs[i]);
            storeIndex.put(s.workloadHrefs[i], i);
        }
    }

    /** Runs the query; {@code cancelled} is polled so that a cancelled query stops early. */
    public static Result run(FlowStore store, FlowQuery query, PolicyModel activeModel, BooleanSupplier cancelled) {
        return new FlowQueryRunner(store, query, activeModel).run(cancelled);
    }

    /**
     * The draft decisions of {@code result}'s flows against {@code draftModel}, with the demo's
     * engine: {@code allowed} when a draft rule allows the flow, else {@code blocked_no_rule}
     * (destination fully enforced) or {@code potentially_blocked_no_rule}; {@code unknown} when the
     * destination is not a managed workload (as for the reported decision).
     */
    public static Draft draft(FlowStore store, Result result, PolicyModel draftModel, BooleanSupplier cancelled) {
        FlowQueryRunner runner = new FlowQueryRunner(store, null, draftModel);
        int[] flows = result.flows();
        String[] decisions = new String[flows.length];
        String[][] rules = new String[flows.length][];
        Integer[] order = new Integer[flows.length];
        for (int i = 0; i < flows.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(store.dst[flows[a]], store.dst[flows[b]]));
        PolicyEvaluator evaluator = new PolicyEvaluator(draftModel);
        int currentDst = Integer.MIN_VALUE;
        PolicyEvaluator.Provider provider = null;
        String mode = null;
        for (int k = 0; k < order.length; k++) {
            if ((k & 0xFFF) == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            int i = order[k];
            int f = flows[i];
            int dst = store.dst[f];
            int dstModel = dst >= 0 ? runner.modelIndex[dst] : -1;
            if (dstModel < 0 || !draftModel.managed(dstModel)) {
                decisions[i] = "unknown";
                rules[i] = new String[0];
                continue;
            }
            if (dst != currentDst) {
                currentDst = dst;
                provider = evaluator.provider(Endpoint.workload(dstModel));
                mode = draftModel.enforcementMode(dstModel);
            }
            int src = store.src[f];
            int srcModel = src >= 0 ? runner.modelIndex[src] : -1;
            Endpoint consumer = srcModel >= 0 ? Endpoint.workload(srcModel) : Endpoint.external(store.ip(src));
            List<PolicyModel.Rule> allowing = provider.allowing(consumer, store.proto(f), store.port(f), store.port(f));
            rules[i] = allowing.stream().map(PolicyModel.Rule::href).toArray(String[]::new);
            decisions[i] = !allowing.isEmpty() ? "allowed"
                    : "full".equals(mode) ? "blocked_no_rule" : "potentially_blocked_no_rule";
        }
        return new Draft(decisions, rules);
    }

    private Result run(BooleanSupplier cancelled) {
        int n = s.size();
        int[] candidates = new int[n];
        int count = 0;
        for (int f = 0; f < n; f++) {
            if ((f & 0xFFF) == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            if (selected(f)) {
                candidates[count++] = f;
            }
        }
        byte[] decision = decide(Arrays.copyOf(candidates, count), cancelled);
        int matches = 0;
        int[] out = new int[Math.min(count, q.maxResults)];
        byte[] outDecisions = new byte[out.length];
        for (int i = 0; i < count; i++) {
            int f = candidates[i];
            if (!q.decisions.isEmpty() && !q.decisions.contains(DECISIONS[decision[f]])) {
                continue;
            }
            if (matches < out.length) {
                out[matches] = f;
                outDecisions[matches] = decision[f];
            }
            matches++;
        }
        int kept = Math.min(matches, out.length);
        return new Result(Arrays.copyOf(out, kept), Arrays.copyOf(outDecisions, kept), matches);
    }

    private boolean selected(int f) {
        if (q.start != null && s.last(f).isBefore(q.start)) {
            return false;
        }
        if (q.end != null && s.first(f).isAfter(q.end)) {
            return false;
        }
        int proto = s.proto(f);
        int port = s.port(f);
        if (!q.servicesInclude.isEmpty() && !anyCovers(q.servicesInclude, f, proto, port)) {
            return false;
        }
        if (anyCovers(q.servicesExclude, f, proto, port)) {
            return false;
        }
        int src = s.src[f];
        int dst = s.dst[f];
        boolean srcIn = included(q.sources, src);
        boolean dstIn = included(q.destinations, dst);
        boolean in;
        if (q.or) {
            boolean all = q.sources.includesAll() && q.destinations.includesAll();
            in = all || (!q.sources.includesAll() && srcIn) || (!q.destinations.includesAll() && dstIn);
        } else {
            in = srcIn && dstIn;
        }
        return in && !anyMatches(q.sources.exclude(), src) && !anyMatches(q.destinations.exclude(), dst);
    }

    private boolean anyCovers(List<FlowQuery.Svc> entries, int f, int proto, int port) {
        for (FlowQuery.Svc e : entries) {
            if ((e.ports() == null || e.ports().covers(proto, port))
                    && (e.process() == null || e.process().equalsIgnoreCase(s.processName(f)))
                    && (e.windowsService() == null || e.windowsService().equalsIgnoreCase(s.windowsService(f)))) {
                return true;
            }
        }
        return false;
    }

    private boolean included(FlowQuery.Side side, int endpoint) {
        if (side.includesAll()) {
            return true;
        }
        for (List<FlowQuery.Item> group : side.include()) {
            boolean all = true;
            for (FlowQuery.Item item : group) {
                if (!matches(item, endpoint)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private boolean anyMatches(List<FlowQuery.Item> items, int endpoint) {
        for (FlowQuery.Item item : items) {
            if (matches(item, endpoint)) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(FlowQuery.Item item, int endpoint) {
        if (item.constant() != null) {
            return item.constant();
        }
        if (item.ams()) {
            return endpoint >= 0;
        }
        IpAddress ip = s.ip(endpoint);
        if (item.ipList() != null) {
            return (endpoint < 0 || !q.excludeWorkloadsFromIpLists) && item.ipList().contains(ip);
        }
        if (item.block() != null) {
            return ip.within(item.block()[0], item.block()[1]);
        }
        if (endpoint < 0) {
            return false;
        }
        if (item.workload() != null) {
            Integer i = storeIndex.get(item.workload());
            return i != null && i == endpoint;
        }
        int m = modelIndex[endpoint];
        if (m < 0) {
            return false;
        }
        int[] labels = model.labels(m);
        if (item.label() != null) {
            return Arrays.binarySearch(labels, model.labelId(item.label())) >= 0;
        }
        int[] members = model.labelGroupMembers(item.labelGroup());
        if (members != null) {
            for (int l : labels) {
                if (Arrays.binarySearch(members, l) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Decisions of the candidate flows, indexed by flow; computed one destination at a time. */
    private byte[] decide(int[] flows, BooleanSupplier cancelled) {
        byte[] out = new byte[s.size()];
        Integer[] order = new Integer[flows.length];
        for (int i = 0; i < flows.length; i++) {
            order[i] = flows[i];
        }
        Arrays.sort(order, (a, b) -> Integer.compare(s.dst[a], s.dst[b]));
        PolicyEvaluator evaluator = new PolicyEvaluator(model);
        int currentDst = Integer.MIN_VALUE;
        PolicyEvaluator.Provider provider = null;
        String mode = null;
        for (int k = 0; k < order.length; k++) {
            int f = order[k];
            if ((k & 0xFFF) == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            int dst = s.dst[f];
            int dstModel = dst >= 0 ? modelIndex[dst] : -1;
            if (dstModel < 0 || !model.managed(dstModel)) {
                out[f] = UNKNOWN; // only a managed destination reports (and enforces) a decision
                continue;
            }
            if (dst != currentDst) {
                currentDst = dst;
                provider = evaluator.provider(Endpoint.workload(dstModel));
                mode = model.enforcementMode(dstModel);
            }
            int src = s.src[f];
            int srcModel = src >= 0 ? modelIndex[src] : -1;
            Endpoint consumer = srcModel >= 0 ? Endpoint.workload(srcModel) : Endpoint.external(s.ip(src));
            if (provider.allows(consumer, s.proto(f), s.port(f))) {
                out[f] = ALLOWED;
            } else {
                out[f] = "full".equals(mode) ? BLOCKED : POTENTIALLY_BLOCKED;
            }
        }
        return out;
    }
}
