package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * One member of a rule set scope: a {@code label} or a {@code label_group} reference, optionally
 * with {@code "exclusion": true} (newer PCEs). A rule set's {@code scopes} is a list of scopes, each
 * a list of entries; {@code [[]]} is the global scope.
 */
@PceRecord
public record ScopeEntry(
        @JsonProperty("label") Href label,
        @JsonProperty("label_group") Href labelGroup,
        @JsonProperty("exclusion") Boolean exclusion,
        @Extra Map<String, JsonNode> extra) implements PceJsonObject<ScopeEntry> {

    public ScopeEntry {
        extra = Extras.copy(extra);
    }

    public static ScopeEntry label(String href) {
        return new ScopeEntry(Href.of(href), null, null, null);
    }

    public static ScopeEntry labelGroup(String href) {
        return new ScopeEntry(null, Href.of(href), null, null);
    }

    /** The label or label group referenced. */
    public Href ref() {
        return label != null ? label : labelGroup;
    }

    @Override
    public ScopeEntry withExtra(Map<String, JsonNode> extra) {
        return new ScopeEntry(label, labelGroup, exclusion, extra);
    }
}
