package dev.pceworkbench.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.pceworkbench.pce.json.PceJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For every PCE sample under {@code ../shared/pce-samples}, the demo PCE serves that object type
 * over HTTPS with (at least) the same field names and JSON types. The request-body and traffic
 * samples are checked by the traffic tests; every other sample file must be covered here.
 */
class DemoPceFidelityTest {
    static DemoPce pce;
    static DemoHttp http;

    @BeforeAll
    static void start() throws Exception {
        pce = DemoPce.start(DemoPceOptions.defaults().withRateLimit(0));
        http = DemoHttp.forPce(pce);
    }

    @AfterAll
    static void stop() {
        pce.close();
    }

    static Path samples() {
        String dir = System.getProperty("pce.samples.dir", "../shared/pce-samples");
        return Path.of(dir);
    }

    static JsonNode sample(String name) throws IOException {
        return PceJson.mapper().readTree(samples().resolve(name).toFile());
    }

    /** What the demo PCE serves for each sample file. */
    private final Map<String, Function<DemoHttp, JsonNode>> served = Map.ofEntries(
            Map.entry("container_clusters.json", h -> list(h, "/orgs/1/container_clusters")),
            Map.entry("container_workload_profiles.json", h -> {
                String cluster = list(h, "/orgs/1/container_clusters").get(0).get("href").asText();
                return list(h, cluster + "/container_workload_profiles");
            }),
            Map.entry("events.json", h -> list(h, "/orgs/1/events")),
            Map.entry("ip_lists.json", h -> list(h, "/orgs/1/sec_policy/draft/ip_lists")),
            Map.entry("label_groups.json", h -> list(h, "/orgs/1/sec_policy/draft/label_groups")),
            Map.entry("pairing_key.json", h -> {
                String pp = list(h, "/orgs/1/pairing_profiles").get(0).get("href").asText();
                return h.post(pp + "/pairing_key", Map.of()).json();
            }),
            Map.entry("pairing_profiles.json", h -> list(h, "/orgs/1/pairing_profiles")),
            Map.entry("rule_sets.json", h -> list(h, "/orgs/1/sec_policy/draft/rule_sets")),
            Map.entry("rules.json", h -> {
                ArrayNode rules = PceJson.mapper().createArrayNode();
                for (JsonNode rs : list(h, "/orgs/1/sec_policy/draft/rule_sets")) {
                    // A rule set may hold no rules (the data set has an empty one pending deletion).
                    DemoHttp.Reply r = h.get(rs.get("href").asText() + "/sec_rules");
                    assertEquals(200, r.status(), r.body());
                    rules.addAll((ArrayNode) r.json());
                }
                assertTrue(rules.size() > 0, "the demo data set has rules");
                return rules;
            }),
            Map.entry("services.json", h -> list(h, "/orgs/1/sec_policy/draft/services")),
            Map.entry("vens.json", h -> list(h, "/orgs/1/vens")),
            Map.entry("virtual_services.json", h -> list(h, "/orgs/1/sec_policy/draft/virtual_services")),
            Map.entry("workloads.json", h -> list(h, "/orgs/1/workloads")));

    /** Sample files that are not plain object collections and are checked elsewhere. */
    private static final Set<String> CHECKED_ELSEWHERE = Set.of(
            "traffic_query.json",           // a request body (Swagger placeholders): TrafficApiTest posts it
            "traffic_query_response.json"); // flows: TrafficApiTest compares a download against it

    private static JsonNode list(DemoHttp h, String path) {
        DemoHttp.Reply r = h.get(path + (path.contains("?") ? "&" : "?") + "max_results=10000");
        assertEquals(200, r.status(), path + ": " + r.body());
        assertTrue(r.json().size() > 0, path + " is empty in the demo data set");
        return r.json();
    }

    @Test
    void everySampleFileIsCovered() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.list(samples())) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).forEach(files::add);
        }
        assertTrue(files.size() >= 15, "samples found in " + samples().toAbsolutePath() + ": " + files);
        Set<String> covered = new TreeSet<>(served.keySet());
        covered.addAll(CHECKED_ELSEWHERE);
        assertEquals(files, covered, "each sample needs a fidelity check");
    }

    @Test
    void servedObjectsHaveEverySampleFieldWithItsJsonType() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Function<DemoHttp, JsonNode>> e : new java.util.TreeMap<>(served).entrySet()) {
            JsonNode ours = e.getValue().apply(http);
            for (String p : JsonShapes.missingOrMismatched(sample(e.getKey()), ours)) {
                problems.add(e.getKey() + " " + p);
            }
        }
        assertEquals(List.of(), problems, "fields the demo PCE does not serve as the samples do");
    }
}
