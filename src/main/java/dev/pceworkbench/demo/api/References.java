package dev.pceworkbench.demo.api;

import dev.pceworkbench.pce.model.Hrefs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.store.PolicyHrefs;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Finds the hrefs an object refers to (its own href and its children's excluded). */
public final class References {
    private References() {
    }

    /** Every {@code href} value inside {@code node} that is not the node's own or a child's. */
    public static Set<String> hrefs(ObjectNode node) {
        Set<String> out = new LinkedHashSet<>();
        String own = node.path("href").asText("");
        collect(node, own, out, true);
        return out;
    }

    /** The policy objects (draft hrefs, top-level) that a policy object refers to. */
    public static Set<String> policyRefs(ObjectNode node) {
        Set<String> out = new LinkedHashSet<>();
        for (String h : hrefs(node)) {
            if (PolicyHrefs.isPolicyHref(h)) {
                out.add(PolicyHrefs.topLevel(PolicyHrefs.toDraft(h)));
            }
        }
        return out;
    }

    private static void collect(JsonNode n, String own, Set<String> out, boolean root) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (e.getKey().equals("href") && v.isTextual()) {
                    String h = v.asText();
                    if (!root && !(own.length() > 0 && h.startsWith(own + "/"))) {
                        out.add(h);
                    }
                    continue;
                }
                // Audit fields point at users, not at policy or labels.
                if (e.getKey().endsWith("_by")) {
                    continue;
                }
                collect(v, own, out, false);
            }
        } else if (n.isArray()) {
            for (JsonNode x : n) {
                collect(x, own, out, false);
            }
        }
    }
}
