package dev.pceworkbench.policy.diff;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The diff's fast path: hrefs the same but for their version, nothing else taken for the same. */
class SameObjectsTest {
    @Test
    void hrefsOfOneObjectInTwoVersions() {
        assertTrue(SameObjects.sameText("/orgs/1/sec_policy/draft/ip_lists/7", "/orgs/1/sec_policy/active/ip_lists/7"));
        assertTrue(SameObjects.sameText("/orgs/1/sec_policy/12/rule_sets/3/sec_rules/4", "/orgs/1/sec_policy/draft/rule_sets/3/sec_rules/4"));
        assertFalse(SameObjects.sameText("/orgs/1/sec_policy/draft/ip_lists/7", "/orgs/1/sec_policy/active/ip_lists/70"));
        assertFalse(SameObjects.sameText("/orgs/1/sec_policy/draft/ip_lists/7", "/orgs/2/sec_policy/draft/ip_lists/7"));
        assertFalse(SameObjects.sameText("/orgs/1/sec_policy/draft/ip_lists/7", "/orgs/1/sec_policy/x1/ip_lists/7"));
        assertFalse(SameObjects.sameText("Web", "App"));
    }

    @Test
    void recordsListsAndManagedMembers() {
        RuleSetFixture a = new RuleSetFixture("/orgs/1/sec_policy/active/rule_sets/1", java.util.List.of("a", "b"),
                java.util.Map.of("updated_at", "1", "x", "y"));
        RuleSetFixture b = new RuleSetFixture("/orgs/1/sec_policy/draft/rule_sets/1", java.util.List.of("a", "b"),
                java.util.Map.of("updated_at", "2", "caps", "[]", "x", "y"));
        assertTrue(SameObjects.same(a, b));
        assertFalse(SameObjects.same(a, new RuleSetFixture(b.href(), java.util.List.of("b", "a"), b.extra())),
                "a reordered list goes the full way");
        assertFalse(SameObjects.same(a, new RuleSetFixture(b.href(), b.items(), java.util.Map.of("x", "z"))));
        assertFalse(SameObjects.same(a, new RuleSetFixture(b.href(), b.items(), java.util.Map.of())));
    }

    public record RuleSetFixture(String href, java.util.List<String> items, java.util.Map<String, String> extra) {
    }
}
