package dev.pceworkbench.demo.api;

import dev.pceworkbench.pce.model.Hrefs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * and reverting draft changes. A change subset that leaves out a needed dependency is refused with
 * 406, as the PCE refuses it.
 */
final class ProvisioningApi {
    private static final Set<String> SUBSET_KEYS = Set.of("label_groups", "services", "rule_sets", "ip_lists",
            "virtual_services", "firewall_settings", "enforcement_boundaries", "secure_connect_gateways", "virtual_servers");

    private final DemoState state;
    private final Events events;

    ProvisioningApi(DemoState state, Events events) {
        this.state = state;
        this.events = events;
    }

    void routes(Router r, String org) {
        r.get(org + "/sec_policy/pending", this::pending);
        r.delete(org + "/sec_policy/pending", req -> revert(req, null));
        r.post(org + "/sec_policy/draft/dependencies", this::dependencies);
        r.put(org + "/sec_policy/delete", req -> revert(req, subset(req.body().get("change_subset"))));
        r.post(org + "/sec_policy/delete", req -> revert(req, subset(req.body().get("change_subset"))));
        r.get(org + "/sec_policy", this::versions);
        r.post(org + "/sec_policy", this::provision);
        r.get(org + "/sec_policy/{pv}", this::version);
    }

    private ApiResponse pending(ApiRequest req) {
        int max = req.intParam("max_results").orElse(Listing.DEFAULT_MAX_RESULTS);
        return ApiResponse.ok(state.read(() -> {
            ObjectNode out = PceJson.mapper().createObjectNode();
            for (PolicyStore.Change c : state.policy().pending()) {
                ArrayNode list = out.has(c.type().collection()) ? (ArrayNode) out.get(c.type().collection())
                        : out.putArray(c.type().collection());
                if (list.size() >= max) {
                    continue;
                }
                ObjectNode item = list.addObject();
                item.put("href", c.href());
                item.put("name", c.node().path("name").asText());
                item.put("update_type", c.updateType());
                item.set("updated_at", c.node().path("updated_at"));
                item.set("updated_by", c.node().path("updated_by"));
                item.putArray("caps").add("write").add("provision");
            }
            return out;
        }));
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
            if (!e.getValue().isArray()) {
                throw PceApiException.invalid("change_subset." + e.getKey() + " must be a list of {\"href\": ...}");
            }
            for (JsonNode item : e.getValue()) {
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
        JsonNode body = req.body();
        String op = body.path("operation").asText("");
        if (!op.equals("commit") && !op.equals("revert")) {
            throw PceApiException.invalid("operation must be \"commit\" or \"revert\"");
        }
        Set<String> subset = subset(body.get("change_subset"));
        if (subset == null) {
            throw PceApiException.invalid("Required property 'change_subset' is missing");
        }
        return ApiResponse.ok(state.read(() -> dependencyList(state.policy().missingDependencies(subset, op.equals("commit")))));
    }

    private static ArrayNode dependencyList(List<PolicyStore.Dependency> deps) {
        ArrayNode out = PceJson.mapper().createArrayNode();
        for (PolicyStore.Dependency d : deps) {
            ObjectNode item = out.addObject();
            String depType = PolicyType.ofHref(d.dependency()).orElseThrow().collection();
            item.putObject("dependency").putObject(depType).put("href", d.dependency());
            ObjectNode by = item.putObject("required_by");
            for (String r : d.requiredBy()) {
                String t = PolicyType.ofHref(r).orElseThrow().collection();
                (by.has(t) ? (ArrayNode) by.get(t) : by.putArray(t)).addObject().put("href", r);
            }
        }
        return out;
    }

    private ApiResponse provision(ApiRequest req) {
        JsonNode body = req.hasBody() ? req.body() : PceJson.mapper().createObjectNode();
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
        return ApiResponse.created(v.meta());
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
            events.record(req, "sec_policy.restore", null, 204);
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
                out.add(all.get(i).meta());
            }
            return ApiResponse.ok(out).header("X-Total-Count", Integer.toString(all.size()));
        });
    }

    private ApiResponse version(ApiRequest req) {
        String pv = req.pathParam("pv");
        return ApiResponse.ok(state.read(() -> {
            int n = "active".equals(pv) ? state.policy().activeVersion() : parse(pv);
            for (PolicyStore.Version v : state.policy().versions()) {
                if (v.number() == n) {
                    return v.meta();
                }
            }
            throw PceApiException.notFound("Policy version " + pv);
        }));
    }

    private static int parse(String pv) {
        try {
            return Integer.parseInt(pv);
        } catch (NumberFormatException e) {
            throw PceApiException.notFound("Policy version " + pv);
        }
    }
}
