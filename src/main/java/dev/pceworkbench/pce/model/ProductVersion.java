package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * The PCE's version, {@code GET /api/v2/product_version} (also embedded in the login response):
 * {@code version} as {@code MAJOR.MINOR.PATCH} (e.g. {@code 23.2.10}), {@code build}, display
 * forms and {@code product_name}. {@link #atLeast(int, int)} compares versions for feature checks.
 */
@PceRecord
public record ProductVersion(
        @JsonProperty("version") String version,
        @JsonProperty("build") Integer build,
        @JsonProperty("long_display") String longDisplay,
        @JsonProperty("short_display") String shortDisplay,
        @JsonProperty("release_info") String releaseInfo,
        @JsonProperty("engineering_info") String engineeringInfo,
        @JsonProperty("product_name") String productName,
        @Extra Map<String, JsonNode> extra) implements PceJsonObject<ProductVersion> {

    public ProductVersion {
        extra = Extras.copy(extra);
    }

    /** The major version (23 for 23.2.10), or -1 when {@code version} is not numeric. */
    public int major() {
        return part(0);
    }

    /** The minor version (2 for 23.2.10), or -1. */
    public int minor() {
        return part(1);
    }

    /** The patch version (10 for 23.2.10), or -1. */
    public int patch() {
        return part(2);
    }

    /** Whether this is version {@code major.minor} or later (e.g. {@code atLeast(21, 2)} for async traffic queries). */
    public boolean atLeast(int major, int minor) {
        return major() > major || (major() == major && minor() >= minor);
    }

    private int part(int i) {
        if (version == null) {
            return -1;
        }
        String[] parts = version.split("[.-]");
        try {
            return i < parts.length ? Integer.parseInt(parts[i]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public ProductVersion withExtra(Map<String, JsonNode> extra) {
        return new ProductVersion(version, build, longDisplay, shortDisplay, releaseInfo, engineeringInfo, productName,
                extra);
    }
}
