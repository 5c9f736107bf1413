package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * An asynchronous traffic (Explorer) query, {@code /orgs/1/traffic_flows/async_queries/<uuid>}:
 * {@code status} ({@code queued}, {@code working}, {@code completed}, {@code failed}...), the
 * echoed {@code query_parameters}, the counts, and {@code result}: when completed a string path to
 * download the flows from ({@link #resultPath()}); a failed query may carry
 * {@code {"message": ...}} there instead ({@link #errorMessage()}), so it is kept as JSON.
 */
@PceRecord
public record TrafficQuery(
        @JsonProperty("href") String href,
        @JsonProperty("status") String status,
        @JsonProperty("result") JsonNode result,
        @JsonProperty("query_parameters") TrafficQueryRequest queryParameters,
        @JsonProperty("flows_count") Long flowsCount,
        @JsonProperty("matches_count") Long matchesCount,
        @JsonProperty("regions") List<JsonNode> regions,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("created_by") Href createdBy,
        @JsonProperty("rules") JsonNode rules,
        @Extra Map<String, JsonNode> extra) implements PceResource<TrafficQuery> {

    public TrafficQuery {
        regions = Extras.list(regions);
        extra = Extras.copy(extra);
    }

    /** Whether the results are ready ({@code status} {@code completed}). */
    public boolean completed() {
        return "completed".equals(status);
    }

    /** Whether the query ended without results: failed, killed or cancelled. */
    public boolean ended() {
        return "failed".equals(status) || "killed".equals(status) || "cancelled".equals(status);
    }

    /** Whether it is still queued or working (or being cancelled). */
    public boolean running() {
        return "queued".equals(status) || "working".equals(status) || "cancel_requested".equals(status);
    }

    /** The status of the draft decisions ({@code rules.status} after {@code update_rules}), or null. */
    public String rulesStatus() {
        JsonNode s = rules == null ? null : rules.get("status");
        return s == null || s.isNull() ? null : s.asText();
    }

    /** The query's {@code max_results}, or the PCE default of 100,000 when not given. */
    public int maxResults() {
        return queryParameters == null || queryParameters.maxResults() == null ? 100_000 : queryParameters.maxResults();
    }

    /** Whether the query returned as many flows as it may ({@code max_results}): more may match. */
    public boolean limitReached() {
        return flowsCount != null && flowsCount >= maxResults();
    }

    /** Whether the query failed. */
    public boolean failed() {
        return "failed".equals(status);
    }

    /** The download path, e.g. {@code /orgs/1/traffic_flows/async_queries/<uuid>/download}, or null. */
    public String resultPath() {
        return result != null && result.isTextual() ? result.asText() : null;
    }

    /** The failure message of a failed query, when the PCE gives one. */
    public String errorMessage() {
        JsonNode m = result == null ? null : result.get("message");
        return m == null || m.isNull() ? null : m.asText();
    }

    @Override
    public TrafficQuery withExtra(Map<String, JsonNode> extra) {
        return new TrafficQuery(href, status, result, queryParameters, flowsCount, matchesCount, regions, createdAt,
                updatedAt, createdBy, rules, extra);
    }
}
