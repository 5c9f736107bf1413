package dev.pceworkbench.demo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.http.ApiRequest;
import dev.pceworkbench.demo.http.ApiResponse;
import dev.pceworkbench.demo.http.PceApiException;
import dev.pceworkbench.demo.http.Router;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.store.PolicyHrefs;
import dev.pceworkbench.demo.store.PolicyStore;
import dev.pceworkbench.demo.store.PolicyType;
import dev.pceworkbench.demo.store.PolicyVersions;
import dev.pceworkbench.pce.json.PceJson;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Provisioning: pending changes, dependency closure, provisioning into numbered policy versions,
 * reverting draft changes, and the history of versions with what each one modified. A change
 * subset that leaves out a needed dependency is refused with 406 and a {@code [{token, message}]}
 * body, as the PCE refuses it. Firewall settings are one object: {@code sec_policy/pending} and
 * {@code modified_objects} list them as an object, not a list. Shapes that differ between PCE
 * versions (dependencies, {@code object_counts}) follow {@link ApiVariants}.
 */
final class ProvisioningApi {
    private static final Set<String> SUBSET_KEYS = Set.of("label_groups", "services", "rule_sets", "ip_lists",
            "virtual_services", "firewall_settings", "enforcement_boundaries", "secure_connect_gateways", "virtual_servers");

    /** The event the PCE records when pending draft changes are reverted (some or all). */
    static final String REVERT_EVENT = "sec_policy_pending.delete";

    private final DemoState state;
    private final Events events;
    private final ApiVariants variants;

    ProvisioningApi(DemoState state, Events events, ApiVariants variants) {
        this.state = state;
        this.events = events;
        this.variants = variants;
    }

    void routes(Router r, String org) {
        r.get(org + "/sec_policy/pending", this::pending);
        // DELETE reverts everything, or only the change_subset of its body when it has one.
        r.delete(org + "/sec_policy/pending", req -> revert(req, req.hasBody() ? subset(Validation.objectBody(req, "sec_policy_change_subset").get("change_subset")) : null));
        r.post(org + "/sec_policy/draft/dependencies", this::dependencies);
        r.put(org + "/sec_policy/delete", req -> revert(req, subset(Validation.objectBody(req, "sec_policy_change_subset").get("change_subset"))));
        r.post(org + "/sec_policy/delete", req -> revert(req, subset(Validation.objectBody(req, "sec_policy_change_subset").get("change_subset"))));
        r.get(org + "/sec_policy", this::versions);
        r.post(org + "/sec_policy", this::provision);
        r.get(org + "/sec_policy/{pv}", this::version);
        r.get(org + "/sec_policy/{pv}/modified_objects", this::modifiedObjects);
    }

    private ApiResponse pending(ApiRequest req) {
        int max = req.intParam("max_results").orElse(Listing.DEFAULT_MAX_RESULTS);
        return ApiResponse.ok(state.read(() -> byType(state.policy().pending(), max)));
    }

    /**
     * Changes keyed by type, as {@code sec_policy/pending} and {@code modified_objects} list them:
     * at most {@code max} per type; a singleton type (firewall settings) as one object.
     */
    private static ObjectNode byType(List<PolicyStore.Change> changes, int max) {
        ObjectNode out = PceJson.mapper().createObjectNode();
        for (PolicyStore.Change c : changes) {
            String type = c.type().collection();
            ObjectNode item;
            if (c.type().singleton()) {
                item = out.putObject(type);
            } else {
                ArrayNode list = out.has(type) ? (ArrayNode) out.get(type) : out.putArray(type);
                if (list.size() >= max) {
                    continue;
                }
                item = list.addObject();
            }
            item.put("href", c.href());
            item.set("name", c.node().path("name").isTextual() ? c.node().get("name") : NullNode.instance);
            item.put("update_type", c.updateType());
            item.set("updated_at", c.node().path("updated_at"));
            item.set("updated_by", c.node().path("updated_by"));
            item.putArray("caps").add("write").add("provision");
        }
        return out;
    }

