package dev.pceworkbench.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CRUD of every object type over real HTTPS, with the PCE's status codes, hrefs and errors. */
class DemoPceCrudTest {
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

    @Test
    void labelsCrudWithFiltersAndErrors() {
        DemoHttp.Reply created = http.post("/orgs/1/labels", Map.of("key", "app", "value", "CrudTestApp"));
        assertEquals(201, created.status(), created.body());
        String href = created.json().get("href").asText();
        assertTrue(href.matches("/orgs/1/labels/\\d+"), href);
        assertEquals("application/json", created.header("Content-Type"));
        assertNotNull(created.header("X-Request-Id"));

        DemoHttp.Reply got = http.get(href);
        assertEquals(200, got.status());
        assertEquals("CrudTestApp", got.json().get("value").asText());

        DemoHttp.Reply list = http.get("/orgs/1/labels?key=app&value=crudtest");
        assertEquals(1, list.json().size(), "value is a partial, case-insensitive match");
        assertEquals("1", list.header("X-Total-Count"));

        assertEquals(204, http.put(href, Map.of("value", "CrudTestApp2")).status());
        assertEquals("CrudTestApp2", http.get(href).json().get("value").asText());

        DemoHttp.Reply dup = http.post("/orgs/1/labels", Map.of("key", "app", "value", "CrudTestApp2"));
        assertEquals(406, dup.status());
        assertFalse(dup.json().get(0).get("message").asText().isBlank());

        DemoHttp.Reply badKey = http.post("/orgs/1/labels", Map.of("key", "nosuchdimension", "value", "x"));
        assertEquals(406, badKey.status());
        assertTrue(badKey.json().get(0).get("message").asText().contains("nosuchdimension"));

        assertEquals(204, http.delete(href).status());
        assertEquals(404, http.get(href).status());
        assertEquals("not_found", http.get(href).token());
    }

    @Test
    void labelInUseCannotBeDeleted() {
        JsonNode rs = http.get("/orgs/1/sec_policy/draft/rule_sets?max_results=50").json();
        String scopeLabel = null;
        for (JsonNode r : rs) {
            for (JsonNode scope : r.path("scopes")) {
                for (JsonNode a : scope) {
                    if (a.has("label")) {
                        scopeLabel = a.get("label").get("href").asText();
                    }
                }
            }
        }
        assertNotNull(scopeLabel, "the demo data has rule sets scoped by labels");
        DemoHttp.Reply refused = http.delete(scopeLabel);
        assertEquals(406, refused.status());
        assertTrue(refused.token().startsWith("label_"), refused.body());
    }

    @Test
    void labelDimensionsIncludeTheStandardFourAndCustom() {
        JsonNode dims = http.get("/orgs/1/label_dimensions").json();
        List<String> keys = new java.util.ArrayList<>();
        dims.forEach(d -> keys.add(d.get("key").asText()));
        assertTrue(keys.containsAll(List.of("role", "app", "env", "loc")), keys.toString());
        assertTrue(keys.size() >= 5, "a custom dimension too: " + keys);
        DemoHttp.Reply created = http.post("/orgs/1/label_dimensions", Map.of("key", "tier", "display_name", "Tier"));
        assertEquals(201, created.status(), created.body());
        assertEquals(201, http.post("/orgs/1/labels", Map.of("key", "tier", "value", "gold")).status());
        assertEquals(406, http.delete(created.json().get("href").asText()).status(), "dimension still has labels");
    }

