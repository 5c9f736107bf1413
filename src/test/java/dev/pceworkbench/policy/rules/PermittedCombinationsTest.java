package dev.pceworkbench.policy.rules;

import dev.pceworkbench.pce.model.ResolveLabelsAs;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.policy.rules.Violation.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Rules guide's permitted provider / service / consumer combinations, row by row: every
 * provider kind, service kind and consumer kind a row permits is accepted (as intra-scope and as
 * extra-scope rule), and the combinations a row does not permit are refused on the right field.
 */
class PermittedCombinationsTest {
    private static final RuleContext CTX = new RuleContext(RuleFixtures.KEYS, 0);

    /** One case: table row, providers, provider resolution, services, consumers, consumer resolution, expected fields. */
    record Case(String row, String providers, String provAs, String services, String consumers, String consAs,
                Set<Field> expected) {
        @Override
        public String toString() {
            return row + ": " + providers + " (" + provAs + ") | " + services + " | " + consumers + " (" + consAs + ") -> "
                    + (expected.isEmpty() ? "permitted" : expected);
        }
    }

    private static void permittedGrid(List<Case> out, String row, List<String> providers, String provAs,
                                      List<String> services, List<String> consumers, List<String> consAs) {
        for (String p : providers) {
            for (String s : services) {
                for (String c : consumers) {
                    for (String ca : consAs) {
                        out.add(new Case(row, p, provAs, s, c, ca, Set.of()));
                    }
                }
            }
        }
    }

    static Stream<Arguments> cases() {
        List<Case> out = new ArrayList<>();
        List<String> anyService = List.of("all", "named", "port", "range");
        // Row 1: workloads, All Workloads, labels, label groups | any service | workload, IP list, label, label group, user groups, All Workloads.
        permittedGrid(out, "row 1", List.of("ams", "label", "lg", "workload", "label+app"), "w", anyService,
                List.of("workload", "ip_list", "label", "lg", "ug+label", "ams", "ip_list+label"), List.of("w"));
        // Row 2: IP lists | any service | workload, label, label group, user groups, All Workloads.
        permittedGrid(out, "row 2", List.of("ip_list", "ip_list+ip_list2"), "w", anyService,
                List.of("workload", "label", "lg", "ug+workload", "ams"), List.of("w"));
        // Row 3: uses virtual services | no service | workload, label, label group, IP lists, All Workloads, uses VS, uses VS and workloads.
        permittedGrid(out, "row 3", List.of("vs", "label", "lg", "ams", "vs+label"), "vs", List.of("none"),
                List.of("workload", "label", "lg", "ip_list", "ams"), List.of("w", "vs", "both"));
        permittedGrid(out, "row 3", List.of("vs"), "vs", List.of("none"), List.of("vs", "vs+label"), List.of("vs", "both"));
        // Row 4: uses virtual services and workloads | any service | as row 3.
        permittedGrid(out, "row 4", List.of("vs", "label", "workload", "ams", "lg"), "both", anyService,
                List.of("workload", "label", "lg", "ip_list", "ams"), List.of("w", "vs", "both"));
        permittedGrid(out, "row 4", List.of("label"), "both", List.of("named"), List.of("vs"), List.of("vs", "both"));
        // Row 5: workloads, All Workloads, labels, label groups | any service | user groups with workload-side consumers.
        permittedGrid(out, "row 5", List.of("label", "ams", "workload", "lg"), "w", List.of("named", "port"),
                List.of("ug+workload", "ug+ams", "ug+label", "ug+lg", "ug+label+workload"), List.of("w"));

        // Refused combinations.
        out.add(new Case("row 1", "label", "w", "none", "label", "w", Set.of(Field.SERVICES)));
        out.add(new Case("row 1", "label", "w", "named", "vs", "w", Set.of(Field.CONSUMERS)));
        out.add(new Case("row 1", "label", "w", "named", "label", "vs", Set.of(Field.RESOLVE_LABELS_AS)));
        out.add(new Case("row 1", "label", "w", "named", "label", "both", Set.of(Field.RESOLVE_LABELS_AS)));
        out.add(new Case("row 1", "vs", "w", "named", "label", "w", Set.of(Field.PROVIDERS)));
        out.add(new Case("row 2", "ip_list", "w", "named", "ip_list", "w", Set.of(Field.CONSUMERS)));
        out.add(new Case("row 2", "ip_list+label", "w", "named", "ip_list2", "w", Set.of(Field.CONSUMERS)));
        out.add(new Case("row 2", "ip_list", "w", "none", "label", "w", Set.of(Field.SERVICES)));
        out.add(new Case("row 2", "ip_list", "w", "named", "vs", "vs", Set.of(Field.CONSUMERS, Field.RESOLVE_LABELS_AS)));
        out.add(new Case("row 3", "vs", "vs", "named", "label", "w", Set.of(Field.SERVICES)));
        out.add(new Case("row 3", "vs", "vs", "port", "label", "w", Set.of(Field.SERVICES)));
        out.add(new Case("row 3", "workload", "vs", "none", "label", "w", Set.of(Field.PROVIDERS)));
        out.add(new Case("row 3", "ip_list", "vs", "none", "label", "w", Set.of(Field.PROVIDERS)));
        out.add(new Case("row 3", "vs", "vs", "none", "ug+label", "w", Set.of(Field.CONSUMERS)));
        out.add(new Case("row 3", "vs", "vs", "none", "vs", "w", Set.of(Field.CONSUMERS)));
        out.add(new Case("row 4", "vs", "both", "none", "label", "w", Set.of(Field.SERVICES)));
        out.add(new Case("row 4", "ip_list", "both", "named", "label", "w", Set.of(Field.PROVIDERS)));
        out.add(new Case("row 4", "label", "both", "named", "ug+label", "w", Set.of(Field.CONSUMERS)));
        out.add(new Case("row 5", "label", "w", "named", "ug", "w", Set.of(Field.CONSUMERS)));
        out.add(new Case("row 5", "label", "w", "named", "ug+ip_list", "w", Set.of(Field.CONSUMERS)));
        out.add(new Case("row 5", "ams", "w", "named", "ug+ip_list+label", "w", Set.of(Field.CONSUMERS)));
        out.add(new Case("sides", "", "w", "named", "label", "w", Set.of(Field.PROVIDERS)));
        out.add(new Case("sides", "label", "w", "named", "", "w", Set.of(Field.CONSUMERS)));
        return out.stream().flatMap(c -> Stream.of(Arguments.of(c, false), Arguments.of(c, true)));
    }

