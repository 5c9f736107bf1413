package dev.pceworkbench.demo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.store.PolicySnapshot;
import dev.pceworkbench.demo.store.PolicyType;
import dev.pceworkbench.pce.json.PceJson;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns stored objects into what the PCE sends: label references expanded with key and value where
 * the PCE expands them, label-group members named, and the {@code update_type} of draft policy
 * objects and their rules computed against the active policy. Stored nodes are never changed;
 * rendering makes shallow copies.
 */
final class Render {
    private final DemoState state;

    Render(DemoState state) {
        this.state = state;
    }

    /** An org-level object (workloads get their labels expanded). */
    JsonNode org(String collection, ObjectNode node) {
        if ("workloads".equals(collection)) {
            return withExpandedLabels(node, "labels");
        }
        if ("service_bindings".equals(collection)) {
            return withBoundService(node);
        }
        return node;
    }

    /** A policy object as served from {@code pversion}; {@code snapshot} is that version's policy. */
    JsonNode policy(PolicyType type, ObjectNode node, String pversion, PolicySnapshot snapshot) {
        ObjectNode out = shallow(node);
        boolean draft = "draft".equals(pversion);
        String href = node.path("href").asText();
        if (draft) {
            String ut = state.policy().updateType(type, href);
            out.put("update_type", ut);
            if ("delete".equals(ut) && out.path("deleted_at").isNull()) {
                // When it was marked for deletion (its last change), the same on every read.
                out.put("deleted_at", out.path("updated_at").isTextual() ? out.get("updated_at").asText() : state.timestamp());
            }
        } else {
            out.putNull("update_type");
        }
        switch (type) {
            case LABEL_GROUPS -> {
                expandLabels(out, "labels");
                ArrayNode subs = PceJson.mapper().createArrayNode();
                for (JsonNode s : node.path("sub_groups")) {
                    ObjectNode sub = subs.addObject();
                    String sh = s.path("href").asText();
                    sub.put("href", sh);
                    ObjectNode target = snapshot.of(PolicyType.LABEL_GROUPS).get(sh);
                    sub.put("name", target == null ? s.path("name").asText("") : target.path("name").asText());
                }
                out.set("sub_groups", subs);
            }
            case VIRTUAL_SERVICES -> expandLabels(out, "labels");
            case RULE_SETS -> {
                if (draft) {
                    out.set("rules", rulesWithUpdateType(node, href));
                }
            }
            default -> {
            }
        }
        return out;
    }

    /** A single rule of a ruleset, with its update type in draft. */
    JsonNode rule(ObjectNode rule, String rulesetHref, String pversion) {
        ObjectNode out = shallow(rule);
        out.put("update_type", "draft".equals(pversion) ? ruleUpdateType(rule, rulesetHref) : null);
        return out;
    }

    private ArrayNode rulesWithUpdateType(ObjectNode ruleset, String href) {
        ObjectNode active = state.policy().active().of(PolicyType.RULE_SETS).get(href);
        Map<String, JsonNode> activeRules = new HashMap<>();
        if (active != null) {
            for (JsonNode r : active.path("rules")) {
                activeRules.put(r.path("href").asText(), r);
            }
        }
        ArrayNode rules = PceJson.mapper().createArrayNode();
        for (JsonNode r : ruleset.path("rules")) {
            JsonNode a = activeRules.get(r.path("href").asText());
            ObjectNode copy = shallow((ObjectNode) r);
            copy.put("update_type", a == null ? "create" : (a == r || a.equals(r)) ? null : "update");
            rules.add(copy);
        }
        return rules;
    }

    private String ruleUpdateType(ObjectNode rule, String rulesetHref) {
        ObjectNode active = state.policy().active().of(PolicyType.RULE_SETS).get(rulesetHref);
        if (active == null) {
            return "create";
        }
        String href = rule.path("href").asText();
        for (JsonNode r : active.path("rules")) {
            if (r.path("href").asText().equals(href)) {
                return r == rule || r.equals(rule) ? null : "update";
            }
        }
        return "create";
    }

    /**
     * A binding as read: the read-only {@code bound_service} is the service its (active) virtual
     * service serves, when the virtual service refers to one; null for one with its own ports.
     */
    private ObjectNode withBoundService(ObjectNode node) {
        ObjectNode out = shallow(node);
        String vs = node.path("virtual_service").path("href").asText("");
        ObjectNode v = dev.pceworkbench.demo.store.PolicyHrefs.isPolicyHref(vs) ? state.policy().active()
                .of(PolicyType.VIRTUAL_SERVICES).get(dev.pceworkbench.demo.store.PolicyHrefs.toDraft(vs)) : null;
        String svc = v == null ? "" : v.path("service").path("href").asText("");
        if (svc.isEmpty()) {
            out.putNull("bound_service");
        } else {
            out.putObject("bound_service").put("href", dev.pceworkbench.demo.store.PolicyHrefs.inVersion(svc, "active"));
        }
        return out;
    }

    private ObjectNode withExpandedLabels(ObjectNode node, String field) {
        if (!node.has(field)) {
            return node;
        }
        ObjectNode out = shallow(node);
        expandLabels(out, field);
        return out;
    }

    private void expandLabels(ObjectNode out, String field) {
        JsonNode labels = out.get(field);
        if (labels == null || !labels.isArray()) {
            return;
        }
        ArrayNode expanded = PceJson.mapper().createArrayNode();
        for (JsonNode l : labels) {
            String href = l.path("href").asText();
            ObjectNode label = state.collection("labels").get(href);
            ObjectNode e = expanded.addObject();
            e.put("href", href);
            if (label != null) {
                e.put("key", label.path("key").asText());
                e.put("value", label.path("value").asText());
            }
        }
        out.set(field, expanded);
    }

    static ObjectNode shallow(ObjectNode node) {
        ObjectNode out = PceJson.mapper().createObjectNode();
        out.setAll(node);
        return out;
    }
}
