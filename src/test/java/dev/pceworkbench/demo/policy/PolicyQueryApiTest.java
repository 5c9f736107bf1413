package dev.pceworkbench.demo.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.demo.DemoHttp;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The policy check ({@code allow}) and rule search over plain HTTP against the small demo data set. */
class PolicyQueryApiTest {
    static DemoPce pce;
    static DemoHttp http;

    @BeforeAll
    static void start() throws Exception {
        pce = DemoPce.start(DemoPceOptions.defaults().withHttps(false).withRateLimit(0));
        http = DemoHttp.forPce(pce);
    }

    @AfterAll
    static void stop() {
        pce.close();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String label(String key, String value) {
        for (JsonNode l : http.get("/orgs/1/labels?key=" + key + "&max_results=1000").json()) {
            if (l.get("value").asText().equals(value)) {
                return l.get("href").asText();
            }
        }
        throw new AssertionError("no label " + key + "=" + value);
    }

    private static List<String> hrefs(JsonNode rules) {
        List<String> out = new ArrayList<>();
        rules.forEach(r -> out.add(r.get("href").asText()));
        return out;
    }

    @Test
    void allowNamesTheProvisionedRuleAndNothingElseForAnUnrelatedConnection() {
        JsonNode wls = http.get("/orgs/1/workloads?managed=true&max_results=2").json();
        String consumer = wls.get(0).get("href").asText();
        String provider = wls.get(1).get("href").asText();
        JsonNode rs = http.post("/orgs/1/sec_policy/draft/rule_sets", Map.of("name", "RS-Allow-Test", "scopes", List.of(List.of()),
                "rules", List.of(Map.of("providers", List.of(Map.of("workload", Map.of("href", provider))),
                        "consumers", List.of(Map.of("workload", Map.of("href", consumer))),
                        "ingress_services", List.of(Map.of("port", 7770, "to_port", 7779, "proto", 6)),
                        "resolve_labels_as", Map.of("providers", List.of("workloads"), "consumers", List.of("workloads")))))).json();
        String ruleHref = rs.get("rules").get(0).get("href").asText();
        String check = "?src_workload=" + enc(consumer) + "&dst_workload=" + enc(provider) + "&port=7777&protocol=6";

        assertFalse(hrefs(http.get("/orgs/1/sec_policy/active/allow" + check).json()).contains(ruleHref.replace("/draft/", "/active/")),
                "not provisioned yet");
        assertTrue(hrefs(http.get("/orgs/1/sec_policy/draft/allow" + check).json()).contains(ruleHref), "the draft has it");

        assertEquals(201, http.post("/orgs/1/sec_policy", Map.of("update_description", "allow test",
                "change_subset", Map.of("rule_sets", List.of(Map.of("href", rs.get("href").asText()))))).status());
        String activeRule = ruleHref.replace("/draft/", "/active/");
        DemoHttp.Reply allowed = http.get("/orgs/1/sec_policy/active/allow" + check);
        assertEquals(200, allowed.status(), allowed.body());
        assertTrue(hrefs(allowed.json()).contains(activeRule), allowed.body());
        // Rendered as the sec_rules endpoint renders it, hrefs in the requested version.
        JsonNode rendered = null;
        for (JsonNode r : allowed.json()) {
            if (r.get("href").asText().equals(activeRule)) {
                rendered = r;
            }
        }
        assertEquals(http.get(activeRule).json(), rendered);
        assertFalse(allowed.body().contains("/sec_policy/draft/"), allowed.body());

        // Outside the port range, the other way round, or from an address on the internet: no rule.
        assertFalse(hrefs(http.get("/orgs/1/sec_policy/active/allow?src_workload=" + enc(consumer) + "&dst_workload="
                + enc(provider) + "&port=7780&protocol=6").json()).contains(activeRule));
        assertFalse(hrefs(http.get("/orgs/1/sec_policy/active/allow?src_workload=" + enc(provider) + "&dst_workload="
                + enc(consumer) + "&port=7777&protocol=6").json()).contains(activeRule));
        DemoHttp.Reply none = http.get("/orgs/1/sec_policy/active/allow?src_external_ip=203.0.113.77&dst_workload="
                + enc(provider) + "&port=7777&protocol=6");
        assertEquals(200, none.status());
        assertEquals(0, none.json().size(), none.body());
        // The numbered version that was just provisioned answers the same, in its own hrefs.
        int version = http.get("/orgs/1/sec_policy?max_results=1").json().get(0).get("version").asInt();
        assertTrue(hrefs(http.get("/orgs/1/sec_policy/" + version + "/allow" + check).json())
                .contains(ruleHref.replace("/draft/", "/" + version + "/")));
    }

    @Test
    void allowValidatesItsParameters() {
        String wl = http.get("/orgs/1/workloads?max_results=1").json().get(0).get("href").asText();
        String base = "/orgs/1/sec_policy/active/allow?src_external_ip=10.1.2.3&dst_workload=" + enc(wl);
        DemoHttp.Reply noPort = http.get(base + "&protocol=6");
        assertEquals(406, noPort.status());
        assertTrue(noPort.json().get(0).get("message").asText().contains("port"));
        assertEquals(406, http.get(base + "&port=443").status(), "protocol is required");
        assertEquals(406, http.get(base + "&port=70000&protocol=6").status());
        assertEquals(406, http.get(base + "&port=x&protocol=6").status());
        assertEquals(200, http.get(base + "&protocol=47").status(), "GRE needs no port");
        assertEquals(200, http.get(base + "&protocol=1").status(), "nor does ICMP");
        DemoHttp.Reply unknown = http.get("/orgs/1/sec_policy/active/allow?src_workload=/orgs/1/workloads/nope&dst_workload="
                + enc(wl) + "&port=443&protocol=6");
        assertEquals(406, unknown.status());
        assertEquals("input_validation_error", unknown.token());
        assertEquals(406, http.get("/orgs/1/sec_policy/active/allow?src_external_ip=not-an-ip&dst_workload=" + enc(wl)
                + "&port=443&protocol=6").status());
        assertEquals(406, http.get("/orgs/1/sec_policy/active/allow?dst_workload=" + enc(wl) + "&port=443&protocol=6").status(),
                "a source is required");
        assertEquals(404, http.get("/orgs/1/sec_policy/999/allow?src_external_ip=10.1.2.3&dst_workload=" + enc(wl)
                + "&port=443&protocol=6").status());
    }

    @Test
    void ruleSearchByPortFindsRulesWhoseServicesCoverIt() {
        DemoHttp.Reply r = http.post("/orgs/1/sec_policy/active/rule_search",
                Map.of("ingress_services", List.of(Map.of("port", 161, "proto", 17))));
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().size() > 0);
        boolean inline = false;
        for (JsonNode rule : r.json()) {
            assertTrue(rule.get("href").asText().contains("/sec_policy/active/rule_sets/"));
            boolean covers = false;
            for (JsonNode s : rule.get("ingress_services")) {
                List<JsonNode> ports = new ArrayList<>();
                if (s.has("href")) {
                    http.get(s.get("href").asText()).json().get("service_ports").forEach(ports::add);
                } else {
                    ports.add(s);
                    inline |= s.path("port").asInt() == 161;
                }
                for (JsonNode p : ports) {
                    int proto = p.get("proto").asInt();
                    int from = p.path("port").asInt(-1);
                    int to = p.path("to_port").asInt(from);
                    covers |= proto == -1 || (proto == 17 && (from == -1 || (from <= 161 && 161 <= to)));
                }
            }
            assertTrue(covers, rule.toString());
        }
        assertTrue(inline, "the SNMP polling rule names 161/udp inline");
        JsonNode tcp = http.post("/orgs/1/sec_policy/active/rule_search",
                Map.of("ingress_services", List.of(Map.of("port", 161, "proto", 6)))).json();
        assertFalse(hrefs(tcp).containsAll(hrefs(r.json())), "161/tcp is a different search");
        assertEquals(1, http.post("/orgs/1/sec_policy/active/rule_search",
                Map.of("ingress_services", List.of(Map.of("port", 161, "proto", 17)), "max_results", 1)).json().size());
    }

