package dev.pceworkbench.demo.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.store.PolicySnapshot;
import dev.pceworkbench.demo.store.PolicyType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Compiled policy models, shared by the endpoints of one {@link DemoState}: compiling the large
 * data set takes a noticeable fraction of a second, so a policy check or a traffic query reuses the
 * model until something it was built from changes. Stored nodes are never mutated in place (a
 * change replaces the node), so a fingerprint of the identities of every input node, in order,
 * detects any change; it costs one pass over the workloads, far less than a compile. The two most
 * recently used models are kept (typically active and draft).
 */
public final class PolicyModelCache {
    private static final int KEEP = 2;
    private static final Map<DemoState, PolicyModelCache> BY_STATE = new WeakHashMap<>();

    private final Map<Long, PolicyModel> models = new LinkedHashMap<>(4, 0.75f, true);

    /** The cache of {@code state}'s models. */
    public static synchronized PolicyModelCache of(DemoState state) {
        return BY_STATE.computeIfAbsent(state, s -> new PolicyModelCache());
    }

    /** The model of {@code snap} against the current org objects; call under the state's read lock. */
    public synchronized PolicyModel get(DemoState state, PolicySnapshot snap) {
        long key = fingerprint(state, snap);
        PolicyModel m = models.get(key);
        if (m == null) {
            m = PolicyCompiler.compile(state, snap);
            models.put(key, m);
            while (models.size() > KEEP) {
                models.remove(models.keySet().iterator().next());
            }
        }
        return m;
    }

    static long fingerprint(DemoState state, PolicySnapshot snap) {
        long h = 1;
        for (String c : new String[]{"labels", "workloads", "service_bindings"}) {
            h = mix(h, state.collection(c).size());
            for (ObjectNode n : state.collection(c).all()) {
                h = mix(h, System.identityHashCode(n));
            }
        }
        for (PolicyType t : PolicyType.values()) {
            h = mix(h, snap.count(t));
            for (ObjectNode n : snap.all(t)) {
                h = mix(h, System.identityHashCode(n));
            }
        }
        return h;
    }

    private static long mix(long h, long v) {
        h ^= v + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2);
        return h * 0xBF58476D1CE4E5B9L;
    }
}
