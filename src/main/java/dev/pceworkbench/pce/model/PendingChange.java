package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * One draft policy object with unprovisioned changes, as listed by {@code GET sec_policy/pending}:
 * its {@code href}, {@code name}, {@code update_type} ({@code create}, {@code update} or
 * {@code delete}) and when and by whom it was last changed.
 */
@PceRecord
public record PendingChange(
        @JsonProperty("href") String href,
        @JsonProperty("name") String name,
        @JsonProperty("update_type") String updateType,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("updated_by") Href updatedBy,
        @JsonProperty("caps") List<String> caps,
        @Extra Map<String, JsonNode> extra) implements PceResource<PendingChange> {

    public PendingChange {
        caps = Extras.list(caps);
        extra = Extras.copy(extra);
    }

    @Override
    public PendingChange withExtra(Map<String, JsonNode> extra) {
        return new PendingChange(href, name, updateType, updatedAt, updatedBy, caps, extra);
    }
}
