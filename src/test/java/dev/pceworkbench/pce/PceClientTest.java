package dev.pceworkbench.pce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.pce.api.ChangeSubset;

import dev.pceworkbench.pce.api.TrafficQueryBuilder;
import dev.pceworkbench.pce.http.PceResponse;
import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.ApiKey;
import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.IpList;
import dev.pceworkbench.pce.model.IpRange;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.PendingChanges;
import dev.pceworkbench.pce.model.PolicyDependency;
import dev.pceworkbench.pce.model.PolicyVersion;
import dev.pceworkbench.pce.model.ResolveLabelsAs;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.pce.model.TrafficFlow;
import dev.pceworkbench.pce.model.Workload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The typed client end to end against the demo PCE over verified HTTPS. */
class PceClientTest {
    static DemoPce pce;
    static PceClient client;
    static final CancellationToken NONE = CancellationToken.none();

    @BeforeAll
    static void start() throws Exception {
        pce = DemoPce.start(DemoPceOptions.defaults().withRateLimit(0).withJobTiming(Duration.ofMillis(200), 0)
                .withTrafficQueryDuration(Duration.ofMillis(300)));
        client = PceClient.connect(ConnectionSettings.of(pce.baseUrl(), 0, 1,
                        new Credentials.ApiKey(pce.credentials().authUsername(), pce.credentials().secret()))
                .withTls(TlsSettings.verifying().withCaBundlePem(pce.caPem())));
    }

    @AfterAll
    static void stop() {
        pce.close();
    }

    @Test
    void labelsCrudTyped() {
        Label created = client.labels().create(Label.of("app", "ClientApp"));
        assertTrue(created.href().startsWith("/orgs/1/labels/"));
        assertEquals("ClientApp", created.value());
        client.labels().update(created, Map.of("value", "ClientApp2"));
        assertEquals("ClientApp2", client.labels().get(created.href()).value());
        assertEquals(1, client.labels().list(Map.of("key", "app", "value", "ClientApp2")).size());
        client.labels().delete(created);
        PceApiException gone = assertThrows(PceApiException.class, () -> client.labels().get(created));
        assertEquals(404, gone.status());
    }

    @Test
    void getThenPutKeepsEverythingThePceSent() {
        Workload w = client.workloads().list(Map.of("managed", true, "max_results", 1)).get(0);
        JsonNode before = PceJson.mapper().valueToTree(client.workloads().get(w));
        client.workloads().update(w, w.withDescription("kept intact"));
        JsonNode after = PceJson.mapper().valueToTree(client.workloads().get(w));
        assertEquals("kept intact", after.get("description").asText());
        List<String> changed = new java.util.ArrayList<>();
        before.fieldNames().forEachRemaining(f -> {
            if (!before.get(f).equals(after.get(f)) && !f.equals("description") && !f.equals("updated_at")) {
                changed.add(f);
            }
        });
        assertEquals(List.of(), changed, "a GET then PUT changed nothing else");
    }

    @Test
    void provisioningRoundTripThroughTheClient() {
        IpList ipl = client.ipLists().create(new IpList(null, "IPL-CLIENT", "made by the client test",
                List.of(IpRange.of("198.51.100.0/24")), List.of(), Map.of()));
        RuleSet rs = client.ruleSets().create(RuleSet.of("RS-CLIENT", List.of(List.of())));
        SecRule rule = client.rules(rs).create(SecRule.of(List.of(Actor.allWorkloads()), List.of(Actor.ipList(ipl.href())),
                List.of(IngressService.port(443, 6))).withUnscopedConsumers(true).withResolveLabelsAs(ResolveLabelsAs.workloads()));
        assertTrue(rule.href().startsWith(rs.href() + "/sec_rules/"));

        PendingChanges pending = client.provisioning().pending(NONE);
        assertTrue(pending.changes().get("rule_sets").stream().anyMatch(c -> c.href().equals(rs.href())));
        List<PolicyDependency> deps = client.provisioning().dependencies(ChangeSubset.of(rs), true, NONE);
        assertEquals(1, deps.size());
        assertEquals(ipl.href(), deps.get(0).dependencyHref());

        PceApiException refused = assertThrows(PceApiException.class,
                () -> client.provisioning().provision("alone", ChangeSubset.of(rs), NONE));
        assertEquals(406, refused.status());
        assertTrue(refused.getMessage().contains(ipl.href()), refused.getMessage());

        PolicyVersion v = client.provisioning().provision("with its IP list", ChangeSubset.of(rs, ipl), NONE);
        assertEquals("with its IP list", v.commitMessage());
        assertEquals(v.version(), client.provisioning().versions(1, NONE).get(0).version());
        RuleSet active = client.ruleSets().get(rs, "active", NONE);
        assertEquals(Hrefs.toActive(rs.href()), active.href());
        assertEquals(1, active.rules().size());
        assertEquals(Hrefs.toActive(ipl.href()), active.rules().get(0).consumers().get(0).ipList().href());
        assertTrue(client.ruleSets().list("active", Map.of("name", "RS-CLIENT")).size() == 1);

        client.ruleSets().update(rs, Map.of("description", "to revert"));
        client.provisioning().revert(ChangeSubset.of(rs), NONE);
        assertFalse(client.provisioning().pending(NONE).changes().getOrDefault("rule_sets", List.of()).stream()
                .anyMatch(c -> c.href().equals(rs.href())));
    }

