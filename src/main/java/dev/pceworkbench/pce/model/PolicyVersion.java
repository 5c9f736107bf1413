package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A provisioned policy version, {@code /orgs/1/sec_policy/<n>}, as listed by
 * {@code GET /sec_policy} and returned by a provision ({@code POST /sec_policy}): its number
 * ({@code version}), {@code commit_message}, how many workloads it affected, and how many objects
 * of each type it holds ({@code object_counts}, e.g. {@code "rule_sets": 12}).
 */
@PceRecord
public record PolicyVersion(
        @JsonProperty("href") String href,
        @JsonProperty("version") Integer version,
        @JsonProperty("commit_message") String commitMessage,
        @JsonProperty("workloads_affected") Integer workloadsAffected,
        @JsonProperty("object_counts") Map<String, Integer> objectCounts,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("created_by") Href createdBy,
        @Extra Map<String, JsonNode> extra) implements PceResource<PolicyVersion> {

    public PolicyVersion {
        objectCounts = Extras.map(objectCounts);
        extra = Extras.copy(extra);
    }

    @Override
    public PolicyVersion withExtra(Map<String, JsonNode> extra) {
        return new PolicyVersion(href, version, commitMessage, workloadsAffected, objectCounts, createdAt, createdBy,
                extra);
    }
}
