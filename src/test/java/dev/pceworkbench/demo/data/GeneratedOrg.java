package dev.pceworkbench.demo.data;

import dev.pceworkbench.pce.model.Hrefs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.store.PolicyHrefs;
import dev.pceworkbench.demo.store.PolicySnapshot;
import dev.pceworkbench.demo.store.PolicyStore;
import dev.pceworkbench.demo.store.PolicyType;
import dev.pceworkbench.pce.json.PceJson;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test helpers around a generated demo org: building the state, dumping it, walking its hrefs. */
final class GeneratedOrg {
    static final List<String> COLLECTIONS = List.of("label_dimensions", "labels", "workloads", "vens",
            "service_bindings", "container_clusters", "container_workload_profiles", "pairing_profiles", "events");

    private GeneratedOrg() {
    }

    /** A fresh state as the server builds it: org 1, a fixed clock, the seed, a generic reference finder. */
    static DemoState newState(long seed) {
        Clock clock = Clock.fixed(Instant.parse("2026-02-10T12:00:00Z"), ZoneOffset.UTC);
        return new DemoState(1, clock, seed, GeneratedOrg::policyReferences);
    }

    /** Policy objects (draft hrefs, top level) that a policy object refers to, itself excluded. */
    static Set<String> policyReferences(ObjectNode node) {
        Set<String> out = new LinkedHashSet<>();
        String self = node.path("href").asText();
        for (String h : hrefs(node)) {
            if (PolicyHrefs.isPolicyHref(h)) {
                String top = topLevel(PolicyHrefs.toDraft(h));
                if (!top.equals(self) && PolicyType.ofHref(top).isPresent()) {
                    out.add(top);
                }
            }
        }
        return out;
    }

    /**
     * The top-level policy object of a policy href: like {@link PolicyHrefs#topLevel}, and also for
     * custom iptables rules, which hang below their rule set like sec rules do.
     */
    static String topLevel(String href) {
        int i = href.indexOf("/ip_tables_rules/");
        return PolicyHrefs.topLevel(i < 0 ? href : href.substring(0, i));
    }

    /** Every value of an {@code href} field anywhere inside {@code node}, including its own. */
    static List<String> hrefs(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(JsonNode n, List<String> out) {
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                if (e.getKey().equals("href") && e.getValue().isTextual()) {
                    out.add(e.getValue().asText());
                } else {
                    collect(e.getValue(), out);
                }
            }
        } else if (n.isArray()) {
            for (JsonNode e : n) {
                collect(e, out);
            }
        }
    }

    /** The whole state as one JSON document: collections, draft, and every version with its policy. */
    static String dump(DemoState state) throws Exception {
        ObjectNode root = PceJson.mapper().createObjectNode();
        ObjectNode cols = root.putObject("collections");
        for (String c : COLLECTIONS) {
            ArrayNode a = cols.putArray(c);
            state.collection(c).all().forEach(a::add);
        }
        root.set("draft", snapshot(state.policy().draft()));
        ArrayNode versions = root.putArray("versions");
        for (PolicyStore.Version v : state.policy().versions()) {
            ObjectNode o = versions.addObject();
            o.set("meta", v.meta());
            o.set("policy", snapshot(v.snapshot()));
        }
        return PceJson.mapper().writeValueAsString(root);
    }

    static ObjectNode snapshot(PolicySnapshot s) {
        ObjectNode o = PceJson.mapper().createObjectNode();
        for (PolicyType t : PolicyType.values()) {
            ArrayNode a = o.putArray(t.collection());
            s.all(t).forEach(a::add);
        }
        return o;
    }

    static ArrayNode array(Iterable<? extends JsonNode> nodes) {
        ArrayNode a = PceJson.mapper().createArrayNode();
        nodes.forEach(a::add);
        return a;
    }

    /** Every rule of every draft rule set. */
    static List<JsonNode> rules(DemoState state) {
        List<JsonNode> out = new ArrayList<>();
        for (ObjectNode rs : state.policy().draft().all(PolicyType.RULE_SETS)) {
            rs.get("rules").forEach(out::add);
        }
        return out;
    }

    /**
     * A rendered copy of {@code node}: every bare label reference {@code {"href": label}} gains the
     * label's key and value, as the server writes them. Used where the samples show rendered refs.
     */
    static JsonNode renderLabelRefs(JsonNode node, DemoState state) {
        JsonNode copy = node.deepCopy();
        expand(copy, state);
        return copy;
    }

    private static void expand(JsonNode n, DemoState state) {
        if (n.isObject()) {
            ObjectNode o = (ObjectNode) n;
            if (o.size() == 1 && o.has("href") && o.get("href").asText().startsWith(state.orgPrefix() + "/labels/")) {
                ObjectNode label = state.collection("labels").get(o.get("href").asText());
                if (label != null) {
                    o.set("key", label.get("key"));
                    o.set("value", label.get("value"));
                }
                return;
            }
            o.properties().forEach(e -> expand(e.getValue(), state));
        } else if (n.isArray()) {
            n.forEach(e -> expand(e, state));
        }
    }
}
