package dev.pceworkbench.policy;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.ScopeEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static dev.pceworkbench.policy.HandBuiltOrg.TCP;
import static dev.pceworkbench.policy.HandBuiltOrg.UDP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Hand-worked policy checks on {@link HandBuiltOrg}, one row per semantic: the expected allowing
 * rules were worked out from the Rules guide and the PCE API, not from the engine. Every row is
 * checked through the index and through the linear scan. Rule names: {@code <rule set>/<n>}.
 */
class PolicyCaseTableTest {
    static final HandBuiltOrg ORG = new HandBuiltOrg("draft").standardRuleSets();
    static final RuleSearchIndex INDEX = RuleSearchIndex.build(PolicyModel.build(ORG.data()));
    static final PolicyCheck CHECK = new PolicyCheck(INDEX);
    static final LinearScan SCAN = new LinearScan(INDEX.model());

    static Stream<Arguments> cases() {
        return Stream.of(
                // The Rules guide's RS-HRM-US-Dev: an intra-scope rule, DB <- Web on 5432.
                row("intra-scope: web to DB inside HRM | US | Dev", "hrm-web", "hrm-db", tcp(5432), "hrm/1"),
                row("intra-scope: consumer of another app (ERP) is outside the scope", "erp-web", "hrm-db", tcp(5432)),
                row("intra-scope: consumer in another location (EU) is outside the scope", "hrm-eu-web", "hrm-db", tcp(5432)),
                row("intra-scope: provider must be in the scope too (Prod)", "hrm-web", "hrm-db-prod", tcp(5432)),
                row("wrong port", "hrm-web", "hrm-db", tcp(5433)),
                row("wrong protocol", "hrm-web", "hrm-db", udp(5432)),
                row("wrong direction", "hrm-db", "hrm-web", tcp(5432)),
                // Its extra-scope rule: Web <- Web on 443 with unscoped_consumers.
                row("extra-scope: consumer from another app", "erp-web", "hrm-web", tcp(443), "hrm/2"),
                row("extra-scope: consumer from another location", "hrm-eu-web", "hrm-web", tcp(443), "hrm/2"),
                row("extra-scope: the provider side stays scoped", "hrm-web", "hrm-eu-web", tcp(443)),
                row("extra-scope: the consumer must still match the consumer actor", "hrm-db", "hrm-web", tcp(443)),
                // Nested label groups in a scope (LG-Regions > LG-Americas > US) and in an actor (LG-Data).
                row("nested label groups in scope and provider", "hrm-web", "hrm-db", tcp(1521), "regions/1"),
                row("label group scope takes Prod too (scope is region and app)", "hrm-web", "hrm-db-prod", tcp(1521), "regions/1"),
                row("label group scope: EU consumer outside", "hrm-eu-web", "hrm-db", tcp(1521)),
                row("label group scope: ERP provider outside", "hrm-web", "erp-eu-db", tcp(1521)),
                // All Workloads providers, IP-list consumers with exclusions, IPv4 and IPv6.
                row("IP-list consumer, All Workloads provider", "192.168.1.7", "hrm-db", tcp(22), "admin/1"),
                row("IP-list exclusion (IPv4 CIDR)", "192.168.9.7", "hrm-db", tcp(22)),
                row("IP-list from..to range: last address included", "172.16.0.20", "hrm-db", tcp(22), "admin/1"),
                row("IP-list from..to range: next address excluded", "172.16.0.21", "hrm-db", tcp(22)),
                row("IP-list IPv6 block", "2001:db8:2::1", "hrm-db", tcp(22), "admin/1"),
                row("IP-list IPv6 exclusion", "2001:db8:1::1", "hrm-db", tcp(22)),
                row("a workload outside the IP list is not an admin", "hrm-web", "hrm-db", tcp(22)),
                row("IP-list consumer matches a workload by its interface address", "hrm-db", "erp-web", tcp(4443), "edge/1"),
                row("IP-list provider matches an address (never scoped)", "hrm-db", "198.51.100.9", tcp(443), "edge/2"),
                row("IP-list provider: the other direction is not allowed", "198.51.100.9", "hrm-db", tcp(443)),
                row("no rule: an address on the internet", "hrm-db", "203.0.113.9", tcp(443)),
                // Disabled rules and rule sets allow nothing.
                row("disabled rule", "hrm-web", "erp-web", tcp(9999)),
                row("disabled rule set (All Services)", "hrm-web", "erp-web", tcp(80)),
                row("enabled rule next to a disabled one", "hrm-web", "erp-web", tcp(9998), "on/2"),
                // Service objects, ranges, All Services, port-less protocols.
                row("service port range, first port", "hrm-db", "erp-web", tcp(8000), "ports/1"),
                row("service port range, last port", "hrm-db", "erp-web", tcp(8100), "ports/1"),
                row("service port range, one past the end", "hrm-db", "erp-web", tcp(8101)),
                row("All Services: any UDP port", "erp-eu-db", "hrm-db", udp(65000), "ports/2"),
                row("All Services: ICMP without a port", "erp-eu-db", "hrm-db", PortRange.protocol(PortRange.ICMP), "ports/2"),
                row("GRE by protocol alone", "erp-web", "hrm-web", PortRange.protocol(PortRange.GRE), "ports/3"),
                row("IP-in-IP is not GRE", "erp-web", "hrm-web", PortRange.protocol(PortRange.IPIP)),
                row("inline UDP range in ingress_services", "erp-web", "hrm-web", udp(7005), "ports/3"),
                row("inline UDP range does not allow TCP", "erp-web", "hrm-web", tcp(7005)),
                row("ICMP is not GRE", "erp-web", "hrm-web", PortRange.protocol(PortRange.ICMP)),
                // resolve_labels_as virtual services, bindings with a port override.
                row("labels resolved as virtual services do not match a workload", "hrm-db", "hrm-web", tcp(8443)),
                row("rule without services: the bound virtual service's overridden port", "hrm-db", "erp-web", tcp(9443), "vs/1"),
                row("rule with a port: that port on the bound virtual service", "hrm-db", "erp-web", tcp(8443), "vs/2"),
                // Several scopes per rule set.
                row("two scopes: both ends in the first", "hrm-web", "hrm-db", tcp(3306), "two/1"),
                row("two scopes: both ends in the second", "erp-web", "erp-eu-db", tcp(3306), "two/1"),
                row("two scopes: ends in different scopes (intra-scope)", "erp-web", "hrm-db", tcp(3306)),
                row("two scopes: ends in different scopes (extra-scope)", "erp-web", "hrm-db", tcp(3307), "two/2"),
                // Labels of different keys narrow; of one key widen; workload actors.
                row("Web AND ERP consumer", "erp-web", "hrm-db", tcp(6543), "mixed/1"),
                row("Web but not ERP", "hrm-web", "hrm-db", tcp(6543)),
                row("workload actor names one workload", "erp-web", "hrm-db-prod", tcp(6543)),
                row("HRM OR ERP consumer", "hrm-web", "erp-eu-db", tcp(6432), "mixed/2"),
                // Scope exclusions: Dev, but not EU.
                row("scope exclusion: both ends in Dev outside EU", "hrm-web", "hrm-db", tcp(7777), "excl/1"),
                row("scope exclusion: consumer in EU", "hrm-eu-web", "hrm-db", tcp(7777)),
                row("scope exclusion: provider in EU", "hrm-web", "hrm-eu-web", tcp(7777)),
                // Every allowing rule is listed.
                row("SNMP: two rules allow it", "hrm-web", "hrm-db", udp(161), "snmp/1", "monitoring/1"),
                row("SNMP: the HRM-scoped rule does not cover ERP", "erp-web", "hrm-db", udp(161), "snmp/1"));
    }

