package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A network interface of a workload or VEN: {@code name} (e.g. {@code eth0}), {@code address},
 * {@code cidr_block} (prefix length), gateway, link state and the {@code network} it was detected
 * on. Unmanaged workloads are given their interfaces by the user.
 */
@PceRecord
public record WorkloadInterface(
        @JsonProperty("href") String href,
        @JsonProperty("name") String name,
        @JsonProperty("address") String address,
        @JsonProperty("cidr_block") Integer cidrBlock,
        @JsonProperty("default_gateway_address") String defaultGatewayAddress,
        @JsonProperty("link_state") String linkState,
        @JsonProperty("network") Href network,
        @JsonProperty("network_detection_mode") String networkDetectionMode,
        @JsonProperty("friendly_name") String friendlyName,
        @JsonProperty("loopback") Boolean loopback,
        @Extra Map<String, JsonNode> extra) implements PceJsonObject<WorkloadInterface> {

    public WorkloadInterface {
        extra = Extras.copy(extra);
    }

    /** An interface for an unmanaged workload. */
    public static WorkloadInterface of(String name, String address) {
        return new WorkloadInterface(null, name, address, null, null, null, null, null, null, null, null);
    }

    @Override
    public WorkloadInterface withExtra(Map<String, JsonNode> extra) {
        return new WorkloadInterface(href, name, address, cidrBlock, defaultGatewayAddress, linkState, network,
                networkDetectionMode, friendlyName, loopback, extra);
    }
}
