package dev.pceworkbench.ui.common.policy;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceApiException;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.IpList;
import dev.pceworkbench.pce.model.IpRange;
import dev.pceworkbench.pce.model.ResolveLabelsAs;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.policy.Endpoint;
import dev.pceworkbench.policy.PortRange;
import dev.pceworkbench.testing.DemoPces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Verify on PCE" through the typed policy-query API, over HTTPS against the small demo PCE. */
class PceQueriesTest {
    static DemoPce pce;
    static PceClient client;
    static String consumer;
    static String provider;
    static SecRule tcp;
    static SecRule icmp;

    @BeforeAll
    static void start() throws Exception {
        pce = DemoPces.startSmall();
        client = DemoPces.client(pce);
        List<Workload> wls = client.workloads().list(Map.of("managed", true, "max_results", 2));
        consumer = wls.get(0).href();
        provider = wls.get(1).href();
        RuleSet rs = client.ruleSets().create(RuleSet.of("RS-PCE-QUERIES", List.of(List.of())));
        tcp = client.rules(rs).create(SecRule.of(List.of(Actor.workload(provider)), List.of(Actor.workload(consumer)),
                List.of(IngressService.port(6543, 6))).withResolveLabelsAs(ResolveLabelsAs.workloads()));
        IpList outside = client.ipLists().create(new IpList(null, "IPL-PCE-QUERIES", null,
                List.of(IpRange.of("203.0.113.0/24")), List.of(), Map.of()));
        icmp = client.rules(rs).create(SecRule.of(List.of(Actor.workload(provider)), List.of(Actor.ipList(outside.href())),
                List.of(new IngressService(null, null, null, 1, null, null, null))).withResolveLabelsAs(ResolveLabelsAs.workloads()));
    }

    @AfterAll
    static void stop() {
        pce.close();
    }

    @Test
    void ruleSearchTakesTheFormsBodyAndAnswersHrefs() {
        Map<String, Object> body = Map.of("providers", List.of(Map.of("workload", Map.of("href", provider))),
                "ingress_services", List.of(Map.of("port", 6543, "proto", 6)));
        Set<String> found = PceQueries.ruleSearch(client, "draft", body, CancellationToken.none());
        assertTrue(found.contains(tcp.href()), found.toString());
        assertFalse(found.contains(icmp.href()), "ICMP is not TCP 6543: " + found);
    }

    @Test
    void allowAsksWithWorkloadsAndAddresses() {
        Set<String> tcpAllowed = PceQueries.allow(client, "draft", Endpoint.workload(consumer), Endpoint.workload(provider),
                PortRange.of(6, 6543), CancellationToken.none());
        assertTrue(tcpAllowed.contains(tcp.href()), tcpAllowed.toString());
        assertFalse(PceQueries.allow(client, "active", Endpoint.workload(consumer), Endpoint.workload(provider),
                PortRange.of(6, 6543), CancellationToken.none()).stream().anyMatch(h -> h.endsWith(
                tcp.href().substring(tcp.href().indexOf("/rule_sets/")))), "not provisioned");
        // ICMP has no port: the query says only the protocol (the PCE refuses a port-less TCP check).
        Set<String> fromOutside = PceQueries.allow(client, "draft", Endpoint.ip("203.0.113.250"), Endpoint.workload(provider),
                PortRange.protocol(1), CancellationToken.none());
        assertTrue(fromOutside.contains(icmp.href()), fromOutside.toString());
        assertFalse(fromOutside.contains(tcp.href()), fromOutside.toString());
    }

    @Test
    void aRefusalCarriesThePceMessage() {
        PceApiException e = assertThrows(PceApiException.class, () -> PceQueries.ruleSearch(client, "draft",
                Map.of("not_a_criterion", true), CancellationToken.none()));
        assertTrue(e.getMessage().contains("not_a_criterion"), e.getMessage());
        assertEquals(406, e.status());
    }
}
