package dev.pceworkbench.policy;

import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.SecRule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.pceworkbench.policy.PolicyCaseTableTest.end;
import static dev.pceworkbench.policy.PolicyCaseTableTest.name;
import static dev.pceworkbench.policy.PolicyCaseTableTest.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Rules that would allow if enabled" on {@link HandBuiltOrg}'s RS-On (rule 1 disabled, rule 2
 * enabled; All Workloads on 9999 and 9998) and RS-Off (a disabled rule set allowing All Services),
 * worked out by hand; and the state words every view shows.
 */
class DisabledAllowsTest {
    static final PolicyCheck CHECK = PolicyCaseTableTest.CHECK;

    private static List<String> disabled(String consumer, String provider, PortRange service) {
        return CHECK.disabledAllows(end(consumer), end(provider), service).stream().map(a -> name(a.hit().href())).toList();
    }

    private static List<RuleState> states(String consumer, String provider, PortRange service) {
        return CHECK.disabledAllows(end(consumer), end(provider), service).stream().map(a -> RuleState.of(a.hit())).toList();
    }

    @Test
    void aDisabledRuleAndADisabledRuleSetAreNamedWhereTheyWouldAllow() {
        assertFalse(CHECK.check(end("hrm-web"), end("erp-web"), tcp(9999)).allowed());
        assertEquals(List.of("on/1", "off/1"), disabled("hrm-web", "erp-web", tcp(9999)));
        assertEquals(List.of(RuleState.RULE_DISABLED, RuleState.RULE_SET_DISABLED), states("hrm-web", "erp-web", tcp(9999)));
        assertEquals(List.of("off/1"), disabled("hrm-web", "erp-web", tcp(80)), "only the disabled rule set's All Services");
    }

    @Test
    void enabledRulesAreNeverListedAsDisabled() {
        assertEquals(List.of("on/2"), PolicyCaseTableTest.names(CHECK.check(end("hrm-web"), end("erp-web"), tcp(9998))));
        assertEquals(List.of("off/1"), disabled("hrm-web", "erp-web", tcp(9998)));
    }

    @Test
    void theReasonOfADisabledAllowSaysWhichScopeAndActorsMatched() {
        var a = CHECK.disabledAllows(end("hrm-web"), end("erp-web"), tcp(80)).get(0);
        assertTrue(a.reason().text().contains("RS-Off"), a.reason().text());
    }

    @Test
    void aRuleSetPendingDeletionNoLongerAllowsInTheDraft() {
        assertEquals(List.of("on/2"), PolicyCaseTableTest.names(CHECK.check(end("hrm-web"), end("erp-web"), tcp(9998))));
        PolicyData draft = PolicyCaseTableTest.ORG.data().withRuleSets(PolicyCaseTableTest.ORG.data().ruleSets().stream()
                .map(rs -> "on".equals(rs.name()) || "RS-On".equals(rs.name())
                        ? rs.withExtra(Map.<String, JsonNode>of("update_type", TextNode.valueOf("delete"))) : rs)
                .toList());
        PolicyCheck deleted = new PolicyCheck(RuleSearchIndex.build(PolicyModel.build(draft)));
        assertFalse(deleted.check(end("hrm-web"), end("erp-web"), tcp(9998)).allowed(),
                "the draft lists RS-On until provisioning, but its rules no longer allow");
        assertEquals(List.of("off/1"), deleted.disabledAllows(end("hrm-web"), end("erp-web"), tcp(9999)).stream()
                .map(a -> name(a.hit().href())).toList(), "nor are they offered as rules that would allow if enabled");
    }

    @Test
    void stateWords() {
        RuleSet on = new RuleSet("/rs/1", "on", null, true, List.of(), List.of(), null, null);
        RuleSet off = new RuleSet("/rs/2", "off", null, false, List.of(), List.of(), null, null);
        SecRule enabled = SecRule.of(List.of(), List.of(), List.of());
        SecRule disabled = enabled.withEnabled(false);
        assertEquals("Enabled", RuleState.of(on, enabled).text());
        assertEquals("Disabled (rule)", RuleState.of(on, disabled).text());
        assertEquals("Disabled (rule set)", RuleState.of(off, enabled).text());
        assertEquals("Disabled (rule and rule set)", RuleState.of(off, disabled).text());
        assertEquals("a rule in a disabled rule set", RuleState.of(off, enabled).phrase());
        assertTrue(RuleState.of(on, enabled).enabled());
        assertFalse(RuleState.of(off, enabled).enabled());
    }
}
