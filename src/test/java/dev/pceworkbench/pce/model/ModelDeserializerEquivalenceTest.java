package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.pceworkbench.demo.DemoHttp;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.pce.json.ParallelArrayReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.pceworkbench.pce.model.RoundTrip.M;
import static dev.pceworkbench.pce.model.RoundTrip.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one-pass {@link RecordReader} gives exactly the records of the reference path (Jackson's own
 * record deserializer, the any-setter and the null watcher, selected with
 * {@link ModelDeserializer#REFERENCE}): equal records, the same JSON written back, the same
 * {@code extra} members in the same order in every nested object, and the same errors. Compared
 * over every PCE sample, every collection the demo PCE serves, and hand-made edge cases.
 */
class ModelDeserializerEquivalenceTest {
    private static final String ORG = "/orgs/1";
    private static DemoPce pce;
    private static DemoHttp http;

    @BeforeAll
    static void start() throws Exception {
        pce = DemoPce.start(DemoPceOptions.defaults().withRateLimit(0).withJobTiming(Duration.ofMillis(50), 0)
                .withTrafficQueryDuration(Duration.ofMillis(50)));
        http = DemoHttp.forPce(pce);
    }

    @AfterAll
    static void stop() {
        if (pce != null) {
            pce.close();
        }
    }

    private static ObjectReader fast(JavaType type) {
        return M.readerFor(type);
    }

    private static ObjectReader reference(JavaType type) {
        return M.readerFor(type).withAttribute(ModelDeserializer.REFERENCE, Boolean.TRUE);
    }

    /** Reads {@code json} both ways, from text and from a tree, and asserts the four results are the same. */
    static Object assertSameBothWays(String json, JavaType type, String what) throws IOException {
        Object expected = reference(type).readValue(json);
        Object actual = fast(type).readValue(json);
        assertSameRecords(expected, actual, what + " (text)");
        JsonNode tree = M.readTree(json);
        assertSameRecords(expected, fast(type).readValue(tree), what + " (tree)");
        assertSameRecords(expected, reference(type).readValue(tree), what + " (reference from tree)");
        return actual;
    }

    static void assertSameRecords(Object expected, Object actual, String what) throws IOException {
        assertEquals(expected, actual, what + ": records differ");
        RoundTrip.assertSame(M.valueToTree(expected), M.valueToTree(actual), what + ": JSON written");
        List<PceJsonObject<?>> e = RoundTrip.allObjects(expected);
        List<PceJsonObject<?>> a = RoundTrip.allObjects(actual);
        assertEquals(e.size(), a.size(), what + ": number of nested objects");
        for (int i = 0; i < e.size(); i++) {
            assertEquals(e.get(i).getClass(), a.get(i).getClass(), what + ": object " + i);
            // The reference's any-setter map has no order of its own; the members must be the same.
            assertEquals(e.get(i).extra(), a.get(i).extra(),
                    what + ": extra of " + e.get(i).getClass().getSimpleName() + " #" + i);
            assertEquals(e.get(i).jsonExtra(), a.get(i).jsonExtra(),
                    what + ": written extra members of " + e.get(i).getClass().getSimpleName() + " #" + i);
        }
    }

    static Stream<String> samples() throws IOException {
        return SampleRoundTripTest.files();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleReadsTheSameBothWays(String file) throws IOException {
        JavaType type = SampleRoundTripTest.TYPES.get(file);
        assertNotNull(type, file);
        Object v = assertSameBothWays(SampleRoundTripTest.read(file), type, file);
        assertFalse(RoundTrip.allObjects(v).isEmpty(), file + " has model objects");
    }

    @Test
    void everyDemoCollectionReadsTheSameBothWays() throws IOException {
        Map<String, Class<?>> kinds = new LinkedHashMap<>();
        kinds.put("labels", Label.class);
        kinds.put("label_dimensions", LabelDimension.class);
        kinds.put("workloads", Workload.class);
        kinds.put("vens", Ven.class);
        kinds.put("service_bindings", ServiceBinding.class);
        kinds.put("container_clusters", ContainerCluster.class);
        kinds.put("pairing_profiles", PairingProfile.class);
        kinds.put("events", Event.class);
        for (String pv : List.of("draft", "active")) {
            for (String p : List.of("label_groups", "ip_lists", "services", "virtual_services", "rule_sets",
                    "enforcement_boundaries")) {
                kinds.put("sec_policy/" + pv + "/" + p, switch (p) {
                    case "label_groups" -> LabelGroup.class;
                    case "ip_lists" -> IpList.class;
                    case "services" -> Service.class;
                    case "virtual_services" -> VirtualService.class;
                    case "rule_sets" -> RuleSet.class;
                    default -> EnforcementBoundary.class;
                });
            }
        }
        int records = 0;
        for (Map.Entry<String, Class<?>> k : kinds.entrySet()) {
            String path = ORG + "/" + k.getKey() + "?max_results=10000";
            DemoHttp.Reply r = http.get(path);
            assertEquals(200, r.status(), path);
            Object v = assertSameBothWays(r.body(), M.getTypeFactory().constructCollectionType(List.class,
                    k.getValue()), path);
            records += ((List<?>) v).size();
        }
        assertTrue(records > 500, "the demo PCE's collections hold records: " + records);
    }

    @Test
    void ruleSetsReadInParallelWithTheirRepeatedActorsAndServicesReadOnceAreTheReferenceRecords() throws IOException {
        // Actors, services and resolve_labels_as repeat byte for byte from rule to rule: a parallel
        // read reads each distinct text once (@Repeated). The demo's rule sets twelve times over:
        // several batches, parsed on every core.
        String body = http.get(ORG + "/sec_policy/draft/rule_sets?max_results=10000").body().trim();
        String doc = "[" + String.join(",", Collections.nCopies(12, body.substring(1, body.length() - 1))) + "]";
        assertTrue(doc.length() > 3 << 20, "several batches: " + doc.length());
        List<RuleSet> parallel = ParallelArrayReader.read(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)),
                RuleSet.class, "rule sets");
        JavaType type = M.getTypeFactory().constructCollectionType(List.class, RuleSet.class);
        assertSameRecords(reference(type).readValue(doc), parallel, "rule sets read in parallel");
        Set<Object> actors = Collections.newSetFromMap(new IdentityHashMap<>());
        int all = 0;
        for (RuleSet rs : parallel) {
            for (SecRule r : rs.rules()) {
                actors.addAll(r.providers());
                actors.addAll(r.consumers());
                all += r.providers().size() + r.consumers().size();
            }
        }
        assertTrue(actors.size() * 4 < all, "equal actors are mostly one instance: " + actors.size() + " of " + all);
    }

    @Test
    void demoTrafficFlowsReadTheSameBothWays() throws Exception {
        DemoHttp.Reply submitted = http.post(ORG + "/traffic_flows/async_queries", q("{'sources': {'include': [[]],"
                + " 'exclude': []}, 'destinations': {'include': [[]], 'exclude': []}, 'services': {'include': [],"
                + " 'exclude': []}, 'sources_destinations_query_op': 'and', 'policy_decisions': [],"
                + " 'max_results': 5000, 'query_name': 'equivalence'}"));
        assertEquals(202, submitted.status(), submitted.body());
        TrafficQuery query = M.readValue(submitted.body(), TrafficQuery.class);
        TrafficQuery done = dev.pceworkbench.testing.DemoPces.client(pce).traffic()
                .await(query, dev.pceworkbench.pce.CancellationToken.none(), p -> { });
        String href = done.href();
        DemoHttp.Reply flows = http.get(done.resultPath().substring(done.resultPath().indexOf("/orgs/")));
        assertEquals(200, flows.status());
        JavaType listOfFlows = M.getTypeFactory().constructCollectionType(List.class, TrafficFlow.class);
        List<?> v = (List<?>) assertSameBothWays(flows.body(), listOfFlows, "traffic download");
        assertFalse(v.isEmpty());
        // As the client reads a download: in batches on every core, each distinct end read once.
        byte[] bytes = flows.body().getBytes(StandardCharsets.UTF_8);
        assertTrue(bytes.length > 3 * 1024 * 1024, "several batches: " + bytes.length);
        List<TrafficFlow> parallel = ParallelArrayReader.read(
                new ByteArrayInputStream(bytes), TrafficFlow.class, "traffic download");
        assertSameRecords(reference(listOfFlows).readValue(bytes), parallel, "traffic download read in parallel");
        Set<Object> ends = Collections.newSetFromMap(new IdentityHashMap<>());
        for (TrafficFlow f : parallel) {
            ends.add(f.src());
            ends.add(f.dst());
        }
        assertTrue(ends.size() < parallel.size(), "repeated ends are one record: " + ends.size() + " for "
                + parallel.size() + " flows");
    }

    @Test
    void explicitNullsUnknownMembersAndRepeatsLandTheSame() throws IOException {
        List<String> cases = List.of(
                q("{'href': null, 'name': 'w', 'zz': 1, 'labels': null, 'agent': {'href': null, 'status': null,"
                        + " 'config': null, 'x': null}, 'extra': {'a': [1, null]}, 'online': null, 'yy': null}"),
                q("{'zz': null}"),
                q("{}"),
                q("{'interfaces': [{'name': 'eth0', 'address': null, 'k': 'v'}, null], 'labels': [null, {'href': 'x'}]}"),
                // Unknown members' objects: the shared {"href"} form and everything that is not it.
                q("{'created_by': {'href': '/users/1'}, 'updated_by': {'href': '/users/1', 'x': 1}, 'q': {},"
                        + " 'r': {'href': null}, 's': {'href': 2}, 't': {'a': {'href': 'b'}, 'a': 2, 'n': null},"
                        + " 'u': {'x': 1, 'href': 'h'}, 'v': [{'href': 'h'}]}"));
        JavaType w = M.constructType(Workload.class);
        for (String json : cases) {
            assertSameBothWays(json, w, json);
        }
        // Repeated members (the tree parser keeps only the last, so text only): same as the reference.
        String repeated = q("{'name': 'a', 'name': 'b', 'q': 1, 'q': 2, 'r': 3, 'online': null, 'online': true}");
        assertSameRecords(reference(w).readValue(repeated), fast(w).readValue(repeated), repeated);
        JavaType rs = M.constructType(RuleSet.class);
        assertSameBothWays(q("{'name': 'r', 'scopes': [[], [null], [{'label': {'href': 'l'}, 'exclusion': null}]],"
                + " 'rules': [{'providers': [{'actors': 'ams'}, {'label': null}], 'enabled': null, 'resolve_labels_as':"
                + " {'providers': ['workloads'], 'consumers': null, 'z': 1}, 'ingress_services': []}], 'ip_tables_rules': null}"),
                rs, "rule set");
        assertSameBothWays(q("{'src': {'ip': '10.0.0.1', 'workload': {'href': 'w', 'labels': []}},"
                + " 'dst': null, 'service': {'port': 443, 'proto': 6, 'extra': null}, 'num_connections': 3,"
                + " 'rules': null, 'timestamp_range': {'first_detected': 'a'}}"),
                M.constructType(TrafficFlow.class), "flow");
    }

    @Test
    void aReferenceInExtraIsOneSharedUnmodifiableNodePerHref() throws IOException {
        List<SecRule> rules = M.readValue(q("[{'created_by': {'href': '/users/7'}, 'updated_by': {'href': '/users/7'}},"
                + " {'created_by': {'href': '/users/7'}, 'updated_by': {'href': '/users/8'}}]"),
                M.getTypeFactory().constructCollectionType(List.class, SecRule.class));
        JsonNode a = rules.get(0).extra().get("created_by");
        assertEquals("/users/7", a.get("href").asText());
        assertSame(a, rules.get(0).extra().get("updated_by"));
        assertSame(a, rules.get(1).extra().get("created_by"));
        assertEquals("/users/8", rules.get(1).extra().get("updated_by").get("href").asText());
        assertThrows(UnsupportedOperationException.class,
                () -> ((com.fasterxml.jackson.databind.node.ObjectNode) a).put("href", "/users/9"));
        assertEquals(M.readTree(q("{'href': '/users/7'}")), a, "equal to the tree Jackson builds");
    }

    @Test
    void equalTreesInExtraAreOneUnmodifiableNodeAndDecimalsAreNeverMerged() throws IOException {
        List<Workload> ws = M.readValue(q("[{'services': {'open_service_ports': [{'port': 22, 'protocol': 6,"
                + " 'process_name': 'sshd', 'package': null}], 'uptime_seconds': 1}, 'tags': [], 'w': 1.0},"
                + " {'services': {'open_service_ports': [{'port': 22, 'protocol': 6, 'process_name': 'sshd',"
                + " 'package': null}], 'uptime_seconds': 2}, 'tags': [], 'w': 1.00}]"),
                M.getTypeFactory().constructCollectionType(List.class, Workload.class));
        JsonNode a = ws.get(0).extra().get("services");
        JsonNode b = ws.get(1).extra().get("services");
        assertFalse(a == b, "different uptimes");
        assertSame(a.get("open_service_ports"), b.get("open_service_ports"), "the same ports: one node");
        assertSame(ws.get(0).extra().get("tags"), ws.get(1).extra().get("tags"));
        assertThrows(UnsupportedOperationException.class,
                () -> ((com.fasterxml.jackson.databind.node.ArrayNode) a.get("open_service_ports")).add(1));
        assertThrows(UnsupportedOperationException.class,
                () -> ((com.fasterxml.jackson.databind.node.ObjectNode) a).put("uptime_seconds", 3));
        assertEquals("1.0", ws.get(0).extra().get("w").toString());
        assertEquals("1.00", ws.get(1).extra().get("w").toString(), "decimals written as sent");
    }

    @Test
    void equalValueRecordsAreOneInstanceAndOthersStayApart() throws IOException {
        List<SecRule> rules = M.readValue(q("[{'providers': [{'label': {'href': '/orgs/1/labels/1'}}],"
                + " 'ingress_services': [{'port': 443, 'proto': 6}], 'resolve_labels_as': {'providers': ['workloads']}},"
                + " {'providers': [{'label': {'href': '/orgs/1/labels/1'}}, {'label': {'href': '/orgs/1/labels/1', 'x': 1}}],"
                + " 'ingress_services': [{'port': 443, 'proto': 6}, {'port': 443, 'proto': 17}],"
                + " 'resolve_labels_as': {'providers': ['workloads']}}]"),
                M.getTypeFactory().constructCollectionType(List.class, SecRule.class));
        SecRule a = rules.get(0);
        SecRule b = rules.get(1);
        assertSame(a.providers().get(0), b.providers().get(0), "the same actor, one instance");
        assertSame(a.ingressServices().get(0), b.ingressServices().get(0));
        assertSame(a.resolveLabelsAs(), b.resolveLabelsAs());
        assertEquals(Map.of("x", M.readTree("1")), b.providers().get(1).label().extra(), "a member of its own: not shared");
        assertEquals(17, b.ingressServices().get(1).proto());
        assertFalse(a.providers().get(0) == b.providers().get(1));

        // Equal but written differently inside (a decimal's scale, members' order): kept apart.
        List<SecRule> c = M.readValue(q("[{'providers': [{'label': {'href': '/l/1', 'w': 1.0, 'a': 1, 'b': 2}}]},"
                + " {'providers': [{'label': {'href': '/l/1', 'w': 1.00, 'a': 1, 'b': 2}}]},"
                + " {'providers': [{'label': {'href': '/l/1', 'b': 2, 'a': 1, 'w': 1.0}}]}]"),
                M.getTypeFactory().constructCollectionType(List.class, SecRule.class));
        assertEquals("{\"href\":\"/l/1\",\"w\":1.00,\"a\":1,\"b\":2}",
                M.writeValueAsString(c.get(1).providers().get(0).label()));
        assertEquals("{\"href\":\"/l/1\",\"b\":2,\"a\":1,\"w\":1.0}",
                M.writeValueAsString(c.get(2).providers().get(0).label()));
    }

    @Test
    void valueRecordsThatStopRepeatingAreReadAlikeWhileTheirSharingIsOffAndSharedAgainWhenTheyRepeat()
            throws IOException {
        // 80,000 actors naming a workload each (their sharing turns off: hardly any repeats), then
        // 80,000 naming one label (it turns on again after a while, and they are one instance).
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 160_000; i++) {
            json.append(i == 0 ? "" : ",").append(i < 80_000
                    ? "{\"workload\": {\"href\": \"/orgs/1/workloads/w" + i + "\"}}"
                    : "{\"label\": {\"href\": \"/orgs/1/labels/" + (i % 2 == 0 ? "7" : "8") + "\"}}");
        }
        JavaType type = M.getTypeFactory().constructCollectionType(List.class, Actor.class);
        List<Actor> fast = fast(type).readValue(json.append("]").toString());
        assertEquals(reference(type).<List<Actor>>readValue(json.toString()), fast);
        assertEquals("/orgs/1/workloads/w79999", fast.get(79_999).workload().href());
        assertSame(fast.get(159_998), fast.get(159_996), "repeated again: one instance");
        assertSame(fast.get(159_999).label(), fast.get(159_997).label());
        assertFalse(fast.get(159_999) == fast.get(159_998));
    }

    @Test
    void extraKeepsThePcesOrder() throws IOException {
        Workload w = M.readValue(q("{'zz': 1, 'href': null, 'yy': null, 'extra': 2, 'name': 'w', 'aa': [],"
                + " 'online': null, 'zz': 3}"), Workload.class);
        assertEquals(List.of("zz", "href", "yy", "extra", "aa", "online"), List.copyOf(w.extra().keySet()));
        assertEquals(1, w.extra().get("zz").intValue(), "a repeated member keeps its first value, as before");
        assertEquals(List.of("zz", "href", "yy", "extra", "aa", "online"), List.copyOf(w.jsonExtra().keySet()));
    }

    @Test
    void badValuesFailWithTheSameMessageNamingTheMember() {
        List<String> bad = List.of(
                q("{'name': 'w', 'online': 'perhaps'}"),
                q("{'labels': {'href': 'x'}}"),
                q("{'agent': {'status': {'uptime_seconds': 'long'}}}"),
                q("{'interfaces': 'eth0'}"),
                q("{'labels': [{'href': 'x'}, 'y']}"),
                q("{'interfaces': [{'name': 'eth0'}, {'name': 'eth1', 'cidr_block': 'wide'}]}"));
        JavaType w = M.constructType(Workload.class);
        for (String json : bad) {
            Exception expected = assertThrows(Exception.class, () -> reference(w).readValue(json), json);
            Exception actual = assertThrows(Exception.class, () -> fast(w).readValue(json), json);
            assertEquals(expected.getClass(), actual.getClass(), json);
            assertEquals(originalMessage(expected), originalMessage(actual), json);
            assertEquals(path(expected), path(actual), json);
        }
    }

    private static String originalMessage(Exception e) {
        return e instanceof com.fasterxml.jackson.core.JacksonException j ? j.getOriginalMessage() : e.getMessage();
    }

    private static List<String> path(Exception e) {
        List<String> out = new ArrayList<>();
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
            m.getPath().forEach(r -> out.add(r.getFieldName() + "@" + r.getIndex()));
        }
        return out;
    }
}
