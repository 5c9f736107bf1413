package dev.pceworkbench.policy.diff;

import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.pce.model.IpList;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.Service;
import dev.pceworkbench.policy.PolicyData;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.policy.names.ObjectNames;
import dev.pceworkbench.pce.model.EnforcementBoundary;
import dev.pceworkbench.pce.model.VirtualService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Hand-worked diffs: each field kind, order, noise, rule-level changes, creation and deletion, versions. Set-valued fields read in alphabetical order. */
class PolicyDiffTest {
    static <T> T read(String json, Class<T> type) {
        try {
            return PceJson.mapper().readValue(json.replace('\'', '"'), type);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static final List<Label> LABELS = List.of(
            read("{'href':'/orgs/1/labels/1','key':'role','value':'Web'}", Label.class),
            read("{'href':'/orgs/1/labels/2','key':'role','value':'DB'}", Label.class),
            read("{'href':'/orgs/1/labels/3','key':'app','value':'CRM'}", Label.class),
            read("{'href':'/orgs/1/labels/4','key':'env','value':'Prod'}", Label.class));
    static final IpList CORP = read("{'href':'/orgs/1/sec_policy/draft/ip_lists/7','name':'Corp'}", IpList.class);
    static final Service HTTPS = read("{'href':'/orgs/1/sec_policy/draft/services/9','name':'S-HTTPS'}", Service.class);
    static final LabelGroup LG_DATA = read("{'href':'/orgs/1/sec_policy/draft/label_groups/5','name':'LG-Data','key':'role'}",
            LabelGroup.class);
    static final ObjectNames NAMES = new ObjectNames(LABELS, List.of(LG_DATA), List.of(CORP), List.of(), List.of(HTTPS));

    /** A rule set in {@code version} with the given rules and scopes (JSON fragments, ' for "). */
    static RuleSet ruleSet(String version, String extra) {
        return read(("{'href':'/orgs/1/sec_policy/V/rule_sets/3','name':'RS-CRM','enabled':true,"
                + "'updated_at':'2026-12-0" + (version.equals("draft") ? "5" : "1") + "T10:00:00Z','caps':['write'],"
                + extra + "}").replace("/V/", "/" + version + "/"), RuleSet.class);
    }

    static final String SCOPE = "'scopes':[[{'label':{'href':'/orgs/1/labels/3'}},{'label':{'href':'/orgs/1/labels/4'}}]]";
    static final String RULE = "{'href':'/orgs/1/sec_policy/V/rule_sets/3/sec_rules/11','enabled':true,"
            + "'providers':[{'label':{'href':'/orgs/1/labels/2'}}],'consumers':[{'label':{'href':'/orgs/1/labels/1'}},"
            + "{'ip_list':{'href':'/orgs/1/sec_policy/V/ip_lists/7'}}],"
            + "'ingress_services':[{'href':'/orgs/1/sec_policy/V/services/9'},{'port':5432,'proto':6}],"
            + "'resolve_labels_as':{'providers':['workloads'],'consumers':['workloads']},'unscoped_consumers':false}";

    static PolicyData policy(String version, RuleSet... ruleSets) {
        return policy(version, List.of(ruleSets), List.of());
    }

    static PolicyData policy(String version, List<RuleSet> ruleSets, List<IpList> ipLists) {
        return new PolicyData(version, ruleSets, LABELS, List.<LabelGroup>of(), List.of(), ipLists, List.of(), List.of(),
                List.of(), List.of());
    }

    static List<ObjectChange> diff(RuleSet active, RuleSet draft) {
        return PolicyDiff.compare(policy("active", active), policy("draft", draft), NAMES);
    }

    @Test
    void theSamePolicyInTwoVersionsDiffersInNothing() {
        String rules = "'rules':[" + RULE + "]";
        assertEquals(List.of(), diff(ruleSet("active", SCOPE + "," + rules).withExtra(java.util.Map.of()),
                ruleSet("draft", SCOPE + "," + rules)), "version segments, updated_at and caps are noise");
    }

    @Test
    void orderCarriesNoMeaningInScopesActorsAndServices() {
        String reordered = RULE.replace("[{'label':{'href':'/orgs/1/labels/1'}},{'ip_list':{'href':'/orgs/1/sec_policy/V/ip_lists/7'}}]",
                        "[{'ip_list':{'href':'/orgs/1/sec_policy/V/ip_lists/7'}},{'label':{'href':'/orgs/1/labels/1'}}]")
                .replace("[{'href':'/orgs/1/sec_policy/V/services/9'},{'port':5432,'proto':6}]",
                        "[{'port':5432,'proto':6},{'href':'/orgs/1/sec_policy/V/services/9'}]");
        String scope = "'scopes':[[{'label':{'href':'/orgs/1/labels/4'}},{'label':{'href':'/orgs/1/labels/3'}}]]";
        assertEquals(List.of(), diff(ruleSet("active", SCOPE + ",'rules':[" + RULE + "]"),
                ruleSet("draft", scope + ",'rules':[" + reordered + "]")));
    }

    @Test
    void aChangedFieldSaysBeforeAndAfterInTheWorkbenchsWords() {
        List<ObjectChange> c = diff(ruleSet("active", SCOPE + ",'description':'old'"),
                ruleSet("draft", SCOPE + ",'description':'new','enabled':false"));
        assertEquals(1, c.size());
        ObjectChange rs = c.get(0);
        assertEquals(ChangeKind.MODIFIED, rs.change());
        assertEquals(ObjectKind.RULE_SET, rs.kind());
        assertEquals("RS-CRM", rs.name());
        assertEquals("/orgs/1/sec_policy/draft/rule_sets/3", rs.href());
        assertEquals("description: old → new", rs.field("description").orElseThrow().summary());
        assertEquals("enabled: Yes → No", rs.field("enabled").orElseThrow().summary());
    }

    @Test
    void scopesAreSetsOfSetsNamedWithLabels() {
        String twoScopes = "'scopes':[[{'label':{'href':'/orgs/1/labels/3'}},{'label':{'href':'/orgs/1/labels/4'}}],"
                + "[{'label':{'href':'/orgs/1/labels/3'}},{'label':{'href':'/orgs/1/labels/4'},'exclusion':true}]]";
        FieldChange f = diff(ruleSet("active", SCOPE), ruleSet("draft", twoScopes)).get(0).field("scopes").orElseThrow();
        assertEquals(List.of("app: CRM + not env: Prod"), f.added());
        assertEquals(List.of(), f.removed());
    }

    @Test
    void rulesAreAddedRemovedAndChangedByHrefWithNamesNotHrefs() {
        String changed = RULE.replace("'providers':[{'label':{'href':'/orgs/1/labels/2'}}]",
                "'providers':[{'label':{'href':'/orgs/1/labels/2'}},{'actors':'ams'}]").replace("{'port':5432,'proto':6}",
                "{'port':5433,'to_port':5440,'proto':6}");
        String added = RULE.replace("sec_rules/11", "sec_rules/12");
        String removed = RULE.replace("sec_rules/11", "sec_rules/10");
        List<ObjectChange> c = diff(ruleSet("active", SCOPE + ",'rules':[" + removed + "," + RULE + "]"),
                ruleSet("draft", SCOPE + ",'rules':[" + changed + "," + added + "]"));
        assertEquals(1, c.size());
        List<ObjectChange> rules = c.get(0).parts();
        assertEquals(List.of(ChangeKind.MODIFIED, ChangeKind.ADDED, ChangeKind.REMOVED), rules.stream().map(ObjectChange::change).toList());
        assertEquals(List.of("rule 1", "rule 2", "rule 1"), rules.stream().map(ObjectChange::name).toList(),
                "named by their place in their version");
        ObjectChange modified = rules.get(0);
        assertEquals("providers: + All Workloads", modified.field("providers").orElseThrow().summary());
        assertEquals("ingress_services: + 5433-5440 TCP, − 5432 TCP", modified.field("ingress_services").orElseThrow().summary());
        assertEquals(2, modified.fields().size(), "nothing else changed: " + modified.fields());
        ObjectChange created = rules.get(1);
        assertEquals("IP list Corp, role: Web", created.field("consumers").orElseThrow().after());
        assertEquals("5432 TCP, S-HTTPS", created.field("ingress_services").orElseThrow().after());
        assertTrue(created.fields().stream().noneMatch(f -> String.valueOf(f.after()).contains("/orgs/")),
                "no raw hrefs: " + created.fields());
    }

    @Test
    void iptablesStatementsKeepTheirOrder() {
        String a = "'ip_tables_rules':[{'href':'/orgs/1/sec_policy/V/rule_sets/3/ip_tables_rules/1','enabled':true,"
                + "'statements':[{'table_name':'filter','chain_name':'INPUT','parameters':'-p tcp --dport 22 -j ACCEPT'},"
                + "{'table_name':'filter','chain_name':'INPUT','parameters':'-p tcp --dport 23 -j ACCEPT'}]}]";
        String b = a.replace("--dport 22", "--dport X").replace("--dport 23", "--dport 22").replace("--dport X", "--dport 23");
        List<ObjectChange> c = diff(ruleSet("active", SCOPE + "," + a), ruleSet("draft", SCOPE + "," + b));
        FieldChange f = c.get(0).parts().get(0).field("statements").orElseThrow();
        assertEquals(List.of(), f.added());
        assertEquals(List.of(), f.removed());
        assertTrue(f.before().startsWith("filter INPUT -p tcp --dport 22"), f.before());
        assertTrue(f.after().startsWith("filter INPUT -p tcp --dport 23"), f.after());
    }

    @Test
    void createdAndDeletedObjects() {
        RuleSet kept = ruleSet("draft", SCOPE);
        RuleSet created = read("{'href':'/orgs/1/sec_policy/draft/rule_sets/4','name':'RS-New','enabled':true,'scopes':[[]],"
                + "'rules':[" + RULE.replace("/V/", "/draft/").replace("rule_sets/3", "rule_sets/4") + "]}", RuleSet.class);
        RuleSet deletedInDraft = read("{'href':'/orgs/1/sec_policy/draft/rule_sets/5','name':'RS-Old','update_type':'delete',"
                + "'scopes':[]}", RuleSet.class);
        RuleSet old = read("{'href':'/orgs/1/sec_policy/active/rule_sets/5','name':'RS-Old','scopes':[]}", RuleSet.class);
        List<ObjectChange> c = PolicyDiff.compare(policy("active", ruleSet("active", SCOPE), old),
                policy("draft", kept, created, deletedInDraft), NAMES);
        assertEquals(List.of("RS-New added", "RS-Old deleted"), c.stream().map(o -> o.name() + " " + o.change().word()).toList());
        ObjectChange added = c.get(0);
        assertEquals("All", added.field("scopes").orElseThrow().after());
        assertEquals(ChangeKind.ADDED, added.parts().get(0).change(), "its rules come with it");
    }

    @Test
    void ipRangesAreASetAndUnknownFieldsAreComparedButManagedOnesAreNot() {
        IpList before = read("{'href':'/orgs/1/sec_policy/active/ip_lists/7','name':'Corp','updated_by':{'href':'/users/1'},"
                + "'ip_ranges':[{'from_ip':'10.0.0.0/8'},{'from_ip':'192.168.1.1','to_ip':'192.168.1.9'}],'external_data_set':'a'}", IpList.class);
        IpList after = read("{'href':'/orgs/1/sec_policy/draft/ip_lists/7','name':'Corp','updated_by':{'href':'/users/2'},"
                + "'ip_ranges':[{'from_ip':'192.168.1.1','to_ip':'192.168.1.9'},{'from_ip':'10.0.0.0/8'},"
                + "{'from_ip':'10.1.0.0/16','exclusion':true}],'external_data_set':'b'}", IpList.class);
        List<ObjectChange> c = PolicyDiff.compare(policy("active", List.of(), List.of(before)),
                policy("draft", List.of(), List.of(after)), NAMES);
        assertEquals(1, c.size());
        assertEquals(List.of("ip_ranges: + not 10.1.0.0/16", "external_data_set: \"a\" → \"b\""),
                c.get(0).fields().stream().map(FieldChange::summary).toList());
    }

    @Test
    void twoNumberedVersionsCompareLikeDraftAndActive() {
        RuleSet v3 = ruleSet("3", SCOPE + ",'rules':[" + RULE + "]");
        RuleSet v4 = ruleSet("4", SCOPE + ",'rules':[" + RULE.replace("'enabled':true", "'enabled':false") + "]");
        List<ObjectChange> c = PolicyDiff.compare(policy("3", v3), policy("4", v4), NAMES);
        assertEquals("enabled: Yes → No", c.get(0).parts().get(0).field("enabled").orElseThrow().summary());
        assertEquals(List.of(), PolicyDiff.compare(policy("3", v3), policy("4", ruleSet("4", SCOPE + ",'rules':[" + RULE + "]")), NAMES));
    }

    // ---- the table: each field kind of each object type, one row each ---------------------------

    /**
     * One object of {@code type} ({@code services}, {@code label_groups}, ...) in the active version
     * and in the draft ({@code V} in hrefs becomes the version, ' becomes "), and the summaries of
     * the changed fields expected, worked out by hand ({@code rule:} rows: of the rule set's rule).
     */
    static Stream<Arguments> fieldKinds() {
        String svc = "{'href':'/orgs/1/sec_policy/V/services/9','name':'S-HTTPS',";
        String lg = "{'href':'/orgs/1/sec_policy/V/label_groups/6','name':'LG-Tiers','key':'role',";
        String vs = "{'href':'/orgs/1/sec_policy/V/virtual_services/8','name':'VS-CRM',";
        String eb = "{'href':'/orgs/1/sec_policy/V/enforcement_boundaries/2','name':'EB-Prod',";
        String ipl = "{'href':'/orgs/1/sec_policy/V/ip_lists/7','name':'Corp',";
        String rule = RULE.substring(0, RULE.length() - 1);
        return Stream.of(
                row("service ports are a set: reordered is no change, changed reads + and −", "services",
                        svc + "'service_ports':[{'port':443,'proto':6},{'port':8443,'proto':6}]}",
                        svc + "'service_ports':[{'port':8443,'proto':6},{'port':444,'proto':6}]}",
                        "service_ports: + 444 TCP, − 443 TCP"),
                row("service: ICMP entries with type and code, text fields", "services",
                        svc + "'service_ports':[{'proto':1,'icmp_type':8}]}",
                        svc + "'service_ports':[{'proto':1,'icmp_type':8},{'proto':1,'icmp_type':3,'icmp_code':4}],"
                                + "'process_name':'nginx','description_url':'https://wiki/s'}",
                        "process_name: (none) → nginx", "description_url: (none) → https://wiki/s",
                        "service_ports: + ICMP type 3 code 4"),
                row("service: Windows services", "services",
                        svc + "'windows_services':[{'service_name':'w3svc','port':80,'proto':6}]}",
                        svc + "'windows_services':[{'service_name':'w3svc','port':80,'proto':6},{'process_name':'sqlservr.exe'}]}",
                        "windows_services: + process sqlservr.exe"),
                row("label group: labels a set named as labels, sub-groups named as groups", "label_groups",
                        lg + "'labels':[{'href':'/orgs/1/labels/1'},{'href':'/orgs/1/labels/2'}]}",
                        lg + "'labels':[{'href':'/orgs/1/labels/2'},{'href':'/orgs/1/labels/1'}],"
                                + "'sub_groups':[{'href':'/orgs/1/sec_policy/V/label_groups/5'}]}",
                        "sub_groups: + label group LG-Data"),
                row("virtual service: labels reordered no change; apply_to and ports", "virtual_services",
                        vs + "'apply_to':'host_only','labels':[{'href':'/orgs/1/labels/3'},{'href':'/orgs/1/labels/4'}],"
                                + "'service_ports':[{'port':5432,'proto':6}]}",
                        vs + "'apply_to':'internal_bridge_network','labels':[{'href':'/orgs/1/labels/4'},"
                                + "{'href':'/orgs/1/labels/3'}],'service_ports':[{'port':5432,'to_port':5433,'proto':6}]}",
                        "apply_to: host_only → internal_bridge_network", "service_ports: + 5432-5433 TCP, − 5432 TCP"),
                row("enforcement boundary: actors and services are sets, absent enabled is enabled", "enforcement_boundaries",
                        eb + "'providers':[{'label':{'href':'/orgs/1/labels/4'}}],'consumers':[{'actors':'ams'}],"
                                + "'ingress_services':[{'href':'/orgs/1/sec_policy/V/services/9'},{'port':22,'proto':6}]}",
                        eb + "'enabled':true,'providers':[{'label':{'href':'/orgs/1/labels/4'}}],'consumers':[{'actors':'ams'},"
                                + "{'ip_list':{'href':'/orgs/1/sec_policy/V/ip_lists/7'}}],"
                                + "'ingress_services':[{'port':22,'proto':6},{'href':'/orgs/1/sec_policy/V/services/9'}]}",
                        "consumers: + IP list Corp"),
                row("IP list: FQDNs a set, range descriptions", "ip_lists",
                        ipl + "'fqdns':[{'fqdn':'a.example.com'}],'ip_ranges':[{'from_ip':'10.0.0.0/8'}]}",
                        ipl + "'fqdns':[{'fqdn':'b.example.com'},{'fqdn':'a.example.com'}],"
                                + "'ip_ranges':[{'from_ip':'10.0.0.0/8','description':'HQ'}]}",
                        "ip_ranges: + 10.0.0.0/8 (HQ), − 10.0.0.0/8", "fqdns: + b.example.com"),
                row("rule: an absent member means the PCE's default (stateless false, enabled true)", "rule:",
                        rule + "}", rule + ",'stateless':false,'egress_services':[],'machine_auth':true}",
                        "machine_auth: No → Yes"),
                row("rule: how labels resolve, user groups by name", "rule:",
                        rule + "}", rule.replace("'providers':['workloads']", "'providers':['workloads','virtual_services']")
                                + ",'consuming_security_principals':[{'href':'/orgs/1/security_principals/u1','name':'Admins'}]}",
                        "resolve_labels_as: providers as workloads; consumers as workloads → providers as virtual_services"
                                + " and workloads; consumers as workloads",
                        "consuming_security_principals: + user group Admins"),
                row("rule: extra-scope and managed members of a rule (created_*, update_type) ignored", "rule:",
                        rule + ",'created_at':'2026-01-01T00:00:00Z','created_by':{'href':'/users/1'}}",
                        rule.replace("'unscoped_consumers':false", "'unscoped_consumers':true")
                                + ",'created_at':'2026-02-01T00:00:00Z','update_type':'update'}",
                        "unscoped_consumers: intra-scope → extra-scope"),
                row("rule set: rules moved within the rule set are no change (matched by href)", "rule_sets",
                        "{'href':'/orgs/1/sec_policy/V/rule_sets/3','name':'RS-CRM','rules':[" + RULE + ","
                                + RULE.replace("sec_rules/11", "sec_rules/12") + "]}",
                        "{'href':'/orgs/1/sec_policy/V/rule_sets/3','name':'RS-CRM','rules':["
                                + RULE.replace("sec_rules/11", "sec_rules/12") + "," + RULE + "]}"));
    }

    static Arguments row(String what, String type, String active, String draft, String... expected) {
        return arguments(what, type, active, draft, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fieldKinds")
    void fieldKindTable(String what, String type, String active, String draft, List<String> expected) {
        List<ObjectChange> c = PolicyDiff.compare(one("active", type, active), one("draft", type, draft), NAMES);
        if (expected.isEmpty()) {
            assertEquals(List.of(), c, what);
            return;
        }
        assertEquals(1, c.size(), what + ": " + c);
        assertEquals(ChangeKind.MODIFIED, c.get(0).change());
        ObjectChange o = type.equals("rule:") ? c.get(0).parts().get(0) : c.get(0);
        assertEquals(expected.stream().sorted().toList(), o.fields().stream().map(FieldChange::summary).sorted().toList(), what);
        assertTrue(o.fields().stream().noneMatch(f -> String.valueOf(f.after()).contains("/orgs/")), "no raw hrefs");
    }

    /** A policy of {@code version} holding the one object {@code json} of {@code type} (a rule goes into RS-CRM). */
    static PolicyData one(String version, String type, String json) {
        String j = json.replace("/V/", "/" + version + "/");
        PolicyData p = PolicyData.empty(version).withLabels(LABELS);
        return switch (type) {
            case "services" -> p.withServices(List.of(read(j, Service.class)));
            case "label_groups" -> p.withLabelGroups(List.of(read(j, LabelGroup.class)));
            case "virtual_services" -> p.withVirtualServices(List.of(read(j, VirtualService.class)));
            case "enforcement_boundaries" -> p.withEnforcementBoundaries(List.of(read(j, EnforcementBoundary.class)));
            case "ip_lists" -> p.withIpLists(List.of(read(j, IpList.class)));
            case "rule_sets" -> p.withRuleSets(List.of(read(j, RuleSet.class)));
            case "rule:" -> p.withRuleSets(List.of(ruleSet(version, SCOPE + ",'rules':[" + j + "]")));
            default -> throw new IllegalArgumentException(type);
        };
    }

    @Test
    void everyObjectTypeIsAddedAndDeletedByHrefAndDraftDeletionsCountAsDeleted() {
        Service kept = read("{'href':'/orgs/1/sec_policy/active/services/1','name':'S-Kept'}", Service.class);
        PolicyData active = PolicyData.empty("active").withLabels(LABELS).withServices(List.of(kept,
                        read("{'href':'/orgs/1/sec_policy/active/services/2','name':'S-Gone'}", Service.class)))
                .withLabelGroups(List.of(read("{'href':'/orgs/1/sec_policy/active/label_groups/6','name':'LG-Old','key':'env'}",
                        LabelGroup.class)));
        PolicyData draft = PolicyData.empty("draft").withLabels(LABELS)
                .withServices(List.of(read("{'href':'/orgs/1/sec_policy/draft/services/1','name':'S-Kept',"
                        + "'updated_at':'2026-12-05T00:00:00Z','created_by':{'href':'/users/9'}}", Service.class)))
                .withLabelGroups(List.of(read("{'href':'/orgs/1/sec_policy/draft/label_groups/6','name':'LG-Old','key':'env',"
                        + "'update_type':'delete'}", LabelGroup.class)))
                .withVirtualServices(List.of(read("{'href':'/orgs/1/sec_policy/draft/virtual_services/8','name':'VS-New',"
                        + "'labels':[{'href':'/orgs/1/labels/3'}],'update_type':'create'}", VirtualService.class)))
                .withEnforcementBoundaries(List.of(read("{'href':'/orgs/1/sec_policy/draft/enforcement_boundaries/2',"
                        + "'name':'EB-New','providers':[{'actors':'ams'}]}", EnforcementBoundary.class)));
        List<ObjectChange> c = PolicyDiff.compare(active, draft, NAMES);
        assertEquals(List.of("service S-Gone deleted", "label group LG-Old deleted", "virtual service VS-New added",
                        "enforcement boundary EB-New added"),
                c.stream().map(o -> o.kind().singular() + " " + o.name() + " " + o.change().word()).toList());
        assertEquals("/orgs/1/sec_policy/draft/services/2", c.get(0).href(), "hrefs are version-neutral (draft form)");
        assertEquals("labels: + app: CRM", c.get(2).field("labels").orElseThrow().summary(), "an added object lists what it has");
        assertEquals("providers: + All Workloads", c.get(3).field("providers").orElseThrow().summary());
    }
}
