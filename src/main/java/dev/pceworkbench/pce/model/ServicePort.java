package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A port or port range with its IANA protocol number ({@code proto}: 6 TCP, 17 UDP, 1 ICMP, -1
 * any), in a service's or virtual service's {@code service_ports}; ICMP entries may carry
 * {@code icmp_type} / {@code icmp_code}.
 */
@PceRecord
public record ServicePort(
        @JsonProperty("port") Integer port,
        @JsonProperty("to_port") Integer toPort,
        @JsonProperty("proto") Integer proto,
        @JsonProperty("icmp_type") Integer icmpType,
        @JsonProperty("icmp_code") Integer icmpCode,
        @Extra Map<String, JsonNode> extra) implements PceJsonObject<ServicePort> {

    public ServicePort {
        extra = Extras.copy(extra);
    }

    public static ServicePort of(int port, int proto) {
        return new ServicePort(port, null, proto, null, null, null);
    }

    public static ServicePort range(int port, int toPort, int proto) {
        return new ServicePort(port, toPort, proto, null, null, null);
    }

    @Override
    public ServicePort withExtra(Map<String, JsonNode> extra) {
        return new ServicePort(port, toPort, proto, icmpType, icmpCode, extra);
    }
}