    private static Arguments row(String semantic, String consumer, String provider, PortRange service, String... rules) {
        return arguments(semantic, consumer, provider, service, List.of(rules));
    }

    static PortRange tcp(int port) {
        return PortRange.of(TCP, port);
    }

    static PortRange udp(int port) {
        return PortRange.of(UDP, port);
    }

    static Endpoint end(String s) {
        return Character.isDigit(s.charAt(0)) || s.contains(":") ? Endpoint.ip(s) : Endpoint.workload(HandBuiltOrg.workload(s));
    }

    /** {@code hrm/1} for {@code .../rule_sets/hrm/sec_rules/1}. */
    static List<String> names(CheckResult r) {
        return r.ruleHrefs().stream().map(PolicyCaseTableTest::name).toList();
    }

    static String name(String href) {
        String rest = href.substring(href.indexOf("/rule_sets/") + "/rule_sets/".length());
        return rest.replace("/sec_rules/", "/");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void policyCheck(String semantic, String consumer, String provider, PortRange service, List<String> expected) {
        CheckResult indexed = CHECK.check(end(consumer), end(provider), service);
        assertEquals(expected, names(indexed), semantic);
        assertEquals(!expected.isEmpty(), CHECK.decide(end(consumer), end(provider), service).allowed(), semantic + " (verdict alone)");
        assertEquals(expected, names(SCAN.check(end(consumer), end(provider), service)), semantic + " (linear scan)");
        if (expected.isEmpty()) {
            assertTrue(indexed.summary().startsWith(CheckResult.NO_RULES), indexed.summary());
        } else {
            assertEquals("Allowed by " + expected.size() + (expected.size() == 1 ? " rule" : " rules"), indexed.summary());
        }
    }

    private static CheckResult.Reason reason(String consumer, String provider, PortRange service) {
        CheckResult r = CHECK.check(end(consumer), end(provider), service);
        assertEquals(1, r.allows().size(), r.toString());
        return r.allows().get(0).reason();
    }

    @Test
    void intraScopeReasonNamesTheScopeAndBothActors() {
        CheckResult.Reason r = reason("hrm-web", "hrm-db", tcp(5432));
        assertEquals(0, r.scopeIndex());
        assertEquals(List.of(ORG.hrm, ORG.us, ORG.dev), r.scope().stream().map(e -> e.label().href()).toList());
        assertFalse(r.extraScope());
        assertEquals(List.of(Actor.label(ORG.db)), r.providerActors());
        assertEquals(List.of(Actor.label(ORG.web)), r.consumerActors());
        assertEquals(tcp(5432), r.service());
        assertEquals("Rule set 'RS-HRM-US-Dev' (scope app: HRM + loc: US + env: Dev): provider hrm-db matches role: DB; "
                + "consumer hrm-web matches role: Web (intra-scope rule: both in the scope); service 5432 TCP", r.text());
    }

    @Test
    void extraScopeAddressAndVirtualServiceReasons() {
        CheckResult.Reason extra = reason("erp-web", "hrm-web", tcp(443));
        assertTrue(extra.extraScope());
        assertTrue(extra.text().contains("extra-scope rule: consumers from anywhere"), extra.text());

        CheckResult.Reason byIp = reason("hrm-db", "erp-web", tcp(4443));
        assertEquals(List.of(Actor.ipList(ORG.iplCorp)), byIp.consumerActors());
        assertTrue(byIp.text().contains("matches IP list IPL-Corp by address (IP lists are not scoped)"), byIp.text());

        CheckResult.Reason ipProvider = reason("hrm-db", "198.51.100.9", tcp(443));
        assertEquals(0, ipProvider.scopeIndex(), "the All Workloads consumer of an intra-scope rule is scoped");
        assertEquals(List.of(Actor.ipList(ORG.iplSaas)), ipProvider.providerActors());

        CheckResult.Reason vs = reason("hrm-db", "erp-web", tcp(9443));
        assertEquals(ORG.vsHrm, vs.viaVirtualService());
        assertEquals(PortRange.of(TCP, 9443), vs.service(), "the binding's port override");
        assertTrue(vs.text().contains("(bound to virtual service VS-HRM)"), vs.text());
        assertNull(reason("hrm-web", "hrm-db", tcp(5432)).viaVirtualService());

        assertEquals(1, reason("erp-web", "erp-eu-db", tcp(3306)).scopeIndex(), "the second scope");
        CheckResult.Reason group = reason("hrm-web", "hrm-db", tcp(1521));
        assertEquals(List.of(ScopeEntry.labelGroup(ORG.lgRegions), ScopeEntry.label(ORG.hrm)), group.scope());
        assertEquals(List.of(Actor.labelGroup(ORG.lgData)), group.providerActors());
        assertEquals(List.of(Actor.allWorkloads()), group.consumerActors());
    }

    @Test
    void enforcementBoundariesAreReportedButDoNotOverrideRules() {
        CheckResult blocked = CHECK.check(end("hrm-web"), end("hrm-db-prod"), tcp(5432));
        assertFalse(blocked.allowed());
        assertEquals(CheckResult.NO_RULES + "; enforcement boundary 'EB-Prod' blocks it", blocked.summary());
        CheckResult allowed = CHECK.check(end("hrm-web"), end("hrm-db-prod"), tcp(1521));
        assertEquals(List.of("regions/1"), names(allowed));
        assertEquals("EB-Prod", allowed.boundaries().get(0).name(), "crossed, but a rule allows it");
        assertEquals(CheckResult.NO_RULES, CHECK.check(end("hrm-db"), end("203.0.113.9"), tcp(443)).summary());
        // The verdict alone, as the traffic impact asks for it.
        assertEquals(PolicyCheck.Outcome.NOT_ALLOWED_ACROSS_BOUNDARY, CHECK.decide(end("hrm-web"), end("hrm-db-prod"), tcp(5432)));
        assertEquals(PolicyCheck.Outcome.ALLOWED, CHECK.decide(end("hrm-web"), end("hrm-db-prod"), tcp(1521)));
        assertEquals(PolicyCheck.Outcome.NOT_ALLOWED, CHECK.decide(end("hrm-db"), end("203.0.113.9"), tcp(443)));
    }

    @Test
    void draftAndActiveSideBySide() {
        // The active policy lacks RS-Monitoring and has the extra-scope 3307 rule on 3308.
        HandBuiltOrg active = new HandBuiltOrg("active").standardRuleSets();
        active.ruleSets.removeIf(rs -> rs.name().equals("RS-Monitoring"));
        active.ruleSets.replaceAll(rs -> !rs.name().equals("RS-Two-Apps") ? rs : rs.withRules(List.of(rs.rules().get(0),
                rs.rules().get(1).withIngressServices(List.of(dev.pceworkbench.pce.model.IngressService.port(3308, TCP))))));
        PolicyCheck now = new PolicyCheck(RuleSearchIndex.build(PolicyModel.build(active.data())));

        PolicyCheck.Comparison snmp = PolicyCheck.compare(now, CHECK, end("hrm-web"), end("hrm-db"), udp(161));
        assertEquals(List.of("snmp/1", "monitoring/1"), snmp.rows().stream().map(r -> name(r.ruleHref())).toList());
        assertEquals(List.of(true, false), snmp.rows().stream().map(PolicyCheck.Comparison.Row::allowedNow).toList());
        assertEquals(List.of(true, true), snmp.rows().stream().map(PolicyCheck.Comparison.Row::allowedAfterProvisioning).toList());
        assertTrue(snmp.rows().get(0).active().hit().href().contains("/sec_policy/active/"));

        PolicyCheck.Comparison moved = PolicyCheck.compare(now, CHECK, end("erp-web"), end("hrm-db"), tcp(3307));
        assertFalse(moved.allowedNow());
        assertTrue(moved.allowedAfterProvisioning());
        assertEquals("Now: " + CheckResult.NO_RULES + ". After provisioning: Allowed by 1 rule.", moved.summary());
    }
}
