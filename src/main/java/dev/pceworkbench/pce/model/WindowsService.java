package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * An entry of a service's {@code windows_services}: a Windows service name and/or process name,
 * optionally narrowed to a port range and protocol.
 */
@PceRecord
public record WindowsService(
        @JsonProperty("service_name") String serviceName,
        @JsonProperty("process_name") String processName,
        @JsonProperty("port") Integer port,
        @JsonProperty("to_port") Integer toPort,
        @JsonProperty("proto") Integer proto,
        @JsonProperty("icmp_type") Integer icmpType,
        @JsonProperty("icmp_code") Integer icmpCode,
        @Extra Map<String, JsonNode> extra) implements PceJsonObject<WindowsService> {

    public WindowsService {
        extra = Extras.copy(extra);
    }

    @Override
    public WindowsService withExtra(Map<String, JsonNode> extra) {
        return new WindowsService(serviceName, processName, port, toPort, proto, icmpType, icmpCode, extra);
    }
}
