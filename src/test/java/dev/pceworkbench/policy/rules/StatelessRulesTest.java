package dev.pceworkbench.policy.rules;

import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.policy.rules.Violation.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stateless caveats: consumers limited to one workload, up to four labels of distinct types,
 * or IP lists with All Workloads; nothing else; at most 100 stateless rules in the policy.
 */
class StatelessRulesTest {
    private static final RuleContext CTX = new RuleContext(RuleFixtures.KEYS, 0);

    private static SecRule stateless(String consumers) {
        return RuleFixtures.rule("label", "w", "named", consumers, "w", false, true);
    }

    private static List<Field> fields(SecRule r, RuleContext ctx) {
        return RuleConstraints.check(r, ctx).stream().map(Violation::field).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"workload", "label", "label+app", "label+app+env", "label+app+env+loc", "app+bu+loc+env",
            "ip_list", "ip_list+ams", "ip_list+ip_list2+ams", "ams"})
    void permittedConsumers(String consumers) {
        assertEquals(List.of(), fields(stateless(consumers), CTX));
        assertEquals(List.of(), fields(RuleFixtures.rule("ams", "w", "port", consumers, "w", true, true), CTX));
    }

    @ParameterizedTest
    @ValueSource(strings = {"workload+workload2", "label+app+env+loc+bu", "label+label2", "lg", "label+ip_list",
            "workload+label", "workload+ams", "ug+label", "label+lg"})
    void refusedConsumers(String consumers) {
        List<Violation> v = RuleConstraints.check(stateless(consumers), CTX);
        assertTrue(v.stream().anyMatch(x -> x.field() == Field.CONSUMERS && x.message().contains("stateless")), v::toString);
        // The same consumers are fine in a stateful rule (except where the table itself refuses them).
        assertTrue(RuleConstraints.check(RuleFixtures.rule("label", "w", "named", consumers, "w", false, false), CTX)
                .stream().noneMatch(x -> x.message().contains("stateless")));
    }

    @Test
    void fiveLabelsSayHowManyAreAllowed() {
        List<Violation> v = RuleConstraints.check(stateless("label+app+env+loc+bu"), CTX);
        assertEquals(1, v.size());
        assertTrue(v.get(0).message().startsWith("There are 5 labels; at most 4 are allowed."), v.get(0).message());
    }

    @Test
    void twoLabelsOfOneTypeAreNamed() {
        List<Violation> v = RuleConstraints.check(stateless("label+label2"), CTX);
        assertTrue(v.get(0).message().contains("'role'"), v.get(0).message());
    }

    @Test
    void virtualServicesAreNotStateless() {
        SecRule r = RuleFixtures.rule("vs", "vs", "none", "label", "w", false, true);
        assertEquals(List.of(Field.STATELESS), fields(r, CTX));
    }

    @Test
    void atMostOneHundredStatelessRulesInThePolicy() {
        assertEquals(List.of(), fields(stateless("workload"), new RuleContext(RuleFixtures.KEYS, 99)));
        List<Violation> v = RuleConstraints.check(stateless("workload"), new RuleContext(RuleFixtures.KEYS, 100));
        assertEquals(List.of(Field.STATELESS), v.stream().map(Violation::field).toList());
        assertTrue(v.get(0).message().contains("already has 100 stateless rules"), v.get(0).message());
        // Stateful rules are not limited.
        SecRule stateful = RuleFixtures.rule("label", "w", "named", "workload", "w", false, false);
        assertEquals(List.of(), fields(stateful, new RuleContext(RuleFixtures.KEYS, 250)));
    }

    @Test
    void contextCountsTheDraftsStatelessRulesExceptTheEditedOne() {
        List<SecRule> rules = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rules.add(stateless("workload").withDescription("r" + i));
        }
        List<SecRule> withHrefs = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            SecRule r = rules.get(i);
            withHrefs.add(new SecRule("/orgs/1/sec_policy/draft/rule_sets/1/sec_rules/" + i, r.description(), true,
                    r.providers(), r.consumers(), r.ingressServices(), null, r.resolveLabelsAs(), false, true, false,
                    false, null, null, null, null));
        }
        withHrefs.add(RuleFixtures.rule("label", "w", "named", "label", "w", false, false));
        RuleSet rs = RuleSet.of("RS", List.of(List.of())).withRules(withHrefs);
        List<Label> labels = List.of(new Label(RuleFixtures.ROLE_WEB, "role", "Web", null, null, null));
        RuleContext fresh = RuleContext.of(labels, List.of(rs), null);
        assertEquals(100, fresh.otherStatelessRules());
        assertEquals("role", fresh.keyOf(RuleFixtures.ROLE_WEB));
        assertEquals(List.of(Field.STATELESS), fields(stateless("workload"), fresh));
        RuleContext editing = RuleContext.of(labels, List.of(rs), "/orgs/1/sec_policy/draft/rule_sets/1/sec_rules/7");
        assertEquals(99, editing.otherStatelessRules());
        assertEquals(List.of(), fields(stateless("workload"), editing));
    }
}
