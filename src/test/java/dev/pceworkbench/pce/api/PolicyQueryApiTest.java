package dev.pceworkbench.pce.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceApiException;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.PolicyCheckRequest;
import dev.pceworkbench.pce.model.PolicyCheckRequest.Side;
import dev.pceworkbench.pce.model.ResolveLabelsAs;
import dev.pceworkbench.pce.model.RuleSearchRequest;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.testing.DemoPces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The typed rule search and policy check ({@link PolicyQueryApi}) over verified HTTPS against the
 * small demo PCE: one draft rule between two workloads on TCP 7770-7779, found in the draft and not
 * in the active version until provisioned.
 */
class PolicyQueryApiTest {
    static final CancellationToken NONE = CancellationToken.none();
    static DemoPce pce;
    static PceClient client;
    static String consumer;
    static String provider;
    static SecRule rule;

    @BeforeAll
    static void start() throws Exception {
        pce = DemoPces.startSmall();
        client = DemoPces.client(pce);
        List<Workload> wls = client.workloads().list(Map.of("managed", true, "max_results", 2));
        consumer = wls.get(0).href();
        provider = wls.get(1).href();
        RuleSet rs = client.ruleSets().create(RuleSet.of("RS-POLICY-QUERIES", List.of(List.of())));
        rule = client.rules(rs).create(SecRule.of(List.of(Actor.workload(provider)), List.of(Actor.workload(consumer)),
                List.of(IngressService.range(7770, 7779, 6))).withResolveLabelsAs(ResolveLabelsAs.workloads()));
    }

    @AfterAll
    static void stop() {
        pce.close();
    }

    private static List<String> hrefs(List<SecRule> rules) {
        return rules.stream().map(SecRule::href).toList();
    }

    @Test
    void ruleSearchFindsTheDraftRuleByProviderAndPortAndNotInActive() {
        RuleSearchRequest byProvider = RuleSearchRequest.any().withProviders(List.of(Actor.workload(provider)))
                .withIngressServices(List.of(IngressService.port(7777, 6)));
        List<SecRule> draft = client.policyQueries().ruleSearch("draft", byProvider, NONE);
        assertTrue(hrefs(draft).contains(rule.href()), "draft: " + hrefs(draft));
        SecRule found = draft.stream().filter(r -> r.href().equals(rule.href())).findFirst().orElseThrow();
        assertEquals(provider, found.providers().get(0).workload().href(), "answered as typed rules");
        assertEquals(7770, found.ingressServices().get(0).port());

        List<SecRule> active = client.policyQueries().ruleSearch("active", byProvider, NONE);
        assertFalse(hrefs(active).contains(Hrefs.toActive(rule.href())), "not provisioned: " + hrefs(active));

        List<SecRule> otherPort = client.policyQueries().ruleSearch("draft",
                byProvider.withIngressServices(List.of(IngressService.port(7780, 6))), NONE);
        assertFalse(hrefs(otherPort).contains(rule.href()), "7780 is outside 7770-7779: " + hrefs(otherPort));
    }

    @Test
    void ruleSearchSendsUpdateTypeAndMaxResults() {
        // update_type is server-managed on objects but a criterion here: it must reach the PCE.
        RuleSearchRequest created = RuleSearchRequest.any().withConsumers(List.of(Actor.workload(consumer)));
        created = new RuleSearchRequest(created.providers(), created.consumers(), null, null, null, null, null, null, null,
                null, null, "create", null, null, null, null);
        JsonNode body = PceJson.mapper().valueToTree(created);
        assertEquals("create", body.path("update_type").asText());
        assertFalse(body.has("providers"), "absent criteria stay absent: " + body);
        assertTrue(hrefs(client.policyQueries().ruleSearch("draft", created, NONE)).contains(rule.href()));
        RuleSearchRequest deleted = new RuleSearchRequest(created.providers(), created.consumers(), null, null, null, null,
                null, null, null, null, null, "delete", null, null, null, null);
        assertFalse(hrefs(client.policyQueries().ruleSearch("draft", deleted, NONE)).contains(rule.href()));

        assertEquals(1, client.policyQueries().ruleSearch("draft", RuleSearchRequest.any().withMaxResults(1), NONE).size());
    }

    @Test
    void ruleSearchRefusalCarriesThePceMessage() {
        RuleSearchRequest unknown = RuleSearchRequest.any().withExtra(Map.of("no_such_criterion", IntNode.valueOf(1)));
        PceApiException e = assertThrows(PceApiException.class,
                () -> client.policyQueries().ruleSearch("draft", unknown, NONE));
        assertEquals(406, e.status());
        assertTrue(e.getMessage().contains("no_such_criterion"), e.getMessage());
    }

    @Test
    void policyCheckNamesTheRuleInDraftOnly() {
        PolicyCheckRequest inRange = PolicyCheckRequest.of(Side.workload(consumer), Side.workload(provider), 6, 7777);
        assertTrue(hrefs(client.policyQueries().allow("draft", inRange, NONE)).contains(rule.href()));
        assertFalse(hrefs(client.policyQueries().allow("active", inRange, NONE)).contains(Hrefs.toActive(rule.href())));

        PolicyCheckRequest wrongWay = PolicyCheckRequest.of(Side.workload(provider), Side.workload(consumer), 6, 7777);
        assertFalse(hrefs(client.policyQueries().allow("draft", wrongWay, NONE)).contains(rule.href()));
        PolicyCheckRequest udp = PolicyCheckRequest.of(Side.workload(consumer), Side.workload(provider), 17, 7777);
        assertFalse(hrefs(client.policyQueries().allow("draft", udp, NONE)).contains(rule.href()));
        PolicyCheckRequest fromOutside = PolicyCheckRequest.of(Side.externalIp("203.0.113.9"), Side.workload(provider), 6, 7777);
        assertFalse(hrefs(client.policyQueries().allow("draft", fromOutside, NONE)).contains(rule.href()));
    }

    @Test
    void policyCheckRefusalCarriesThePceMessage() {
        PolicyCheckRequest noPort = PolicyCheckRequest.of(Side.workload(consumer), Side.workload(provider), 6, null);
        PceApiException e = assertThrows(PceApiException.class, () -> client.policyQueries().allow("draft", noPort, NONE));
        assertEquals(406, e.status());
        assertTrue(e.getMessage().contains("'port'"), e.getMessage());
    }

    @Test
    void policyCheckRequestIsTheQueryThePceExpects() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("src_external_ip", "10.0.0.1");
        expected.put("dst_workload", "/orgs/1/workloads/w1");
        expected.put("protocol", 1);
        assertEquals(expected, PolicyCheckRequest.of(Side.externalIp("10.0.0.1"), Side.workload("/orgs/1/workloads/w1"), 1, null)
                .queryParameters());
        assertEquals(Map.of("src_workload", "/a", "dst_workload", "/b", "service", "/orgs/1/sec_policy/draft/services/7"),
                PolicyCheckRequest.ofService(Side.workload("/a"), Side.workload("/b"), "/orgs/1/sec_policy/draft/services/7")
                        .queryParameters());
        assertThrows(IllegalArgumentException.class, () -> new PolicyCheckRequest("/a", "10.0.0.1", "/b", null, 6, 80, null));
        assertThrows(IllegalArgumentException.class, () -> new PolicyCheckRequest("/a", null, null, null, 6, 80, null));
        assertThrows(IllegalArgumentException.class, () -> new PolicyCheckRequest("/a", null, "/b", null, null, 80, null));
    }
}
