package dev.pceworkbench.policy.rules;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.IpTablesRule;
import dev.pceworkbench.pce.model.IpTablesRule.Statement;
import dev.pceworkbench.policy.rules.Violation.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Custom iptables statements: the permitted tables and chains, and the unsupported tokens. */
class IpTablesRuleCheckTest {
    private static IpTablesRule rule(String version, List<Actor> actors, Statement... statements) {
        return new IpTablesRule(null, true, "", List.of(statements), actors, version, null);
    }

    private static IpTablesRule rule(String table, String chain, String parameters) {
        return rule("4", List.of(Actor.label("/orgs/1/labels/1")), new Statement(table, chain, parameters, null));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "filter|INPUT|-p tcp --dport 22 -j ACCEPT",
            "filter|OUTPUT|-p udp --dport 53 -j ACCEPT",
            "filter|FORWARD|-i eth0 -o eth1 -j REJECT",
            "filter|INPUT|-p tcp -s 10.10.0.0/16 --dport 5432 -j DROP",
            "filter|INPUT|-p tcp --dport 22 -m recent --set --name ssh",
            "nat|PREROUTING|-i eth0 -p tcp -m mark --mark 2222 -j REDIRECT --to-port 3333",
            "nat|POSTROUTING|-o eth0 -j MASQUERADE",
            "nat|OUTPUT|-p tcp --dport 80 -j DNAT --to-destination 10.0.0.1:8080",
            "nat|INPUT|-p tcp --dport 25 -j SNAT --to-source 10.0.0.2",
            "mangle|PREROUTING|-i eth0 -p tcp --dport 2222 -j MARK --set-mark 2222",
            "mangle|POSTROUTING|-p tcp -j DSCP --set-dscp 10",
            "mangle|FORWARD|-p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu"})
    void allowedStatements(String table, String chain, String parameters) {
        assertEquals(List.of(), IpTablesRuleCheck.check(rule(table, chain, parameters)));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "raw|PREROUTING|-j NOTRACK|table must be mangle, nat or filter",
            "security|INPUT|-j ACCEPT|table must be mangle, nat or filter",
            "filter|PREROUTING|-j ACCEPT|has no chain 'PREROUTING'",
            "nat|FORWARD|-j ACCEPT|has no chain 'FORWARD'",
            "filter|input|-j ACCEPT|has no chain 'input'",
            "filter|INPUT|-p tcp --dport 22 -j ACCEPT; rm -rf /|semicolons are not allowed",
            "filter|INPUT|-m set --match-set blocked src -j DROP|IP sets",
            "filter|INPUT|--match-set blocked src -j DROP|IP sets",
            "filter|INPUT|-p tcp -j SET --add-set seen src|SET target",
            "filter|INPUT|-p tcp -j ILO-INPUT|not a standard iptables target",
            "filter|INPUT|-p tcp -g illumio_in|Illumio's own chains",
            "nat|PREROUTING|-p tcp --dport 80 -j DROP|DROP is not allowed in the nat table",
            "filter|INPUT|-A INPUT -p tcp -j ACCEPT|'-A' is not allowed",
            "filter|INPUT|-t nat -p tcp -j ACCEPT|'-t' is not allowed",
            "filter|INPUT|-p tcp -j ACCEPT && logger done|shell operators",
            "filter|INPUT|-p tcp -j|needs a target",
            "mangle|INPUT|-p tcp -j REJECT|REJECT works only in the filter table",
            "filter|INPUT|-p tcp -j DNAT --to-destination 1.2.3.4|DNAT works only in the nat table"})
    void refusedStatements(String table, String chain, String parameters, String expected) {
        List<Violation> v = IpTablesRuleCheck.check(rule(table, chain, parameters));
        assertTrue(v.stream().anyMatch(x -> x.field() == Field.IP_TABLES && x.message().contains(expected)
                && x.message().startsWith("Statement 1: ")), () -> v + " should say " + expected);
    }

    @Test
    void emptyParametersAreRefused() {
        List<Violation> v = IpTablesRuleCheck.check(rule("filter", "INPUT", "  "));
        assertEquals(1, v.size());
        assertTrue(v.get(0).message().contains("parameters are empty"));
    }

    @Test
    void theDocsExampleWithThreeStatementsPassesAndEachBadStatementIsNumbered() {
        Statement mark = new Statement("mangle", "PREROUTING", "-i eth0 -p tcp --dport 2222 -j MARK --set-mark 2222", null);
        Statement redirect = new Statement("nat", "PREROUTING", "-i eth0 -p tcp -m mark --mark 2222 -j REDIRECT --to-port 3333", null);
        Statement accept = new Statement("filter", "INPUT", "-i eth0 -p tcp -m mark --mark 2222 -j ACCEPT", null);
        assertEquals(List.of(), IpTablesRuleCheck.check(rule("4", List.of(Actor.allWorkloads()), mark, redirect, accept)));
        Statement drop = new Statement("nat", "PREROUTING", "-p tcp -j DROP", null);
        List<Violation> v = IpTablesRuleCheck.check(rule("6", List.of(Actor.allWorkloads()), mark, drop, accept));
        assertEquals(1, v.size());
        assertTrue(v.get(0).message().startsWith("Statement 2: DROP"), v.get(0).message());
    }

    @Test
    void ruleLevelChecks() {
        Statement ok = new Statement("filter", "INPUT", "-p tcp --dport 22 -j ACCEPT", null);
        assertEquals(List.of(Field.IP_TABLES), IpTablesRuleCheck.check(rule("4", List.of(Actor.allWorkloads())))
                .stream().map(Violation::field).toList());
        assertEquals(List.of(Field.ACTORS), IpTablesRuleCheck.check(rule("4", List.of(), ok))
                .stream().map(Violation::field).toList());
        assertEquals(List.of(Field.ACTORS), IpTablesRuleCheck.check(rule("4",
                List.of(Actor.ipList("/orgs/1/sec_policy/draft/ip_lists/1")), ok)).stream().map(Violation::field).toList());
        List<Violation> v = IpTablesRuleCheck.check(rule("5", List.of(Actor.allWorkloads()), ok));
        assertEquals(List.of(Field.IP_TABLES), v.stream().map(Violation::field).toList());
        assertTrue(v.get(0).message().contains("IP version"));
        assertEquals(List.of(), IpTablesRuleCheck.check(rule("6", List.of(Actor.labelGroup("/orgs/1/sec_policy/draft/label_groups/1"),
                Actor.workload("/orgs/1/workloads/a")), ok)));
    }
}
