package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * One of a virtual service's {@code service_addresses}: an {@code ip} (optionally with a
 * {@code port} and {@code network}) or an {@code fqdn}, with a description.
 */
@PceRecord
public record ServiceAddress(
        @JsonProperty("ip") String ip,
        @JsonProperty("port") Integer port,
        @JsonProperty("fqdn") String fqdn,
        @JsonProperty("network") Href network,
        @JsonProperty("description") String description,
        @Extra Map<String, JsonNode> extra) implements PceJsonObject<ServiceAddress> {

    public ServiceAddress {
        extra = Extras.copy(extra);
    }

    @Override
    public ServiceAddress withExtra(Map<String, JsonNode> extra) {
        return new ServiceAddress(ip, port, fqdn, network, description, extra);
    }
}
