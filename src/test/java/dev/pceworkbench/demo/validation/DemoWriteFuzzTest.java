package dev.pceworkbench.demo.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.pce.json.PceJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 17: a reproducible fuzz run (fixed seed, bounded count) over every write endpoint of the
 * demo PCE — POST and PUT on every collection and object — with type-confused, oversized, deeply
 * nested, truncated, trailing-garbage, invalid UTF-8 and junk bodies. No answer may be a 5xx, every
 * error is the PCE's error list, and afterwards the server still serves and every collection is
 * still valid JSON whose length matches its X-Total-Count.
 */
class DemoWriteFuzzTest {
    private static final long SEED = 17;
    private static final int ROUNDS_PER_ENDPOINT = 14;

    static DemoPce pce;
    static RawHttp http;

    /** One write endpoint and a valid body to mutate. */
    record Endpoint(String method, String path, JsonNode base) {
    }

    @BeforeAll
    static void start() throws Exception {
        pce = DemoPce.start(DemoPceOptions.defaults().withRateLimit(0));
        http = new RawHttp(pce);
    }

    @AfterAll
    static void stop() {
        pce.close();
    }

    private static JsonNode json(String text) {
        try {
            return PceJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static String first(String collection) {
        RawHttp.Reply r = http.get(collection + (collection.contains("?") ? "&" : "?") + "max_results=1");
        assertEquals(200, r.status(), collection + ": " + r.body());
        assertFalse(r.json().isEmpty(), "the small data set has " + collection);
        return r.json().get(0).get("href").asText();
    }

    private static List<Endpoint> endpoints() {
        String o = "/orgs/1";
        String d = o + "/sec_policy/draft";
        String cluster = first(o + "/container_clusters");
        String ruleSet = first(d + "/rule_sets");
        List<Endpoint> out = new ArrayList<>();
        String[][] posts = {
                {o + "/labels", "{\"key\":\"app\",\"value\":\"Fuzz\"}"},
                {o + "/label_dimensions", "{\"key\":\"fz\",\"display_name\":\"Fuzz\"}"},
                {o + "/workloads", "{\"name\":\"fz\",\"hostname\":\"fz.example\",\"interfaces\":[{\"name\":\"eth0\",\"address\":\"10.1.1.1\"}]}"},
                {o + "/pairing_profiles", "{\"name\":\"fz\",\"enabled\":true}"},
                {o + "/container_clusters", "{\"name\":\"fz\",\"description\":\"d\"}"},
                {cluster + "/container_workload_profiles", "{\"name\":\"fz\",\"namespace\":\"ns\"}"},
                {o + "/service_bindings", "[{\"virtual_service\":{\"href\":\"" + d + "/virtual_services/x\"},\"workload\":{\"href\":\"/orgs/1/workloads/x\"},\"port_overrides\":[{\"port\":80,\"proto\":6,\"new_port\":8080}]}]"},
                {first(o + "/pairing_profiles") + "/pairing_key", "{}"},
                {d + "/ip_lists", "{\"name\":\"fz\",\"ip_ranges\":[{\"from_ip\":\"10.0.0.1\"}],\"fqdns\":[]}"},
                {d + "/label_groups", "{\"name\":\"fz\",\"key\":\"app\",\"labels\":[],\"sub_groups\":[]}"},
                {d + "/services", "{\"name\":\"fz\",\"service_ports\":[{\"port\":80,\"to_port\":90,\"proto\":6}]}"},
                {d + "/virtual_services", "{\"name\":\"fz\",\"apply_to\":\"host_only\",\"service_ports\":[{\"port\":80,\"proto\":6}],\"service_addresses\":[{\"fqdn\":\"a.example\",\"port\":80}]}"},
                {d + "/rule_sets", "{\"name\":\"fz\",\"scopes\":[[]],\"ip_tables_rules\":[{\"actors\":[{\"actors\":\"ams\"}],\"statements\":[{\"table_name\":\"filter\",\"chain_name\":\"INPUT\",\"parameters\":\"-j ACCEPT\"}]}]}"},
                {d + "/enforcement_boundaries", "{\"name\":\"fz\",\"providers\":[{\"actors\":\"ams\"}],\"consumers\":[{\"actors\":\"ams\"}],\"ingress_services\":[{\"port\":22,\"proto\":6}]}"},
                {ruleSet + "/sec_rules", "{\"providers\":[{\"actors\":\"ams\"}],\"consumers\":[{\"actors\":\"ams\"}],\"ingress_services\":[{\"port\":80,\"proto\":6}],\"resolve_labels_as\":{\"providers\":[\"workloads\"],\"consumers\":[\"workloads\"]}}"},
                {o + "/sec_policy", "{\"update_description\":\"fz\",\"change_subset\":{\"ip_lists\":[]}}"},
                {d + "/dependencies", "{\"operation\":\"commit\",\"change_subset\":{\"ip_lists\":[]}}"},
                {o + "/sec_policy/delete", "{\"change_subset\":{\"ip_lists\":[]}}"},
                {d + "/rule_search", "{}"},
                {o + "/traffic_flows/async_queries", "{\"query_name\":\"fz\",\"sources\":{\"include\":[[]],\"exclude\":[]},\"destinations\":{\"include\":[[]],\"exclude\":[]},\"services\":{\"include\":[],\"exclude\":[]},\"policy_decisions\":[],\"start_date\":\"2020-01-01T00:00:00Z\",\"end_date\":\"2030-01-01T00:00:00Z\",\"max_results\":10}"},
                {o + "/traffic_flows/traffic_analysis_queries", "{\"sources\":{\"include\":[[]],\"exclude\":[]},\"destinations\":{\"include\":[[]],\"exclude\":[]},\"services\":{\"include\":[],\"exclude\":[]},\"policy_decisions\":[],\"start_date\":\"2020-01-01T00:00:00Z\",\"end_date\":\"2030-01-01T00:00:00Z\",\"max_results\":10}"},
                {"/users/1/api_keys", "{\"name\":\"fz\",\"description\":\"d\"}"},
        };
        for (String[] p : posts) {
            out.add(new Endpoint("POST", p[0], json(p[1])));
        }
        for (String c : new String[]{o + "/labels", o + "/label_dimensions", o + "/workloads", o + "/vens", o + "/pairing_profiles",
                o + "/container_clusters", cluster + "/container_workload_profiles", d + "/ip_lists", d + "/label_groups",
                d + "/services", d + "/virtual_services", d + "/rule_sets", d + "/enforcement_boundaries", ruleSet + "/sec_rules"}) {
            String href = first(c);
            out.add(new Endpoint("PUT", href, http.get(href).json()));
        }
        out.add(new Endpoint("PUT", d + "/firewall_settings", http.get(d + "/firewall_settings").json()));
        out.add(new Endpoint("PUT", o + "/sec_policy/delete", json("{\"change_subset\":{\"services\":[]}}")));
        RawHttp.Reply q = http.send("POST", o + "/traffic_flows/async_queries", posts[19][1]);
        assertEquals(202, q.status(), q.body());
        out.add(new Endpoint("PUT", q.json().get("href").asText(), json("{\"status\":\"cancel_requested\"}")));
        return out;
    }

    @Test
    void everyWriteEndpointSurvivesHostileBodies() {
        Random rnd = new Random(SEED);
        List<Endpoint> endpoints = endpoints();
        int sent = 0;
        int refused = 0;
        List<String> problems = new ArrayList<>();
        for (Endpoint e : endpoints) {
            for (int round = 0; round < ROUNDS_PER_ENDPOINT; round++) {
                int strategy = round < 10 ? round : rnd.nextInt(10);
                byte[] body = mutate(e.base(), strategy, rnd);
                RawHttp.Reply r;
                try {
                    r = http.send(e.method(), e.path(), body);
                } catch (java.io.UncheckedIOException io) {
                    problems.add("no answer: " + e.method() + " " + e.path() + " strategy " + strategy + " (" + body.length
                            + " bytes): " + io.getCause());
                    continue;
                } finally {
                    sent++;
                }
                String what = e.method() + " " + e.path() + " strategy " + strategy + " -> " + r.status() + " "
                        + (r.body().length() > 300 ? r.body().substring(0, 300) : r.body());
                if (r.status() >= 500) {
                    problems.add(what);
                    continue;
                }
                if (r.status() >= 400) {
                    refused++;
                    if (!errorShape(r.body())) {
                        problems.add("not the PCE error shape: " + what);
                    }
                } else if (!r.body().isEmpty()) {
                    try {
                        PceJson.mapper().readTree(r.body());
                    } catch (Exception ex) {
                        problems.add("answer not JSON: " + what);
                    }
                }
            }
        }
        assertEquals(List.of(), problems, "of " + sent + " fuzzed requests");
        assertTrue(refused > sent / 2, "most hostile bodies are refused: " + refused + " of " + sent);
        assertEquals(200, http.get("/health").status(), "still serving");
        for (String c : new String[]{"labels", "label_dimensions", "workloads", "vens", "pairing_profiles", "container_clusters",
                "service_bindings", "events", "sec_policy/draft/ip_lists", "sec_policy/draft/label_groups",
                "sec_policy/draft/services", "sec_policy/draft/virtual_services", "sec_policy/draft/rule_sets",
                "sec_policy/draft/enforcement_boundaries", "sec_policy/active/rule_sets", "sec_policy/pending",
                "sec_policy/draft/firewall_settings"}) {
            RawHttp.Reply r = http.get("/orgs/1/" + c + (c.contains("pending") || c.contains("firewall") ? "" : "?max_results=100000"));
            assertEquals(200, r.status(), c + ": " + r.body());
            JsonNode list = r.json();
            assertTrue(list.isArray() || list.isObject(), c);
        }
    }

    private static boolean errorShape(String body) {
        try {
            JsonNode n = PceJson.mapper().readTree(body);
            if (!n.isArray() || n.isEmpty()) {
                return false;
            }
            for (JsonNode e : n) {
                if (!e.path("token").isTextual() || !e.path("message").isTextual()
                        || e.path("message").asText().contains("Exception") || e.path("message").asText().contains("java.")) {
                    return false;
                }
            }
            return true;
        } catch (Exception ex) {
            return false;
        }
    }

    private static final JsonNode[] CONFUSERS = {
            json("18446744073709551616"), json("4294967376"), json("-1"), json("1e308"), json("0.5"), json("\"x\""),
            json("[]"), json("{}"), json("true"), json("null"), json("[1]"), json("\"\\u0000\""), json("[[{\"href\":7}]]"),
            json("{\"href\":[]}")};

    /** A body for {@code strategy}: 0 the valid base, then each kind of hostile body. */
    static byte[] mutate(JsonNode base, int strategy, Random rnd) {
        JsonNode tree = base.deepCopy();
        switch (strategy) {
            case 0 -> {
                return bytes(tree);
            }
            case 1 -> { // type confusion at a random property
                List<ObjectNode> objects = objects(tree);
                if (!objects.isEmpty()) {
                    ObjectNode o = objects.get(rnd.nextInt(objects.size()));
                    List<String> names = new ArrayList<>();
                    o.fieldNames().forEachRemaining(names::add);
                    String key = names.isEmpty() ? "name" : names.get(rnd.nextInt(names.size()));
                    o.set(key, CONFUSERS[rnd.nextInt(CONFUSERS.length)]);
                }
                return bytes(tree);
            }
            case 2 -> { // an unknown property somewhere
                List<ObjectNode> objects = objects(tree);
                if (!objects.isEmpty()) {
                    objects.get(rnd.nextInt(objects.size())).put("fuzz_" + rnd.nextInt(1000), "x");
                }
                return bytes(tree);
            }
            case 3 -> { // deep nesting
                int depth = new int[]{33, 200, 999, 5000}[rnd.nextInt(4)];
                String deep = (rnd.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
                String text = tree.isObject() ? "{\"name\":" + deep + "," + tree.toString().substring(1) : "[" + deep + "]";
                if (text.endsWith(",}")) {
                    text = text.substring(0, text.length() - 2) + "}";
                }
                return text.getBytes(StandardCharsets.UTF_8);
            }
            case 4 -> { // oversized string, or a body over the size limit
                if (rnd.nextInt(12) == 0) {
                    byte[] huge = new byte[9 * 1024 * 1024];
                    java.util.Arrays.fill(huge, (byte) ' ');
                    huge[0] = '{';
                    huge[huge.length - 1] = '}';
                    return huge;
                }
                List<ObjectNode> objects = objects(tree);
                String big = "y".repeat(rnd.nextInt(6) > 0 ? 70_000 : 1_100_000);
                if (!objects.isEmpty()) {
                    objects.get(rnd.nextInt(objects.size())).put(rnd.nextBoolean() ? "name" : "description", big);
                } else {
                    return ("\"" + big + "\"").getBytes(StandardCharsets.UTF_8);
                }
                return bytes(tree);
            }
            case 5 -> { // truncated
                byte[] b = bytes(tree);
                return java.util.Arrays.copyOf(b, Math.max(1, rnd.nextInt(b.length)));
            }
            case 6 -> { // trailing garbage
                String[] tails = {" x", "{}", "]", ",", "\u0000", " []", "}}"};
                return (tree.toString() + tails[rnd.nextInt(tails.length)]).getBytes(StandardCharsets.UTF_8);
            }
            case 7 -> { // invalid UTF-8 in a string
                byte[] b = bytes(tree);
                int quote = tree.toString().indexOf('"', 2);
                int at = quote < 0 ? b.length / 2 : quote;
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(b, 0, at);
                byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88}};
                byte[] x = bad[rnd.nextInt(bad.length)];
                out.write(x, 0, x.length);
                out.write(b, at, b.length - at);
                return out.toByteArray();
            }
            case 8 -> { // the wrong root type
                String[] roots = {"[1]", "\"s\"", "42", "null", "true", "[]", "[{}]", "[[]]", "{}", ""};
                return roots[rnd.nextInt(roots.length)].getBytes(StandardCharsets.UTF_8);
            }
            default -> { // random bytes
                byte[] b = new byte[1 + rnd.nextInt(200)];
                rnd.nextBytes(b);
                return b;
            }
        }
    }

    private static byte[] bytes(JsonNode n) {
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<ObjectNode> objects(JsonNode n) {
        List<ObjectNode> out = new ArrayList<>();
        if (n instanceof ObjectNode o) {
            out.add(o);
            o.elements().forEachRemaining(c -> out.addAll(objects(c)));
        } else if (n instanceof ArrayNode a) {
            a.elements().forEachRemaining(c -> out.addAll(objects(c)));
        }
        return out;
    }

    @Test
    void mutationsAreReproducible() {
        JsonNode base = json("{\"name\":\"a\",\"service_ports\":[{\"port\":1,\"proto\":6}]}");
        for (int s = 0; s < 10; s++) {
            assertTrue(java.util.Arrays.equals(mutate(base, s, new Random(SEED)), mutate(base, s, new Random(SEED))), "strategy " + s);
        }
        if (mutate(base, 0, new Random(SEED)).length == 0) {
            fail("the valid base is sent as is");
        }
    }
}
