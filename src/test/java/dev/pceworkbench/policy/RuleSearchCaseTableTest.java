package dev.pceworkbench.policy;

import dev.pceworkbench.pce.model.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static dev.pceworkbench.policy.HandBuiltOrg.TCP;
import static dev.pceworkbench.policy.HandBuiltOrg.UDP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Hand-worked rule searches on {@link HandBuiltOrg}, through the index and the linear scan. Rule
 * order is rule-set order: hrm, regions, admin, edge, on, off, ports, vs, two, mixed, excl, snmp,
 * monitoring. Like the PCE's rule search, searches list disabled rules too unless asked not to.
 */
class RuleSearchCaseTableTest {
    static final HandBuiltOrg ORG = PolicyCaseTableTest.ORG;
    static final RuleSearchIndex INDEX = PolicyCaseTableTest.INDEX;

    static Stream<Arguments> cases() {
        HandBuiltOrg o = ORG;
        return Stream.of(
                row("which rules allow SNMP (UDP 161)? Services, inline ports and All Services",
                        q -> q.port(PortRange.of(UDP, 161)), "off/1", "ports/2", "snmp/1", "monitoring/1"),
                row("SNMP, only rules that can allow it (the rule set of off/1 is disabled)",
                        q -> q.port(PortRange.of(UDP, 161)).activeOnly(true), "ports/2", "snmp/1", "monitoring/1"),
                row("a UDP range overlapping 7000-7010", q -> q.port(new PortRange(UDP, 6990, 7000)), "off/1", "ports/2", "ports/3"),
                row("any port of GRE", q -> q.port(PortRange.protocol(PortRange.GRE)), "off/1", "ports/2", "ports/3"),
                row("rules naming a service object", q -> q.service(o.sWeb), "ports/1"),
                row("provider label DB, exactly as named",
                        q -> q.provider(Actor.label(o.db)), "hrm/1", "ports/2", "two/1", "two/2", "mixed/2"),
                row("provider label DB, resolved through label groups and All Workloads",
                        q -> q.provider(Actor.label(o.db)).resolveActors(true), "hrm/1", "regions/1", "admin/1", "on/1", "on/2",
                        "off/1", "ports/2", "two/1", "two/2", "mixed/2", "excl/1", "snmp/1", "monitoring/1"),
                row("consumer label group LG-Americas, resolved: groups containing it and All Workloads",
                        q -> q.consumer(Actor.labelGroup(o.lgAmericas)).resolveActors(true),
                        "regions/1", "edge/2", "on/1", "on/2", "off/1", "excl/1"),
                row("provider workload, exactly", q -> q.provider(Actor.workload(HandBuiltOrg.workload("hrm-db"))), "mixed/1"),
                row("provider workload, resolved: its labels' rules too",
                        q -> q.provider(Actor.workload(HandBuiltOrg.workload("hrm-eu-web"))).resolveActors(true),
                        "hrm/2", "admin/1", "edge/1", "on/1", "on/2", "off/1", "ports/1", "ports/3", "vs/1", "vs/2", "excl/1",
                        "snmp/1", "monitoring/1"),
                row("consumer IP address: IP lists holding it", q -> q.consumer(RuleSearch.ActorFilter.ip("192.168.1.7")), "admin/1"),
                row("consumer IP address in an excluded block", q -> q.consumer(RuleSearch.ActorFilter.ip("192.168.9.1"))),
                row("consumer IP of a workload (IPL-Corp)", q -> q.consumer(RuleSearch.ActorFilter.ip("10.1.0.2")), "edge/1"),
                row("provider IP address", q -> q.provider(RuleSearch.ActorFilter.ip("198.51.100.9")), "edge/2"),
                row("provider or consumer: IPL-Corp", q -> q.providerOrConsumer(Actor.ipList(o.iplCorp)), "edge/1"),
                row("exact match of every filter: port 5432 and consumer Web",
                        q -> q.port(PortRange.of(TCP, 5432)).consumer(Actor.label(o.web)), "hrm/1"),
                row("any filter: port 5432 or consumer ERP", q -> q.port(PortRange.of(TCP, 5432)).consumer(Actor.label(o.erp))
                        .match(RuleSearch.Match.ANY), "hrm/1", "off/1", "ports/2", "mixed/1", "mixed/2"),
                row("provider and consumer both given", q -> q.provider(Actor.label(o.db)).consumer(Actor.label(o.web)),
                        "hrm/1", "two/1", "two/2"),
                row("basic search: any attribute text", q -> q.text("HRM"), "hrm/1", "hrm/2", "mixed/1", "mixed/2"),
                row("basic search: a service name", q -> q.text("s-snmp"), "snmp/1"),
                row("basic search: an inline port", q -> q.text("7000-7010 udp"), "ports/3"),
                row("disabled rules only", q -> q.enabled(false), "on/1"),
                row("extra-scope rules with an IP-list consumer",
                        q -> q.consumer(Actor.ipList(o.iplAdmins)).unscopedConsumers(true), "admin/1"),
                row("nothing matches: an address in no IP list", q -> q.providerOrConsumer(RuleSearch.ActorFilter.ip("8.8.8.8"))),
                row("max results", q -> q.port(PortRange.of(UDP, 161)).maxResults(2), "off/1", "ports/2"));
    }

    private static Arguments row(String what, UnaryOperator<RuleSearch.Builder> query, String... rules) {
        return arguments(what, query, List.of(rules));
    }

    static List<String> names(List<RuleHit> hits) {
        return hits.stream().map(h -> PolicyCaseTableTest.name(h.href())).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleSearch(String what, UnaryOperator<RuleSearch.Builder> query, List<String> expected) {
        RuleSearch q = query.apply(RuleSearch.builder()).build();
        assertEquals(expected, names(q.run(INDEX)), what);
        assertEquals(expected, names(new LinearScan(INDEX.model()).search(q)), what + " (linear scan)");
    }

    @Test
    void hitsCarryTheirRuleSet() {
        RuleHit hit = RuleSearch.builder().service(ORG.sWeb).build().run(INDEX).get(0);
        assertEquals("RS-Ports", hit.ruleSet().name());
        assertEquals(hit.rule(), hit.ruleSet().rules().get(0));
    }
}
