package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A label dimension (label type), {@code /orgs/1/label_dimensions/<uuid>}: its {@code key} (role,
 * app, env, loc or a custom one), {@code display_name}, {@code usage} flags and
 * {@code display_info} (initial, colours, plural name, sort order), the last two kept as JSON.
 */
@PceRecord
public record LabelDimension(
        @JsonProperty("href") String href,
        @JsonProperty("key") String key,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("usage") JsonNode usage,
        @JsonProperty("deleted") Boolean deleted,
        @JsonProperty("display_info") JsonNode displayInfo,
        @Extra Map<String, JsonNode> extra) implements PceResource<LabelDimension> {

    public LabelDimension {
        extra = Extras.copy(extra);
    }

    public LabelDimension withDisplayName(String displayName) {
        return new LabelDimension(href, key, displayName, usage, deleted, displayInfo, extra);
    }

    @Override
    public LabelDimension withExtra(Map<String, JsonNode> extra) {
        return new LabelDimension(href, key, displayName, usage, deleted, displayInfo, extra);
    }
}