    @Test
    void unmanagedWorkloadCrudAndFilters() {
        String label = http.get("/orgs/1/labels?key=env").json().get(0).get("href").asText();
        Map<String, Object> body = Map.of("name", "crud-unmanaged-1", "hostname", "crud-unmanaged-1.example",
                "labels", List.of(Map.of("href", label)),
                "interfaces", List.of(Map.of("name", "eth0", "address", "192.0.2.77", "cidr_block", 24)));
        DemoHttp.Reply created = http.post("/orgs/1/workloads", body);
        assertEquals(201, created.status(), created.body());
        String href = created.json().get("href").asText();
        assertTrue(href.matches("/orgs/1/workloads/[0-9a-f-]{36}"), href);
        JsonNode labels = created.json().get("labels");
        assertEquals(label, labels.get(0).get("href").asText());
        assertEquals("env", labels.get(0).get("key").asText(), "labels are expanded with key and value");

        assertEquals(1, http.get("/orgs/1/workloads?hostname=crud-unmanaged-1").json().size());
        assertEquals(1, http.get("/orgs/1/workloads?ip_address=192.0.2.77").json().size());
        JsonNode unmanaged = http.get("/orgs/1/workloads?managed=false&max_results=1000").json();
        unmanaged.forEach(w -> assertTrue(w.get("ven").isNull()));
        String labelsFilter = java.net.URLEncoder.encode("[[\"" + label + "\"]]", java.nio.charset.StandardCharsets.UTF_8);
        JsonNode byLabel = http.get("/orgs/1/workloads?max_results=1000&labels=" + labelsFilter).json();
        assertTrue(byLabel.size() >= 1);
        byLabel.forEach(w -> assertTrue(w.get("labels").toString().contains(label)));

        DemoHttp.Reply badIp = http.put(href, Map.of("interfaces", List.of(Map.of("name", "eth0", "address", "300.1.1.1"))));
        assertEquals(406, badIp.status());
        assertEquals(204, http.delete(href).status());

        JsonNode managed = http.get("/orgs/1/workloads?managed=true&max_results=1").json().get(0);
        DemoHttp.Reply refused = http.delete(managed.get("href").asText());
        assertEquals(406, refused.status(), "a managed workload must be unpaired first");
    }

    @Test
    void vensEventsPairingProfilesAndContainerClusters() {
        JsonNode ven = http.get("/orgs/1/vens?max_results=1").json().get(0);
        assertEquals(204, http.put(ven.get("href").asText(), Map.of("description", "updated by test")).status());
        assertEquals("updated by test", http.get(ven.get("href").asText()).json().get("description").asText());
        assertEquals(405, http.post("/orgs/1/vens", Map.of("name", "x")).status(), "VENs pair; they are not created");

        DemoHttp.Reply pp = http.post("/orgs/1/pairing_profiles", Map.of("name", "PP-TEST", "enforcement_mode", "visibility_only"));
        assertEquals(201, pp.status(), pp.body());
        DemoHttp.Reply key = http.post(pp.json().get("href").asText() + "/pairing_key", Map.of());
        assertEquals(200, key.status());
        assertTrue(key.json().get("activation_code").asText().length() >= 40);

        DemoHttp.Reply cc = http.post("/orgs/1/container_clusters", Map.of("name", "CC-TEST", "description", "test"));
        assertEquals(201, cc.status(), cc.body());
        assertTrue(cc.json().get("container_cluster_token").asText().startsWith("1_"));
        String ccHref = cc.json().get("href").asText();
        assertFalse(http.get(ccHref).json().has("container_cluster_token"), "the token is shown only once");
        DemoHttp.Reply cwp = http.post(ccHref + "/container_workload_profiles", Map.of("name", "ns-a", "namespace", "ns-a"));
        assertEquals(201, cwp.status(), cwp.body());
        assertTrue(cwp.json().get("href").asText().startsWith(ccHref + "/container_workload_profiles/"));
        assertEquals(1, http.get(ccHref + "/container_workload_profiles").json().size());

        JsonNode events = http.get("/orgs/1/events?event_type=pairing_profile.create").json();
        assertTrue(events.size() >= 1, "API changes are audited as events");
        assertEquals("success", events.get(0).get("status").asText());
    }

