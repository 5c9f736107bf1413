package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Map;

/**
 * One source or destination filter of a traffic query: a {@code label}, {@code label_group},
 * {@code workload} or {@code ip_list} reference, {@code {"actors": "ams"}}, an
 * {@code ip_address} (a string, or {@code {"value": ...}} as some clients send it, so kept as
 * JSON), an {@code fqdn}, or a {@code transmission} ({@code broadcast}, {@code multicast}).
 */
@PceRecord
public record TrafficEndpointFilter(
        @JsonProperty("actors") String actors,
        @JsonProperty("label") Href label,
        @JsonProperty("label_group") Href labelGroup,
        @JsonProperty("workload") Href workload,
        @JsonProperty("ip_list") Href ipList,
        @JsonProperty("ip_address") JsonNode ipAddress,
        @JsonProperty("fqdn") String fqdn,
        @JsonProperty("transmission") String transmission,
        @Extra Map<String, JsonNode> extra) implements PceJsonObject<TrafficEndpointFilter> {

    public TrafficEndpointFilter {
        extra = Extras.copy(extra);
    }

    public static TrafficEndpointFilter label(String href) {
        return new TrafficEndpointFilter(null, Href.of(href), null, null, null, null, null, null, null);
    }

    public static TrafficEndpointFilter labelGroup(String href) {
        return new TrafficEndpointFilter(null, null, Href.of(href), null, null, null, null, null, null);
    }

    public static TrafficEndpointFilter workload(String href) {
        return new TrafficEndpointFilter(null, null, null, Href.of(href), null, null, null, null, null);
    }

    public static TrafficEndpointFilter ipList(String href) {
        return new TrafficEndpointFilter(null, null, null, null, Href.of(href), null, null, null, null);
    }

    public static TrafficEndpointFilter ipAddress(String ip) {
        return new TrafficEndpointFilter(null, null, null, null, null, TextNode.valueOf(ip), null, null, null);
    }

    public static TrafficEndpointFilter transmission(String transmission) {
        return new TrafficEndpointFilter(null, null, null, null, null, null, null, transmission, null);
    }

    @Override
    public TrafficEndpointFilter withExtra(Map<String, JsonNode> extra) {
        return new TrafficEndpointFilter(actors, label, labelGroup, workload, ipList, ipAddress, fqdn, transmission,
                extra);
    }
}
