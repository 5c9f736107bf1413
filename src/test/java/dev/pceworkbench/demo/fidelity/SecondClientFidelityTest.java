package dev.pceworkbench.demo.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.demo.DemoHttp;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.SecurityPrincipal;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.policy.PolicyData;
import dev.pceworkbench.policy.usage.UsageReference;
import dev.pceworkbench.policy.usage.WhereUsed;
import dev.pceworkbench.testing.DemoPces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo PCE answers like a real PCE where a second client (pylo, workloader) looks: issue 18,
 * items 1 to 7 and the extra endpoints those clients call. Over HTTPS against the small data set;
 * each test names its item.
 */
class SecondClientFidelityTest {
    static final String QUERIES = "/orgs/1/traffic_flows/async_queries";
    static DemoPce pce;
    static DemoHttp http;
    static PceClient client;

    @BeforeAll
    static void start() throws Exception {
        pce = DemoPces.start(DemoPceOptions.defaults().withRateLimit(0).withTrafficQueryDuration(Duration.ofMillis(600)));
        http = DemoHttp.forPce(pce);
        client = DemoPces.client(pce);
    }

    @AfterAll
    static void stop() {
        pce.close();
    }

    private static JsonNode ok(DemoHttp.Reply r) {
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static String label(String key, String value) {
        for (JsonNode l : ok(http.get("/orgs/1/labels?key=" + key + "&max_results=1000"))) {
            if (l.get("value").asText().equals(value)) {
                return l.get("href").asText();
            }
        }
        throw new AssertionError("no label " + key + "=" + value);
    }

    // ---- item 1 ---------------------------------------------------------------------------------

    @Test
    void item1_securityPrincipalsCollectionWithCrudAndRuleReferences() {
        DemoHttp.Reply list = http.get("/orgs/1/security_principals");
        JsonNode principals = ok(list);
        assertTrue(principals.size() >= 3, "the generated data set has security principals: " + principals);
        assertEquals(Integer.toString(principals.size()), list.header("X-Total-Count"));
        for (JsonNode p : principals) {
            assertTrue(p.get("href").asText().matches("/orgs/1/security_principals/[0-9a-f-]{36}"), p.toString());
            assertTrue(p.get("name").isTextual(), p.toString());
            assertTrue(p.get("sid").asText().startsWith("S-1-5-21-"), p.toString());
            assertTrue(p.get("deleted").isBoolean() && !p.get("deleted").asBoolean(), p.toString());
            assertTrue(p.get("description").isTextual(), p.toString());
            assertTrue(p.get("created_at").isTextual() && p.get("updated_at").isTextual(), p.toString());
            assertTrue(p.get("created_by").get("href").isTextual(), p.toString());
        }
        DemoHttp.Reply countOnly = http.get("/orgs/1/security_principals?max_results=0");
        assertEquals(0, ok(countOnly).size());
        assertEquals(Integer.toString(principals.size()), countOnly.header("X-Total-Count"), "max_results=0 still counts");

        DemoHttp.Reply created = http.post("/orgs/1/security_principals",
                Map.of("name", "CORP\\Auditors", "sid", "S-1-5-21-1-2-3-4242", "description", "Internal audit"));
        assertEquals(201, created.status(), created.body());
        String href = created.json().get("href").asText();
        assertEquals("S-1-5-21-1-2-3-4242", created.json().get("sid").asText());
        assertFalse(created.json().get("deleted").asBoolean());
        assertEquals("CORP\\Auditors", ok(http.get(href)).get("name").asText());
        assertEquals(204, http.put(href, Map.of("description", "Audit team")).status());
        assertEquals("Audit team", ok(http.get(href)).get("description").asText());

        DemoHttp.Reply dup = http.post("/orgs/1/security_principals", Map.of("name", "other", "sid", "S-1-5-21-1-2-3-4242"));
        assertEquals(406, dup.status(), "a sid is unique");
        DemoHttp.Reply noSid = http.post("/orgs/1/security_principals", Map.of("name", "nosid"));
        assertEquals(406, noSid.status());
        assertTrue(noSid.json().get(0).get("message").asText().contains("sid"), noSid.body());

        // A rule names it in consuming_security_principals; while it does, it cannot be deleted.
        String rs = http.post("/orgs/1/sec_policy/draft/rule_sets", Map.of("name", "RS-SP-" + System.nanoTime(),
                "scopes", List.of(List.of()))).json().get("href").asText();
        DemoHttp.Reply rule = http.post(rs + "/sec_rules", Map.of("providers", List.of(Map.of("actors", "ams")),
                "consumers", List.of(Map.of("actors", "ams")),
                "consuming_security_principals", List.of(Map.of("href", href)),
                "ingress_services", List.of(Map.of("port", 3389, "proto", 6)),
                "resolve_labels_as", Map.of("providers", List.of("workloads"), "consumers", List.of("workloads"))));
        assertEquals(201, rule.status(), rule.body());
        assertEquals(href, rule.json().get("consuming_security_principals").get(0).get("href").asText());
        DemoHttp.Reply inUse = http.delete(href);
        assertEquals(406, inUse.status(), inUse.body());
        assertTrue(inUse.json().get(0).get("message").asText().contains(rule.json().get("href").asText()));
        assertEquals(204, http.delete(rule.json().get("href").asText()).status());
        assertEquals(204, http.delete(href).status());
        assertEquals(404, http.get(href).status());

        // The app's client reads them as records.
        List<SecurityPrincipal> typed = client.securityPrincipals().list();
        assertEquals(principals.size(), typed.size());
        assertTrue(typed.stream().allMatch(p -> p.sid().startsWith("S-1-") && p.href() != null && Boolean.FALSE.equals(p.deleted())));
    }

    // ---- item 2 ---------------------------------------------------------------------------------

    @Test
    void item2_unmanagedWorkloadsHaveAnAgentObjectWithNullHref() {
        JsonNode unmanaged = ok(http.get("/orgs/1/workloads?managed=false&max_results=50"));
        assertTrue(unmanaged.size() > 0, "the small data set has unmanaged workloads");
        for (JsonNode w : unmanaged) {
            JsonNode agent = w.get("agent");
            assertTrue(agent != null && agent.isObject(), "never \"agent\": null: " + w);
            assertTrue(agent.has("href") && agent.get("href").isNull(), agent.toString());
            assertTrue(agent.get("status").isObject() && agent.get("status").isEmpty(), agent.toString());
            assertTrue(agent.get("config").isObject() && agent.get("config").isEmpty(), agent.toString());
        }
        JsonNode managed = ok(http.get("/orgs/1/workloads?managed=true&max_results=5"));
        assertTrue(managed.size() > 0);
        for (JsonNode w : managed) {
            assertTrue(w.get("agent").get("href").asText().startsWith("/orgs/1/agents/"), w.get("agent").toString());
        }

        DemoHttp.Reply created = http.post("/orgs/1/workloads", Map.of("name", "wl-item2", "hostname", "wl-item2.example"));
        assertEquals(201, created.status(), created.body());
        JsonNode agent = created.json().get("agent");
        assertTrue(agent.isObject() && agent.get("href").isNull(), "the POST answer too: " + created.body());
        assertTrue(agent.get("status").isEmpty() && agent.get("config").isEmpty());
        assertTrue(ok(http.get(created.json().get("href").asText())).get("agent").get("href").isNull());

        // The app's client tells them apart by agent.href.
        Workload typed = client.workloads().get(created.json().get("href").asText());
        assertNotNull(typed.agent(), "the agent object is read");
        assertFalse(typed.agent().managed());
        assertFalse(typed.managed());
        Workload typedManaged = client.workloads().get(managed.get(0).get("href").asText());
        assertTrue(typedManaged.agent().managed() && typedManaged.managed());
    }

    // ---- item 3 ---------------------------------------------------------------------------------

    @Test
    void item3_workloadsBulkCreateUpdateDeleteAnswerPerItem() {
        String web = label("role", "Web");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            items.add(Map.of("name", "bulk-" + i, "hostname", "bulk-" + i + ".example",
                    "labels", List.of(Map.of("href", web)),
                    "interfaces", List.of(Map.of("name", "eth0", "address", "10.77.0." + (10 + i)))));
        }
        items.add(Map.of("name", "bulk-bad", "labels", List.of(Map.of("href", "/orgs/1/labels/999999"))));
        JsonNode created = ok(http.put("/orgs/1/workloads/bulk_create", items));
        assertEquals(4, created.size(), "one answer per item, in order: " + created);
        List<String> hrefs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonNode c = created.get(i);
            assertEquals("created", c.get("status").asText(), c.toString());
            assertTrue(c.get("href").asText().matches("/orgs/1/workloads/[0-9a-f-]{36}"), c.toString());
            assertFalse(c.has("errors"));
            hrefs.add(c.get("href").asText());
            JsonNode stored = ok(http.get(c.get("href").asText()));
            assertEquals("bulk-" + i, stored.get("name").asText());
            assertTrue(stored.get("agent").get("href").isNull());
        }
        JsonNode bad = created.get(3).get("errors");
        assertTrue(bad.isArray() && bad.get(0).get("token").isTextual() && bad.get(0).get("message").isTextual(), created.toString());

