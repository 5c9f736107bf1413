package dev.pceworkbench.policy.traffic;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.ScopeEntry;
import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.policy.names.NameLookup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.pceworkbench.policy.traffic.FlowSummaryTest.FLOWS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules proposed from hand-made flows. */
class RuleProposalTest {
    @Test
    void inScopeFlowsGiveAnIntraScopeRuleByRole() {
        // web1 → db1 and web2 → db1 on 5432: all Shop/Prod.
        RuleProposal p = RuleProposal.propose(List.of(FLOWS.get(0), FLOWS.get(1)), List.of(), NameLookup.NONE);
        assertEquals(List.of(ScopeEntry.label("/orgs/1/labels/app-Shop"), ScopeEntry.label("/orgs/1/labels/env-Prod")),
                p.scope());
        assertFalse(p.extraScope());
        assertEquals(List.of(Actor.label("/orgs/1/labels/role-DB")), p.rule().providers());
        assertEquals(List.of(Actor.label("/orgs/1/labels/role-Web")), p.rule().consumers());
        assertEquals(List.of(IngressService.port(5432, 6)), p.rule().ingressServices());
        assertEquals(List.of("app: Shop", "env: Prod"), p.scopeNames().stream().map(Name::display).toList());
        assertEquals("RS-Shop-Prod", p.newRuleSet().name());
        assertNull(p.ruleSet());
        assertTrue(p.notes().isEmpty());
    }

    @Test
    void outsideConsumersMakeItExtraScopeAndAnExistingRuleSetIsFound() {
        RuleSet shop = RuleSet.of("Shop prod", List.of(List.of(ScopeEntry.label("/orgs/1/labels/env-Prod"),
                ScopeEntry.label("/orgs/1/labels/app-Shop"))));
        // web1 → db1, pay1 → db1 (Pay app), the internet → web1: providers DB and Web, 5432 and 443.
        RuleProposal p = RuleProposal.propose(List.of(FLOWS.get(0), FLOWS.get(2), FLOWS.get(3)),
                List.of(RuleSet.of("Other", List.of(List.of(ScopeEntry.label("/orgs/1/labels/app-Pay")))), shop),
                NameLookup.NONE);
        assertTrue(p.extraScope());
        assertTrue(p.rule().unscopedConsumers());
        assertSame(shop, p.ruleSet());
        assertEquals(List.of(Actor.label("/orgs/1/labels/role-DB"), Actor.label("/orgs/1/labels/role-Web")),
                p.rule().providers());
        // Extra-scope consumers carry their own scope labels; the internet comes in by its IP list.
        assertEquals(List.of(Actor.label("/orgs/1/labels/role-Web"), Actor.label("/orgs/1/labels/app-Shop"),
                Actor.label("/orgs/1/labels/env-Prod"), Actor.label("/orgs/1/labels/role-API"),
                Actor.label("/orgs/1/labels/app-Pay"), Actor.ipList("/orgs/1/sec_policy/active/ip_lists/1")),
                p.rule().consumers());
        assertEquals(List.of(IngressService.port(443, 6), IngressService.port(5432, 6)), p.rule().ingressServices());
        assertThrows(IllegalArgumentException.class, () -> RuleProposal.propose(List.of(), List.of(), NameLookup.NONE));
    }
}
