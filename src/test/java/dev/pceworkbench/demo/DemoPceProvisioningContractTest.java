package dev.pceworkbench.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.demo.api.ApiVariants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo PCE's provisioning answers on the wire: the security settings as one pending object
 * that can be edited in draft only and provisioned, a rule href standing for its rule set,
 * {@code DELETE sec_policy/pending} with and without a change subset, {@code modified_objects},
 * both shapes of dependencies and {@code object_counts}, and the revert event.
 */
class DemoPceProvisioningContractTest {
    private static final String FW = "/orgs/1/sec_policy/draft/firewall_settings";

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

    private String pending(String type, String updateType) {
        for (JsonNode c : http.get("/orgs/1/sec_policy/pending").json().path(type)) {
            if (c.get("update_type").asText().equals(updateType)) {
                return c.get("href").asText();
            }
        }
        throw new AssertionError("no pending " + updateType + " of " + type);
    }

    @Test
    void firewallSettingsArePendingAsOneObjectAndProvisionable() {
        JsonNode fw = http.get("/orgs/1/sec_policy/pending").json().get("firewall_settings");
        assertTrue(fw.isObject(), "one object, not a list: " + fw);
        assertEquals(FW, fw.get("href").asText());
        assertEquals("update", fw.get("update_type").asText());
        assertTrue(http.get(FW).json().get("log_dropped_broadcast").asBoolean());
        assertFalse(http.get(FW.replace("/draft/", "/active/")).json().get("log_dropped_broadcast").asBoolean());

        assertEquals(406, http.put(FW.replace("/draft/", "/active/"), Map.of("allow_ipv6", false)).status(), "draft only");
        assertEquals(406, http.put(FW, Map.of("allow_ipv6", "no")).status(), "typed");
        assertEquals(204, http.put(FW, Map.of("allow_ipv6", false)).status());
        assertEquals(201, http.post("/orgs/1/sec_policy", Map.of("update_description", "settings",
                "change_subset", Map.of("firewall_settings", List.of(Map.of("href", FW))))).status());
        assertFalse(http.get("/orgs/1/sec_policy/pending").json().has("firewall_settings"));
        assertFalse(http.get(FW.replace("/draft/", "/active/")).json().get("allow_ipv6").asBoolean());
        JsonNode modified = http.get("/orgs/1/sec_policy/active/modified_objects").json();
        assertEquals(1, modified.size(), modified.toString());
        assertEquals(FW, modified.get("firewall_settings").get("href").asText());
    }

    @Test
    void aRuleHrefProvisionsItsRuleSetAndModifiedObjectsSayWhatAVersionChanged() {
        String rs = pending("rule_sets", "update");
        String rule = http.get(rs + "/sec_rules").json().get(0).get("href").asText();
        JsonNode v = http.post("/orgs/1/sec_policy", Map.of("update_description", "by rule",
                "change_subset", Map.of("rule_sets", List.of(Map.of("href", rule))))).json();
        JsonNode modified = http.get(v.get("href").asText() + "/modified_objects").json();
        assertEquals(List.of("rule_sets"), fieldNames(modified));
        assertEquals(1, modified.get("rule_sets").size());
        assertEquals(rs, modified.get("rule_sets").get(0).get("href").asText());
        assertEquals("update", modified.get("rule_sets").get(0).get("update_type").asText());
        assertEquals(404, http.get("/orgs/1/sec_policy/999/modified_objects").status());

        // Version 1 created everything it holds.
        JsonNode first = http.get("/orgs/1/sec_policy/1/modified_objects").json();
        assertTrue(first.get("rule_sets").size() > 10);
        first.get("rule_sets").forEach(c -> assertEquals("create", c.get("update_type").asText()));
    }

    @Test
    void deletePendingHonoursAChangeSubsetBodyAndRecordsTheRevertEvent() {
        String svc = pending("services", "delete");
        int before = count(http.get("/orgs/1/sec_policy/pending").json());
        assertEquals(204, http.delete("/orgs/1/sec_policy/pending",
                Map.of("change_subset", Map.of("services", List.of(Map.of("href", svc))))).status());
        assertEquals(before - 1, count(http.get("/orgs/1/sec_policy/pending").json()));
        assertEquals(200, http.get(svc).status(), "the deleted service is back");
        assertEquals(406, http.delete("/orgs/1/sec_policy/pending", Map.of("change_subset",
                Map.of("ip_lists", List.of(Map.of("href", pending("ip_lists", "create")))))).status(),
                "the new rule set still uses the new IP list");
        assertEquals(204, http.delete("/orgs/1/sec_policy/pending").status());
        assertEquals(0, http.get("/orgs/1/sec_policy/pending").json().size());
        JsonNode events = http.get("/orgs/1/events?event_type=sec_policy_pending.delete&max_results=10").json();
        assertEquals(2, events.size(), events.toString());
    }

    @Test
    void variantsChangeTheShapeOfDependenciesAndObjectCounts() {
        String rs = pending("rule_sets", "create");
        Map<String, Object> ask = Map.of("operation", "commit", "change_subset", Map.of("rule_sets", List.of(Map.of("href", rs))));
        JsonNode list = http.post("/orgs/1/sec_policy/draft/dependencies", ask).json();
        assertTrue(list.isArray() && list.size() == 2, list.toString());
        pce.variants().dependencies(ApiVariants.DependencyShape.BY_TYPE);
        JsonNode byType = http.post("/orgs/1/sec_policy/draft/dependencies", ask).json();
        assertEquals(List.of("ip_lists", "services"), fieldNames(byType));
        assertEquals(rs, byType.get("services").get(0).get("required_by").get("rule_sets").get(0).get("href").asText());

        JsonNode counts = http.get("/orgs/1/sec_policy/active").json().get("object_counts");
        assertTrue(counts.isObject() && counts.get("firewall_settings").asInt() == 1, counts.toString());
        int total = 0;
        for (JsonNode c : counts) {
            total += c.asInt();
        }
        pce.variants().objectCounts(ApiVariants.ObjectCountsShape.INTEGER);
        JsonNode integer = http.get("/orgs/1/sec_policy/active").json().get("object_counts");
        assertTrue(integer.isInt(), integer.toString());
        assertEquals(total, integer.asInt());
        assertTrue(http.get("/orgs/1/sec_policy").json().get(0).get("object_counts").isInt());
        assertEquals(ApiVariants.DependencyShape.BY_TYPE, ApiVariants.parse("dependencies=by_type").dependencies());
    }

    private static int count(JsonNode pending) {
        int n = 0;
        for (JsonNode v : pending) {
            n += v.isArray() ? v.size() : 1;
        }
        return n;
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
