package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.pceworkbench.pce.model.RoundTrip.M;
import static dev.pceworkbench.pce.model.SampleRoundTripTest.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The samples' values are reachable through the typed components. */
class TypedAccessTest {
    private static <T> List<T> list(String file, Class<T> type) throws Exception {
        return M.readValue(read(file), M.getTypeFactory().constructCollectionType(List.class, type));
    }

    @Test
    void ruleActorsServicesAndFlags() throws Exception {
        SecRule rule = list("rules.json", SecRule.class).get(0);
        assertEquals("/orgs/1/sec_policy/draft/rule_sets/1/sec_rules/1", rule.href());
        Actor provider = rule.providers().get(0);
        assertEquals("label", provider.kind());
        assertEquals("/orgs/1/labels/1", provider.label().href());
        assertEquals("/orgs/1/labels/1", provider.ref().href());
        assertTrue(rule.consumers().get(0).allWorkloadsActor());
        assertEquals(Actor.allWorkloads(), rule.consumers().get(0));
        assertEquals("actors", rule.consumers().get(0).kind());
        IngressService svc = rule.ingressServices().get(0);
        assertFalse(svc.serviceRef());
        assertEquals(1234, svc.port());
        assertEquals(6, svc.proto());
        assertNull(svc.toPort());
        assertEquals(List.of("workloads"), rule.resolveLabelsAs().providers());
        assertEquals("brn", rule.networkType());
        assertEquals(Boolean.TRUE, rule.enabled());
        assertEquals(Boolean.FALSE, rule.unscopedConsumers());
        assertEquals(Boolean.FALSE, rule.stateless());
        assertEquals("", rule.description());
        // Server-managed metadata, kept in extra and read through PceResource.
        assertEquals("create", rule.updateType());
        assertEquals("2021-12-07T22:28:09.136Z", rule.createdAt());
        assertEquals("/users/1", rule.createdBy().href());
        assertNull(rule.deletedAt());
        assertTrue(rule.extra().containsKey("deleted_at"), "explicit null kept");
    }

    @Test
    void ruleSetScopesAndCaps() throws Exception {
        List<RuleSet> sets = list("rule_sets.json", RuleSet.class);
        RuleSet rs = sets.get(0);
        assertEquals("RS-RINGFENCE", rs.name());
        assertEquals(1, rs.scopes().size());
        assertEquals(List.of("/orgs/1/labels/22", "/orgs/1/labels/23", "/orgs/1/labels/24"),
                rs.scopes().get(0).stream().map(e -> e.ref().href()).toList());
        assertEquals(List.of(), rs.rules());
        assertEquals(List.of("write", "provision"), rs.caps());
        assertEquals(List.of(List.of()), sets.get(2).scopes(), "global scope [[]]");
    }

    @Test
    void servicePortsIncludingRangesAndIcmp() throws Exception {
        List<Service> services = list("services.json", Service.class);
        assertEquals(-1, services.get(0).servicePorts().get(0).proto());
        ServicePort icmp = services.get(2).servicePorts().get(0);
        assertEquals(1, icmp.proto());
        assertNull(icmp.icmpType());
        assertTrue(icmp.extra().containsKey("icmp_type"), "explicit null icmp_type kept");
        ServicePort wellKnown = services.get(5).servicePorts().get(0);
        assertEquals(1, wellKnown.port());
        assertEquals(1023, wellKnown.toPort());
        assertEquals(6, wellKnown.proto());
    }

    @Test
    void workloadInterfacesLabelsAndAgent() throws Exception {
        List<Workload> workloads = list("workloads.json", Workload.class);
        Workload w = workloads.get(0);
        assertEquals("ubuntu-db", w.hostname());
        assertEquals(List.of("fd00::200:a:0:ba74"), w.interfaces().stream().map(WorkloadInterface::address).toList()
                .subList(0, 1));
        assertTrue(w.interfaces().stream().allMatch(i -> i.name() != null));
        assertEquals(64, w.interfaces().get(0).cidrBlock());
        assertEquals("/orgs/1/networks/04ac9819-d438-42b6-b892-2968e32ca255", w.interfaces().get(0).network().href());
        assertEquals("/orgs/1/agents/47732", w.agent().href());
        assertEquals("active", w.agent().status().status());
        assertEquals("syncing", w.agent().status().securityPolicySyncState());
        assertEquals("/orgs/1/vens/ef7f0f53-2295-4416-aaaf-965146934c53", w.ven().href());
        assertTrue(w.managed());
        assertEquals("visibility_only", w.enforcementMode());
        assertTrue(w.extra().containsKey("services"), "unmodelled open service ports kept in extra");
    }

