package dev.pceworkbench.demo.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One state of the policy: every policy object by type, keyed by its draft href. Stored nodes are
 * never mutated, so snapshots share them freely; a change replaces the node.
 */
public final class PolicySnapshot {
    private final EnumMap<PolicyType, LinkedHashMap<String, ObjectNode>> objects = new EnumMap<>(PolicyType.class);

    public PolicySnapshot() {
        for (PolicyType t : PolicyType.values()) {
            objects.put(t, new LinkedHashMap<>());
        }
    }

    /** A copy sharing the (immutable) object nodes. */
    public PolicySnapshot copy() {
        PolicySnapshot c = new PolicySnapshot();
        objects.forEach((t, m) -> c.objects.get(t).putAll(m));
        return c;
    }

    public Map<String, ObjectNode> of(PolicyType type) {
        return objects.get(type);
    }

    public ObjectNode get(String draftHref) {
        return PolicyType.ofHref(draftHref).map(t -> objects.get(t).get(PolicyHrefs.topLevel(draftHref))).orElse(null);
    }

    public Collection<ObjectNode> all(PolicyType type) {
        return objects.get(type).values();
    }

    public int count(PolicyType type) {
        return objects.get(type).size();
    }
}
