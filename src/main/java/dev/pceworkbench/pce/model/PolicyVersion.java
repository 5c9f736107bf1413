package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A provisioned policy version, {@code /orgs/1/sec_policy/<n>}, as listed by
 * {@code GET /sec_policy} and returned by a provision ({@code POST /sec_policy}): its number
 * ({@code version}), {@code commit_message}, how many workloads it affected, and how many objects
 * it holds ({@code object_counts}: per type, e.g. {@code "rule_sets": 12}, or one integer, depending
 * on the PCE version; see {@link ObjectCounts}).
 */
@PceRecord
public record PolicyVersion(
        @JsonProperty("href") String href,
        @JsonProperty("version") Integer version,
        @JsonProperty("commit_message") String commitMessage,
        @JsonProperty("workloads_affected") Integer workloadsAffected,
        @JsonProperty("object_counts") ObjectCounts objectCounts,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("created_by") Href createdBy,
        @Extra Map<String, JsonNode> extra) implements PceResource<PolicyVersion> {

    public PolicyVersion {
        extra = Extras.copy(extra);
    }

    /** A version with per-type counts (null or empty: none given). */
    public PolicyVersion(String href, Integer version, String commitMessage, Integer workloadsAffected,
                         Map<String, Integer> objectCounts, String createdAt, Href createdBy,
                         Map<String, JsonNode> extra) {
        this(href, version, commitMessage, workloadsAffected,
                objectCounts == null || objectCounts.isEmpty() ? null : ObjectCounts.of(objectCounts),
                createdAt, createdBy, extra);
    }

    @Override
    public PolicyVersion withExtra(Map<String, JsonNode> extra) {
        return new PolicyVersion(href, version, commitMessage, workloadsAffected, objectCounts, createdAt, createdBy,
                extra);
    }
}