    /** Parses a change_subset into draft hrefs; unknown types or objects are the PCE's 406. */
    private Set<String> subset(JsonNode cs) {
        if (cs == null || cs.isNull()) {
            return null;
        }
        if (!cs.isObject()) {
            throw PceApiException.invalid("change_subset must be an object of lists of {\"href\": ...} by object type");
        }
        Set<String> out = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = cs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!SUBSET_KEYS.contains(e.getKey())) {
                throw PceApiException.invalid("change_subset has an unknown object type '" + e.getKey() + "'");
            }
            JsonNode items = e.getValue();
            if (items.isObject() && "firewall_settings".equals(e.getKey())) {
                items = PceJson.mapper().createArrayNode().add(items);
            }
            if (!items.isArray()) {
                throw PceApiException.invalid("change_subset." + e.getKey() + " must be a list of {\"href\": ...}");
            }
            for (JsonNode item : items) {
                String href = PolicyHrefs.toDraft(item.path("href").asText(""));
                if (PolicyType.ofHref(href).map(t -> !t.collection().equals(e.getKey())).orElse(true)) {
                    throw PceApiException.invalid("change_subset." + e.getKey() + " holds '" + href + "', which is not one of " + e.getKey());
                }
                out.add(PolicyHrefs.topLevel(href));
            }
        }
        return out;
    }

    private ApiResponse dependencies(ApiRequest req) {
        JsonNode body = Validation.objectBody(req, "sec_policy_change_subset");
        String op = body.path("operation").asText("");
        if (!op.equals("commit") && !op.equals("revert")) {
            throw PceApiException.invalid("operation must be \"commit\" or \"revert\"");
        }
        Set<String> subset = subset(body.get("change_subset"));
        if (subset == null) {
            throw PceApiException.invalid("Required property 'change_subset' is missing");
        }
        return ApiResponse.ok(state.read(() -> {
            List<PolicyStore.Dependency> deps = state.policy().missingDependencies(subset, op.equals("commit"));
            return variants.dependencies() == ApiVariants.DependencyShape.BY_TYPE ? dependenciesByType(deps) : dependencyList(deps);
        }));
    }

    /** The type-keyed form: the missing objects as a change subset, each saying what requires it. */
    private static ObjectNode dependenciesByType(List<PolicyStore.Dependency> deps) {
        ObjectNode out = PceJson.mapper().createObjectNode();
        for (PolicyStore.Dependency d : deps) {
            String t = PolicyType.ofHref(d.dependency()).orElseThrow().collection();
            ObjectNode item = (out.has(t) ? (ArrayNode) out.get(t) : out.putArray(t)).addObject();
            item.put("href", d.dependency());
            item.set("required_by", requiredBy(d.requiredBy()));
        }
        return out;
    }

    private static ObjectNode requiredBy(List<String> hrefs) {
        ObjectNode by = PceJson.mapper().createObjectNode();
        for (String r : hrefs) {
            String t = PolicyType.ofHref(r).orElseThrow().collection();
            (by.has(t) ? (ArrayNode) by.get(t) : by.putArray(t)).addObject().put("href", r);
        }
        return by;
    }

    private static ArrayNode dependencyList(List<PolicyStore.Dependency> deps) {
        ArrayNode out = PceJson.mapper().createArrayNode();
        for (PolicyStore.Dependency d : deps) {
            ObjectNode item = out.addObject();
            String depType = PolicyType.ofHref(d.dependency()).orElseThrow().collection();
            item.putObject("dependency").putObject(depType).put("href", d.dependency());
            item.set("required_by", requiredBy(d.requiredBy()));
        }
        return out;
    }

    private ApiResponse provision(ApiRequest req) {
        JsonNode body = Validation.optionalBody(req, "sec_policy");
        String description = body.path("update_description").asText("");
        Set<String> requested = subset(body.get("change_subset"));
        PolicyStore.Version v = state.write(() -> {
            Set<String> pending = state.policy().allPendingHrefs();
            Set<String> subset = requested == null ? pending : new LinkedHashSet<>(requested);
            subset.retainAll(pending);
            if (subset.isEmpty()) {
                throw new PceApiException(406, "nothing_to_provision", requested == null
                        ? "There are no pending changes to provision" : "None of the objects in change_subset has pending changes");
            }
            List<PolicyStore.Dependency> missing = state.policy().missingDependencies(subset, true);
            if (!missing.isEmpty()) {
                throw dependencyError("provisioned", missing);
            }
            PolicyStore.Version version = PolicyVersions.provision(state, subset, description, req.caller().userHref(),
                    state.collection("workloads").size());
            events.record(req, "sec_policy.create", version.meta().path("href").asText(), 201);
            return version;
        });
        return ApiResponse.created(meta(v));
    }

    private static PceApiException dependencyError(String action, List<PolicyStore.Dependency> missing) {
        StringBuilder msg = new StringBuilder("The change subset cannot be " + action + " without its dependencies: ");
        for (int i = 0; i < missing.size(); i++) {
            PolicyStore.Dependency d = missing.get(i);
            msg.append(i == 0 ? "" : "; ").append(d.dependency()).append(" is required by ").append(String.join(", ", d.requiredBy()));
        }
        return new PceApiException(406, "provision_dependency_missing", msg.toString());
    }

    private ApiResponse revert(ApiRequest req, Set<String> requested) {
        state.write(() -> {
            Set<String> pending = state.policy().allPendingHrefs();
            Set<String> subset = requested == null ? pending : new LinkedHashSet<>(requested);
            subset.retainAll(pending);
            List<PolicyStore.Dependency> missing = state.policy().missingDependencies(subset, false);
            if (!missing.isEmpty()) {
                throw dependencyError("reverted", missing);
            }
            state.policy().revert(subset);
            events.record(req, REVERT_EVENT, null, 204);
            return null;
        });
        return ApiResponse.noContent();
    }

    private ApiResponse versions(ApiRequest req) {
        int max = req.intParam("max_results").orElse(Listing.DEFAULT_MAX_RESULTS);
        return state.read(() -> {
            List<PolicyStore.Version> all = state.policy().versions();
            ArrayNode out = PceJson.mapper().createArrayNode();
            for (int i = all.size() - 1; i >= 0 && out.size() < max; i--) {
                out.add(meta(all.get(i)));
            }
            return ApiResponse.ok(out).header("X-Total-Count", Integer.toString(all.size()));
        });
    }

    private ApiResponse version(ApiRequest req) {
        return ApiResponse.ok(state.read(() -> meta(find(req.pathParam("pv")))));
    }

    /**
     * {@code GET sec_policy/{n}/modified_objects}: what version n changed, keyed by type like
     * pending, with draft hrefs (a deleted object has no href in version n).
     */
    private ApiResponse modifiedObjects(ApiRequest req) {
        return ApiResponse.ok(state.read(() -> {
            PolicyStore.Version v = find(req.pathParam("pv"));
            return byType(state.policy().modifiedIn(v.number()), Integer.MAX_VALUE);
        }));
    }

    private PolicyStore.Version find(String pv) {
        int n = "active".equals(pv) ? state.policy().activeVersion() : parse(pv);
        for (PolicyStore.Version v : state.policy().versions()) {
            if (v.number() == n) {
                return v;
            }
        }
        throw PceApiException.notFound("Policy version " + pv);
    }

    /** A version's metadata with {@code object_counts} in the shape the variant asks for. */
    private ObjectNode meta(PolicyStore.Version v) {
        if (variants.objectCounts() == ApiVariants.ObjectCountsShape.BY_TYPE) {
            return v.meta();
        }
        ObjectNode out = v.meta().deepCopy();
        int total = 0;
        for (JsonNode c : v.meta().path("object_counts")) {
            total += c.asInt();
        }
        out.put("object_counts", total);
        return out;
    }

    private static int parse(String pv) {
        try {
            return Integer.parseInt(pv);
        } catch (NumberFormatException e) {
            throw PceApiException.notFound("Policy version " + pv);
        }
    }
}
