package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.pce.json.PceJson;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The answer to {@code POST sec_policy/draft/dependencies}: the draft objects that must be
 * provisioned (or reverted) together with the requested change subset, and which of the two
 * shapes the PCE used. The shape is not documented publicly, so both are read:
 * {@link Shape#LIST}, {@code [{"dependency": {type: {href}}, "required_by": {type: [{href}]}}]},
 * and {@link Shape#BY_TYPE}, a change subset of what is missing, {@code {type: [{"href": ...}]}},
 * whose items may say what requires them ({@code required_by}). Empty when the subset is closed.
 */
public record DependencyReport(List<PolicyDependency> dependencies, Shape shape) {
    /** The shape the PCE answered in. */
    public enum Shape {
        /** A list of {@code {dependency, required_by}} items. */
        LIST,
        /** An object keyed by object type, like a {@code change_subset}. */
        BY_TYPE
    }

    public DependencyReport {
        dependencies = List.copyOf(dependencies);
    }

    /** Whether nothing else is needed. */
    public boolean isEmpty() {
        return dependencies.isEmpty();
    }

    /**
     * Reads either shape; a missing body counts as an empty list.
     *
     * @throws IllegalArgumentException when the answer is neither a list nor an object
     */
    public static DependencyReport fromJson(JsonNode answer) {
        if (answer == null || answer.isNull() || answer.isMissingNode()) {
            return new DependencyReport(List.of(), Shape.LIST);
        }
        List<PolicyDependency> out = new ArrayList<>();
        if (answer.isArray()) {
            for (JsonNode d : answer) {
                out.add(PceJson.mapper().convertValue(d, PolicyDependency.class));
            }
            return new DependencyReport(out, Shape.LIST);
        }
        if (!answer.isObject()) {
            throw new IllegalArgumentException("A dependencies answer must be a list or an object keyed by type, not "
                    + answer.getNodeType());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = answer.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode items = e.getValue();
            if (items.isObject()) {
                out.add(byTypeItem(e.getKey(), items)); // a singleton type such as firewall_settings
            } else if (items.isArray()) {
                for (JsonNode item : items) {
                    out.add(byTypeItem(e.getKey(), item));
                }
            }
        }
        return new DependencyReport(out, Shape.BY_TYPE);
    }

    /** One {@code {"href": ..., "required_by": ...}} of the type-keyed shape, as a list-shape item. */
    private static PolicyDependency byTypeItem(String type, JsonNode item) {
        ObjectNode d = PceJson.mapper().createObjectNode();
        d.putObject("dependency").putObject(type).put("href", item.path("href").asText());
        // A bare change subset says nothing of why: an empty required_by, never null.
        d.set("required_by", item.path("required_by").isObject() ? item.get("required_by") : d.objectNode());
        return PceJson.mapper().convertValue(d, PolicyDependency.class);
    }
}
