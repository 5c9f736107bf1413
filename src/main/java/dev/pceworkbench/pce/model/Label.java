package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A label, {@code /orgs/1/labels/8}: a {@code key} (its dimension, e.g. {@code env}) and a
 * {@code value} (e.g. {@code Prod}). {@code usage} (flags saying where the label is used) is only
 * present when asked for; metadata such as {@code created_at} is read through
 * {@link PceResource}.
 */
@PceRecord
public record Label(
        @JsonProperty("href") String href,
        @JsonProperty("key") String key,
        @JsonProperty("value") String value,
        @JsonProperty("deleted") Boolean deleted,
        @JsonProperty("usage") JsonNode usage,
        @Extra Map<String, JsonNode> extra) implements PceResource<Label> {

    public Label {
        extra = Extras.copy(extra);
    }

    /** A new label, as the body of a create (POST). */
    public static Label of(String key, String value) {
        return new Label(null, key, value, null, null, null);
    }

    public Label withValue(String value) {
        return new Label(href, key, value, deleted, usage, extra);
    }

    /**
     * Whether anything uses this label, from the {@code usage} flags ({@code labels?usage=true}):
     * true when any flag is true, false when all are false, and null when the PCE sent no
     * {@code usage} (unknown, which must never be read as "unused").
     */
    public Boolean inUse() {
        if (usage == null || !usage.isObject()) {
            return null;
        }
        for (JsonNode flag : usage) {
            if (flag.asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    /** This label as a reference, {@code {"href", "key", "value"}}. */
    public Href ref() {
        return new Href(href, null, key, value, null);
    }

    @Override
    public Label withExtra(Map<String, JsonNode> extra) {
        return new Label(href, key, value, deleted, usage, extra);
    }
}
