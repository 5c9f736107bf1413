package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.pceworkbench.pce.model.RoundTrip.M;
import static dev.pceworkbench.pce.model.RoundTrip.q;
import static dev.pceworkbench.pce.model.RoundTrip.tree;
import static dev.pceworkbench.pce.model.SampleRoundTripTest.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unknown members, explicit nulls and absent members survive reads, edits and update bodies. */
class ExtraFieldsTest {
    private static final String RULE = q("""
            {'href': '/orgs/1/sec_policy/draft/rule_sets/1/sec_rules/1', 'created_at': '2021-12-07T22:28:09.136Z',
             'updated_at': '2021-12-07T22:28:09.136Z', 'deleted_at': null, 'created_by': {'href': '/users/1'},
             'updated_by': {'href': '/users/1'}, 'deleted_by': null, 'update_type': 'create', 'description': null,
             'enabled': true, 'providers': [{'label': {'href': '/orgs/1/labels/1', 'future_ref_field': 7}}],
             'consumers': [{'actors': 'ams'}, {'security_group': {'href': '/orgs/1/security_groups/9'}}],
             'ingress_services': [{'port': 1234, 'proto': 6, 'future_port_field': [1, 2.50, null]}],
             'future_field': {'x': 1}, 'future_null': null, 'caps': ['write']}""");

    @Test
    void jacksonAnySetterOnRecordConstructorParameterCollectsUnknownMembers() {
        // The mechanism every record relies on (Jackson 2.18+: @JsonAnySetter on a creator parameter).
        Href h = M.convertValue(tree(q("{'href': '/x', 'username': 'u', 'extra': 5}")), Href.class);
        assertEquals("/x", h.href());
        assertEquals(TextNode.valueOf("u"), h.extra().get("username"));
        assertEquals(5, h.extra().get("extra").asInt(), "a PCE member literally named 'extra' is not special");
        assertEquals(tree(q("{'href': '/x', 'username': 'u', 'extra': 5}")), h.toJson());
    }

    @Test
    void unknownMembersAtEveryLevelSurviveARoundTrip() {
        SecRule rule = RoundTrip.assertRoundTrip(RULE, SecRule.class, "rule with future fields");
        assertEquals(tree(q("{'x': 1}")), rule.extra().get("future_field"));
        assertEquals(7, rule.providers().get(0).label().extra().get("future_ref_field").asInt());
        Actor unknownKind = rule.consumers().get(1);
        assertNull(unknownKind.kind(), "an actor kind the model does not know");
        assertTrue(unknownKind.extra().containsKey("security_group"));
        JsonNode portExtra = rule.ingressServices().get(0).extra().get("future_port_field");
        assertEquals(3, portExtra.size());
    }

    @Test
    void explicitNullsComeBackAsNullsAndAbsentMembersStayAbsent() {
        SecRule rule = M.convertValue(tree(RULE), SecRule.class);
        ObjectNode out = rule.toJson();
        assertTrue(out.get("description").isNull(), "modelled field sent as null");
        assertTrue(out.get("deleted_at").isNull());
        assertTrue(out.get("future_null").isNull(), "unknown field sent as null");
        assertNull(rule.description());
        assertFalse(out.has("stateless"), "absent modelled field stays absent");
        assertFalse(out.has("resolve_labels_as"));
        assertFalse(out.get("ingress_services").get(0).has("to_port"));
    }

    @Test
    void nullsAreKeptAtEveryDepthAndInsideUnknownMembers() {
        String json = q("""
                {'href': '/orgs/1/sec_policy/draft/rule_sets/9', 'name': 'RS', 'description': null, 'enabled': null,
                 'scopes': [[{'label': {'href': '/orgs/1/labels/1', 'key': null}, 'exclusion': null}], []],
                 'rules': [{'href': '/r/1', 'description': null, 'providers': [{'label': {'href': '/l', 'name': null}}],
                            'consumers': [{'actors': 'ams', 'extra_null': null}],
                            'ingress_services': [{'port': null, 'proto': 6, 'to_port': null}],
                            'resolve_labels_as': {'providers': null, 'consumers': ['workloads']},
                            'future': {'a': null, 'b': [null, {'c': null}]}}],
                 'ip_tables_rules': [{'statements': [{'table_name': 'filter', 'chain_name': null, 'parameters': null}],
                                      'actors': [], 'ip_version': '4', 'description': null}],
                 'odd': [null], 'deleted_at': null}""");
        RuleSet rs = RoundTrip.assertRoundTrip(json, RuleSet.class, "nested nulls");
        assertNull(rs.rules().get(0).ingressServices().get(0).port());
        assertTrue(rs.rules().get(0).ingressServices().get(0).extra().get("port").isNull());
        assertTrue(rs.scopes().get(0).get(0).label().extra().get("key").isNull());
        assertEquals(List.of(), rs.scopes().get(1));
        List<PolicyDependency> deps = RoundTrip.assertListRoundTrip(q("""
                [{'dependency': {'ip_lists': {'href': '/i', 'name': null}}, 'required_by': {'rule_sets': [null, {'href': null}]},
                  'x': null}]"""), PolicyDependency.class, "nulls inside maps");
        assertTrue(deps.get(0).dependency().get("ip_lists").extra().get("name").isNull());
    }

