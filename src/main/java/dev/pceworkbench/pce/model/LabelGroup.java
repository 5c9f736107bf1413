package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A label group (a policy object, {@code /orgs/1/sec_policy/draft/label_groups/<id>}): labels of
 * one {@code key} and nested {@code sub_groups} of the same key, usable wherever a label is.
 */
@PceRecord
public record LabelGroup(
        @JsonProperty("href") String href,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("key") String key,
        @JsonProperty("labels") List<Href> labels,
        @JsonProperty("sub_groups") List<Href> subGroups,
        @Extra Map<String, JsonNode> extra) implements PceResource<LabelGroup> {

    public LabelGroup {
        labels = Extras.list(labels);
        subGroups = Extras.list(subGroups);
        extra = Extras.copy(extra);
    }

    public LabelGroup withName(String name) {
        return new LabelGroup(href, name, description, key, labels, subGroups, extra);
    }

    public LabelGroup withDescription(String description) {
        return new LabelGroup(href, name, description, key, labels, subGroups, extra);
    }

    public LabelGroup withLabels(List<Href> labels) {
        return new LabelGroup(href, name, description, key, labels, subGroups, extra);
    }

    public LabelGroup withSubGroups(List<Href> subGroups) {
        return new LabelGroup(href, name, description, key, labels, subGroups, extra);
    }

    @Override
    public LabelGroup withExtra(Map<String, JsonNode> extra) {
        return new LabelGroup(href, name, description, key, labels, subGroups, extra);
    }
}