    @ParameterizedTest(name = "{0} (extra-scope {1})")
    @MethodSource("cases")
    void combinationsTable(Case c, boolean unscoped) {
        SecRule rule = RuleFixtures.rule(c.providers, c.provAs, c.services, c.consumers, c.consAs, unscoped, false);
        Set<Field> expected = EnumSet.noneOf(Field.class);
        expected.addAll(c.expected);
        if (unscoped && c.providers.contains("ip_list") && c.provAs.equals("w")) {
            // Extra-scope rules keep IP lists out of the providers (the guide's advice for outbound access).
            expected.add(Field.PROVIDERS);
        }
        List<Violation> found = RuleConstraints.check(rule, CTX);
        assertEquals(expected, found.stream().map(Violation::field).collect(Collectors.toCollection(
                () -> EnumSet.noneOf(Field.class))), () -> c + " extra-scope " + unscoped + ": " + found);
        assertEquals(expected.isEmpty(), RuleConstraints.permitted(rule, CTX));
        for (Violation v : found) {
            assertTrue(v.message().endsWith(".") && v.message().length() > 30, "explains itself: " + v);
        }
    }

    @Test
    void extraScopeRulesRefuseIpListProvidersAndSayWhy() {
        SecRule intra = RuleFixtures.rule("ip_list", "w", "named", "label", "w", false, false);
        SecRule extra = RuleFixtures.rule("ip_list", "w", "named", "label", "w", true, false);
        assertTrue(RuleConstraints.check(intra, CTX).isEmpty());
        List<Violation> v = RuleConstraints.check(extra, CTX);
        assertEquals(1, v.size());
        assertEquals(Field.PROVIDERS, v.get(0).field());
        assertTrue(v.get(0).message().contains("intra-scope"), v.get(0).message());
    }

    @Test
    void extraScopeRulesAcceptConsumersFromAnywhere() {
        for (String consumers : List.of("ams", "ip_list", "label+app", "lg", "workload", "ug+label")) {
            SecRule extra = RuleFixtures.rule("label", "w", "named", consumers, "w", true, false);
            assertTrue(RuleConstraints.check(extra, CTX).isEmpty(), consumers);
        }
    }

    @Test
    void resolveLabelsAsMustBeGiven() {
        SecRule none = RuleFixtures.rule("label", "w", "named", "label", "w", false, false).withResolveLabelsAs(null);
        assertEquals(List.of(Field.RESOLVE_LABELS_AS), RuleConstraints.check(none, CTX).stream().map(Violation::field).toList());
        SecRule empty = none.withResolveLabelsAs(new ResolveLabelsAs(List.of(), List.of("workloads"), null));
        assertEquals(List.of(Field.RESOLVE_LABELS_AS), RuleConstraints.check(empty, CTX).stream().map(Violation::field).toList());
        SecRule wrong = none.withResolveLabelsAs(new ResolveLabelsAs(List.of("workloads"), List.of("servers"), null));
        List<Violation> v = RuleConstraints.check(wrong, CTX);
        assertEquals(1, v.size());
        assertTrue(v.get(0).message().contains("'servers'"));
    }

    @Test
    void inlinePortsAreChecked() {
        SecRule base = RuleFixtures.rule("label", "w", "port", "label", "w", false, false);
        assertTrue(RuleConstraints.check(base, CTX).isEmpty());
        for (var bad : List.of(dev.pceworkbench.pce.model.IngressService.port(70000, 6),
                dev.pceworkbench.pce.model.IngressService.range(9000, 8000, 6),
                dev.pceworkbench.pce.model.IngressService.port(22, 1),
                new dev.pceworkbench.pce.model.IngressService(null, 22, null, null, null, null, null))) {
            List<Violation> v = RuleConstraints.check(base.withIngressServices(List.of(bad)), CTX);
            assertEquals(List.of(Field.SERVICES), v.stream().map(Violation::field).toList(), bad.toString());
        }
        assertFalse(RuleConstraints.permitted(base.withIngressServices(List.of()), CTX));
    }
}
