package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.demo.DemoHttp;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.pceworkbench.pce.model.RoundTrip.assertListRoundTrip;
import static dev.pceworkbench.pce.model.RoundTrip.assertRoundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every shape the embedded demo PCE serves reads into the model and writes back unchanged, and a
 * GET, edit, PUT of the update body, GET cycle changes only the edited field.
 */
class DemoPceRoundTripTest {
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

    private static String get(String path) {
        DemoHttp.Reply r = http.get(path);
        assertEquals(200, r.status(), path + ": " + r.body());
        return r.body();
    }

    @Test
    void orgCollections() {
        Map<String, Class<?>> kinds = Map.of("labels", Label.class, "label_dimensions", LabelDimension.class,
                "workloads", Workload.class, "vens", Ven.class, "service_bindings", ServiceBinding.class,
                "container_clusters", ContainerCluster.class, "pairing_profiles", PairingProfile.class,
                "events", Event.class);
        kinds.forEach((path, type) -> {
            List<?> all = assertListRoundTrip(get(ORG + "/" + path + "?max_results=10000"), type, path);
            assertFalse(all.isEmpty(), path);
        });
        List<ContainerCluster> clusters = assertListRoundTrip(get(ORG + "/container_clusters"),
                ContainerCluster.class, "clusters");
        for (ContainerCluster c : clusters) {
            String path = c.href() + "/container_workload_profiles";
            assertListRoundTrip(get(path), ContainerWorkloadProfile.class, path);
        }
        List<Workload> workloads = assertListRoundTrip(get(ORG + "/workloads?max_results=10000"), Workload.class, "w");
        assertTrue(workloads.stream().anyMatch(Workload::managed));
        assertTrue(workloads.stream().allMatch(w -> w.interfaces() != null));
    }

    @Test
    void policyObjectsDraftAndActive() {
        Map<String, Class<?>> kinds = Map.of("label_groups", LabelGroup.class, "ip_lists", IpList.class,
                "services", Service.class, "virtual_services", VirtualService.class, "rule_sets", RuleSet.class,
                "enforcement_boundaries", EnforcementBoundary.class);
        for (String pv : List.of("draft", "active")) {
            kinds.forEach((path, type) -> {
                String p = ORG + "/sec_policy/" + pv + "/" + path + "?max_results=10000";
                assertFalse(assertListRoundTrip(get(p), type, p).isEmpty(), p);
            });
        }
        List<RuleSet> sets = assertListRoundTrip(get(ORG + "/sec_policy/draft/rule_sets"), RuleSet.class, "rs");
        assertTrue(sets.stream().anyMatch(s -> !s.ipTablesRules().isEmpty()), "demo has custom iptables rules");
        RuleSet first = sets.get(0);
        assertListRoundTrip(get(first.href() + "/sec_rules"), SecRule.class, "sec_rules");
        assertRoundTrip(get(first.rules().get(0).href()), SecRule.class, "one sec_rule");
    }

    @Test
    void provisioningVersionsPendingAndDependencies() {
        List<PolicyVersion> versions = assertListRoundTrip(get(ORG + "/sec_policy"), PolicyVersion.class, "versions");
        assertFalse(versions.isEmpty());
        assertTrue(versions.get(0).version() > 0);
        PendingChanges pending = assertRoundTrip(get(ORG + "/sec_policy/pending"), PendingChanges.class, "pending");
        assertTrue(pending.count() > 0, "the demo leaves changes pending");
        DemoHttp.Reply deps = http.post(ORG + "/sec_policy/draft/dependencies",
                Map.of("operation", "commit", "change_subset", Map.of("rule_sets", pending.changeSubset().get("rule_sets"))));
        assertEquals(200, deps.status(), deps.body());
        List<PolicyDependency> d = assertListRoundTrip(deps.body(), PolicyDependency.class, "dependencies");
        assertTrue(d.stream().allMatch(x -> x.dependencyHref() != null));
    }