    @Test
    void editingAFieldThatWasNullWritesTheNewValueOnce() throws Exception {
        SecRule rule = M.convertValue(tree(RULE), SecRule.class).withDescription("Allow app");
        String json = M.writeValueAsString(rule);
        assertEquals("Allow app", M.readTree(json).get("description").asText());
        assertEquals(json.indexOf("\"description\""), json.lastIndexOf("\"description\""), "no duplicate key");
        // Clearing it again falls back to what the PCE sent (an explicit null).
        assertTrue(rule.withDescription(null).toJson().get("description").isNull());
        // A field that was absent stays absent when cleared, and can be nulled explicitly.
        SecRule noResolve = rule.withResolveLabelsAs(null);
        assertFalse(noResolve.toJson().has("resolve_labels_as"));
        assertTrue(noResolve.withExtraField("resolve_labels_as", NullNode.instance).toJson()
                .get("resolve_labels_as").isNull());
    }

    @Test
    void withMethodsChangeOnlyTheirFieldAndKeepEverythingElse() {
        SecRule rule = M.convertValue(tree(RULE), SecRule.class);
        SecRule edited = rule.withEnabled(false)
                .withProviders(List.of(Actor.labelGroup("/orgs/1/sec_policy/draft/label_groups/2")))
                .withIngressServices(List.of(IngressService.service("/orgs/1/sec_policy/draft/services/7"),
                        IngressService.range(8000, 8080, 6)));
        ObjectNode expected = (ObjectNode) tree(RULE);
        expected.put("enabled", false);
        expected.set("providers", tree(q("[{'label_group': {'href': '/orgs/1/sec_policy/draft/label_groups/2'}}]")));
        expected.set("ingress_services", tree(q("""
                [{'href': '/orgs/1/sec_policy/draft/services/7'}, {'port': 8000, 'to_port': 8080, 'proto': 6}]""")));
        assertEquals(expected, edited.toJson());
        assertEquals(Boolean.TRUE, rule.enabled(), "records are immutable");
    }

    @Test
    void updateBodyOmitsServerManagedFieldsButKeepsUnknownOnes() {
        SecRule rule = M.convertValue(tree(RULE), SecRule.class).withDescription("x");
        ObjectNode body = rule.updateBody();
        for (String f : List.of("href", "created_at", "created_by", "updated_at", "updated_by", "deleted_at",
                "deleted_by", "update_type", "caps")) {
            assertFalse(body.has(f), f + " must not be in a PUT body");
        }
        assertEquals(tree(q("{'x': 1}")), body.get("future_field"));
        assertTrue(body.get("future_null").isNull());
        assertEquals("x", body.get("description").asText());
        assertEquals(7, body.get("providers").get(0).get("label").get("future_ref_field").asInt());
        assertTrue(body.has("ingress_services"));
        // The record itself is unchanged.
        assertEquals("/orgs/1/sec_policy/draft/rule_sets/1/sec_rules/1", rule.href());
    }

    @Test
    void updateBodyCanLeaveOutMoreAndWorksOnEverySampleResource() throws Exception {
        List<RuleSet> sets = M.readValue(read("rule_sets.json"),
                M.getTypeFactory().constructCollectionType(List.class, RuleSet.class));
        ObjectNode body = sets.get(0).updateBody("rules", "ip_tables_rules");
        assertEquals(tree(q("""
                {'name': 'RS-RINGFENCE', 'description': '', 'enabled': true, 'scopes': [[
                {'label': {'href': '/orgs/1/labels/22'}}, {'label': {'href': '/orgs/1/labels/23'}},
                {'label': {'href': '/orgs/1/labels/24'}}]]}""")), body);

        Label label = M.readValue(q("""
                {'href': '/orgs/1/labels/8', 'key': 'env', 'value': 'Prod', 'deleted': false,
                 'external_data_set': null, 'external_data_reference': null, 'created_at': 'x',
                 'created_by': {'href': '/users/9'}}"""), Label.class);
        assertEquals(tree(q("{'value': 'Production', 'key': 'env', 'external_data_set': null,"
                + " 'external_data_reference': null}")), label.withValue("Production").updateBody());
    }

    @Test
    void extraMapsAreImmutableCopies() {
        Map<String, JsonNode> m = new java.util.LinkedHashMap<>();
        m.put("a", TextNode.valueOf("1"));
        m.put("b", null);
        Href h = new Href("/x", null, null, null, m);
        m.put("c", TextNode.valueOf("2"));
        assertEquals(2, h.extra().size());
        assertTrue(h.extra().get("b").isNull(), "Java null becomes a JSON null");
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> h.extra().put("d", NullNode.instance));
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> M.convertValue(tree(RULE), SecRule.class).providers().add(Actor.allWorkloads()));
    }

    @Test
    void numbersKeepTheirJsonTypes() {
        String json = q("{'src': {'ip': '10.0.0.1'}, 'dst': {'ip': '10.0.0.2'}, 'num_connections': 3,"
                + " 'dst_bi': 12345678901, 'dst_bo': 0, 'icmp_type': null, 'icmp_code': null,"
                + " 'score': 1.25, 'big': 123456789012345678901234567890}");
        TrafficFlow f = RoundTrip.assertRoundTrip(json, TrafficFlow.class, "flow numbers");
        assertEquals(12345678901L, f.dstBi());
    }
}
