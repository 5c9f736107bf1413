package dev.pceworkbench.policy.usage;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.EnforcementBoundary;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.IpTablesRule;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.ScopeEntry;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.policy.PolicyData;
import dev.pceworkbench.policy.usage.UsageReference.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where-used on a small org built by hand, in the version form the PCE writes: a label in a scope,
 * as provider and consumer, through a group nested in another, in a custom iptables rule, a
 * virtual service, an enforcement boundary and on workloads; a group's uses and its member
 * labels' workloads; groups that contain each other; active hrefs asked with a draft href.
 */
class WhereUsedTest {
    static final String WEB = "/orgs/1/labels/1";
    static final String DB = "/orgs/1/labels/2";
    static final String PROD = "/orgs/1/labels/3";
    static final String US = "/orgs/1/labels/4";
    static final String EU = "/orgs/1/labels/5";
    static final String UNUSED = "/orgs/1/labels/6";

    static String group(String version, int id) {
        return "/orgs/1/sec_policy/" + version + "/label_groups/" + id;
    }

    static String ruleSet(String version, int id) {
        return "/orgs/1/sec_policy/" + version + "/rule_sets/" + id;
    }

    static PolicyData org(String v) {
        List<Label> labels = List.of(label(WEB, "role", "Web"), label(DB, "role", "DB"), label(PROD, "env", "Prod"),
                label(US, "loc", "US"), label(EU, "loc", "EU"), label(UNUSED, "role", "Spare"));
        LabelGroup americas = new LabelGroup(group(v, 1), "Americas", null, "loc", List.of(Href.of(US)), List.of(), null);
        LabelGroup world = new LabelGroup(group(v, 2), "World", null, "loc", List.of(Href.of(EU)),
                List.of(Href.of(group(v, 1))), null);
        // Two groups containing each other: where-used and member walks must still end.
        LabelGroup loopA = new LabelGroup(group(v, 3), "Loop A", null, "role", List.of(Href.of(DB)),
                List.of(Href.of(group(v, 4))), null);
        LabelGroup loopB = new LabelGroup(group(v, 4), "Loop B", null, "role", List.of(),
                List.of(Href.of(group(v, 3))), null);
        SecRule r1 = rule(ruleSet(v, 1) + "/sec_rules/1", List.of(Actor.label(WEB)), List.of(Actor.labelGroup(group(v, 2)), Actor.label(WEB)));
        SecRule r2 = rule(ruleSet(v, 1) + "/sec_rules/2", List.of(Actor.label(DB)), List.of(Actor.allWorkloads()));
        IpTablesRule ipt = new IpTablesRule(ruleSet(v, 1) + "/ip_tables_rules/1", true, null, List.of(),
                List.of(Actor.label(PROD)), "4", null);
        RuleSet rs1 = new RuleSet(ruleSet(v, 1), "Shop", null, true,
                List.of(List.of(ScopeEntry.label(PROD), ScopeEntry.labelGroup(group(v, 1)))), List.of(r1, r2), List.of(ipt), null);
        RuleSet rs2 = new RuleSet(ruleSet(v, 2), "Loops", null, true, List.of(List.of()),
                List.of(rule(ruleSet(v, 2) + "/sec_rules/3", List.of(Actor.labelGroup(group(v, 4))), List.of(Actor.label(US)))),
                List.of(), null);
        VirtualService vs = new VirtualService("/orgs/1/sec_policy/" + v + "/virtual_services/abc", "Payments VIP", null,
                List.of(), null, List.of(), List.of(Href.of(WEB), Href.of(PROD)), List.of(), null, null, null);
        EnforcementBoundary eb = EnforcementBoundary.of("Keep EU apart", List.of(Actor.labelGroup(group(v, 2))),
                List.of(Actor.label(PROD)), List.of(IngressService.port(22, 6)));
        eb = new EnforcementBoundary("/orgs/1/sec_policy/" + v + "/enforcement_boundaries/1", eb.name(), null, true,
                eb.providers(), eb.consumers(), eb.ingressServices(), null, null);
        List<Workload> workloads = List.of(
                workload("w1", WEB, PROD, US),
                workload("w2", DB, PROD, EU),
                workload("w3", WEB, EU),
                workload("w4", DB));
        return PolicyData.empty(v).withLabels(labels).withLabelGroups(List.of(americas, world, loopA, loopB))
                .withRuleSets(List.of(rs1, rs2)).withVirtualServices(List.of(vs))
                .withEnforcementBoundaries(List.of(eb)).withWorkloads(workloads);
    }

    static Label label(String href, String key, String value) {
        return new Label(href, key, value, false, null, null);
    }

    static SecRule rule(String href, List<Actor> providers, List<Actor> consumers) {
        SecRule r = SecRule.of(providers, consumers, List.of(IngressService.port(443, 6)));
        return new SecRule(href, null, true, r.providers(), r.consumers(), r.ingressServices(), null,
                r.resolveLabelsAs(), null, null, null, null, null, null, null, null);
    }

    static Workload workload(String name, String... labels) {
        return new Workload("/orgs/1/workloads/" + name, name, null, name + ".example", null,
                List.of(labels).stream().map(Href::of).toList(), List.of(), null, null, null, null, null, null, null,
                null, null, null, false, null);
    }

