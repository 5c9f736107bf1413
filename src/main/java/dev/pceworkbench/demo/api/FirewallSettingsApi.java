package dev.pceworkbench.demo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.http.ApiRequest;
import dev.pceworkbench.demo.http.ApiResponse;
import dev.pceworkbench.demo.http.PceApiException;
import dev.pceworkbench.demo.http.Router;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.store.PolicySnapshot;
import dev.pceworkbench.demo.store.PolicyType;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The organisation's security settings, {@code /orgs/1/sec_policy/{pversion}/firewall_settings}:
 * one object per policy version (no id), readable at draft, active or a version number, writable
 * in draft only. A draft change is pending like any policy object and is provisioned (or reverted)
 * through a change subset naming its href.
 */
final class FirewallSettingsApi {
    /** The settings a client may change, with the JSON type each must have. */
    private static final Map<String, JsonNodeType> WRITABLE = Map.of(
            "allow_dhcp_client", JsonNodeType.BOOLEAN,
            "log_dropped_multicast", JsonNodeType.BOOLEAN,
            "log_dropped_broadcast", JsonNodeType.BOOLEAN,
            "allow_traceroute", JsonNodeType.BOOLEAN,
            "allow_ipv6", JsonNodeType.BOOLEAN,
            "ipv6_mode", JsonNodeType.STRING,
            "network_detection_mode", JsonNodeType.STRING,
            "ike_authentication_type", JsonNodeType.STRING);
    private static final Set<String> ARRAYS = Set.of("static_policy_scopes", "firewall_coexistence",
            "containers_inherit_host_policy_scopes", "blocked_connection_reject_scopes",
            "loopback_interfaces_in_policy_scopes");

    private final DemoState state;
    private final Render render;
    private final Events events;

    FirewallSettingsApi(DemoState state, Render render, Events events) {
        this.state = state;
        this.render = render;
        this.events = events;
    }

    void routes(Router r, String org) {
        String path = org + "/sec_policy/{pv}/firewall_settings";
        r.get(path, this::get);
        r.put(path, req -> {
            update(req);
            return ApiResponse.noContent();
        });
    }

    private ApiResponse get(ApiRequest req) {
        String pv = req.pathParam("pv");
        return ApiResponse.ok(state.read(() -> {
            PolicySnapshot snap = state.policy().snapshot(pv);
            ObjectNode n = snap.get(href());
            if (n == null) {
                throw PceApiException.notFound("Firewall settings in policy version " + pv);
            }
            return PolicyApi.rewrite(render.policy(PolicyType.FIREWALL_SETTINGS, n, pv, snap), pv);
        }));
    }

    private void update(ApiRequest req) {
        PolicyApi.draftOnly(req);
        ObjectNode body = Validation.objectBody(req, "firewall_settings");
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNodeType want = WRITABLE.get(e.getKey());
            boolean ok = want != null ? e.getValue().getNodeType() == want
                    : ARRAYS.contains(e.getKey()) && e.getValue().isArray();
            if (!ok) {
                throw PceApiException.invalid(want == null && !ARRAYS.contains(e.getKey())
                        ? "Firewall settings have no writable property '" + e.getKey() + "'"
                        : "Firewall settings property '" + e.getKey() + "' has the wrong type");
            }
        }
        state.write(() -> {
            ObjectNode old = state.policy().draft().get(href());
            if (old == null) {
                throw PceApiException.notFound("Firewall settings in the draft");
            }
            ObjectNode next = Render.shallow(old);
            next.setAll(body);
            OrgApi.stamp(next, req, state.timestamp(), false);
            state.policy().draft().of(PolicyType.FIREWALL_SETTINGS).put(href(), next);
            events.record(req, "firewall_settings.update", href(), 204);
            return null;
        });
    }

    private String href() {
        return state.orgPrefix() + "/sec_policy/draft/firewall_settings";
    }
}
