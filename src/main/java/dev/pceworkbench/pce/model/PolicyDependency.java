package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * One item of the answer to {@code POST /sec_policy/draft/dependencies}: a draft object that must
 * be provisioned (or reverted) together with the requested ones, {@code {"dependency": {type:
 * {href}}, "required_by": {type: [{href}...]}}}. An empty answer means the change subset is closed.
 */
@PceRecord
public record PolicyDependency(
        @JsonProperty("dependency") Map<String, Href> dependency,
        @JsonProperty("required_by") Map<String, List<Href>> requiredBy,
        @Extra Map<String, JsonNode> extra) implements PceJsonObject<PolicyDependency> {

    public PolicyDependency {
        dependency = Extras.map(dependency);
        requiredBy = Extras.map(requiredBy);
        extra = Extras.copy(extra);
    }

    /** The object type of the dependency ({@code "ip_lists"}...), or null. */
    public String dependencyType() {
        return dependency == null || dependency.isEmpty() ? null : dependency.keySet().iterator().next();
    }

    /** The href of the dependency, or null. */
    public String dependencyHref() {
        String type = dependencyType();
        Href ref = type == null ? null : dependency.get(type);
        return ref == null ? null : ref.href();
    }

    @Override
    public PolicyDependency withExtra(Map<String, JsonNode> extra) {
        return new PolicyDependency(dependency, requiredBy, extra);
    }
}
