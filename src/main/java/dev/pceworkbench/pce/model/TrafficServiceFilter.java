package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * One service filter of a traffic query: a port or range with protocol, and/or a
 * {@code process_name} or {@code windows_service_name}.
 */
@PceRecord
public record TrafficServiceFilter(
        @JsonProperty("port") Integer port,
        @JsonProperty("to_port") Integer toPort,
        @JsonProperty("proto") Integer proto,
        @JsonProperty("process_name") String processName,
        @JsonProperty("windows_service_name") String windowsServiceName,
        @Extra Map<String, JsonNode> extra) implements PceJsonObject<TrafficServiceFilter> {

    public TrafficServiceFilter {
        extra = Extras.copy(extra);
    }

    public static TrafficServiceFilter port(int port, int proto) {
        return new TrafficServiceFilter(port, null, proto, null, null, null);
    }

    public static TrafficServiceFilter range(int port, int toPort, int proto) {
        return new TrafficServiceFilter(port, toPort, proto, null, null, null);
    }

    @Override
    public TrafficServiceFilter withExtra(Map<String, JsonNode> extra) {
        return new TrafficServiceFilter(port, toPort, proto, processName, windowsServiceName, extra);
    }
}