    @Test
    void policyObjectsChangeOnlyInDraftAndKeepDeletedUntilProvisioned() {
        DemoHttp.Reply ipl = http.post("/orgs/1/sec_policy/draft/ip_lists", Map.of("name", "IPL-CRUD",
                "ip_ranges", List.of(Map.of("from_ip", "10.9.0.0/16"), Map.of("from_ip", "10.9.1.0/24", "exclusion", true),
                        Map.of("from_ip", "2001:db8::/32")),
                "fqdns", List.of(Map.of("fqdn", "crud.example.com"))));
        assertEquals(201, ipl.status(), ipl.body());
        String href = ipl.json().get("href").asText();
        assertEquals("create", ipl.json().get("update_type").asText());
        assertEquals(404, http.get(href.replace("/draft/", "/active/")).status(), "not active before provisioning");

        DemoHttp.Reply ro = http.put(href.replace("/draft/", "/active/"), Map.of("name", "x"));
        assertEquals(406, ro.status(), "the active policy is read-only");
        assertEquals(406, http.post("/orgs/1/sec_policy/draft/ip_lists", Map.of("name", "IPL-CRUD")).status(), "names are unique");
        assertEquals(406, http.post("/orgs/1/sec_policy/draft/ip_lists",
                Map.of("name", "IPL-BAD", "ip_ranges", List.of(Map.of("from_ip", "10.1.1.300")))).status());

        DemoHttp.Reply svc = http.post("/orgs/1/sec_policy/draft/services", Map.of("name", "S-CRUD",
                "service_ports", List.of(Map.of("port", 8000, "to_port", 8100, "proto", 6))));
        assertEquals(201, svc.status(), svc.body());
        assertEquals(406, http.post("/orgs/1/sec_policy/draft/services", Map.of("name", "S-BAD",
                "service_ports", List.of(Map.of("port", 70000, "proto", 6)))).status());
        JsonNode byPort = http.get("/orgs/1/sec_policy/draft/services?port=8050").json();
        assertTrue(byPort.toString().contains("S-CRUD"));

        String appLabel = http.get("/orgs/1/labels?key=app").json().get(0).get("href").asText();
        DemoHttp.Reply lg = http.post("/orgs/1/sec_policy/draft/label_groups", Map.of("name", "LG-CRUD", "key", "app",
                "labels", List.of(Map.of("href", appLabel))));
        assertEquals(201, lg.status(), lg.body());
        assertEquals("app", lg.json().get("labels").get(0).get("key").asText());
        String roleLabel = http.get("/orgs/1/labels?key=role").json().get(0).get("href").asText();
        assertEquals(406, http.post("/orgs/1/sec_policy/draft/label_groups", Map.of("name", "LG-MIX", "key", "app",
                "labels", List.of(Map.of("href", roleLabel)))).status(), "a label group holds labels of its key only");

        DemoHttp.Reply rs = http.post("/orgs/1/sec_policy/draft/rule_sets", Map.of("name", "RS-CRUD",
                "scopes", List.of(List.of(Map.of("label", Map.of("href", appLabel))))));
        assertEquals(201, rs.status(), rs.body());
        String rsHref = rs.json().get("href").asText();
        Map<String, Object> rule = Map.of("providers", List.of(Map.of("actors", "ams")),
                "consumers", List.of(Map.of("ip_list", Map.of("href", href))),
                "ingress_services", List.of(Map.of("href", svc.json().get("href").asText()), Map.of("port", 5432, "proto", 6)),
                "resolve_labels_as", Map.of("providers", List.of("workloads"), "consumers", List.of("workloads")),
                "unscoped_consumers", true);
        DemoHttp.Reply r = http.post(rsHref + "/sec_rules", rule);
        assertEquals(201, r.status(), r.body());
        String ruleHref = r.json().get("href").asText();
        assertTrue(ruleHref.startsWith(rsHref + "/sec_rules/"));
        assertEquals(1, http.get(rsHref).json().get("rules").size());
        assertEquals(204, http.put(ruleHref, Map.of("description", "db access")).status());
        assertEquals("db access", http.get(ruleHref).json().get("description").asText());
        DemoHttp.Reply badRule = http.post(rsHref + "/sec_rules", Map.of("providers", List.of(Map.of("actors", "ams")),
                "consumers", List.of(Map.of("label", Map.of("href", "/orgs/1/labels/999999"))),
                "ingress_services", List.of(), "resolve_labels_as",
                Map.of("providers", List.of("workloads"), "consumers", List.of("workloads"))));
        assertEquals(406, badRule.status());

        DemoHttp.Reply inUse = http.delete(href);
        assertEquals(406, inUse.status(), "an IP list used by a rule cannot be deleted");
        assertTrue(inUse.json().get(0).get("message").asText().contains(rsHref));

        DemoHttp.Reply vs = http.post("/orgs/1/sec_policy/draft/virtual_services", Map.of("name", "VS-CRUD",
                "apply_to", "host_only", "service_ports", List.of(Map.of("port", 443, "proto", 6))));
        assertEquals(201, vs.status(), vs.body());
        DemoHttp.Reply eb = http.post("/orgs/1/sec_policy/draft/enforcement_boundaries", Map.of("name", "EB-CRUD",
                "providers", List.of(Map.of("actors", "ams")), "consumers", List.of(Map.of("ip_list", Map.of("href", href))),
                "ingress_services", List.of(Map.of("port", 3389, "proto", 6))));
        assertEquals(201, eb.status(), eb.body());

        assertEquals(204, http.delete(ruleHref).status());
        assertEquals(0, http.get(rsHref).json().get("rules").size());
    }

