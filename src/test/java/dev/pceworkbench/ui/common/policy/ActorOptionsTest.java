package dev.pceworkbench.ui.common.policy;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.IpList;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelDimension;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.policy.PolicyData;
import dev.pceworkbench.policy.names.ObjectKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pickers' options read as Names writes them, and typed text resolves in the old and the new syntax. */
class ActorOptionsTest {
    static final Label WEB = new Label("/orgs/1/labels/1", "role", "Web", null, null, null);
    static final Label PROD = new Label("/orgs/1/labels/2", "env", "Prod", null, null, null);
    static final LabelGroup DATA = new LabelGroup("/orgs/1/sec_policy/draft/label_groups/5", "LG-Data", null, "role",
            List.of(Href.of(WEB.href())), List.of(), null);
    static final IpList CORP = new IpList("/orgs/1/sec_policy/draft/ip_lists/3", "Corp", null, List.of(), null, null);
    static final Workload WEB01 = workload("/orgs/1/workloads/a1", "web-one", "web-01", WEB, PROD);
    // A blank hostname: the workload goes by its name.
    static final Workload DB01 = workload("/orgs/1/workloads/b2", "db-01", " ");
    static final PolicyData DATA_SET = PolicyData.empty("draft").withLabels(List.of(PROD, WEB)).withLabelGroups(List.of(DATA))
            .withWorkloads(List.of(WEB01, DB01)).withIpLists(List.of(CORP));
    static final List<LabelDimension> DIMENSIONS = List.of(
            new LabelDimension("/orgs/1/label_dimensions/1", "role", "Role", null, null, null, null),
            new LabelDimension("/orgs/1/label_dimensions/2", "env", "Environment", null, null, null, null));

    static Workload workload(String href, String name, String hostname, Label... labels) {
        return new Workload(href, name, null, hostname, null, java.util.Arrays.stream(labels).map(l -> Href.of(l.href())).toList(),
                List.of(), null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void optionsReadAsNamesWritesThemInPickerOrder() {
        ActorOptions options = ActorOptions.actors(DATA_SET, DIMENSIONS);
        assertEquals(List.of("role: Web", "env: Prod", "label group LG-Data", "workload db-01", "workload web-01",
                "IP list Corp", "All Workloads"), options.all().stream().map(ActorOption::text).toList());
        assertEquals(List.of(ObjectKind.LABEL, ObjectKind.LABEL, ObjectKind.LABEL_GROUP, ObjectKind.WORKLOAD,
                ObjectKind.WORKLOAD, ObjectKind.IP_LIST, ObjectKind.ALL_WORKLOADS),
                options.all().stream().map(ActorOption::kind).toList());
        ActorOption web01 = options.all().get(4);
        assertEquals("web-one; role: Web, env: Prod", web01.detail(), "a workload's name and labels are searched too");
    }

    @Test
    void typedTextResolvesInEitherLabelSyntaxAnyCase() {
        ActorOptions options = ActorOptions.actors(DATA_SET, DIMENSIONS);
        for (String typed : List.of("role: Web", "role Web", "ROLE: WEB", " role web ", "role:Web", "role  :  web")) {
            assertEquals(Actor.label(WEB.href()), options.resolve(typed).orElseThrow().actor(), typed);
        }
        assertEquals(Actor.labelGroup(DATA.href()), options.resolve("Label Group lg-data").orElseThrow().actor());
        assertEquals(Actor.ipList(CORP.href()), options.resolve("ip list corp").orElseThrow().actor());
        assertEquals(Actor.allWorkloads(), options.resolve("all workloads").orElseThrow().actor());
        assertTrue(options.resolve("role Db").isEmpty());
    }

    @Test
    void workloadsResolveByTextHostnameOrHrefAndAddressesByThemselves() {
        ActorOptions options = ActorOptions.workloads(DATA_SET);
        assertEquals(List.of("workload db-01", "workload web-01"), options.all().stream().map(ActorOption::text).toList());
        assertEquals(WEB01.href(), options.resolve("workload WEB-01").orElseThrow().workloadHref());
        assertEquals(WEB01.href(), options.resolve("web-01").orElseThrow().workloadHref());
        assertEquals(WEB01.href(), options.resolve(WEB01.href()).orElseThrow().workloadHref());
        assertEquals(DB01.href(), options.resolve("db-01").orElseThrow().workloadHref());
        ActorOption ip = options.resolve(" 10.0.0.5 ").orElseThrow();
        assertEquals("10.0.0.5", ip.ip());
        assertEquals(ObjectKind.IP_ADDRESS, ip.kind());
        assertEquals("10.0.0.5", ip.text());
    }

    @Test
    void suggestionsPutTheOptionNamedExactlyFirstInEitherSyntax() {
        ActorOptions options = ActorOptions.actors(DATA_SET, DIMENSIONS);
        assertEquals("role: Web", options.suggest("role web", 10).get(0).text());
        assertEquals("role: Web", options.suggest("role: web", 10).get(0).text());
        assertEquals(List.of("workload web-01"), options.suggest("web-01", 10).stream().map(ActorOption::text).toList());
        assertEquals("workload db-01", options.suggest("db-01", 10).get(0).text());
        assertEquals(2, options.suggest("prod", 10).size(), "env: Prod, and web-01 by its labels");
        assertEquals(1, options.suggest("prod", 1).size(), "the limit holds");
    }

    @Test
    void typedTextIsNormalisedAsTheTwoExpressionsDid() {
        // The one-pass key is the former trim, lower case, "\\s*:\\s*" -> ": ", "\\s+" -> " ".
        String[] samples = {"role: Web", "ROLE:web", "role : web", "role  :   web", " role\tweb ", "a::b", "a :: b",
                "role:", "role :", "a\n\nb", ":web", " : ", "app: x  y", "web-01.example.com", "", "  ", "a: b c:d"};
        for (String s : samples) {
            String expected = s.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s*:\\s*", ": ")
                    .replaceAll("\\s+", " ");
            assertEquals(expected, ActorOptions.key(s), "[" + s + "]");
        }
        assertEquals("", ActorOptions.key(null));
    }
}
