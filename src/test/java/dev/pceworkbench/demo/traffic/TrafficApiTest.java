package dev.pceworkbench.demo.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.demo.DemoHttp;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.demo.server.Faults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Traffic Explorer async queries over plain HTTP against the small demo data set. */
class TrafficApiTest {
    static final String QUERIES = "/orgs/1/traffic_flows/async_queries";
    static DemoPce pce;
    static DemoHttp http;

    @BeforeAll
    static void start() throws Exception {
        pce = DemoPce.start(DemoPceOptions.defaults().withHttps(false).withRateLimit(0)
                .withTrafficQueryDuration(Duration.ofMillis(900)));
        http = DemoHttp.forPce(pce);
    }

    @AfterAll
    static void stop() {
        pce.close();
    }

    private static String label(String key, String value) {
        for (JsonNode l : http.get("/orgs/1/labels?key=" + key + "&max_results=1000").json()) {
            if (l.get("value").asText().equals(value)) {
                return l.get("href").asText();
            }
        }
        throw new AssertionError("no label " + key + "=" + value);
    }

    /** Posts a query, polls it to the end and returns the statuses seen, then the final object. */
    private static List<JsonNode> runToEnd(Object body) throws InterruptedException {
        DemoHttp.Reply created = http.post(QUERIES, body);
        assertEquals(202, created.status(), created.body());
        JsonNode q = created.json();
        List<JsonNode> seen = new ArrayList<>(List.of(q));
        String href = q.get("href").asText();
        Instant deadline = Instant.now().plusSeconds(30);
        while (Set.of("queued", "working").contains(q.get("status").asText()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(40);
            q = http.get(href.substring("".length())).json();
            seen.add(q);
        }
        return seen;
    }

    private static List<String> statuses(List<JsonNode> seen) {
        List<String> out = new ArrayList<>();
        for (JsonNode q : seen) {
            String s = q.get("status").asText();
            if (out.isEmpty() || !out.get(out.size() - 1).equals(s)) {
                out.add(s);
            }
        }
        return out;
    }

    @Test
    void filteredQueryRoundTripAgreesWithThePolicyCheck() throws Exception {
        String db = label("role", "DB");
        Map<String, Object> body = new HashMap<>(Map.of(
                "query_name", "db-5432",
                "start_date", java.time.Instant.now().minus(java.time.Duration.ofDays(60)).toString(),
                "end_date", java.time.Instant.now().plus(java.time.Duration.ofDays(2)).toString(),
                "sources", Map.of("include", List.of(List.of()), "exclude", List.of()),
                "destinations", Map.of("include", List.of(List.of(Map.of("label", Map.of("href", db)))), "exclude", List.of()),
                "services", Map.of("include", List.of(Map.of("port", 5432, "proto", 6)), "exclude", List.of()),
                "policy_decisions", List.of(),
                "sources_destinations_query_op", "and",
                "max_results", 10000));
        List<JsonNode> seen = runToEnd(body);
        JsonNode done = seen.get(seen.size() - 1);
        assertEquals(List.of("queued", "working", "completed"), statuses(seen), seen.toString());
        assertTrue(done.get("href").asText().matches("/orgs/1/traffic_flows/async_queries/[0-9a-f-]{36}"));
        assertEquals("db-5432", done.get("query_parameters").get("query_name").asText(), "query parameters are echoed");
        assertEquals("/users/1", done.get("created_by").get("href").asText());
        assertEquals(done.get("href").asText() + "/download", done.get("result").asText());
        int count = done.get("flows_count").asInt();
        assertTrue(count > 0, "the small data set has PostgreSQL traffic: " + done);

        JsonNode flows = http.get(done.get("result").asText()).json();
        assertEquals(count, flows.size());
        assertEquals(done.get("matches_count").asInt(), flows.size());
        Map<String, Integer> byDecision = new HashMap<>();
        for (JsonNode f : flows) {
            FlowShape.assertShape(f);
            assertEquals(5432, f.get("service").get("port").asInt());
            assertEquals(6, f.get("service").get("proto").asInt());
            assertTrue(f.get("dst").get("workload").get("labels").toString().contains(db), f.toString());
            byDecision.merge(f.get("policy_decision").asText(), 1, Integer::sum);
        }
        assertTrue(byDecision.size() >= 2, "a mix of decisions: " + byDecision);

        Set<String> workloadModes = new HashSet<>();
        int checked = 0;
        for (JsonNode f : flows) {
            if (checked++ == 60) {
                break;
            }
            JsonNode dstWl = http.get(f.get("dst").get("workload").get("href").asText()).json();
            boolean managed = dstWl.get("ven").isObject();
            String decision = f.get("policy_decision").asText();
            if (!managed) {
                assertEquals("unknown", decision, f.toString());
                continue;
            }
            String src = f.get("src").has("workload")
                    ? "src_workload=" + enc(f.get("src").get("workload").get("href").asText())
                    : "src_external_ip=" + enc(f.get("src").get("ip").asText());
            DemoHttp.Reply allow = http.get("/orgs/1/sec_policy/active/allow?" + src + "&dst_workload="
                    + enc(dstWl.get("href").asText()) + "&port=5432&protocol=6");
            assertEquals(200, allow.status(), allow.body());
            boolean allowed = allow.json().size() > 0;
            String mode = dstWl.get("enforcement_mode").asText();
            workloadModes.add(mode);
            assertEquals(allowed ? "allowed" : mode.equals("full") ? "blocked" : "potentially_blocked", decision,
                    f + " / allow: " + allow.body());
        }

        // The same query restricted to one decision returns exactly that part.
        String some = byDecision.keySet().iterator().next();
        body.put("policy_decisions", List.of(some));
        JsonNode only = seenLast(runToEnd(body));
        assertEquals(byDecision.get(some).intValue(), only.get("matches_count").asInt());
        for (JsonNode f : http.get(only.get("result").asText()).json()) {
            assertEquals(some, f.get("policy_decision").asText());
        }

        // max_results caps the download but not the match count.
        body.put("policy_decisions", List.of());
        body.put("max_results", 3);
        JsonNode capped = seenLast(runToEnd(body));
        assertEquals(3, capped.get("flows_count").asInt());
        assertEquals(count, capped.get("matches_count").asInt());
        assertEquals(3, http.get(capped.get("result").asText()).json().size());
    }

    @Test
    void sourcesAsWorkloadOrAddressWithExcludesAndOrOperator() throws Exception {
        String web = label("role", "Web");
        // Inbound traffic from outside: sources by address block (both accepted spellings), destinations web.
        Map<String, Object> body = Map.of(
                "sources", Map.of("include", List.of(List.of(Map.of("ip_address", "172.20.0.0/16")),
                        List.of(Map.of("ip_address", Map.of("value", "203.0.113.0/24")))), "exclude", List.of()),
                "destinations", Map.of("include", List.of(List.of(Map.of("label", Map.of("href", web)))),
                        "exclude", List.of(Map.of("transmission", "broadcast"))),
                "services", Map.of("include", List.of(), "exclude", List.of(Map.of("process_name", "ignored.exe"))),
                "policy_decisions", List.of(), "max_results", 200000);
        JsonNode done = seenLast(runToEnd(body));
        JsonNode flows = http.get(done.get("result").asText()).json();
        assertTrue(flows.size() > 0, done.toString());
        for (JsonNode f : flows) {
            String ip = f.get("src").get("ip").asText();
            assertTrue(ip.startsWith("172.20.") || ip.startsWith("203.0.113."), ip);
            assertFalse(f.get("src").has("workload"));
            assertTrue(f.get("dst").get("workload").get("labels").toString().contains(web));
        }
        // "or": flows from those addresses OR to web servers — more than the "and".
        Map<String, Object> or = new HashMap<>(body);
        or.put("sources_destinations_query_op", "or");
        JsonNode orDone = seenLast(runToEnd(or));
        assertTrue(orDone.get("matches_count").asInt() > done.get("matches_count").asInt());
        // Excluding the web label from destinations empties the "and" query.
        Map<String, Object> excluded = new HashMap<>(body);
        excluded.put("destinations", Map.of("include", List.of(List.of()), "exclude", List.of(Map.of("label", Map.of("href", web)))));
        JsonNode exDone = seenLast(runToEnd(excluded));
        for (JsonNode f : http.get(exDone.get("result").asText()).json()) {
            assertFalse(f.get("dst").has("workload") && f.get("dst").get("workload").get("labels").toString().contains(web));
        }
    }

    @Test
    void injectedFaultMakesTheQueryFail() throws Exception {
        pce.faults().inject(Faults.Kind.JOBFAIL, 1);
        List<JsonNode> seen = runToEnd(Map.of("sources", Map.of("include", List.of(List.of())), "max_results", 10));
        JsonNode failed = seenLast(seen);
        assertEquals("failed", failed.get("status").asText(), seen.toString());
        assertTrue(failed.get("result").get("message").asText().length() > 10, failed.toString());
        DemoHttp.Reply download = http.get(failed.get("href").asText() + "/download");
        assertEquals(406, download.status());
        assertEquals("async_query_not_completed", download.token());
        // The fault was consumed: the next query completes.
        assertEquals("completed", seenLast(runToEnd(Map.of("max_results", 10))).get("status").asText());
    }

    @Test
    void validationCancelListAndDelete() throws Exception {
        DemoHttp.Reply tooMany = http.post(QUERIES, Map.of("max_results", 200001));
        assertEquals(406, tooMany.status());
        assertTrue(tooMany.json().get(0).get("message").asText().contains("max_results"));
        DemoHttp.Reply badItem = http.post(QUERIES, Map.of("sources", Map.of("include", List.of(List.of(Map.of("colour", "red"))))));
        assertEquals(406, badItem.status());
        assertTrue(badItem.json().get(0).get("message").asText().contains("colour"));
        assertEquals(406, http.post(QUERIES, Map.of("sources", Map.of("include",
                List.of(List.of(Map.of("label", Map.of("href", "/orgs/1/labels/999999"))))))).status());
        assertEquals(406, http.post(QUERIES, Map.of("policy_decisions", List.of("maybe"))).status());
        // Filter fields sent as null (clients that serialise every field) are ignored.
        Map<String, Object> withNulls = new HashMap<>();
        withNulls.put("label", Map.of("href", label("role", "Web")));
        withNulls.put("ip_address", null);
        DemoHttp.Reply lenient = http.post(QUERIES, Map.of("sources", Map.of("include", List.of(List.of(withNulls)))));
        assertEquals(202, lenient.status(), lenient.body());

        JsonNode q = http.post(QUERIES, Map.of("query_name", "to-cancel")).json();
        String href = q.get("href").asText();
        assertEquals("queued", q.get("status").asText());
        assertEquals(406, http.put(href, Map.of("status", "done")).status());
        assertEquals(204, http.put(href, Map.of("status", "cancel_requested")).status());
        String cancelling = http.get(href).json().get("status").asText();
        assertTrue(Set.of("cancel_requested", "killed").contains(cancelling), cancelling);
        assertEquals(406, http.put(href, Map.of("status", "cancel_requested")).status(), "cancelled once only");
        Thread.sleep(1000);
        assertEquals("killed", http.get(href).json().get("status").asText(), "stays killed after the duration");
        assertEquals(406, http.get(href + "/download").status());

        JsonNode list = http.get(QUERIES).json();
        assertTrue(list.toString().contains(href));
        assertEquals(204, http.delete(href).status());
        DemoHttp.Reply gone = http.get(href);
        assertEquals(404, gone.status());
        assertEquals("not_found", gone.token());
        assertFalse(http.get(QUERIES).json().toString().contains(href));
    }

    @Test
    void synchronousQueryReturnsTheFlowsDirectly() {
        DemoHttp.Reply r = http.post("/orgs/1/traffic_flows/traffic_analysis_queries",
                Map.of("services", Map.of("include", List.of(Map.of("port", 53, "proto", 17))), "max_results", 50));
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().size() > 0);
        for (JsonNode f : r.json()) {
            assertEquals(53, f.get("service").get("port").asInt());
            assertNotEquals("", f.get("policy_decision").asText());
        }
    }

    private static JsonNode seenLast(List<JsonNode> seen) {
        return seen.get(seen.size() - 1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
