package dev.pceworkbench.ui.common;

import dev.pceworkbench.policy.names.ObjectKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Targets from hrefs name their kind with ObjectKind; a rule opens its rule set with the rule selected. */
class NavigatorTest {
    @Test
    void aRuleOpensItsRuleSetWithTheRuleSelectedInItsVersion() {
        String rule = "/orgs/1/sec_policy/draft/rule_sets/3/sec_rules/9";
        assertEquals(new Navigator.Target(ObjectKind.RULE_SET, "/orgs/1/sec_policy/draft/rule_sets/3", "draft", rule),
                Navigator.Target.fromHref(rule));
        String ipt = "/orgs/1/sec_policy/12/rule_sets/3/ip_tables_rules/2";
        assertEquals(new Navigator.Target(ObjectKind.RULE_SET, "/orgs/1/sec_policy/12/rule_sets/3", "12", ipt),
                Navigator.Target.fromHref(ipt));
        assertEquals(Navigator.Target.of(ObjectKind.RULE_SET, "/orgs/1/sec_policy/active/rule_sets/3", "active"),
                Navigator.Target.fromHref("/orgs/1/sec_policy/active/rule_sets/3"));
    }

    @Test
    void otherObjectsByTheirCollection() {
        assertEquals(Navigator.Target.of(ObjectKind.LABEL, "/orgs/1/labels/7", null), Navigator.Target.fromHref("/orgs/1/labels/7"));
        assertEquals(Navigator.Target.of(ObjectKind.LABEL_GROUP, "/orgs/1/sec_policy/active/label_groups/5", "active"),
                Navigator.Target.fromHref("/orgs/1/sec_policy/active/label_groups/5"));
        assertEquals(ObjectKind.WORKLOAD, Navigator.Target.fromHref("/orgs/1/workloads/ab-12").kind());
        assertEquals(ObjectKind.VIRTUAL_SERVICE, Navigator.Target.fromHref("/orgs/1/sec_policy/draft/virtual_services/x").kind());
        assertEquals(ObjectKind.IP_LIST, Navigator.Target.fromHref("/orgs/1/sec_policy/draft/ip_lists/1").kind());
        assertEquals(ObjectKind.SERVICE, Navigator.Target.fromHref("/orgs/1/sec_policy/draft/services/1").kind());
        assertEquals(ObjectKind.ENFORCEMENT_BOUNDARY,
                Navigator.Target.fromHref("/orgs/1/sec_policy/draft/enforcement_boundaries/1").kind());
        assertEquals(ObjectKind.UNKNOWN, Navigator.Target.fromHref("/orgs/1/pairing_profiles/1").kind());
    }

    @Test
    void registeredKindsOpenTheirFeatureOthersTheFallback() {
        Navigator n = new Navigator();
        List<String> shown = new ArrayList<>();
        List<Navigator.Target> opened = new ArrayList<>();
        List<Navigator.Target> fallback = new ArrayList<>();
        n.showFeatureWith(shown::add);
        n.register(ObjectKind.RULE_SET, "rule-sets", opened::add);
        n.fallback(fallback::add);
        assertTrue(n.hasFeatureFor(ObjectKind.RULE_SET));
        assertFalse(n.hasFeatureFor(ObjectKind.WORKLOAD));

        n.open(Navigator.Target.fromHref("/orgs/1/sec_policy/draft/rule_sets/3/sec_rules/9"));
        n.open(Navigator.Target.fromHref("/orgs/1/workloads/ab-12"));

        assertEquals(List.of("rule-sets"), shown);
        assertEquals("/orgs/1/sec_policy/draft/rule_sets/3/sec_rules/9", opened.get(0).selectHref());
        assertEquals(List.of(Navigator.Target.of(ObjectKind.WORKLOAD, "/orgs/1/workloads/ab-12", null)), fallback);
    }
}
