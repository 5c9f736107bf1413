package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A pairing profile, {@code /orgs/1/pairing_profiles/<id>}: the labels, enforcement mode and
 * visibility that VENs paired with its keys receive, and the keys' limits. {@code key_lifespan}
 * and {@code allowed_uses_per_key} are {@code "unlimited"} or a number, so they stay JSON; the
 * many {@code *_lock} flags are kept in {@code extra}.
 */
@PceRecord
public record PairingProfile(
        @JsonProperty("href") String href,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("enabled") Boolean enabled,
        @JsonProperty("is_default") Boolean isDefault,
        @JsonProperty("labels") List<Href> labels,
        @JsonProperty("enforcement_mode") String enforcementMode,
        @JsonProperty("visibility_level") String visibilityLevel,
        @JsonProperty("ven_type") String venType,
        @JsonProperty("key_lifespan") JsonNode keyLifespan,
        @JsonProperty("allowed_uses_per_key") JsonNode allowedUsesPerKey,
        @JsonProperty("total_use_count") Integer totalUseCount,
        @JsonProperty("last_pairing_at") String lastPairingAt,
        @JsonProperty("agent_software_release") String agentSoftwareRelease,
        @Extra Map<String, JsonNode> extra) implements PceResource<PairingProfile> {

    public PairingProfile {
        labels = Extras.list(labels);
        extra = Extras.copy(extra);
    }

    public PairingProfile withName(String name) {
        return new PairingProfile(href, name, description, enabled, isDefault, labels, enforcementMode,
                visibilityLevel, venType, keyLifespan, allowedUsesPerKey, totalUseCount, lastPairingAt,
                agentSoftwareRelease, extra);
    }

    public PairingProfile withDescription(String description) {
        return new PairingProfile(href, name, description, enabled, isDefault, labels, enforcementMode,
                visibilityLevel, venType, keyLifespan, allowedUsesPerKey, totalUseCount, lastPairingAt,
                agentSoftwareRelease, extra);
    }

    public PairingProfile withEnabled(Boolean enabled) {
        return new PairingProfile(href, name, description, enabled, isDefault, labels, enforcementMode,
                visibilityLevel, venType, keyLifespan, allowedUsesPerKey, totalUseCount, lastPairingAt,
                agentSoftwareRelease, extra);
    }

    public PairingProfile withLabels(List<Href> labels) {
        return new PairingProfile(href, name, description, enabled, isDefault, labels, enforcementMode,
                visibilityLevel, venType, keyLifespan, allowedUsesPerKey, totalUseCount, lastPairingAt,
                agentSoftwareRelease, extra);
    }

    public PairingProfile withEnforcementMode(String enforcementMode) {
        return new PairingProfile(href, name, description, enabled, isDefault, labels, enforcementMode,
                visibilityLevel, venType, keyLifespan, allowedUsesPerKey, totalUseCount, lastPairingAt,
                agentSoftwareRelease, extra);
    }

    @Override
    public PairingProfile withExtra(Map<String, JsonNode> extra) {
        return new PairingProfile(href, name, description, enabled, isDefault, labels, enforcementMode,
                visibilityLevel, venType, keyLifespan, allowedUsesPerKey, totalUseCount, lastPairingAt,
                agentSoftwareRelease, extra);
    }
}
