package dev.pceworkbench.demo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.http.ApiRequest;
import dev.pceworkbench.demo.http.ApiResponse;
import dev.pceworkbench.demo.http.PceApiException;
import dev.pceworkbench.demo.http.Router;
import dev.pceworkbench.demo.policy.Endpoint;
import dev.pceworkbench.demo.policy.IpAddress;
import dev.pceworkbench.demo.policy.PolicyEvaluator;
import dev.pceworkbench.demo.policy.PolicyModel;
import dev.pceworkbench.demo.policy.PolicyModelCache;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.store.PolicyType;
import dev.pceworkbench.pce.json.PceJson;

import java.util.Iterator;
import java.util.List;

/**
 * Endpoints that PCE tooling (pylo, workloader) calls besides the object collections:
 * <ul>
 *   <li>{@code POST /orgs/{org}/sec_policy/draft/rule_coverage[?include_deny_rules=true]}: a JSON
 *   array of {@code {source, destination, services, resolve_labels_as?}} (each side
 *   {@code {"workload": {href}}} or {@code {"ip_list": {href}}}; a service {@code {protocol, port?}}),
 *   answered with {@code edges} (per query, per service, the hrefs of the draft rules that allow
 *   it), {@code rules} (each href to {@code {href}}) and, when asked, {@code deny_edges} and
 *   {@code deny_rules} (empty: the demo's policy has no deny rules). Computed by the demo's own
 *   policy engine on the draft; an IP list stands for its first address.</li>
 *   <li>{@code GET /orgs/{org}/network_devices}: none here, an empty list with {@code X-Total-Count: 0}.</li>
 *   <li>{@code GET /orgs/{org}/agents/{id}/compatibility_report}: the VEN compatibility report
 *   ({@code qualify_status}, {@code results.qualify_tests}); 404 for an agent the PCE does not know.</li>
 * </ul>
 */
final class ToolingApi {
    private final DemoState state;

    ToolingApi(DemoState state) {
        this.state = state;
    }

    void routes(Router r, String org) {
        r.post(org + "/sec_policy/draft/rule_coverage", this::ruleCoverage);
        r.get(org + "/network_devices", req -> ApiResponse.ok(PceJson.mapper().createArrayNode())
                .header("X-Total-Count", "0"));
        r.get(org + "/agents/{id}/compatibility_report", req -> ApiResponse.ok(compatibilityReport(req)));
    }

    private ObjectNode compatibilityReport(ApiRequest req) {
        String agentHref = state.orgPrefix() + "/agents/" + req.pathParam("id");
        return state.read(() -> {
            for (ObjectNode w : state.collection("workloads").all()) {
                JsonNode agent = w.path("agent");
                if (agentHref.equals(agent.path("href").asText())) {
                    return report(w, agent);
                }
            }
            throw PceApiException.notFound("Agent " + agentHref);
        });
    }

    private static ObjectNode report(ObjectNode w, JsonNode agent) {
        boolean windows = w.path("os_id").asText("").contains("win");
        ObjectNode o = PceJson.mapper().createObjectNode();
        JsonNode since = agent.path("status").path("managed_since");
        o.set("last_updated_at", since.isMissingNode() ? null : since);
        o.put("qualify_status", "green");
        ArrayNode tests = o.putObject("results").putArray("qualify_tests");
        if (windows) {
            tests.addObject().put("status", "green").put("wfp_service_running", true);
            tests.addObject().put("status", "green").put("ipv6_global_scope", false);
            tests.addObject().put("status", "green").put("powershell_version", "5.1");
        } else {
            tests.addObject().put("status", "green").put("ipset_version", "7.1");
            tests.addObject().put("status", "green").put("iptables_version", "1.8.4");
            tests.addObject().put("status", "green").put("required_packages_installed", true);
            tests.addObject().put("status", "green").putArray("required_packages_missing");
        }
        return o;
    }

    private ApiResponse ruleCoverage(ApiRequest req) {
        JsonNode body = req.body();
        if (!body.isArray()) {
            throw PceApiException.invalid("The body of rule_coverage must be a JSON array of {source, destination, services}");
        }
        boolean deny = req.boolParam("include_deny_rules").orElse(false);
        ObjectNode out = state.read(() -> {
            PolicyModel model = PolicyModelCache.of(state).get(state, state.policy().draft());
            PolicyEvaluator evaluator = new PolicyEvaluator(model);
            ObjectNode o = PceJson.mapper().createObjectNode();
            ArrayNode edges = o.putArray("edges");
            ObjectNode rules = o.putObject("rules");
            ArrayNode denyEdges = PceJson.mapper().createArrayNode();
            int i = 0;
            for (JsonNode q : body) {
                String at = "item " + i++;
                Endpoint src = endpoint(model, q.path("source"), at + " source");
                Endpoint dst = endpoint(model, q.path("destination"), at + " destination");
                JsonNode services = q.path("services");
                if (!services.isArray()) {
                    throw PceApiException.invalid("Property 'services' of " + at + " must be an array");
                }
                PolicyEvaluator.Provider provider = evaluator.provider(dst);
                ArrayNode perQuery = edges.addArray();
                ArrayNode denyPerQuery = denyEdges.addArray();
                for (JsonNode s : services) {
                    int proto = s.path("protocol").asInt(s.path("proto").asInt(-1));
                    if (proto < 0) {
                        throw PceApiException.invalid("Every service of " + at + " needs a 'protocol'");
                    }
                    int port = s.path("port").asInt(-1);
                    List<PolicyModel.Rule> allowing = provider.allowing(src, proto, port, port);
                    ArrayNode hrefs = perQuery.addArray();
                    for (PolicyModel.Rule r : allowing) {
                        hrefs.add(r.href());
                        rules.putObject(r.href()).put("href", r.href());
                    }
                    denyPerQuery.addArray();
                }
            }
            if (deny) {
                o.set("deny_edges", denyEdges);
                o.putObject("deny_rules");
            }
            return o;
        });
        return ApiResponse.ok(out);
    }

    private Endpoint endpoint(PolicyModel model, JsonNode side, String what) {
        if (side.has("workload")) {
            String href = side.path("workload").path("href").asText();
            int w = model.workload(href);
            if (w < 0) {
                throw new PceApiException(406, "invalid_object", "Workload " + href + " in " + what + " does not exist");
            }
            return Endpoint.workload(w);
        }
        if (side.has("ip_list")) {
            String href = side.path("ip_list").path("href").asText();
            ObjectNode list = state.policy().draft().of(PolicyType.IP_LISTS).get(href);
            if (list == null) {
                throw new PceApiException(406, "invalid_object", "IP list " + href + " in " + what + " does not exist");
            }
            for (Iterator<JsonNode> it = list.path("ip_ranges").elements(); it.hasNext(); ) {
                JsonNode r = it.next();
                if (!r.path("exclusion").asBoolean(false)) {
                    String from = r.path("from_ip").asText();
                    int slash = from.indexOf('/');
                    return Endpoint.external(IpAddress.parse(slash < 0 ? from : from.substring(0, slash)));
                }
            }
            throw new PceApiException(406, "invalid_object", "IP list " + href + " in " + what + " has no address");
        }
        throw PceApiException.invalid("The " + what + " must be {\"workload\": {\"href\"}} or {\"ip_list\": {\"href\"}}");
    }
}
