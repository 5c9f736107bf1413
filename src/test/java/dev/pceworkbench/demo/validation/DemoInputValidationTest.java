package dev.pceworkbench.demo.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.demo.DemoHttp;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, items 2, 5, 6, 7 and 8: the demo PCE validates bodies and query parameters as a real
 * PCE's schemas do, refusing with 406 {@code input_validation_error} naming the property, and
 * never stores what it could not serve back.
 */
class DemoInputValidationTest {
    static DemoPce pce;
    static DemoHttp http;
    static RawHttp raw;

    @BeforeAll
    static void start() throws Exception {
        pce = DemoPce.start(DemoPceOptions.defaults().withRateLimit(0));
        http = DemoHttp.forPce(pce);
        raw = new RawHttp(pce);
    }

    @AfterAll
    static void stop() {
        pce.close();
    }

    private static void assertRefused(int status, RawHttp.Reply r, String property) {
        assertEquals(status, r.status(), r.body());
        JsonNode errors = r.json();
        assertTrue(errors.isArray() && !errors.isEmpty(), r.body());
        for (JsonNode e : errors) {
            assertTrue(e.path("token").isTextual() && e.path("message").isTextual(), r.body());
        }
        if (property != null) {
            assertTrue(r.message().contains("'" + property + "'"), "names '" + property + "': " + r.body());
        }
        assertFalse(r.body().contains("Exception") || r.body().contains("java."), "no internals: " + r.body());
    }

    private static void assertRefused(int status, DemoHttp.Reply r, String property) {
        assertRefused(status, new RawHttp.Reply(r.status(), r.body()), property);
    }

    private static int labelCount() {
        DemoHttp.Reply list = http.get("/orgs/1/labels?max_results=100000");
        assertEquals(200, list.status());
        return list.json().size();
    }

    // Item 2: a body nested deeper than can be read back is refused, and the collection stays readable.
    @Test
    void tooDeeplyNestedBodyIsRefusedAndLabelsStayReadable() {
        String deep = "[".repeat(999) + "]".repeat(999);
        RawHttp.Reply r = raw.send("POST", "/orgs/1/labels",
                "{\"key\":\"app\",\"value\":\"DeepOne\",\"external_data_reference\":" + deep + "}");
        assertRefused(406, r, null);
        assertEquals("input_validation_error", r.token());
        DemoHttp.Reply list = http.get("/orgs/1/labels?max_results=100000");
        assertEquals(200, list.status());
        assertEquals(Integer.parseInt(list.header("X-Total-Count")), list.json().size());
        assertTrue(list.json().findValues("value").stream().noneMatch(v -> v.asText().equals("DeepOne")));
    }

    // Item 5: a junk provisioning body provisions nothing.
    @Test
    void junkProvisioningBodyIsRefusedAndNothingIsProvisioned() {
        DemoHttp.Reply ipl = http.post("/orgs/1/sec_policy/draft/ip_lists",
                Map.of("name", "JunkProvisionProbe", "ip_ranges", List.of(Map.of("from_ip", "10.9.9.9"))));
        assertEquals(201, ipl.status(), ipl.body());
        String href = ipl.json().get("href").asText();
        for (String junk : new String[]{"[1]", "\"x\"", "42", "{\"change_subset\": 1}", "{\"nonsense\": true}",
                "{\"update_description\": 5}"}) {
            RawHttp.Reply r = raw.send("POST", "/orgs/1/sec_policy", junk);
            assertRefused(406, r, null);
            assertEquals("input_validation_error", r.token(), junk);
        }
        assertTrue(http.get("/orgs/1/sec_policy/pending").body().contains(href), "still pending");
        assertEquals(204, http.delete(href).status());
    }

    // Item 6: a non-object in ip_tables_rules is a 406 naming the property, not a 500 with class names.
    @Test
    void nonObjectIpTablesRuleIsRefusedNamingTheProperty() {
        RawHttp.Reply r = raw.send("POST", "/orgs/1/sec_policy/draft/rule_sets",
                "{\"name\":\"IptProbe\",\"scopes\":[[]],\"ip_tables_rules\":[1]}");
        assertRefused(406, r, "ip_tables_rules[0]");
        String rs = http.get("/orgs/1/sec_policy/draft/rule_sets?max_results=1").json().get(0).get("href").asText();
        RawHttp.Reply put = raw.send("PUT", rs, "{\"ip_tables_rules\":[\"x\"]}");
        assertRefused(406, put, "ip_tables_rules[0]");
        RawHttp.Reply rules = raw.send("PUT", rs, "{\"rules\":[[]]}");
        assertRefused(406, rules, "rules[0]");
    }

