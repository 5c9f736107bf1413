package dev.pceworkbench.demo.api;

import dev.pceworkbench.pce.model.Hrefs;
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
import dev.pceworkbench.demo.policy.PortRange;
import dev.pceworkbench.demo.policy.RuleSearch;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.store.PolicyHrefs;
import dev.pceworkbench.demo.store.PolicySnapshot;
import dev.pceworkbench.demo.store.PolicyType;
import dev.pceworkbench.pce.json.PceJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only questions about a policy version: the policy check
 * {@code GET /orgs/{id}/sec_policy/{pv}/allow} (which rules allow a connection, evaluated by the
 * demo's own {@link PolicyEvaluator}) and {@code POST /orgs/{id}/sec_policy/{pv}/rule_search}.
 * Both answer JSON arrays of rules rendered as the sec_rules endpoints render them, with hrefs in
 * the requested version.
 */
public final class PolicyQueryApi {
    private final DemoState state;
    private final Render render;

    PolicyQueryApi(DemoState state, Render render) {
        this.state = state;
        this.render = render;
    }

    void routes(Router r, String org) {
        r.get(org + "/sec_policy/{pv}/allow", this::allow);
        r.post(org + "/sec_policy/{pv}/rule_search", this::ruleSearch);
    }

    /** The connection asked about: one service entry per protocol/port range to check. */
    private record Connection(List<PortRange> ports) {
    }

    private ApiResponse allow(ApiRequest req) {
        String pv = req.pathParam("pv");
        for (String unsupported : List.of("src_container_workload", "dst_container_workload")) {
            if (req.param(unsupported).isPresent()) {
                throw PceApiException.invalid("The demo PCE has no container workloads: '" + unsupported + "' is not supported");
            }
        }
        Connection connection = connection(req);
        JsonNode out = state.read(() -> {
            PolicySnapshot snap = state.policy().snapshot(pv);
            PolicyModel model = PolicyModelCache.of(state).get(state, snap);
            Endpoint src = endpoint(req, model, "src");
            Endpoint dst = endpoint(req, model, "dst");
            List<PortRange> ports = connection.ports() != null ? connection.ports() : servicePorts(req, snap);
            PolicyEvaluator.Provider provider = new PolicyEvaluator(model).provider(dst);
            // Several service entries may be allowed by the same rule: list each rule once, in policy order.
            Map<Integer, PolicyModel.Rule> rules = new java.util.TreeMap<>();
            for (PortRange p : ports) {
                for (PolicyModel.Rule rule : provider.allowing(src, p.proto(), p.from(), p.to())) {
                    rules.put(rule.index(), rule);
                }
            }
            ArrayNode a = PceJson.mapper().createArrayNode();
            for (PolicyModel.Rule rule : rules.values()) {
                a.add(render.rule(rule.node(), rule.rulesetHref(), pv));
            }
            return PolicyApi.rewrite(a, pv);
        });
        return ApiResponse.ok(out);
    }

    /** Port and protocol from the query; null ports when a service href names them instead. */
    private static Connection connection(ApiRequest req) {
        Integer port = req.intParam("port", 0, 65535).orElse(null);
        Integer proto = req.intParam("protocol", 0, 255).orElse(null);
        boolean service = req.param("service").filter(s -> !s.isBlank()).isPresent();
        if (proto == null) {
            if (service) {
                return new Connection(null);
            }
            throw PceApiException.invalid("The policy check needs 'protocol' (IANA number: 6 TCP, 17 UDP, 1 ICMP, 47 GRE...) "
                    + "and, for TCP and UDP, 'port'; or a 'service' href");
        }
        if (proto < 0 || proto > 255) {
            throw PceApiException.invalid("Invalid value for 'protocol': " + proto + " is not an IANA protocol number (0-255)");
        }
        if (port == null && (proto == 6 || proto == 17)) {
            throw PceApiException.invalid("The policy check needs 'port' for protocol " + proto + " ("
                    + (proto == 6 ? "TCP" : "UDP") + "); only protocols without ports, such as ICMP (1) or GRE (47), may omit it");
        }
        if (port != null && (port < 0 || port > 65535)) {
            throw PceApiException.invalid("Invalid value for 'port': " + port + " is not a port number (0-65535)");
        }
        int p = port == null ? -1 : port;
        return new Connection(List.of(new PortRange(proto, p, p)));
    }

    private List<PortRange> servicePorts(ApiRequest req, PolicySnapshot snap) {
        String href = req.param("service").orElseThrow();
        ObjectNode svc = snap.of(PolicyType.SERVICES).get(PolicyHrefs.toDraft(href));
        if (svc == null) {
            throw PceApiException.invalid("Invalid value for 'service': " + href + " does not exist in policy version "
                    + req.pathParam("pv"));
        }
        List<PortRange> out = new ArrayList<>();
        svc.path("service_ports").forEach(p -> out.add(PortRange.of(p)));
        if (out.isEmpty()) {
            throw PceApiException.invalid("Service " + href + " has no service ports to check");
        }
        return out;
    }

    /** {@code src_workload} or {@code src_external_ip} (likewise dst): exactly one of them. */
    private static Endpoint endpoint(ApiRequest req, PolicyModel model, String side) {
        String wl = req.param(side + "_workload").filter(s -> !s.isBlank()).orElse(null);
        String ip = req.param(side + "_external_ip").filter(s -> !s.isBlank()).orElse(null);
        if ((wl == null) == (ip == null)) {
            throw PceApiException.invalid("The policy check needs exactly one of '" + side + "_workload' (a workload href) and '"
                    + side + "_external_ip' (an IP address)");
        }
        if (wl != null) {
            int i = model.workload(wl);
            if (i < 0) {
                throw PceApiException.invalid("Invalid value for '" + side + "_workload': workload " + wl + " does not exist");
            }
            return Endpoint.workload(i);
        }
        IpAddress addr = IpAddress.parseOrNull(ip);
        if (addr == null) {
            throw PceApiException.invalid("Invalid value for '" + side + "_external_ip': '" + ip + "' is not an IP address");
        }
        return Endpoint.external(addr);
    }

    private ApiResponse ruleSearch(ApiRequest req) {
        String pv = req.pathParam("pv");
        RuleSearch search = RuleSearch.parse(Validation.objectBody(req, "rule_search"));
        JsonNode out = state.read(() -> {
            PolicySnapshot snap = state.policy().snapshot(pv);
            ArrayNode a = PceJson.mapper().createArrayNode();
            // update_type as the rule endpoints show it: computed in draft, null elsewhere.
            Map<String, String> cache = new LinkedHashMap<>();
            for (RuleSearch.Hit hit : search.run(state, snap, (rule, rs) -> cache.computeIfAbsent(rule.path("href").asText(),
                    k -> render.rule(rule, rs, pv).path("update_type").textValue()))) {
                a.add(render.rule(hit.rule(), hit.rulesetHref(), pv));
            }
            return PolicyApi.rewrite(a, pv);
        });
        return ApiResponse.ok(out);
    }
}
