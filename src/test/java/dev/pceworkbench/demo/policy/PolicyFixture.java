package dev.pceworkbench.demo.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.api.References;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.store.PolicyType;
import dev.pceworkbench.pce.json.PceJson;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A tiny hand-built org for evaluator tests: labels, workloads and policy objects written straight
 * into a {@link DemoState}, in the stored shapes the server uses (label references as bare
 * {@code {"href"}}, policy objects under draft hrefs).
 */
public final class PolicyFixture {
    public final DemoState state = new DemoState(1, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), 7,
            References::policyRefs);
    private int ids;

    public static JsonNode json(String text) {
        try {
            return PceJson.mapper().readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    public String label(String key, String value) {
        String href = "/orgs/1/labels/" + (++ids);
        state.collection("labels").put(PceJson.mapper().createObjectNode().put("href", href).put("key", key).put("value", value));
        return href;
    }

    /** A managed workload in full enforcement with one IPv4 interface. */
    public String workload(String name, String ip, String... labelHrefs) {
        return workload(name, ip, true, "full", labelHrefs);
    }

    public String workload(String name, String ip, boolean managed, String mode, String... labelHrefs) {
        String href = "/orgs/1/workloads/wl-" + name;
        ObjectNode w = PceJson.mapper().createObjectNode();
        w.put("href", href);
        w.put("name", name);
        w.put("hostname", name + ".example");
        w.put("os_id", "ubuntu-x86_64-jammy");
        w.put("enforcement_mode", mode);
        ArrayNode labels = w.putArray("labels");
        for (String l : labelHrefs) {
            labels.addObject().put("href", l);
        }
        w.putArray("interfaces").addObject().put("name", "eth0").put("address", ip).put("cidr_block", 24);
        if (managed) {
            w.putObject("ven").put("href", "/orgs/1/vens/wl-" + name);
        } else {
            w.putNull("ven");
        }
        state.collection("workloads").put(w);
        return href;
    }

    /** Puts a policy object (JSON with ' for ") under a new draft href and returns the href. */
    public String policy(PolicyType type, String jsonText) {
        String href = "/orgs/1/sec_policy/draft/" + type.collection() + "/" + (++ids);
        ObjectNode n = (ObjectNode) json(jsonText);
        n.put("href", href);
        if (type == PolicyType.RULE_SETS) {
            int r = 0;
            for (JsonNode rule : n.withArray("rules")) {
                ObjectNode o = (ObjectNode) rule;
                o.put("href", href + "/sec_rules/" + (++r));
                if (!o.has("resolve_labels_as")) {
                    o.set("resolve_labels_as", json("{'providers':['workloads'],'consumers':['workloads']}"));
                }
            }
        }
        state.policy().draft().of(type).put(href, n);
        return href;
    }

    public ObjectNode draft(String href) {
        return state.policy().draft().get(href);
    }

    public void bind(String virtualServiceHref, String workloadHref, String overridesJson) {
        ObjectNode b = PceJson.mapper().createObjectNode();
        b.put("href", "/orgs/1/service_bindings/b" + (++ids));
        b.putObject("virtual_service").put("href", virtualServiceHref.replace("/draft/", "/active/"));
        b.putObject("workload").put("href", workloadHref);
        b.set("port_overrides", json(overridesJson == null ? "[]" : overridesJson));
        state.collection("service_bindings").put(b);
    }

    /** A JSON array of {@code {"label": {"href"}}} actors for the given hrefs. */
    public static String labels(String... hrefs) {
        StringBuilder sb = new StringBuilder("[");
        for (String h : hrefs) {
            sb.append(sb.length() > 1 ? "," : "").append("{'label':{'href':'").append(h).append("'}}");
        }
        return sb.append("]").toString();
    }

    public static List<String> hrefs(List<PolicyModel.Rule> rules) {
        return rules.stream().map(PolicyModel.Rule::href).toList();
    }
}
