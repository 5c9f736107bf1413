package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * One entry of an IP list's {@code ip_ranges}: {@code from_ip} (an address or CIDR block),
 * optionally {@code to_ip} for a range, {@code exclusion} to carve it out, and a description.
 */
@PceRecord
public record IpRange(
        @JsonProperty("from_ip") String fromIp,
        @JsonProperty("to_ip") String toIp,
        @JsonProperty("exclusion") Boolean exclusion,
        @JsonProperty("description") String description,
        @Extra Map<String, JsonNode> extra) implements PceJsonObject<IpRange> {

    public IpRange {
        extra = Extras.copy(extra);
    }

    /** An included address or CIDR block. */
    public static IpRange of(String fromIp) {
        return new IpRange(fromIp, null, false, null, null);
    }

    @Override
    public IpRange withExtra(Map<String, JsonNode> extra) {
        return new IpRange(fromIp, toIp, exclusion, description, extra);
    }
}
