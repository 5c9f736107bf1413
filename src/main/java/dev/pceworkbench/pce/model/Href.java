package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A reference to another PCE object, {@code {"href": "/orgs/1/labels/7"}}, as found in actors,
 * label lists and {@code created_by}. The PCE often adds a few descriptive members ({@code name},
 * or a label's {@code key} and {@code value}); anything else it adds (a user's {@code username},
 * an event's {@code {"system": {}}}) is kept in {@code extra}.
 */
@PceRecord
public record Href(
        @JsonProperty("href") String href,
        @JsonProperty("name") String name,
        @JsonProperty("key") String key,
        @JsonProperty("value") String value,
        @Extra Map<String, JsonNode> extra) implements PceJsonObject<Href> {

    public Href {
        extra = Extras.copy(extra);
    }

    /** A bare reference {@code {"href": href}}. */
    public static Href of(String href) {
        return new Href(href, null, null, null, null);
    }

    @Override
    public Href withExtra(Map<String, JsonNode> extra) {
        return new Href(href, name, key, value, extra);
    }
}
