package dev.pceworkbench.demo.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.pce.json.PceJson;

import java.util.Map;
import java.util.Set;

/** Builds policy-version objects ({@code /orgs/1/sec_policy/N}) and provisions through the store. */
public final class PolicyVersions {
    private PolicyVersions() {
    }

    /**
     * Provisions {@code subset} (draft hrefs) as a new version. The caller holds the write lock
     * and has checked the dependency closure.
     */
    public static PolicyStore.Version provision(DemoState state, Set<String> subset, String description,
                                                String userHref, int workloadsAffected) {
        String now = state.timestamp();
        return state.policy().provision(subset, number -> {
            ObjectNode v = PceJson.mapper().createObjectNode();
            v.put("href", state.orgPrefix() + "/sec_policy/" + number);
            v.put("commit_message", description == null ? "" : description);
            v.put("version", number);
            v.put("workloads_affected", workloadsAffected);
            ObjectNode counts = v.putObject("object_counts");
            // Counts are of the version being created: the active policy plus this subset.
            PolicySnapshot next = state.policy().active().copy();
            for (String href : subset) {
                PolicyType t = PolicyType.ofHref(href).orElseThrow();
                ObjectNode d = state.policy().draft().of(t).get(href);
                if (d == null) {
                    next.of(t).remove(href);
                } else {
                    next.of(t).put(href, d);
                }
            }
            for (Map.Entry<String, Integer> e : PolicyStore.counts(next).entrySet()) {
                counts.put(e.getKey(), e.getValue());
            }
            counts.put("secure_connect_gateways", 0);
            counts.put("virtual_servers", 0);
            v.put("created_at", now);
            v.putObject("created_by").put("href", userHref);
            return v;
        });
    }

    /** Provisions every pending change (used by the data generator to build active versions). */
    public static PolicyStore.Version provisionAll(DemoState state, String description) {
        return provision(state, state.policy().allPendingHrefs(), description, "/users/1", 0);
    }
}
