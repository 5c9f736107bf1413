package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * An API key of a user, {@code /users/<id>/api_keys/<key_id>}: authenticate with HTTP Basic
 * ({@code auth_username}, {@code secret}). The {@code secret} is only present in the response that
 * creates the key; listings never show it.
 */
@PceRecord
public record ApiKey(
        @JsonProperty("href") String href,
        @JsonProperty("key_id") String keyId,
        @JsonProperty("auth_username") String authUsername,
        @JsonProperty("secret") String secret,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("created_at") String createdAt,
        @Extra Map<String, JsonNode> extra) implements PceResource<ApiKey> {

    public ApiKey {
        extra = Extras.copy(extra);
    }

    /** A new key, as the body of a create. */
    public static ApiKey of(String name, String description) {
        return new ApiKey(null, null, null, null, name, description, null, null);
    }

    public ApiKey withName(String name) {
        return new ApiKey(href, keyId, authUsername, secret, name, description, createdAt, extra);
    }

    public ApiKey withDescription(String description) {
        return new ApiKey(href, keyId, authUsername, secret, name, description, createdAt, extra);
    }

    /** Hides the secret from logs. */
    @Override
    public String toString() {
        return "ApiKey[href=" + href + ", keyId=" + keyId + ", authUsername=" + authUsername + ", secret="
                + (secret == null ? "null" : "***") + ", name=" + name + ", description=" + description
                + ", createdAt=" + createdAt + ", extra=" + extra.keySet() + "]";
    }

    @Override
    public ApiKey withExtra(Map<String, JsonNode> extra) {
        return new ApiKey(href, keyId, authUsername, secret, name, description, createdAt, extra);
    }
}
