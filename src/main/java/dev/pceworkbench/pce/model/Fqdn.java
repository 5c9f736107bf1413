package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** One entry of an IP list's {@code fqdns}: a domain name (wildcards allowed) and a description. */
@PceRecord
public record Fqdn(
        @JsonProperty("fqdn") String fqdn,
        @JsonProperty("description") String description,
        @Extra Map<String, JsonNode> extra) implements PceJsonObject<Fqdn> {

    public Fqdn {
        extra = Extras.copy(extra);
    }

    public static Fqdn of(String fqdn) {
        return new Fqdn(fqdn, null, null);
    }

    @Override
    public Fqdn withExtra(Map<String, JsonNode> extra) {
        return new Fqdn(fqdn, description, extra);
    }
}
