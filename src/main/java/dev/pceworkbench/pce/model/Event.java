package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.pce.json.PceJson;

import java.util.List;
import java.util.Map;

/**
 * An audit event, {@code /orgs/1/events/<uuid>} (or {@code /system_events/<uuid>}):
 * {@code event_type} (e.g. {@code user.login}, {@code sec_policy.create}), {@code status},
 * {@code severity}, {@code timestamp}, the API {@link Action} that caused it, and the
 * heterogeneous {@code created_by} ({@code {"user": {...}}}, {@code {"system": {}}},
 * {@code {"agent": {...}}}), {@code resource_changes} and {@code notifications}, kept as JSON.
 */
@PceRecord
public record Event(
        @JsonProperty("href") String href,
        @JsonProperty("timestamp") String timestamp,
        @JsonProperty("pce_fqdn") String pceFqdn,
        @JsonProperty("event_type") String eventType,
        @JsonProperty("status") String status,
        @JsonProperty("severity") String severity,
        @JsonProperty("created_by") JsonNode createdBy,
        @JsonProperty("action") Action action,
        @JsonProperty("resource_changes") List<JsonNode> resourceChanges,
        @JsonProperty("notifications") List<JsonNode> notifications,
        @Extra Map<String, JsonNode> extra) implements PceJsonObject<Event> {

    public Event {
        resourceChanges = Extras.list(resourceChanges);
        notifications = Extras.list(notifications);
        extra = Extras.copy(extra);
    }

    /** The API request behind the event; all null for system tasks. */
    @PceRecord
    public record Action(
            @JsonProperty("uuid") String uuid,
            @JsonProperty("api_endpoint") String apiEndpoint,
            @JsonProperty("api_method") String apiMethod,
            @JsonProperty("http_status_code") Integer httpStatusCode,
            @JsonProperty("src_ip") String srcIp,
            @Extra Map<String, JsonNode> extra) implements PceJsonObject<Action> {

        public Action {
            extra = Extras.copy(extra);
        }

        @Override
        public Action withExtra(Map<String, JsonNode> extra) {
            return new Action(uuid, apiEndpoint, apiMethod, httpStatusCode, srcIp, extra);
        }
    }

    /** The kind of principal in {@code created_by}: {@code user}, {@code system}, {@code agent}..., or null. */
    public String createdByKind() {
        return createdBy == null || !createdBy.isObject() || createdBy.isEmpty() ? null
                : createdBy.fieldNames().next();
    }

    /**
     * The principal in {@code created_by} as a reference ({@code {"user": {"href", "username"}}}
     * gives that user, with {@code username} in its extra), or null when it has none
     * ({@code {"system": {}}} gives an empty reference).
     */
    public Href createdByRef() {
        if (createdByKind() == null) {
            return null;
        }
        JsonNode first = createdBy.elements().next();
        return first.isObject() ? PceJson.mapper().convertValue(first, Href.class) : null;
    }

    @Override
    public Event withExtra(Map<String, JsonNode> extra) {
        return new Event(href, timestamp, pceFqdn, eventType, status, severity, createdBy, action, resourceChanges,
                notifications, extra);
    }
}