    @Test
    void serviceBindingsNeedAnActiveVirtualService() {
        DemoHttp.Reply vs = http.post("/orgs/1/sec_policy/draft/virtual_services", Map.of("name", "VS-BIND",
                "apply_to", "host_only", "service_ports", List.of(Map.of("port", 8443, "proto", 6))));
        String vsHref = vs.json().get("href").asText();
        String wl = http.get("/orgs/1/workloads?max_results=1").json().get(0).get("href").asText();
        List<Map<String, Object>> binding = List.of(Map.of("virtual_service", Map.of("href", vsHref.replace("/draft/", "/active/")),
                "workload", Map.of("href", wl)));
        DemoHttp.Reply early = http.post("/orgs/1/service_bindings", binding);
        assertEquals(406, early.status(), "binding before provisioning fails");
        assertEquals("invalid_uri", early.token());

        DemoHttp.Reply prov = http.post("/orgs/1/sec_policy", Map.of("update_description", "VS for binding",
                "change_subset", Map.of("virtual_services", List.of(Map.of("href", vsHref)))));
        assertEquals(201, prov.status(), prov.body());
        DemoHttp.Reply bound = http.post("/orgs/1/service_bindings", binding);
        assertEquals(201, bound.status(), bound.body());
        String bHref = bound.json().get(0).get("href").asText();
        assertTrue(bHref.startsWith("/orgs/1/service_bindings/"));
        String q = java.net.URLEncoder.encode(vsHref.replace("/draft/", "/active/"), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(1, http.get("/orgs/1/service_bindings?virtual_service=" + q).json().size());
        assertEquals(406, http.delete(vsHref).status(), "a bound virtual service cannot be deleted");
        assertEquals(204, http.delete(bHref).status());
    }

    @Test
    void apiKeysAreCreatedForTheSignedInUserAndWork() {
        DemoHttp asUser = http.as(pce.credentials().userEmail(), pce.credentials().userPassword());
        JsonNode login = asUser.get("/users/login").json();
        assertEquals("/users/1", login.get("href").asText());
        assertEquals(1, login.get("orgs").get(0).get("org_id").asInt());
        DemoHttp.Reply key = asUser.post("/users/1/api_keys", Map.of("name", "test key", "description", "from test"));
        assertEquals(201, key.status(), key.body());
        String user = key.json().get("auth_username").asText();
        String secret = key.json().get("secret").asText();
        assertTrue(user.startsWith("api_"));
        DemoHttp asKey = http.as(user, secret);
        assertEquals(200, asKey.get("/orgs/1/labels?max_results=1").status());
        JsonNode keys = asUser.get("/users/1/api_keys").json();
        assertTrue(keys.toString().contains(user));
        assertFalse(keys.toString().contains(secret), "the secret is never shown again");
        assertEquals(204, asUser.delete(key.json().get("href").asText()).status());
        assertEquals(401, asKey.get("/orgs/1/labels").status());
    }
}
