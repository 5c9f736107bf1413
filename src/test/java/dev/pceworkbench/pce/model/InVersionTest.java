package dev.pceworkbench.pce.model;

import dev.pceworkbench.pce.json.PceJson;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Rule sets moved to another policy version: every policy href, nothing else. */
class InVersionTest {
    private static final String ACTIVE = """
            {"href": "/orgs/1/sec_policy/active/rule_sets/7", "name": "RS-Payments",
             "description": "Copied from /orgs/1/sec_policy/active/rule_sets/3", "enabled": true,
             "created_by": {"href": "/users/1"}, "update_type": null,
             "scopes": [[{"label": {"href": "/orgs/1/labels/1"}},
                         {"label_group": {"href": "/orgs/1/sec_policy/active/label_groups/abc"}}]],
             "rules": [
               {"href": "/orgs/1/sec_policy/active/rule_sets/7/sec_rules/1", "enabled": true,
                "providers": [{"label": {"href": "/orgs/1/labels/2"}}],
                "consumers": [{"ip_list": {"href": "/orgs/1/sec_policy/active/ip_lists/1"}},
                              {"virtual_service": {"href": "/orgs/1/sec_policy/active/virtual_services/u-1"}}],
                "ingress_services": [{"href": "/orgs/1/sec_policy/active/services/4"}, {"port": 443, "proto": 6}],
                "consuming_security_principals": [{"href": "/orgs/1/security_principals/s-1"}],
                "resolve_labels_as": {"providers": ["workloads"], "consumers": ["workloads"]},
                "future_member": {"refs": [{"href": "/orgs/1/sec_policy/active/label_groups/def"}], "note": "/orgs/1/sec_policy/active/x/1"}},
               {"href": "/orgs/1/sec_policy/active/rule_sets/7/sec_rules/2", "enabled": true,
                "providers": [{"label": {"href": "/orgs/1/labels/2"}}],
                "consumers": [{"ip_list": {"href": "/orgs/1/sec_policy/active/ip_lists/1"}}],
                "ingress_services": [{"href": "/orgs/1/sec_policy/active/services/4"}]}],
             "ip_tables_rules": [
               {"href": "/orgs/1/sec_policy/active/rule_sets/7/ip_tables_rules/1", "enabled": true,
                "actors": [{"label_group": {"href": "/orgs/1/sec_policy/active/label_groups/abc"}}],
                "statements": [{"table_name": "nat", "chain_name": "PREROUTING", "parameters": "-j ACCEPT"}],
                "ip_version": "4"}]}
            """;

    private static RuleSet read(String json) throws Exception {
        return PceJson.mapper().readValue(json, RuleSet.class);
    }

    @Test
    void everyPolicyHrefMovesToTheVersionAndNothingElseChanges() throws Exception {
        RuleSet active = read(ACTIVE);
        RuleSet draft = InVersion.of("draft").ruleSet(active);
        // As if the PCE had listed it in the draft: the JSON with each policy href's version
        // segment changed, but for the description (text, not a reference) and a non-href member.
        String expected = ACTIVE.replace("/sec_policy/active/", "/sec_policy/draft/")
                .replace("Copied from /orgs/1/sec_policy/draft/rule_sets/3", "Copied from /orgs/1/sec_policy/active/rule_sets/3")
                .replace("\"note\": \"/orgs/1/sec_policy/draft/x/1\"", "\"note\": \"/orgs/1/sec_policy/active/x/1\"");
        assertEquals(read(expected), draft);
        // And back, and to a numbered version.
        assertEquals(active, InVersion.of("active").ruleSet(draft));
        assertEquals(read(ACTIVE.replace("/sec_policy/active/", "/sec_policy/12/")
                        .replace("Copied from /orgs/1/sec_policy/12/rule_sets/3", "Copied from /orgs/1/sec_policy/active/rule_sets/3")
                        .replace("\"note\": \"/orgs/1/sec_policy/12/x/1\"", "\"note\": \"/orgs/1/sec_policy/active/x/1\"")),
                InVersion.of("12").ruleSet(active));
    }

    @Test
    void whatHoldsNoPolicyHrefIsKeptAndWhatWasSharedStaysShared() throws Exception {
        RuleSet active = read(ACTIVE);
        RuleSet draft = InVersion.of("draft").ruleSet(active);
        SecRule a1 = active.rules().get(0);
        SecRule d1 = draft.rules().get(0);
        SecRule d2 = draft.rules().get(1);
        assertSame(a1.providers().get(0), d1.providers().get(0), "a label actor has no policy href");
        assertSame(a1.consumingSecurityPrincipals(), d1.consumingSecurityPrincipals());
        assertSame(a1.resolveLabelsAs(), d1.resolveLabelsAs());
        assertSame(a1.ingressServices().get(1), d1.ingressServices().get(1), "an inline port");
        assertSame(active.extra().get("created_by"), draft.extra().get("created_by"));
        assertNotSame(a1.consumers().get(0), d1.consumers().get(0));

        // Equal references that the parse shares are rewritten once and stay one instance.
        RuleSet shared = new RuleSet(active.href(), active.name(), null, true, active.scopes(),
                List.of(a1, a1.withDescription("twin")), null, null);
        RuleSet moved = InVersion.of("draft").ruleSet(shared);
        assertSame(moved.rules().get(0).consumers().get(0), moved.rules().get(1).consumers().get(0));
        assertSame(moved.rules().get(0).ingressServices().get(0), moved.rules().get(1).ingressServices().get(0));
        assertEquals("/orgs/1/sec_policy/draft/ip_lists/1", d2.consumers().get(0).ipList().href());

        // Already in the version: the same rule set back.
        assertSame(draft, InVersion.of("draft").ruleSet(draft));
        assertEquals(List.of(draft), List.of(active).stream().map(InVersion.of("draft")::ruleSet).toList());
    }
}
