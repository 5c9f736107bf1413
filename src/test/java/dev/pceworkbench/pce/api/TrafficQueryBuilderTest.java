package dev.pceworkbench.pce.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.JsonShapes;
import dev.pceworkbench.pce.json.PceJson;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrafficQueryBuilderTest {
    @Test
    void buildsTheExplorerQueryShapeOfThePceSample() throws Exception {
        ObjectNode q = TrafficQueryBuilder.named("db traffic")
                .sources(TrafficQueryBuilder.Filter.label("/orgs/1/labels/1"), TrafficQueryBuilder.Filter.label("/orgs/1/labels/7"))
                .sources(TrafficQueryBuilder.Filter.workload("/orgs/1/workloads/abc"))
                .excludeSources(TrafficQueryBuilder.Filter.label("/orgs/1/labels/9"))
                .destinations(TrafficQueryBuilder.Filter.ipList("/orgs/1/sec_policy/active/ip_lists/1"))
                .destinations(TrafficQueryBuilder.Filter.label("/orgs/1/labels/4"))
                .excludeDestinations(TrafficQueryBuilder.Filter.label("/orgs/1/labels/3"))
                .service(5432, 6).serviceRange(8000, 8100, 6)
                .excludeService(22, 6).excludeServiceRange(1, 1024, 17)
                .policyDecisions("potentially_blocked", "blocked")
                .between(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"))
                .maxResults(5000)
                .build();
        JsonNode sample = PceJson.mapper().readTree(Path.of(System.getProperty("pce.samples.dir", "../shared/pce-samples"),
                "traffic_query.json").toFile());
        // The sample's services carry process and Windows service names, which the builder does not set.
        List<String> problems = JsonShapes.missingOrMismatched(sample, q,
                p -> p.endsWith("process_name") || p.endsWith("windows_service_name"));
        assertEquals(List.of(), problems);
        assertEquals(2, q.get("sources").get("include").size());
        assertEquals(2, q.get("sources").get("include").get(0).size(), "one group holds both labels (AND)");
        assertEquals(8100, q.get("services").get("include").get(1).get("to_port").asInt());
        assertEquals("2026-01-01T00:00:00Z", q.get("start_date").asText());
        assertEquals("and", q.get("sources_destinations_query_op").asText());
    }

    @Test
    void emptyIncludesAreSentAsAListHoldingAnEmptyList() {
        ObjectNode q = TrafficQueryBuilder.named("all").build();
        assertTrue(q.get("sources").get("include").get(0).isArray());
        assertEquals(0, q.get("sources").get("include").get(0).size());
    }

    @Test
    void refusesWhatThePceWouldRefuse() {
        assertThrows(IllegalArgumentException.class, () -> TrafficQueryBuilder.named("x").maxResults(200_001));
        assertThrows(IllegalArgumentException.class, () -> TrafficQueryBuilder.named("x").policyDecisions("maybe"));
        assertThrows(IllegalArgumentException.class, () -> TrafficQueryBuilder.named("x").serviceRange(10, 5, 6));
        assertThrows(IllegalArgumentException.class, () -> TrafficQueryBuilder.named("x")
                .between(Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")));
        assertThrows(IllegalArgumentException.class, () -> TrafficQueryBuilder.Filter.label("labels/1"));
    }
}