    @Test
    void ruleSearchByProviderLabelLiteralAndDeep() {
        String dns = label("role", "DNS");
        Map<String, Object> byLabel = Map.of("providers", List.of(Map.of("label", Map.of("href", dns))));
        JsonNode literal = http.post("/orgs/1/sec_policy/draft/rule_search", byLabel).json();
        assertTrue(literal.size() > 0);
        for (JsonNode rule : literal) {
            assertTrue(rule.get("providers").toString().contains("\"" + dns + "\""), rule.toString());
            assertTrue(rule.has("update_type"), "rendered like the rule endpoints (update_type in draft)");
        }
        Map<String, Object> deep = Map.of("providers", List.of(Map.of("label", Map.of("href", dns))), "resolve_actors", true);
        JsonNode resolved = http.post("/orgs/1/sec_policy/draft/rule_search", deep).json();
        Set<String> deepHrefs = new HashSet<>(hrefs(resolved));
        assertTrue(deepHrefs.containsAll(hrefs(literal)));
        assertTrue(deepHrefs.size() > literal.size());
        boolean ams = false;
        for (JsonNode rule : resolved) {
            String p = rule.get("providers").toString();
            ams |= p.contains("\"ams\"");
            assertTrue(p.contains(dns) || p.contains("\"ams\"") || p.contains("label_group"), rule.toString());
        }
        assertTrue(ams, "a deep search also finds rules for All Workloads");
        // The older key finds the label on either side.
        JsonNode either = http.post("/orgs/1/sec_policy/draft/rule_search",
                Map.of("providers_or_consumers", List.of(Map.of("label", Map.of("href", dns))))).json();
        assertTrue(new HashSet<>(hrefs(either)).containsAll(hrefs(literal)));
    }

    @Test
    void ruleSearchRefusesUnknownProperties() {
        DemoHttp.Reply r = http.post("/orgs/1/sec_policy/active/rule_search", Map.of("enabled", true, "colour", "red"));
        assertEquals(406, r.status());
        assertEquals("input_validation_error", r.token());
        assertTrue(r.json().get(0).get("message").asText().contains("'colour'"), r.body());
        assertEquals(406, http.post("/orgs/1/sec_policy/active/rule_search", Map.of("enabled", "yes")).status());
        assertEquals(406, http.post("/orgs/1/sec_policy/active/rule_search", Map.of("providers", List.of())).status());
        DemoHttp.Reply disabled = http.post("/orgs/1/sec_policy/active/rule_search", Map.of("enabled", false));
        assertEquals(200, disabled.status());
        for (JsonNode rule : disabled.json()) {
            assertFalse(rule.get("enabled").asBoolean());
        }
    }
}