    static Set<String> render(List<UsageReference> refs) {
        return refs.stream().map(r -> r.kind() + " " + r.href() + " " + r.describeUsage()).collect(Collectors.toSet());
    }

    @Test
    void aLabelInAScopeAsProviderAndConsumerInAnIpTablesRuleAVirtualServiceABoundaryAndOnWorkloads() {
        List<UsageReference> refs = WhereUsed.of(org("draft"), PROD);
        assertEquals(Set.of(
                "RULE_SET /orgs/1/sec_policy/draft/rule_sets/1 scope",
                "IP_TABLES_RULE /orgs/1/sec_policy/draft/rule_sets/1/ip_tables_rules/1 actor",
                "VIRTUAL_SERVICE /orgs/1/sec_policy/draft/virtual_services/abc label",
                "ENFORCEMENT_BOUNDARY /orgs/1/sec_policy/draft/enforcement_boundaries/1 consumer",
                "WORKLOAD /orgs/1/workloads/w1 label",
                "WORKLOAD /orgs/1/workloads/w2 label"), render(refs));
        UsageReference scope = refs.stream().filter(r -> r.kind() == Kind.RULE_SET).findFirst().orElseThrow();
        assertEquals("Shop", scope.name());
        assertEquals("draft", scope.version());

        // Web is a provider of rule 1 and, in the same rule, a consumer: two uses, not one per actor list entry.
        List<UsageReference> web = WhereUsed.of(org("draft"), WEB);
        assertEquals(2, web.stream().filter(r -> r.kind() == Kind.RULE).count());
        assertTrue(web.stream().anyMatch(r -> r.kind() == Kind.RULE && r.usage().equals("provider")
                && r.name().equals("Shop › rule 1")));
        assertTrue(web.stream().anyMatch(r -> r.kind() == Kind.RULE && r.usage().equals("consumer") && r.direct()));
    }

    @Test
    void usesThroughNestedGroupsSayWhichGroupTheyGoThrough() {
        List<UsageReference> refs = WhereUsed.of(org("draft"), US);
        assertEquals(Set.of(
                "LABEL_GROUP /orgs/1/sec_policy/draft/label_groups/1 member",
                "LABEL_GROUP /orgs/1/sec_policy/draft/label_groups/2 member via group Americas",
                "RULE_SET /orgs/1/sec_policy/draft/rule_sets/1 scope via group Americas",
                "RULE /orgs/1/sec_policy/draft/rule_sets/1/sec_rules/1 consumer via group World",
                "ENFORCEMENT_BOUNDARY /orgs/1/sec_policy/draft/enforcement_boundaries/1 provider via group World",
                "RULE /orgs/1/sec_policy/draft/rule_sets/2/sec_rules/3 consumer",
                "WORKLOAD /orgs/1/workloads/w1 label"), render(refs));
        // Groups come first, so the view lists the containment before the rules.
        assertEquals(Kind.LABEL_GROUP, refs.get(0).kind());
    }

    @Test
    void aGroupsUsesAndTheWorkloadsCarryingItsMemberLabels() {
        List<UsageReference> refs = WhereUsed.of(org("draft"), group("draft", 2));
        assertEquals(Set.of(
                "RULE /orgs/1/sec_policy/draft/rule_sets/1/sec_rules/1 consumer",
                "ENFORCEMENT_BOUNDARY /orgs/1/sec_policy/draft/enforcement_boundaries/1 provider",
                "WORKLOAD /orgs/1/workloads/w1 member label loc=US",
                "WORKLOAD /orgs/1/workloads/w2 member label loc=EU",
                "WORKLOAD /orgs/1/workloads/w3 member label loc=EU"), render(refs));
        assertEquals(Set.of(US, EU), new WhereUsed(org("draft")).memberLabels(group("draft", 2)));
    }

    @Test
    void groupsThatContainEachOtherEndTheWalk() {
        List<UsageReference> refs = WhereUsed.of(org("draft"), DB);
        assertEquals(Set.of(
                "LABEL_GROUP /orgs/1/sec_policy/draft/label_groups/3 member",
                "LABEL_GROUP /orgs/1/sec_policy/draft/label_groups/4 member via group Loop A",
                "RULE /orgs/1/sec_policy/draft/rule_sets/1/sec_rules/2 provider",
                "RULE /orgs/1/sec_policy/draft/rule_sets/2/sec_rules/3 provider via group Loop B",
                "WORKLOAD /orgs/1/workloads/w2 label",
                "WORKLOAD /orgs/1/workloads/w4 label"), render(refs));
        assertEquals(Set.of(DB), new WhereUsed(org("draft")).memberLabels(group("draft", 4)));
    }

    @Test
    void aDraftGroupHrefFindsItsUsesInTheActiveVersion() {
        List<UsageReference> refs = WhereUsed.of(org("active"), group("draft", 1));
        assertTrue(render(refs).contains("LABEL_GROUP /orgs/1/sec_policy/active/label_groups/2 member"), render(refs).toString());
        assertTrue(refs.stream().allMatch(r -> r.kind() == Kind.WORKLOAD || "active".equals(r.version())));
        assertTrue(render(refs).contains("RULE_SET /orgs/1/sec_policy/active/rule_sets/1 scope"));
    }

    @Test
    void anUnusedLabelIsUsedNowhere() {
        assertEquals(List.of(), WhereUsed.of(org("draft"), UNUSED));
    }
}