    @Test
    void systemJobsKeysPairingAndTraffic() throws Exception {
        ProductVersion v = assertRoundTrip(get("/product_version"), ProductVersion.class, "product_version");
        assertTrue(v.major() > 0);

        DemoHttp.Reply accepted = http.getAsync(ORG + "/labels");
        assertEquals(202, accepted.status());
        String location = accepted.header("Location");
        AsyncJob job = null;
        for (int i = 0; i < 100 && (job == null || !(job.done() || job.failed())); i++) {
            Thread.sleep(20);
            job = assertRoundTrip(get(location), AsyncJob.class, "job");
        }
        assertTrue(job.done(), "job finished: " + job);
        assertListRoundTrip(get(job.resultHref()), Label.class, "datafile");

        String user = RoundTrip.tree(get("/users/login")).get("href").asText();
        DemoHttp.Reply created = http.post(user + "/api_keys", ApiKey.of("model-test", "round trip"));
        assertEquals(201, created.status(), created.body());
        ApiKey key = assertRoundTrip(created.body(), ApiKey.class, "created key");
        assertTrue(key.secret() != null && !key.secret().isEmpty());
        List<ApiKey> keys = assertListRoundTrip(get(user + "/api_keys"), ApiKey.class, "keys");
        assertTrue(keys.stream().allMatch(k -> k.secret() == null), "listings never show secrets");

        PairingProfile pp = assertListRoundTrip(get(ORG + "/pairing_profiles"), PairingProfile.class, "pp").get(0);
        DemoHttp.Reply pk = http.post(pp.href() + "/pairing_key", Map.of());
        assertTrue(pk.status() / 100 == 2, pk.body());
        assertTrue(assertRoundTrip(pk.body(), PairingKey.class, "pairing key").activationCode() != null);

        TrafficQueryRequest request = TrafficQueryRequest.of("model-test", "2020-01-01T00:00:00Z",
                "2030-01-01T00:00:00Z").withMaxResults(500);
        DemoHttp.Reply posted = http.post(ORG + "/traffic_flows/async_queries", request);
        assertTrue(posted.status() / 100 == 2, posted.body());
        TrafficQuery query = assertRoundTrip(posted.body(), TrafficQuery.class, "posted query");
        for (int i = 0; i < 200 && !(query.completed() || query.failed()); i++) {
            Thread.sleep(20);
            query = assertRoundTrip(get(query.href()), TrafficQuery.class, "query");
        }
        assertTrue(query.completed(), "query finished: " + query);
        assertEquals(request.queryName(), query.queryParameters().queryName());
        assertListRoundTrip(get(ORG + "/traffic_flows/async_queries"), TrafficQuery.class, "queries");
        List<TrafficFlow> flows = assertListRoundTrip(get(query.resultPath()), TrafficFlow.class, "flows");
        assertFalse(flows.isEmpty());
        assertTrue(flows.stream().allMatch(f -> f.policyDecision() != null && f.src().ip() != null));
    }

    @Test
    void getEditPutKeepsEverythingElse() {
        RuleSet before = assertListRoundTrip(get(ORG + "/sec_policy/draft/rule_sets"), RuleSet.class, "rs").get(1);
        DemoHttp.Reply put = http.put(before.href(), before.withDescription("edited by the model test").updateBody());
        assertEquals(204, put.status(), put.body());
        RuleSet after = assertRoundTrip(get(before.href()), RuleSet.class, "rule set after PUT");
        assertEquals("edited by the model test", after.description());
        JsonNode b = before.toJson();
        JsonNode a = after.toJson();
        for (String server : List.of("updated_at", "updated_by", "update_type", "description", "rules")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) b).remove(server);
            ((com.fasterxml.jackson.databind.node.ObjectNode) a).remove(server);
        }
        assertEquals(b, a, "only the description and server bookkeeping changed");
        assertEquals(before.rules().size(), after.rules().size());

        Label label = assertListRoundTrip(get(ORG + "/labels"), Label.class, "labels").get(0);
        DemoHttp.Reply lp = http.put(label.href(), label.withExtraField("external_data_reference",
                com.fasterxml.jackson.databind.node.TextNode.valueOf("ext-1")).updateBody());
        assertEquals(204, lp.status(), lp.body());
        Label relabel = assertRoundTrip(get(label.href()), Label.class, "label after PUT");
        assertEquals("ext-1", relabel.externalDataReference());
        assertEquals(label.value(), relabel.value());
    }
}