    @Test
    void ipListsLabelGroupsVirtualServicesVens() throws Exception {
        IpList ipl = list("ip_lists.json", IpList.class).get(1);
        assertEquals("1.1.0.0", ipl.ipRanges().get(0).fromIp());
        assertEquals(Boolean.FALSE, ipl.ipRanges().get(0).exclusion());
        assertEquals("app.example.com", ipl.fqdns().get(0).fqdn());

        LabelGroup lg = list("label_groups.json", LabelGroup.class).get(0);
        assertEquals("loc", lg.key());
        assertEquals("LG-L-US-Datacenters", lg.subGroups().get(0).name());

        VirtualService vs = list("virtual_services.json", VirtualService.class).get(0);
        assertEquals(443, vs.servicePorts().get(1).toPort());
        assertEquals("1.1.1.1", vs.serviceAddresses().get(0).ip());
        assertEquals("*.illumio.com", vs.serviceAddresses().get(1).fqdn());
        assertEquals("R-WEB", vs.labels().get(0).value());
        assertEquals("role", vs.labels().get(0).key());

        Ven ven = list("vens.json", Ven.class).get(0);
        assertEquals("WIN-CK9JH7R07NB", ven.hostname());
        assertEquals("10.2.65.171", ven.interfaces().get(0).address());
        assertEquals("active", ven.status());
    }

    @Test
    void flowsQueryAndSmallObjects() throws Exception {
        List<TrafficFlow> flows = M.readValue(read("traffic_query_response.json"), new TypeReference<>() {
        });
        assertEquals(6, flows.size());
        TrafficFlow f = flows.get(0);
        assertEquals("potentially_blocked", f.policyDecision());
        assertEquals("inbound", f.flowDirection());
        assertEquals("10.0.6.63", f.src().ip());
        assertEquals("A-APP", f.src().workload().labels().get(0).value());
        assertEquals(1234, f.service().port());
        assertEquals(1, f.numConnections());
        assertEquals(0L, f.dstBi());
        assertEquals("2021-09-29T09:50:17Z", f.timestampRange().firstDetected());
        assertEquals("root", flows.get(1).service().userName());

        TrafficQueryRequest q = M.readValue(read("traffic_query.json"), TrafficQueryRequest.class);
        assertEquals("string", q.sources().include().get(0).get(0).label().href());
        assertEquals("string", q.destinations().exclude().get(0).label().href());
        assertEquals("string", q.services().include().get(0).windowsServiceName());
        assertEquals(List.of("allowed"), q.policyDecisions());
        assertEquals(0, q.maxResults());
        assertEquals("and", q.sourcesDestinationsQueryOp());
        assertEquals(Boolean.TRUE, q.excludeWorkloadsFromIpListQuery());

        PairingKey key = M.readValue(read("pairing_key.json"), PairingKey.class);
        assertTrue(key.activationCode().startsWith("123815b9"));

        List<Event> events = list("events.json", Event.class);
        assertEquals("system", events.get(0).createdByKind());
        assertEquals("user", events.get(1).createdByKind());
        assertEquals("/users/1", events.get(1).createdByRef().href());
        assertEquals("first.last@company.com", events.get(1).createdByRef().extra().get("username").asText());
        assertEquals(200, events.get(1).action().httpStatusCode());

        ContainerCluster cc = list("container_clusters.json", ContainerCluster.class).get(1);
        assertEquals("192.168.0.0/24", cc.nodes().get(0).podSubnet());
        assertEquals("2022-06-23T20:53:57.885Z", cc.lastConnected(), "timestamps kept as the PCE's strings");

        PairingProfile pp = list("pairing_profiles.json", PairingProfile.class).get(0);
        assertEquals("unlimited", pp.keyLifespan().asText());
        assertEquals("/orgs/1/labels/224", pp.labels().get(0).href());
        assertEquals(List.of("write", "generate_pairing_key"), pp.caps());

        ContainerWorkloadProfile cwp = list("container_workload_profiles.json", ContainerWorkloadProfile.class).get(0);
        assertEquals("calico-apiserver", cwp.namespace());
        assertEquals(Boolean.TRUE, cwp.linked());
    }
}