        JsonNode updated = ok(http.put("/orgs/1/workloads/bulk_update", List.of(
                Map.of("href", hrefs.get(0), "description", "updated in bulk"),
                Map.of("href", "/orgs/1/workloads/00000000-0000-0000-0000-000000000000", "description", "x"))));
        assertEquals(hrefs.get(0), updated.get(0).get("href").asText());
        assertEquals("updated", updated.get(0).get("status").asText());
        assertEquals("updated in bulk", ok(http.get(hrefs.get(0))).get("description").asText());
        assertTrue(updated.get(1).get("errors").get(0).get("token").isTextual(), updated.toString());

        String managed = ok(http.get("/orgs/1/workloads?managed=true&max_results=1")).get(0).get("href").asText();
        JsonNode deleted = ok(http.put("/orgs/1/workloads/bulk_delete", List.of(Map.of("href", hrefs.get(1)),
                Map.of("href", hrefs.get(2)), Map.of("href", managed))));
        assertEquals(3, deleted.size());
        assertEquals(hrefs.get(1), deleted.get(0).get("href").asText());
        assertFalse(deleted.get(0).has("errors"), deleted.toString());
        assertEquals(404, http.get(hrefs.get(1)).status());
        assertEquals(404, http.get(hrefs.get(2)).status());
        assertEquals(managed, deleted.get(2).get("href").asText());
        assertEquals("method_not_allowed_error", deleted.get(2).get("errors").get(0).get("token").asText(),
                "a managed workload is unpaired, not deleted: " + deleted);
        assertEquals(200, http.get(managed).status());

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Map.of("name", "too-many-" + i));
        }
        assertEquals(406, http.put("/orgs/1/workloads/bulk_create", tooMany).status(), "at most 1,000 items a call");
        assertEquals(0, ok(http.get("/orgs/1/workloads?name=too-many-")).size());
    }

    // ---- item 4 ---------------------------------------------------------------------------------

    @Test
    void item4_labelsWithUsageTrueCarryTheUsageFlagsFromRealReferences() {
        Set<String> flags = Set.of("label_group", "ruleset", "rule", "static_policy_scopes",
                "containers_inherit_host_policy_scopes", "virtual_service", "virtual_server", "firewall_coexistence",
                "blocked_connection_reject_scope", "enforcement_boundary", "loopback_interfaces_in_policy_scopes",
                "ip_forwarding_enabled_scopes", "pairing_profile", "workload", "container_workload",
                "container_workload_profile");
        assertFalse(ok(http.get("/orgs/1/labels?max_results=1")).get(0).has("usage"), "only when asked");
        JsonNode labels = ok(http.get("/orgs/1/labels?usage=true&max_results=10000"));
        Map<String, Integer> used = new HashMap<>();
        for (JsonNode l : labels) {
            JsonNode u = l.get("usage");
            assertNotNull(u, l.toString());
            for (String f : flags) {
                assertTrue(u.get(f) != null && u.get(f).isBoolean(), f + " in " + l);
                if (u.get(f).asBoolean()) {
                    used.merge(f, 1, Integer::sum);
                }
            }
        }
        for (String f : List.of("label_group", "ruleset", "rule", "workload", "virtual_service", "pairing_profile",
                "container_workload_profile", "enforcement_boundary")) {
            assertTrue(used.getOrDefault(f, 0) > 0, "some label is used by a " + f + ": " + used);
        }
        assertEquals(0, used.getOrDefault("virtual_server", 0), "the demo has no virtual servers");

        // A fresh label is unused; once a workload carries it, usage says so.
        String fresh = http.post("/orgs/1/labels", Map.of("key", "app", "value", "Item4-" + System.nanoTime())).json()
                .get("href").asText();
        JsonNode before = ok(http.get(fresh + "?usage=true")).get("usage");
        flags.forEach(f -> assertFalse(before.get(f).asBoolean(), f));
        String wl = http.post("/orgs/1/workloads", Map.of("name", "wl-item4", "labels", List.of(Map.of("href", fresh))))
                .json().get("href").asText();
        JsonNode after = ok(http.get(fresh + "?usage=true")).get("usage");
        assertTrue(after.get("workload").asBoolean());
        assertFalse(after.get("ruleset").asBoolean());
        assertFalse(after.get("static_policy_scopes").asBoolean());
        // The firewall settings' scopes count too (the generated settings have none).
        DemoHttp.Reply fw = http.put("/orgs/1/sec_policy/draft/firewall_settings",
                Map.of("static_policy_scopes", List.of(List.of(Map.of("label", Map.of("href", fresh))))));
        assertEquals(204, fw.status(), fw.body());
        assertTrue(ok(http.get(fresh + "?usage=true")).get("usage").get("static_policy_scopes").asBoolean());
        assertEquals(204, http.put("/orgs/1/sec_policy/draft/firewall_settings", Map.of("static_policy_scopes", List.of())).status());

        // The app's client reads usage; a missing usage is "unknown", never "unused".
        Label typed = client.labels().get(fresh);
        assertNull(typed.inUse(), "no usage asked: unknown");
        Label withUsage = client.labels().list(Map.of("usage", true, "max_results", 10000)).stream()
                .filter(l -> l.href().equals(fresh)).findFirst().orElseThrow();
        assertEquals(Boolean.TRUE, withUsage.inUse());
        assertEquals(204, http.delete(wl).status());
        assertEquals(Boolean.FALSE, client.labels().list(Map.of("usage", true, "max_results", 10000)).stream()
                .filter(l -> l.href().equals(fresh)).findFirst().orElseThrow().inUse());
    }

    /**
     * The demo's {@code usage} flags agree with the app's own where-used (policy/usage, a separate
     * implementation) on every label, for the kinds both know, over the draft and the active version.
     */
    @Test
    void item4_labelUsageAgreesWithTheAppsWhereUsed() {
        Map<UsageReference.Kind, String> flagOf = Map.of(UsageReference.Kind.LABEL_GROUP, "label_group",
                UsageReference.Kind.RULE_SET, "ruleset", UsageReference.Kind.RULE, "rule",
                UsageReference.Kind.VIRTUAL_SERVICE, "virtual_service",
                UsageReference.Kind.ENFORCEMENT_BOUNDARY, "enforcement_boundary", UsageReference.Kind.WORKLOAD, "workload");
        List<Label> labels = client.labels().list(Map.of("usage", true, "max_results", 10000));
        List<Workload> workloads = client.workloads().list(Map.of("max_results", 100000));
        List<WhereUsed> engines = new ArrayList<>();
        for (String v : List.of("draft", "active")) {
            engines.add(new WhereUsed(PolicyData.empty(v).withLabels(labels).withWorkloads(workloads)
                    .withLabelGroups(client.labelGroups().list(v, Map.of()))
                    .withRuleSets(client.ruleSets().list(v, Map.of()))
                    .withVirtualServices(client.virtualServices().list(v, Map.of()))
                    .withEnforcementBoundaries(client.enforcementBoundaries().list(v, Map.of()))));
        }
        int compared = 0;
        for (Label l : labels) {
            Set<String> app = new HashSet<>();
            for (WhereUsed w : engines) {
                w.find(l.href()).stream().filter(UsageReference::direct).map(r -> flagOf.get(r.kind()))
                        .filter(java.util.Objects::nonNull).forEach(app::add);
            }
            Set<String> demo = new HashSet<>();
            flagOf.values().forEach(f -> {
                if (l.usage().get(f).asBoolean()) {
                    demo.add(f);
                }
            });
            assertEquals(app, demo, l.key() + "=" + l.value() + " " + l.href());
            compared += demo.isEmpty() ? 0 : 1;
        }
        assertTrue(compared > 10, "most labels are used somewhere: " + compared);
    }

    // ---- item 5 ---------------------------------------------------------------------------------

    private static JsonNode pollUntil(String href, String field) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode q = ok(http.get(href));
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = "rules".equals(field) ? q.path("rules").path("status") : q.path("status");
            if (!Set.of("queued", "working").contains(status.asText())) {
                return q;
            }
            Thread.sleep(50);
            q = ok(http.get(href));
        }
        throw new AssertionError("still running: " + q);
    }

    @Test
    void item5_updateRulesAddsDraftPolicyDecisionsComputedOnTheDraft() throws Exception {
        Map<String, Object> body = Map.of("query_name", "item5",
                "start_date", Instant.now().minus(Duration.ofDays(60)).toString(),
                "end_date", Instant.now().plus(Duration.ofDays(2)).toString(),
                "sources", Map.of("include", List.of(List.of()), "exclude", List.of()),
                "destinations", Map.of("include", List.of(List.of()), "exclude", List.of()),
                "services", Map.of("include", List.of(), "exclude", List.of()),
                "policy_decisions", List.of(), "max_results", 2000);
        DemoHttp.Reply posted = http.post(QUERIES, body);
        assertEquals(202, posted.status(), posted.body());
        String href = posted.json().get("href").asText();
        assertEquals(406, http.put(href + "/update_rules?label_based_rules=false&offset=0&limit=2000", Map.of()).status(),
                "only a completed query can be updated");
        JsonNode done = pollUntil(href, "status");
        assertEquals("completed", done.get("status").asText(), done.toString());
        assertFalse(done.has("rules"), "no rules status before update_rules");
        JsonNode flows = ok(http.get(href + "/download"));
        assertFalse(flows.get(0).has("draft_policy_decision"));

        // A flow the active policy does not allow, between two workloads: a new DRAFT rule allows it.
        JsonNode target = null;
        for (JsonNode f : flows) {
            if (!f.get("policy_decision").asText().equals("allowed") && !f.get("policy_decision").asText().equals("unknown")
                    && f.get("src").has("workload") && f.get("dst").has("workload")) {
                target = f;
                break;
            }
        }
        assertNotNull(target, "the small data set has blocked traffic between workloads");
        String src = target.get("src").get("workload").get("href").asText();
        String dst = target.get("dst").get("workload").get("href").asText();
        int port = target.get("service").get("port").asInt();
        int proto = target.get("service").get("proto").asInt();
        String rs = http.post("/orgs/1/sec_policy/draft/rule_sets", Map.of("name", "RS-ITEM5-" + System.nanoTime(),
                "scopes", List.of(List.of()))).json().get("href").asText();
        DemoHttp.Reply rule = http.post(rs + "/sec_rules", Map.of("providers", List.of(Map.of("workload", Map.of("href", dst))),
                "consumers", List.of(Map.of("workload", Map.of("href", src))),
                "ingress_services", List.of(Map.of("port", port, "proto", proto)),
                "resolve_labels_as", Map.of("providers", List.of("workloads"), "consumers", List.of("workloads")),
                "unscoped_consumers", true));
        assertEquals(201, rule.status(), rule.body());
        String ruleHref = rule.json().get("href").asText();

        DemoHttp.Reply update = http.put(href + "/update_rules?label_based_rules=false&offset=0&limit=" + flows.size(), Map.of());
        assertEquals(202, update.status(), update.body());
        JsonNode right = ok(http.get(href));
        assertEquals("completed", right.get("status").asText(), "the query itself stays completed");
        assertTrue(Set.of("queued", "working", "completed").contains(right.get("rules").get("status").asText()), right.toString());
        JsonNode rulesDone = pollUntil(href, "rules");
        assertEquals("completed", rulesDone.get("rules").get("status").asText(), rulesDone.toString());

        JsonNode drafted = ok(http.get(href + "/download"));
        assertEquals(flows.size(), drafted.size());
        Set<String> allowedValues = Set.of("allowed", "blocked_no_rule", "potentially_blocked_no_rule", "unknown");
        int matched = 0;
        for (JsonNode f : drafted) {
            String d = f.get("draft_policy_decision").asText();
            assertTrue(allowedValues.contains(d), f.toString());
            assertTrue(f.get("rules").isArray());
            assertEquals(d.equals("allowed"), !f.get("rules").isEmpty(), f.toString());
            if (f.get("src").path("workload").path("href").asText().equals(src)
                    && f.get("dst").path("workload").path("href").asText().equals(dst)
                    && f.get("service").get("port").asInt() == port && f.get("service").get("proto").asInt() == proto) {
                matched++;
                assertEquals("allowed", d, "the draft rule allows it: " + f);
                assertTrue(f.get("rules").toString().contains(ruleHref), f.toString());
                assertTrue(f.get("rules").get(0).get("href").asText().contains("/sec_policy/draft/"), f.toString());
                assertFalse(f.get("policy_decision").asText().equals("allowed"), "the reported decision is the active one");
            }
            if (f.get("policy_decision").asText().equals("allowed")) {
                assertEquals("allowed", d, "the draft only adds a rule, so what active allows draft allows: " + f);
            }
        }
        assertTrue(matched > 0);
    }

    // ---- item 6 ---------------------------------------------------------------------------------

    @Test
    void item6_healthListsClustersWithTypedNodesAndServices() {
        JsonNode health = ok(http.get("/health"));
        assertTrue(health.isArray() && health.size() >= 1, health.toString());
        JsonNode cluster = health.get(0);
        assertTrue(cluster.get("fqdn").isTextual());
        assertTrue(cluster.get("type").isTextual());
        assertTrue(Set.of("normal", "warning", "error").contains(cluster.get("status").asText()), cluster.toString());
        assertTrue(cluster.get("generated_at").isTextual());
        assertTrue(cluster.get("nodes").size() >= 1);
        for (JsonNode node : cluster.get("nodes")) {
            assertTrue(node.get("hostname").isTextual(), node.toString());
            assertTrue(node.get("type").isTextual(), "a node's role: " + node);
            assertTrue(node.get("ip_address").isTextual(), node.toString());
            assertTrue(node.has("runlevel") && (node.get("runlevel").isInt() || node.get("runlevel").isNull()), node.toString());
            JsonNode services = node.get("services");
            assertTrue(services.get("status").isTextual(), services.toString());
            Set<String> names = new HashSet<>();
            for (String list : List.of("running", "not_running", "partial", "optional")) {
                assertTrue(services.get(list).isArray(), list + " in " + services);
                services.get(list).forEach(s -> assertTrue(names.add(s.asText()), "each service once: " + s));
            }
            assertFalse(services.get("running").isEmpty());
        }
    }

    // ---- item 7 ---------------------------------------------------------------------------------

    @Test
    void item7_builtInAnyIpListAndAllServicesAreCreatedBySystemUser0() {
        JsonNode any = null;
        for (JsonNode l : ok(http.get("/orgs/1/sec_policy/draft/ip_lists?name=0.0.0.0&max_results=10"))) {
            if (l.get("created_by").get("href").asText().equals("/users/0")) {
                any = l;
            }
        }
        assertNotNull(any, "clients find the Any IP list by created_by /users/0");
        assertEquals("Any (0.0.0.0/0 and ::/0)", any.get("name").asText());
        JsonNode all = null;
        for (JsonNode s : ok(http.get("/orgs/1/sec_policy/draft/services?max_results=1000"))) {
            if (s.get("name").asText().equals("All Services")) {
                all = s;
            }
        }
        assertNotNull(all);
        assertEquals("/users/0", all.get("created_by").get("href").asText());
        assertEquals("/users/0", ok(http.get("/orgs/1/sec_policy/active/services?name=All%20Services")).get(0)
                .get("created_by").get("href").asText(), "active too");
        for (JsonNode l : ok(http.get("/orgs/1/sec_policy/draft/ip_lists?max_results=1000"))) {
            if (!l.get("name").asText().startsWith("Any (")) {
                assertFalse(l.get("created_by").get("href").asText().equals("/users/0"), "only built-ins: " + l);
            }
        }
    }

    // ---- the other endpoints such clients call ----------------------------------------------------

    @Test
    void ruleCoverageAnswersEdgesAndRulesFromTheDraft() {
        JsonNode allowed = null;
        JsonNode flows = null;
        // A workload pair that a rule allows, from the policy check the demo already serves.
        JsonNode workloads = ok(http.get("/orgs/1/workloads?managed=true&max_results=200"));
        outer:
        for (JsonNode dst : workloads) {
            for (JsonNode src : workloads) {
                if (src == dst) {
                    continue;
                }
                for (int port : new int[]{443, 5432, 8080, 22}) {
                    DemoHttp.Reply check = http.get("/orgs/1/sec_policy/draft/allow?protocol=6&port=" + port
                            + "&src_workload=" + src.get("href").asText() + "&dst_workload=" + dst.get("href").asText());
                    if (check.status() == 200 && check.json().isArray() && check.json().size() > 0) {
                        allowed = check.json();
                        flows = PceJsonPair.of(src.get("href").asText(), dst.get("href").asText(), port);
                        break outer;
                    }
                }
            }
        }
        assertNotNull(allowed, "some managed pair is allowed");
        String src = flows.get("src").asText();
        String dst = flows.get("dst").asText();
        int port = flows.get("port").asInt();
        String anyIpList = null;
        for (JsonNode l : ok(http.get("/orgs/1/sec_policy/draft/ip_lists?max_results=1000"))) {
            if (l.get("created_by").get("href").asText().equals("/users/0")) {
                anyIpList = l.get("href").asText();
            }
        }
        DemoHttp.Reply r = http.post("/orgs/1/sec_policy/draft/rule_coverage?include_deny_rules=true", List.of(
                Map.of("source", Map.of("workload", Map.of("href", src)), "destination", Map.of("workload", Map.of("href", dst)),
                        "services", List.of(Map.of("protocol", 6, "port", port), Map.of("protocol", 17, "port", 9)),
                        "resolve_labels_as", Map.of("source", List.of("workloads"), "destination", List.of("workloads"))),
                Map.of("source", Map.of("ip_list", Map.of("href", anyIpList)), "destination", Map.of("workload", Map.of("href", dst)),
                        "services", List.of(Map.of("protocol", 6, "port", port)))));
        assertEquals(200, r.status(), r.body());
        JsonNode out = r.json();
        assertEquals(2, out.get("edges").size(), "one edge per query");
        assertEquals(2, out.get("edges").get(0).size(), "one entry per service");
        JsonNode covering = out.get("edges").get(0).get(0);
        assertTrue(covering.size() > 0, out.toString());
        for (JsonNode h : covering) {
            assertTrue(out.get("rules").has(h.asText()), "every edge rule is in rules: " + out);
            assertTrue(allowed.toString().contains(h.asText()), "the same rules as the policy check: " + allowed);
        }
        assertEquals(2, out.get("deny_edges").size());
        assertTrue(out.get("deny_rules").isObject());
        assertEquals(406, http.post("/orgs/1/sec_policy/draft/rule_coverage", List.of(Map.of(
                "source", Map.of("workload", Map.of("href", "/orgs/1/workloads/nope")),
                "destination", Map.of("workload", Map.of("href", dst)), "services", List.of()))).status());
    }

    /** A tiny holder for the pair the coverage test found. */
    private static final class PceJsonPair {
        static JsonNode of(String src, String dst, int port) {
            return dev.pceworkbench.pce.json.PceJson.mapper().createObjectNode().put("src", src).put("dst", dst).put("port", port);
        }
    }

    @Test
    void networkDevicesIsAnEmptyCountedList() {
        DemoHttp.Reply r = http.get("/orgs/1/network_devices");
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().isArray() && r.json().isEmpty());
        assertEquals("0", r.header("X-Total-Count"));
    }

    @Test
    void agentCompatibilityReportHasQualifyStatusAndTests() {
        String agent = ok(http.get("/orgs/1/workloads?managed=true&max_results=1")).get(0).get("agent").get("href").asText();
        DemoHttp.Reply r = http.get(agent + "/compatibility_report");
        assertEquals(200, r.status(), r.body());
        JsonNode report = r.json();
        assertEquals("green", report.get("qualify_status").asText());
        JsonNode tests = report.get("results").get("qualify_tests");
        assertTrue(tests.isArray() && tests.size() > 0);
        for (JsonNode t : tests) {
            assertTrue(t.get("status").isTextual(), t.toString());
            assertTrue(t.size() >= 2, "a status and the test's own value: " + t);
        }
        assertEquals(404, http.get("/orgs/1/agents/999999999/compatibility_report").status());
    }
}
