package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.pce.api.ChangeSubset;
import dev.pceworkbench.pce.json.PceJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-written answers of the provisioning endpoints whose shape differs between PCE versions or
 * is not documented: dependencies (list or keyed by type), {@code object_counts} (object or
 * integer), {@code modified_objects} (keyed by type or a list), and change subsets naming the
 * security settings.
 */
class ProvisioningShapesTest {
    private static JsonNode json(String singleQuoted) throws Exception {
        return PceJson.mapper().readTree(singleQuoted.replace('\'', '"'));
    }

    @Test
    void dependenciesAsAList() throws Exception {
        DependencyReport r = DependencyReport.fromJson(json("""
                [{'dependency': {'services': {'href': '/orgs/1/sec_policy/draft/services/9'}},
                  'required_by': {'rule_sets': [{'href': '/orgs/1/sec_policy/draft/rule_sets/3'}]}}]"""));
        assertEquals(DependencyReport.Shape.LIST, r.shape());
        assertEquals(1, r.dependencies().size());
        assertEquals("services", r.dependencies().get(0).dependencyType());
        assertEquals("/orgs/1/sec_policy/draft/services/9", r.dependencies().get(0).dependencyHref());
        assertEquals(DependencyReport.Shape.LIST, DependencyReport.fromJson(json("[]")).shape());
        assertTrue(DependencyReport.fromJson(null).isEmpty());
    }

    @Test
    void dependenciesKeyedByTypeWithAndWithoutRequiredBy() throws Exception {
        DependencyReport r = DependencyReport.fromJson(json("""
                {'ip_lists': [{'href': '/orgs/1/sec_policy/draft/ip_lists/7',
                               'required_by': {'rule_sets': [{'href': '/orgs/1/sec_policy/draft/rule_sets/3'}]}},
                              {'href': '/orgs/1/sec_policy/draft/ip_lists/8'}],
                 'firewall_settings': {'href': '/orgs/1/sec_policy/draft/firewall_settings'}}"""));
        assertEquals(DependencyReport.Shape.BY_TYPE, r.shape());
        assertEquals(List.of("/orgs/1/sec_policy/draft/ip_lists/7", "/orgs/1/sec_policy/draft/ip_lists/8",
                "/orgs/1/sec_policy/draft/firewall_settings"),
                r.dependencies().stream().map(PolicyDependency::dependencyHref).toList());
        assertEquals("/orgs/1/sec_policy/draft/rule_sets/3", r.dependencies().get(0).requiredBy().get("rule_sets").get(0).href());
        assertEquals(Map.of(), r.dependencies().get(1).requiredBy(), "a bare change subset says nothing of why");
        assertEquals("firewall_settings", r.dependencies().get(2).dependencyType());
        DependencyReport empty = DependencyReport.fromJson(json("{}"));
        assertTrue(empty.isEmpty());
        assertEquals(DependencyReport.Shape.BY_TYPE, empty.shape());
        assertThrows(IllegalArgumentException.class, () -> DependencyReport.fromJson(json("'text'")));
    }

    @Test
    void objectCountsAsObjectOrInteger() throws Exception {
        ObjectCounts byType = PceJson.mapper().treeToValue(json("{'rule_sets': 12, 'ip_lists': 5, 'firewall_settings': 1}"),
                ObjectCounts.class);
        assertEquals(18, byType.total());
        assertEquals(Map.of("rule_sets", 12, "ip_lists", 5, "firewall_settings", 1), byType.byType().orElseThrow());
        assertEquals(json("{'rule_sets': 12, 'ip_lists': 5, 'firewall_settings': 1}"), PceJson.mapper().valueToTree(byType),
                "written back as read");
        ObjectCounts total = PceJson.mapper().treeToValue(json("58"), ObjectCounts.class);
        assertEquals(58, total.total());
        assertTrue(total.byType().isEmpty());
        assertEquals(json("58"), PceJson.mapper().valueToTree(total));
        assertEquals(ObjectCounts.ofTotal(58), total);
    }

    @Test
    void modifiedObjectsKeyedByTypeOrAsAList() throws Exception {
        List<ModifiedObject> byType = ModifiedObject.listFromJson(json("""
                {'rule_sets': [{'href': '/orgs/1/sec_policy/draft/rule_sets/3', 'name': 'RS-APP', 'update_type': 'create',
                                'updated_at': '2024-01-01T00:00:00.000Z', 'updated_by': {'href': '/users/1'}}],
                 'firewall_settings': {'href': '/orgs/1/sec_policy/draft/firewall_settings', 'update_type': 'update'}}"""));
        assertEquals(List.of(
                new ModifiedObject("rule_sets", "/orgs/1/sec_policy/draft/rule_sets/3", "RS-APP", "create",
                        "2024-01-01T00:00:00.000Z", Href.of("/users/1")),
                new ModifiedObject("firewall_settings", "/orgs/1/sec_policy/draft/firewall_settings", null, "update", null, null)),
                byType);
        List<ModifiedObject> list = ModifiedObject.listFromJson(json("""
                [{'href': '/orgs/1/sec_policy/5/ip_lists/7', 'name': 'IPL-X', 'update_type': 'delete'}]"""));
        assertEquals("ip_lists", list.get(0).type());
        assertEquals("delete", list.get(0).updateType());
    }

    @Test
    void changeSubsetNamesTheSecuritySettingsAndRulesAsTheirRuleSet() {
        ChangeSubset s = ChangeSubset.of("/orgs/1/sec_policy/active/firewall_settings",
                "/orgs/1/sec_policy/draft/rule_sets/3/sec_rules/12", "/orgs/1/sec_policy/4/services/9");
        assertEquals(Map.of("firewall_settings", Set.of("/orgs/1/sec_policy/draft/firewall_settings"),
                "rule_sets", Set.of("/orgs/1/sec_policy/draft/rule_sets/3"),
                "services", Set.of("/orgs/1/sec_policy/draft/services/9")), s.byType());
    }
}
