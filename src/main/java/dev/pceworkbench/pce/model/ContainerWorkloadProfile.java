package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A container workload profile, {@code /orgs/1/container_clusters/<uuid>/container_workload_profiles/<uuid>}:
 * how the pods of one {@code namespace} are managed ({@code managed}, {@code enforcement_mode},
 * {@code visibility_level}) and labelled ({@code labels}: per key an {@code assignment} or a
 * {@code restriction}; {@code assign_labels} is the deprecated flat form).
 */
@PceRecord
public record ContainerWorkloadProfile(
        @JsonProperty("href") String href,
        @JsonProperty("name") String name,
        @JsonProperty("namespace") String namespace,
        @JsonProperty("description") String description,
        @JsonProperty("enforcement_mode") String enforcementMode,
        @JsonProperty("visibility_level") String visibilityLevel,
        @JsonProperty("managed") Boolean managed,
        @JsonProperty("linked") Boolean linked,
        @JsonProperty("assign_labels") List<Href> assignLabels,
        @JsonProperty("labels") List<LabelRule> labels,
        @Extra Map<String, JsonNode> extra) implements PceResource<ContainerWorkloadProfile> {

    public ContainerWorkloadProfile {
        assignLabels = Extras.list(assignLabels);
        labels = Extras.list(labels);
        extra = Extras.copy(extra);
    }

    /** For one label {@code key}: the label assigned to the pods, or the labels they may bring. */
    @PceRecord
    public record LabelRule(
            @JsonProperty("key") String key,
            @JsonProperty("assignment") Href assignment,
            @JsonProperty("restriction") List<Href> restriction,
            @Extra Map<String, JsonNode> extra) implements PceJsonObject<LabelRule> {

        public LabelRule {
            restriction = Extras.list(restriction);
            extra = Extras.copy(extra);
        }

        @Override
        public LabelRule withExtra(Map<String, JsonNode> extra) {
            return new LabelRule(key, assignment, restriction, extra);
        }
    }

    public ContainerWorkloadProfile withName(String name) {
        return new ContainerWorkloadProfile(href, name, namespace, description, enforcementMode, visibilityLevel,
                managed, linked, assignLabels, labels, extra);
    }

    public ContainerWorkloadProfile withDescription(String description) {
        return new ContainerWorkloadProfile(href, name, namespace, description, enforcementMode, visibilityLevel,
                managed, linked, assignLabels, labels, extra);
    }

    public ContainerWorkloadProfile withEnforcementMode(String enforcementMode) {
        return new ContainerWorkloadProfile(href, name, namespace, description, enforcementMode, visibilityLevel,
                managed, linked, assignLabels, labels, extra);
    }

    public ContainerWorkloadProfile withManaged(Boolean managed) {
        return new ContainerWorkloadProfile(href, name, namespace, description, enforcementMode, visibilityLevel,
                managed, linked, assignLabels, labels, extra);
    }

    public ContainerWorkloadProfile withLabels(List<LabelRule> labels) {
        return new ContainerWorkloadProfile(href, name, namespace, description, enforcementMode, visibilityLevel,
                managed, linked, assignLabels, labels, extra);
    }

    @Override
    public ContainerWorkloadProfile withExtra(Map<String, JsonNode> extra) {
        return new ContainerWorkloadProfile(href, name, namespace, description, enforcementMode, visibilityLevel,
                managed, linked, assignLabels, labels, extra);
    }
}
