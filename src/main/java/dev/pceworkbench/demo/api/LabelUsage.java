package dev.pceworkbench.demo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.store.PolicySnapshot;
import dev.pceworkbench.demo.store.PolicyType;
import dev.pceworkbench.pce.json.PceJson;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where each label is used, for {@code GET labels?usage=true}: the PCE adds to every label a
 * {@code usage} object of booleans, one per kind of referrer. Computed in one pass over the real
 * references (draft and active policy, workloads, pairing profiles, container workload profiles,
 * firewall settings' scopes); kinds the demo has no objects of (virtual servers, permissions,
 * container workloads) are false.
 */
final class LabelUsage {
    /** Every usage flag, in the order the PCE lists them. */
    static final String[] FLAGS = {"label_group", "ruleset", "rule", "static_policy_scopes",
            "containers_inherit_host_policy_scopes", "virtual_service", "virtual_server", "firewall_coexistence",
            "firewall_coexistence_scope", "blocked_connection_reject_scope", "enforcement_boundary",
            "loopback_interfaces_in_policy_scopes", "ip_forwarding_enabled_scopes", "pairing_profile", "permission",
            "workload", "container_workload", "container_workload_profile"};

    /** Firewall-settings scope arrays and the usage flags they set. */
    private static final Map<String, String[]> FIREWALL_SCOPES = new LinkedHashMap<>();

    static {
        FIREWALL_SCOPES.put("static_policy_scopes", new String[]{"static_policy_scopes"});
        FIREWALL_SCOPES.put("containers_inherit_host_policy_scopes", new String[]{"containers_inherit_host_policy_scopes"});
        FIREWALL_SCOPES.put("firewall_coexistence", new String[]{"firewall_coexistence", "firewall_coexistence_scope"});
        FIREWALL_SCOPES.put("blocked_connection_reject_scopes", new String[]{"blocked_connection_reject_scope"});
        FIREWALL_SCOPES.put("loopback_interfaces_in_policy_scopes", new String[]{"loopback_interfaces_in_policy_scopes"});
        FIREWALL_SCOPES.put("ip_forwarding_enabled_scopes", new String[]{"ip_forwarding_enabled_scopes"});
    }

    private final Map<String, Set<String>> usedBy = new HashMap<>();

    private LabelUsage() {
    }

    /** Computes every label's usage; call under the state's read lock. */
    static LabelUsage of(DemoState state) {
        LabelUsage u = new LabelUsage();
        for (PolicySnapshot s : new PolicySnapshot[]{state.policy().draft(), state.policy().active()}) {
            for (ObjectNode lg : s.all(PolicyType.LABEL_GROUPS)) {
                u.mark(lg.path("labels"), "label_group");
            }
            for (ObjectNode rs : s.all(PolicyType.RULE_SETS)) {
                u.mark(rs.path("scopes"), "ruleset");
                for (JsonNode rule : rs.path("rules")) {
                    u.mark(rule.path("providers"), "rule");
                    u.mark(rule.path("consumers"), "rule");
                }
            }
            for (ObjectNode vs : s.all(PolicyType.VIRTUAL_SERVICES)) {
                u.mark(vs.path("labels"), "virtual_service");
            }
            for (ObjectNode eb : s.all(PolicyType.ENFORCEMENT_BOUNDARIES)) {
                u.mark(eb, "enforcement_boundary");
            }
            for (ObjectNode fw : s.all(PolicyType.FIREWALL_SETTINGS)) {
                FIREWALL_SCOPES.forEach((field, flags) -> {
                    for (String f : flags) {
                        u.mark(fw.path(field), f);
                    }
                });
            }
        }
        state.collection("workloads").all().forEach(w -> u.mark(w.path("labels"), "workload"));
        state.collection("pairing_profiles").all().forEach(p -> u.mark(p, "pairing_profile"));
        state.collection("container_workload_profiles").all().forEach(p -> u.mark(p, "container_workload_profile"));
        state.collection("container_workloads").all().forEach(c -> u.mark(c.path("labels"), "container_workload"));
        return u;
    }

    private void mark(JsonNode n, String flag) {
        if (n.isMissingNode() || n.isNull()) {
            return;
        }
        Set<String> hrefs = n.isObject() ? References.hrefs((ObjectNode) n) : new HashSet<>();
        if (!n.isObject()) {
            collect(n, hrefs);
        }
        for (String h : hrefs) {
            if (h.contains("/labels/")) {
                usedBy.computeIfAbsent(h, k -> new HashSet<>()).add(flag);
            }
        }
    }

    private static void collect(JsonNode n, Set<String> out) {
        if (n.isObject()) {
            JsonNode href = n.get("href");
            if (href != null && href.isTextual()) {
                out.add(href.asText());
            }
            n.forEach(x -> collect(x, out));
        } else if (n.isArray()) {
            n.forEach(x -> collect(x, out));
        }
    }

    /** The {@code usage} object of the label {@code href}. */
    ObjectNode usage(String href) {
        Set<String> flags = usedBy.getOrDefault(href, Set.of());
        ObjectNode o = PceJson.mapper().createObjectNode();
        for (String f : FLAGS) {
            o.put(f, flags.contains(f));
        }
        return o;
    }

    /** {@code label} with its {@code usage} added (a copy; the stored node is not changed). */
    JsonNode with(ObjectNode label) {
        ObjectNode out = Render.shallow(label);
        out.set("usage", usage(label.path("href").asText()));
        return out;
    }
}
