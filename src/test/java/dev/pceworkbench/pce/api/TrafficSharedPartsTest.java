package dev.pceworkbench.pce.api;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.pce.model.TrafficFlow;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The traffic client's pass over a download: equal parts become one record, every flow reads the same. */
class TrafficSharedPartsTest {
    private static String end(String ip, String workload, String ipList) {
        String w = workload == null ? "" : """
                , "workload": {"href": "%s", "hostname": "db-1", "labels": [{"href": "/orgs/1/labels/1", "key": "app", "value": "Payments"}]}
                """.formatted(workload);
        String l = ipList == null ? "" : ", \"ip_lists\": [{\"href\": \"%s\", \"name\": \"Corp\"}]".formatted(ipList);
        return "{\"ip\": \"" + ip + "\"" + w + l + "}";
    }

    private static String flow(String src, String dst, int port, String first) {
        return """
                {"src": %s, "dst": %s, "service": {"port": %d, "proto": 6},
                 "num_connections": 3, "policy_decision": "allowed",
                 "timestamp_range": {"first_detected": "%s", "last_detected": "2026-12-01T10:00:00Z"}}
                """.formatted(src, dst, port, first);
    }

    @Test
    void equalEndsWorkloadsAndServicesBecomeOneRecordAndEveryFlowReadsTheSame() throws Exception {
        String db = "/orgs/1/workloads/db-1";
        String json = "[" + String.join(",",
                flow(end("10.0.0.5", null, null), end("10.0.1.1", db, null), 5432, "2026-11-01T00:00:00Z"),
                flow(end("10.0.0.5", null, null), end("10.0.1.1", db, null), 5432, "2026-11-02T00:00:00Z"),
                flow(end("10.0.0.5", null, "/orgs/1/sec_policy/active/ip_lists/1"), end("10.0.1.2", db, null), 443,
                        "2026-11-03T00:00:00Z"),
                flow(end("10.0.0.6", null, null), end("10.0.1.1", db, null), 443, "2026-11-04T00:00:00Z")) + "]";
        List<TrafficFlow> parsed = PceJson.mapper().readValue(json, new TypeReference<List<TrafficFlow>>() { });
        TrafficApi.Shared shared = new TrafficApi.Shared();
        List<TrafficFlow> flows = new ArrayList<>();
        for (TrafficFlow f : parsed) {
            flows.add(shared.flow(f));
        }

        assertEquals(parsed, flows, "every flow reads as parsed");
        // The same workload at the same address: one end; at another address: another end, same workload.
        assertSame(flows.get(0).dst(), flows.get(1).dst());
        assertSame(flows.get(0).dst(), flows.get(3).dst());
        assertNotSame(flows.get(0).dst(), flows.get(2).dst());
        assertSame(flows.get(0).dst().workload(), flows.get(2).dst().workload());
        // Addresses without a workload: equal ends one record, an IP list makes another.
        assertSame(flows.get(0).src(), flows.get(1).src());
        assertNotSame(flows.get(0).src(), flows.get(2).src());
        assertNotSame(flows.get(0).src(), flows.get(3).src());
        assertEquals("10.0.0.6", flows.get(3).src().ip());
        // Services by value; timestamp ranges stay each flow's own.
        assertSame(flows.get(0).service(), flows.get(1).service());
        assertSame(flows.get(2).service(), flows.get(3).service());
        assertNotSame(flows.get(0).service(), flows.get(2).service());
        assertSame(parsed.get(1).timestampRange(), flows.get(1).timestampRange());
    }
}