    @Test
    void trafficQueryRoundTripWithFilters() {
        Label db = client.labels().list(Map.of("key", "role")).stream().filter(l -> l.value().toLowerCase().contains("db"))
                .findFirst().orElseThrow();
        var query = TrafficQueryBuilder.named("client test")
                .destinations(TrafficQueryBuilder.Filter.label(db.href()))
                .service(5432, 6)
                .between(Instant.parse("2000-01-01T00:00:00Z"), Instant.now().plusSeconds(86_400))
                .maxResults(1000)
                .build();
        List<String> phases = new java.util.ArrayList<>();
        List<TrafficFlow> flows = client.traffic(Duration.ofSeconds(30), Duration.ofMillis(100)).run(query, NONE, p -> phases.add(p.phase()));
        assertFalse(flows.isEmpty(), "the demo data has database traffic on 5432");
        for (TrafficFlow f : flows) {
            assertEquals(5432, f.service().port());
            assertTrue(f.dst().workload().labels().stream().anyMatch(l -> l.href().equals(db.href())));
            assertNotNull(f.policyDecision());
        }
        assertTrue(phases.contains("queued") || phases.contains("working"), phases.toString());
    }

    @Test
    void apiKeyFromAUserLoginThenSwitchToIt() {
        PceClient asUser = PceClient.connect(client.settings().withCredentials(
                new Credentials.UserPassword(pce.credentials().userEmail(), pce.credentials().userPassword())));
        ApiKey key = asUser.createApiKey("workbench", "made by the client test", NONE);
        assertTrue(key.authUsername().startsWith("api_"));
        assertNotNull(key.secret());
        PceClient asKey = PceClient.connect(client.settings().withCredentials(new Credentials.ApiKey(key.authUsername(), key.secret())));
        assertEquals("23.2.10", asKey.productVersion(NONE).version());
        assertTrue(asUser.apiKeys(NONE).stream().anyMatch(k -> k.keyId().equals(key.keyId()) && k.secret() == null));
    }

    @Test
    void rawRequestsWithAndWithoutTheOrgPrefix() {
        PceResponse labels = client.raw().get("/labels", true, Map.of("max_results", 2), NONE);
        assertEquals(200, labels.status());
        assertEquals(2, labels.json().size());
        assertTrue(labels.header("X-Total-Count").isPresent());
        PceResponse health = client.raw().get("/health", false, null, NONE);
        assertEquals("normal", health.json().get(0).get("status").asText());
        PceResponse notFound = client.raw().get("/no_such_thing", true, null, NONE);
        assertEquals(404, notFound.status(), "raw calls hand errors back instead of throwing");
        PceResponse created = client.raw().post("/labels", true, Map.of("key", "env", "value", "RawEnv"), NONE);
        assertEquals(201, created.status());
        assertEquals(204, client.raw().delete(created.json().get("href").asText(), false, NONE).status());
    }

    @Test
    void checkConnectionDiagnosesTheDemoPce() {
        ConnectionDiagnosis ok = PceClient.checkConnection(client.settings(), NONE);
        assertTrue(ok.ok(), ok.report());
        assertEquals("23.2.10", ok.pceVersion());
        ConnectionDiagnosis noCa = PceClient.checkConnection(client.settings().withTls(TlsSettings.verifying()), NONE);
        assertFalse(noCa.ok());
        assertEquals(PceConnectionException.Kind.TLS, noCa.failureKind().orElseThrow());
    }
}