    // Item 7: port and protocol numbers are refused out of range instead of wrapping.
    @Test
    void portsAndProtocolsOutOfRangeAreRefused() {
        String[][] cases = {
                {"{\"port\": 4294967376, \"proto\": 6}", "service_ports[0].port"},
                {"{\"port\": 80, \"proto\": 4294967302}", "service_ports[0].proto"},
                {"{\"port\": -1, \"proto\": 6}", "service_ports[0].port"},
                {"{\"port\": 65536, \"proto\": 6}", "service_ports[0].port"},
                {"{\"port\": 80, \"to_port\": 70000, \"proto\": 6}", "service_ports[0].to_port"},
                {"{\"proto\": 256}", "service_ports[0].proto"},
                {"{\"port\": 80.5, \"proto\": 6}", "service_ports[0].port"},
                {"{\"port\": \"80\", \"proto\": 6}", "service_ports[0].port"},
        };
        int i = 0;
        for (String[] c : cases) {
            RawHttp.Reply r = raw.send("POST", "/orgs/1/sec_policy/draft/services",
                    "{\"name\":\"WrapProbe" + (i++) + "\",\"service_ports\":[" + c[0] + "]}");
            assertRefused(406, r, c[1]);
        }
        RawHttp.Reply ok = raw.send("POST", "/orgs/1/sec_policy/draft/services",
                "{\"name\":\"WrapProbeOk\",\"service_ports\":[{\"port\": 0, \"to_port\": 65535, \"proto\": 6},{\"proto\": 255}]}");
        assertEquals(201, ok.status(), ok.body());
        assertEquals(65535, ok.json().at("/service_ports/0/to_port").asInt());
        assertEquals(204, http.delete(ok.json().get("href").asText()).status());
    }

    // Item 8: unknown properties are refused, not stored and echoed.
    @Test
    void unknownPropertiesAreRefusedNamingThem() {
        assertRefused(406, raw.send("POST", "/orgs/1/labels", "{\"key\":\"app\",\"value\":\"Colour\",\"colour\":\"red\"}"), "colour");
        assertRefused(406, raw.send("POST", "/orgs/1/sec_policy/draft/ip_lists",
                "{\"name\":\"UnknownNested\",\"ip_ranges\":[{\"from_ip\":\"10.0.0.1\",\"evil\":1}]}"), "ip_ranges[0].evil");
        String label = http.get("/orgs/1/labels?max_results=1").json().get(0).get("href").asText();
        assertRefused(406, raw.send("PUT", label, "{\"flavour\":\"x\"}"), "flavour");
        assertFalse(http.get(label).body().contains("flavour"));
    }

    // Item 8: bodies and strings have length limits.
    @Test
    void oversizedStringsAndBodiesAreRefused() {
        int before = labelCount();
        String longValue = "v".repeat(300_000);
        assertRefused(406, raw.send("POST", "/orgs/1/labels", "{\"key\":\"app\",\"value\":\"" + longValue + "\"}"), "value");
        byte[] huge = new byte[20 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        byte[] head = "{\"key\":\"app\",\"value\":\"Huge\"}".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, huge, 0, head.length);
        RawHttp.Reply big = raw.send("POST", "/orgs/1/labels", huge);
        assertRefused(413, big, null);
        assertEquals(before, labelCount());
    }

    // Item 8: trailing data after the JSON document is refused.
    @Test
    void trailingGarbageIsRefused() {
        int before = labelCount();
        for (String body : new String[]{"{\"key\":\"app\",\"value\":\"Trail1\"} xyz", "{\"key\":\"app\",\"value\":\"Trail2\"}{}",
                "{\"key\":\"app\",\"value\":\"Trail3\"}]", "{\"key\":\"app\",\"value\":\"Dup\",\"value\":\"Dup2\"}"}) {
            RawHttp.Reply r = raw.send("POST", "/orgs/1/labels", body);
            assertTrue(r.status() == 400 || r.status() == 406, body + " -> " + r.status() + " " + r.body());
            assertRefused(r.status(), r, null);
        }
        assertEquals(before, labelCount());
    }

    // Item 8: invalid UTF-8 is refused, not replaced.
    @Test
    void invalidUtf8IsRefused() {
        byte[] prefix = "{\"key\":\"app\",\"value\":\"Bad".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 4];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC3;
        body[prefix.length + 1] = (byte) 0x28;
        body[prefix.length + 2] = '"';
        body[prefix.length + 3] = '}';
        RawHttp.Reply r = raw.send("POST", "/orgs/1/labels", body);
        assertTrue(r.status() == 400 || r.status() == 406, r.status() + " " + r.body());
        assertRefused(r.status(), r, null);
        assertTrue(r.message().contains("UTF-8"), r.body());
        assertTrue(http.get("/orgs/1/labels?value=Bad").json().isEmpty());
    }

    // Item 8: a bad query parameter value is refused naming the parameter.
    @Test
    void badQueryParameterValuesAreRefusedNamingThem() {
        assertRefused(406, raw.get("/orgs/1/events?timestamp%5Bgte%5D=yesterday"), "timestamp[gte]");
        assertRefused(406, raw.get("/orgs/1/events?timestamp%5Blte%5D=2024-13-45"), "timestamp[lte]");
        assertRefused(406, raw.get("/orgs/1/labels?max_results=lots"), "max_results");
        assertRefused(406, raw.get("/orgs/1/labels?max_results=-5"), "max_results");
        assertRefused(406, raw.get("/orgs/1/sec_policy/draft/services?port=99999"), "port");
        assertRefused(406, raw.get("/orgs/1/sec_policy/draft/services?proto=tcp"), "proto");
        assertEquals(200, raw.get("/orgs/1/events?timestamp%5Bgte%5D=2020-01-01T00:00:00Z").status());
        assertEquals(200, raw.get("/orgs/1/events?timestamp%5Bgte%5D=2020-01-01").status());
    }
}
