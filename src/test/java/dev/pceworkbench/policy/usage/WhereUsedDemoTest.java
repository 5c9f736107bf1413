package dev.pceworkbench.policy.usage;

import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.EnforcementBoundary;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.IpTablesRule;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.ScopeEntry;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.policy.PolicyData;
import dev.pceworkbench.testing.DemoPces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where-used on the demo PCE's small org, loaded over HTTPS: for every label and every label group
 * of the draft and the active version, the direct uses must be exactly those a plain scan of each
 * record finds, and the nested regional groups must show up "via" the group that holds the label.
 */
class WhereUsedDemoTest {
    static DemoPce pce;
    static PceClient client;
    static Map<String, PolicyData> versions;

    @BeforeAll
    static void start() throws Exception {
        pce = DemoPces.startSmall();
        client = DemoPces.client(pce);
        List<Label> labels = client.labels().list(Map.of());
        List<Workload> workloads = client.workloads().list(Map.of());
        versions = Map.of("draft", load("draft", labels, workloads), "active", load("active", labels, workloads));
    }

    static PolicyData load(String v, List<Label> labels, List<Workload> workloads) {
        return PolicyData.empty(v).withLabels(labels).withWorkloads(workloads)
                .withLabelGroups(client.labelGroups().list(v, Map.of()))
                .withRuleSets(client.ruleSets().list(v, Map.of()))
                .withVirtualServices(client.virtualServices().list(v, Map.of()))
                .withEnforcementBoundaries(client.enforcementBoundaries().list(v, Map.of()));
    }

    @AfterAll
    static void stop() {
        pce.close();
    }

    @Test
    void directUsesOfEveryLabelAndGroupAreWhatAPlainScanFinds() {
        int withUses = 0;
        for (PolicyData data : versions.values()) {
            WhereUsed whereUsed = new WhereUsed(data);
            List<String> subjects = new java.util.ArrayList<>();
            data.labels().forEach(l -> subjects.add(l.href()));
            data.labelGroups().forEach(g -> subjects.add(g.href()));
            for (String subject : subjects) {
                Set<String> expected = plainScan(data, subject);
                Set<String> actual = whereUsed.find(subject).stream().filter(UsageReference::direct)
                        .map(r -> r.kind() + " " + r.href() + " " + r.usage()).collect(Collectors.toSet());
                assertEquals(expected, actual, data.version() + " " + subject);
                withUses += expected.isEmpty() ? 0 : 1;
            }
        }
        assertTrue(withUses > 100, "most labels and groups are used somewhere: " + withUses);
    }

    @Test
    void aGroupsWorkloadsAreThoseCarryingAnyOfItsNestedMemberLabels() {
        PolicyData data = versions.get("active");
        LabelGroup global = group(data, "LG-L-Global");
        Set<String> regions = new HashSet<>();
        for (Href sub : global.subGroups()) {
            LabelGroup g = data.labelGroups().stream().filter(x -> x.href().equals(sub.href())).findFirst().orElseThrow();
            g.labels().forEach(l -> regions.add(l.href()));
        }
        global.labels().forEach(l -> regions.add(l.href()));
        Set<String> expected = data.workloads().stream()
                .filter(w -> w.labels().stream().anyMatch(l -> regions.contains(l.href())))
                .map(Workload::href).collect(Collectors.toSet());
        List<UsageReference> refs = WhereUsed.of(data, global.href());
        Set<String> actual = refs.stream().filter(r -> r.kind() == UsageReference.Kind.WORKLOAD)
                .map(UsageReference::href).collect(Collectors.toSet());
        assertTrue(expected.size() > 50, "the regions cover many workloads: " + expected.size());
        assertEquals(expected, actual);
        assertTrue(refs.stream().filter(r -> r.kind() == UsageReference.Kind.WORKLOAD)
                .allMatch(r -> r.usage().equals("member label") && r.via().startsWith("loc=")));
    }

    @Test
    void aLabelInANestedGroupIsUsedViaTheGroupThatHoldsIt() {
        PolicyData data = versions.get("draft");
        LabelGroup americas = group(data, "LG-L-Americas");
        LabelGroup global = group(data, "LG-L-Global");
        String us = americas.labels().get(0).href();
        List<UsageReference> refs = WhereUsed.of(data, us);
        assertTrue(refs.contains(new UsageReference(UsageReference.Kind.LABEL_GROUP, americas.href(), "LG-L-Americas",
                "draft", "member", null)), refs.toString());
        assertTrue(refs.contains(new UsageReference(UsageReference.Kind.LABEL_GROUP, global.href(), "LG-L-Global",
                "draft", "member", "LG-L-Americas")), refs.toString());
        // Whatever uses the outer group uses the label through it.
        Set<String> viaGlobal = plainScan(data, global.href());
        Set<String> reported = refs.stream().filter(r -> "LG-L-Global".equals(r.via()))
                .map(r -> r.kind() + " " + r.href() + " " + r.usage()).collect(Collectors.toSet());
        assertEquals(viaGlobal.stream().filter(s -> !s.startsWith("WORKLOAD")).collect(Collectors.toSet()), reported);
    }

    private static LabelGroup group(PolicyData data, String name) {
        return data.labelGroups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    /** Every record checked on its own, the plain way: what names {@code subject} directly. */
    private static Set<String> plainScan(PolicyData data, String subject) {
        String s = Hrefs.toDraft(subject);
        Function<Href, Boolean> is = h -> h != null && h.href() != null && Hrefs.toDraft(h.href()).equals(s);
        Set<String> out = new HashSet<>();
        for (LabelGroup g : data.labelGroups()) {
            if (g.labels().stream().anyMatch(is::apply) || g.subGroups().stream().anyMatch(is::apply)) {
                out.add("LABEL_GROUP " + g.href() + " member");
            }
        }
        for (RuleSet rs : data.ruleSets()) {
            for (List<ScopeEntry> scope : rs.scopes()) {
                for (ScopeEntry e : scope) {
                    if (is.apply(e.ref())) {
                        out.add("RULE_SET " + rs.href() + (Boolean.TRUE.equals(e.exclusion()) ? " scope exclusion" : " scope"));
                    }
                }
            }
            for (SecRule r : rs.rules()) {
                actors(out, "RULE " + r.href() + " provider", r.providers(), is);
                actors(out, "RULE " + r.href() + " consumer", r.consumers(), is);
            }
            for (IpTablesRule r : rs.ipTablesRules()) {
                actors(out, "IP_TABLES_RULE " + r.href() + " actor", r.actors(), is);
            }
        }
        for (VirtualService vs : data.virtualServices()) {
            if (vs.labels().stream().anyMatch(is::apply)) {
                out.add("VIRTUAL_SERVICE " + vs.href() + " label");
            }
        }
        for (EnforcementBoundary eb : data.enforcementBoundaries()) {
            actors(out, "ENFORCEMENT_BOUNDARY " + eb.href() + " provider", eb.providers(), is);
            actors(out, "ENFORCEMENT_BOUNDARY " + eb.href() + " consumer", eb.consumers(), is);
        }
        if (!subject.contains("/label_groups/")) {
            for (Workload w : data.workloads()) {
                if (w.labels().stream().anyMatch(is::apply)) {
                    out.add("WORKLOAD " + w.href() + " label");
                }
            }
        }
        return out;
    }

    private static void actors(Set<String> out, String entry, List<Actor> actors, Function<Href, Boolean> is) {
        for (Actor a : actors) {
            if (is.apply(a.label()) || is.apply(a.labelGroup())) {
                out.add(entry);
            }
        }
    }
}
