package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * The response of {@code POST /orgs/1/pairing_profiles/<id>/pairing_key}: the
 * {@code activation_code} a VEN is installed with.
 */
@PceRecord
public record PairingKey(
        @JsonProperty("activation_code") String activationCode,
        @Extra Map<String, JsonNode> extra) implements PceJsonObject<PairingKey> {

    public PairingKey {
        extra = Extras.copy(extra);
    }

    @Override
    public PairingKey withExtra(Map<String, JsonNode> extra) {
        return new PairingKey(activationCode, extra);
    }
}
