package dev.pceworkbench.demo.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fields (and JSON types) every flow of illumio-py's {@code traffic_query_response.json}
 * sample has; the demo's flows must have at least these.
 */
final class FlowShape {
    private static final Map<String, JsonNodeType> FIELDS = Map.ofEntries(
            Map.entry("src.ip", JsonNodeType.STRING),
            Map.entry("dst.ip", JsonNodeType.STRING),
            Map.entry("service.port", JsonNodeType.NUMBER),
            Map.entry("service.proto", JsonNodeType.NUMBER),
            Map.entry("num_connections", JsonNodeType.NUMBER),
            Map.entry("policy_decision", JsonNodeType.STRING),
            Map.entry("flow_direction", JsonNodeType.STRING),
            Map.entry("state", JsonNodeType.STRING),
            Map.entry("timestamp_range.first_detected", JsonNodeType.STRING),
            Map.entry("timestamp_range.last_detected", JsonNodeType.STRING),
            Map.entry("dst_bi", JsonNodeType.NUMBER),
            Map.entry("dst_bo", JsonNodeType.NUMBER),
            Map.entry("transmission", JsonNodeType.STRING));
    private static final Map<String, JsonNodeType> WORKLOAD = Map.of(
            "href", JsonNodeType.STRING, "name", JsonNodeType.STRING, "hostname", JsonNodeType.STRING,
            "os_type", JsonNodeType.STRING, "labels", JsonNodeType.ARRAY);

    private FlowShape() {
    }

    static void assertShape(JsonNode flow) {
        FIELDS.forEach((path, type) -> {
            JsonNode n = flow;
            for (String p : path.split("\\.")) {
                n = n.path(p);
            }
            assertEquals(type, n.getNodeType(), path + " in " + flow);
        });
        assertTrue(flow.get("service").get("port").isInt() && flow.get("num_connections").isInt());
        assertTrue(flow.get("timestamp_range").get("first_detected").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        for (String side : new String[]{"src", "dst"}) {
            JsonNode w = flow.get(side).get("workload");
            if (w != null) {
                WORKLOAD.forEach((k, type) -> assertEquals(type, w.path(k).getNodeType(), side + ".workload." + k + " in " + flow));
                for (JsonNode l : w.get("labels")) {
                    assertNotNull(l.get("href").textValue());
                    assertNotNull(l.get("key").textValue());
                    assertNotNull(l.get("value").textValue());
                }
            }
        }
    }
}
