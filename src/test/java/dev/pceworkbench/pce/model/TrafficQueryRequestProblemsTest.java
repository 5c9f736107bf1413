package dev.pceworkbench.pce.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A query form's input is refused with a reason naming the field before anything is sent. */
class TrafficQueryRequestProblemsTest {
    @Test
    void aGoodQueryHasNoProblemsAndEachBadPartIsNamed() {
        TrafficQueryRequest ok = TrafficQueryRequest.of("ok", "2026-01-01", "2026-01-31T00:00:00Z")
                .withSources(new TrafficQueryRequest.Endpoints(List.of(List.of(
                        TrafficEndpointFilter.ipAddress("10.0.0.0/8"), TrafficEndpointFilter.label("/orgs/1/labels/1"))),
                        List.of(TrafficEndpointFilter.transmission("broadcast")), null))
                .withServices(new TrafficQueryRequest.Services(List.of(TrafficServiceFilter.range(80, 443, 6)), List.of(), null));
        assertEquals(List.of(), ok.problems());

        TrafficQueryRequest bad = TrafficQueryRequest.of("bad", "2026-02-01", "2026-01-01")
                .withMaxResults(200_001)
                .withSourcesDestinationsQueryOp("xor")
                .withSources(new TrafficQueryRequest.Endpoints(List.of(List.of(TrafficEndpointFilter.ipAddress("10.0.0.300"))),
                        List.of(TrafficEndpointFilter.transmission("anycast")), null))
                .withServices(new TrafficQueryRequest.Services(List.of(TrafficServiceFilter.range(443, 80, 6),
                        new TrafficServiceFilter(null, null, null, null, null, null)), List.of(TrafficServiceFilter.port(70000, 6)), null))
                .withPolicyDecisions(List.of("maybe"));
        List<String> p = bad.problems();
        for (String field : List.of("end_date:", "max_results:", "sources_destinations_query_op:",
                "sources.include: 10.0.0.300", "sources.exclude: transmission", "services.include: to_port 80",
                "services.include: each service", "services.exclude: port 70000", "policy_decisions:")) {
            assertTrue(p.stream().anyMatch(x -> x.startsWith(field)), field + " in " + p);
        }
        assertEquals(9, p.size(), p.toString());
        assertTrue(TrafficQueryRequest.of("d", "31/01/2026", null).problems().get(0).startsWith("start_date:"));
    }
}
