package dev.pceworkbench.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pending changes, dependencies, provisioning into versions, and revert — over real HTTPS. */
class DemoPceProvisioningTest {
    DemoPce pce;
    DemoHttp http;

    @BeforeEach
    void start() throws Exception {
        pce = DemoPce.start(DemoPceOptions.defaults().withRateLimit(0));
        http = DemoHttp.forPce(pce);
    }

    @AfterEach
    void stop() {
        pce.close();
    }

    /** A new IP list and a new rule set whose rule uses it: the rule set depends on the IP list. */
    private String[] draftPair(String suffix) {
        String ipl = http.post("/orgs/1/sec_policy/draft/ip_lists", Map.of("name", "IPL-DEP-" + suffix,
                "ip_ranges", List.of(Map.of("from_ip", "172.16.0.0/12")))).json().get("href").asText();
        String rs = http.post("/orgs/1/sec_policy/draft/rule_sets", Map.of("name", "RS-DEP-" + suffix,
                "scopes", List.of(List.of()),
                "rules", List.of(Map.of("providers", List.of(Map.of("actors", "ams")),
                        "consumers", List.of(Map.of("ip_list", Map.of("href", ipl))),
                        "ingress_services", List.of(Map.of("port", 22, "proto", 6)),
                        "resolve_labels_as", Map.of("providers", List.of("workloads"), "consumers", List.of("workloads")),
                        "unscoped_consumers", true)))).json().get("href").asText();
        return new String[]{ipl, rs};
    }

    @Test
    void provisioningRoundTripWithDependencies() {
        int before = http.get("/orgs/1/sec_policy?max_results=1").json().get(0).get("version").asInt();
        String[] pair = draftPair("A");
        String ipl = pair[0];
        String rs = pair[1];

        JsonNode pending = http.get("/orgs/1/sec_policy/pending").json();
        assertTrue(pending.get("ip_lists").toString().contains(ipl), pending.toString());
        assertTrue(pending.get("rule_sets").toString().contains(rs));
        assertEquals("create", find(pending.get("rule_sets"), rs).get("update_type").asText());

        Map<String, Object> rsOnly = Map.of("rule_sets", List.of(Map.of("href", rs)));
        JsonNode deps = http.post("/orgs/1/sec_policy/draft/dependencies",
                Map.of("operation", "commit", "change_subset", rsOnly)).json();
        assertEquals(1, deps.size(), deps.toString());
        assertEquals(ipl, deps.get(0).get("dependency").get("ip_lists").get("href").asText());
        assertEquals(rs, deps.get(0).get("required_by").get("rule_sets").get(0).get("href").asText());

        DemoHttp.Reply refused = http.post("/orgs/1/sec_policy", Map.of("update_description", "rule set alone",
                "change_subset", rsOnly));
        assertEquals(406, refused.status());
        assertEquals("provision_dependency_missing", refused.token());
        assertTrue(refused.json().get(0).get("message").asText().contains(ipl));

        DemoHttp.Reply ok = http.post("/orgs/1/sec_policy", Map.of("update_description", "rule set with its IP list",
                "change_subset", Map.of("rule_sets", List.of(Map.of("href", rs)), "ip_lists", List.of(Map.of("href", ipl)))));
        assertEquals(201, ok.status(), ok.body());
        JsonNode version = ok.json();
        assertEquals(before + 1, version.get("version").asInt());
        assertEquals("/orgs/1/sec_policy/" + (before + 1), version.get("href").asText());
        assertEquals("rule set with its IP list", version.get("commit_message").asText());
        assertTrue(version.get("object_counts").get("rule_sets").asInt() > 0);

        JsonNode active = http.get(rs.replace("/draft/", "/active/")).json();
        assertEquals(rs.replace("/draft/", "/active/"), active.get("href").asText());
        assertEquals(ipl.replace("/draft/", "/active/"),
                active.get("rules").get(0).get("consumers").get(0).get("ip_list").get("href").asText(),
                "references inside active objects point at active objects");
        assertTrue(http.get(rs).json().get("update_type").isNull(), "no longer pending");
        assertEquals(200, http.get(rs.replace("/draft/", "/" + (before + 1) + "/")).status(), "numbered versions are readable");
        assertEquals(before + 1, http.get("/orgs/1/sec_policy?max_results=1").json().get(0).get("version").asInt());

        // Deletion: stays active (and visible in draft as a pending delete) until provisioned.
        assertEquals(204, http.delete(rs).status());
        JsonNode draftDeleted = http.get(rs).json();
        assertEquals("delete", draftDeleted.get("update_type").asText());
        assertEquals(200, http.get(rs.replace("/draft/", "/active/")).status());
        assertEquals(201, http.post("/orgs/1/sec_policy", Map.of("update_description", "remove",
                "change_subset", Map.of("rule_sets", List.of(Map.of("href", rs))))).status());
        assertEquals(404, http.get(rs.replace("/draft/", "/active/")).status());
        assertEquals(404, http.get(rs).status());
    }

    @Test
    void revertPutsTheDraftBackAndChecksDependencies() {
        String[] pair = draftPair("B");
        String ipl = pair[0];
        String rs = pair[1];
        DemoHttp.Reply refused = http.put("/orgs/1/sec_policy/delete",
                Map.of("change_subset", Map.of("ip_lists", List.of(Map.of("href", ipl)))));
        assertEquals(406, refused.status(), "reverting the IP list alone would leave the rule set dangling");

        assertEquals(204, http.put("/orgs/1/sec_policy/delete", Map.of("change_subset",
                Map.of("ip_lists", List.of(Map.of("href", ipl)), "rule_sets", List.of(Map.of("href", rs))))).status());
        assertEquals(404, http.get(rs).status());
        assertEquals(404, http.get(ipl).status());
        JsonNode pending = http.get("/orgs/1/sec_policy/pending").json();
        assertFalse(pending.toString().contains(rs));

        // An update reverts to the active content.
        JsonNode svc = http.get("/orgs/1/sec_policy/active/services?max_results=5").json().get(3);
        String draftHref = svc.get("href").asText().replace("/active/", "/draft/");
        assertEquals(204, http.put(draftHref, Map.of("description", "changed")).status());
        assertEquals("update", http.get(draftHref).json().get("update_type").asText());
        assertEquals(204, http.put("/orgs/1/sec_policy/delete",
                Map.of("change_subset", Map.of("services", List.of(Map.of("href", draftHref))))).status());
        assertTrue(http.get(draftHref).json().get("update_type").isNull());
        assertEquals(svc.get("description"), http.get(draftHref).json().get("description"));
    }

    @Test
    void provisionAllAndNothingLeft() {
        assertTrue(http.get("/orgs/1/sec_policy/pending").json().size() > 0, "the demo data starts with pending changes");
        DemoHttp.Reply all = http.post("/orgs/1/sec_policy", Map.of("update_description", "everything"));
        assertEquals(201, all.status(), all.body());
        assertEquals(0, http.get("/orgs/1/sec_policy/pending").json().size(), "{} when nothing is pending");
        DemoHttp.Reply again = http.post("/orgs/1/sec_policy", Map.of("update_description", "nothing"));
        assertEquals(406, again.status());
        assertEquals("nothing_to_provision", again.token());
    }

    private static JsonNode find(JsonNode list, String href) {
        for (JsonNode n : list) {
            if (n.get("href").asText().equals(href)) {
                return n;
            }
        }
        throw new AssertionError(href + " not in " + list);
    }
}
