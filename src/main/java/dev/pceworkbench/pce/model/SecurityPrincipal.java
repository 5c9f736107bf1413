package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A security principal (user group), {@code /orgs/1/security_principals/<uuid>}: an AD group with
 * its {@code name} and Windows {@code sid}, that rules name in {@code consuming_security_principals}.
 * Metadata such as {@code created_at} is read through {@link PceResource}.
 */
@PceRecord
public record SecurityPrincipal(
        @JsonProperty("href") String href,
        @JsonProperty("name") String name,
        @JsonProperty("sid") String sid,
        @JsonProperty("description") String description,
        @JsonProperty("deleted") Boolean deleted,
        @Extra Map<String, JsonNode> extra) implements PceResource<SecurityPrincipal> {

    public SecurityPrincipal {
        extra = Extras.copy(extra);
    }

    /** A new security principal, as the body of a create (POST). */
    public static SecurityPrincipal of(String name, String sid, String description) {
        return new SecurityPrincipal(null, name, sid, description, null, null);
    }

    /** This principal as a reference, {@code {"href"}}. */
    public Href ref() {
        return new Href(href, null, null, null, null);
    }

    @Override
    public SecurityPrincipal withExtra(Map<String, JsonNode> extra) {
        return new SecurityPrincipal(href, name, sid, description, deleted, extra);
    }
}
