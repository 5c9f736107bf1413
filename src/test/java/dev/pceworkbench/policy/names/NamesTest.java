package dev.pceworkbench.policy.names;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.IpList;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.pce.model.ScopeEntry;
import dev.pceworkbench.pce.model.Service;
import dev.pceworkbench.pce.model.ServicePort;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.pce.model.Workload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pins the workbench's one vocabulary: every format a view, export or explanation writes. */
class NamesTest {
    static <T> T read(String json, Class<T> type) {
        try {
            return PceJson.mapper().readValue(json, type);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static final Label WEB = read("{\"href\":\"/orgs/1/labels/1\",\"key\":\"role\",\"value\":\"Web\"}", Label.class);
    static final Label PROD = read("{\"href\":\"/orgs/1/labels/2\",\"key\":\"env\",\"value\":\"Prod\"}", Label.class);
    static final LabelGroup GROUP = read("{\"href\":\"/orgs/1/sec_policy/draft/label_groups/5\",\"key\":\"app\",\"name\":\"LG-Data\"}", LabelGroup.class);
    static final IpList CORP = read("{\"href\":\"/orgs/1/sec_policy/draft/ip_lists/3\",\"name\":\"Corp\"}", IpList.class);
    static final VirtualService VS = read("{\"href\":\"/orgs/1/sec_policy/draft/virtual_services/a1\",\"name\":\"VS-DB\"}", VirtualService.class);
    static final Service HTTPS = read("{\"href\":\"/orgs/1/sec_policy/draft/services/9\",\"name\":\"S-HTTPS\"}", Service.class);
    static final Workload WEB01 = read("{\"href\":\"/orgs/1/workloads/3f2a9c1e-0000-4000-8000-000000000001\",\"hostname\":\"web-01\",\"name\":\"Web one\"}", Workload.class);
    static final Workload NAMED = read("{\"href\":\"/orgs/1/workloads/3f2a9c1e-0000-4000-8000-000000000002\",\"hostname\":\" \",\"name\":\"db one\"}", Workload.class);
    static final Workload BARE = read("{\"href\":\"/orgs/1/workloads/3f2a9c1e-0000-4000-8000-000000000003\"}", Workload.class);

    static final ObjectNames NAMES = new ObjectNames(List.of(WEB, PROD), List.of(GROUP), List.of(CORP), List.of(VS), List.of(HTTPS))
            .withWorkloads(List.of(WEB01, NAMED, BARE));

    @Test
    void actorsOfEveryKind() {
        assertEquals("All Workloads", Names.actor(Actor.allWorkloads(), NAMES).display());
        assertEquals("role: Web", Names.actor(Actor.label(WEB.href()), NAMES).display());
        assertEquals("label group LG-Data", Names.actor(Actor.labelGroup(GROUP.href()), NAMES).display());
        assertEquals("workload web-01", Names.actor(Actor.workload(WEB01.href()), NAMES).display());
        assertEquals("workload db one", Names.actor(Actor.workload(NAMED.href()), NAMES).display(), "a blank hostname falls back to the name");
        assertEquals("workload 3f2a9c1e…", Names.actor(Actor.workload(BARE.href()), NAMES).display(), "no hostname, no name: the short id");
        assertEquals("IP list Corp", Names.actor(Actor.ipList(CORP.href()), NAMES).display());
        assertEquals("virtual service VS-DB", Names.actor(Actor.virtualService(VS.href()), NAMES).display());
        assertEquals("user group Admins", Names.userGroup(new Href("/orgs/1/security_principals/7", "Admins", null, null, null)).display());
        assertEquals("10.0.0.0/8", Names.ipAddress("10.0.0.0/8").display());
    }

    @Test
    void policyObjectsAreFoundInEveryVersion() {
        assertEquals("label group LG-Data", Names.actor(Actor.labelGroup("/orgs/1/sec_policy/active/label_groups/5"), NAMES).display());
        assertEquals("IP list Corp", Names.actor(Actor.ipList("/orgs/1/sec_policy/12/ip_lists/3"), NAMES).display());
    }

    @Test
    void unknownReferencesSayTheirKindAndHref() {
        assertEquals("label /orgs/1/labels/99", Names.actor(Actor.label("/orgs/1/labels/99"), NAMES).display());
        assertEquals("role: DB", Names.label(new Href("/orgs/1/labels/99", null, "role", "DB", null), NAMES).display(),
                "an expanded reference names itself");
        assertEquals("IP list /orgs/1/sec_policy/draft/ip_lists/77", Names.actor(Actor.ipList("/orgs/1/sec_policy/draft/ip_lists/77"), NAMES).display());
        assertEquals("workload abcdef12…", Names.actor(Actor.workload("/orgs/1/workloads/abcdef1234567890"), NAMES).display());
        assertEquals("workload 3f2a9c1e…", Names.actor(Actor.workload(WEB01.href()), ObjectNames.EMPTY).display(),
                "before the workloads are loaded");
    }

    @ParameterizedTest(name = "{0}/{1}-{2} is \"{3}\"")
    @CsvSource(nullValues = "null", value = {
            "6, 443, null, 443 TCP",
            "6, 443, 443, 443 TCP",
            "17, 8000, 8080, 8000-8080 UDP",
            "6, 8080, 8000, 8080 TCP",
            "1, null, null, ICMP",
            "58, null, null, ICMPv6",
            "47, null, null, GRE",
            "4, null, null, IPIP",
            "50, null, null, ESP",
            "132, 9, null, 9 SCTP",
            "99, null, null, protocol 99",
            "-1, null, null, All Services",
            "null, null, null, All Services",
            "null, 443, null, 443 any protocol",
            "6, -1, null, TCP",
    })
    void ports(Integer proto, Integer port, Integer toPort, String text) {
        assertEquals(text, Names.port(proto, port, toPort));
        IngressService inline = new IngressService(null, port, toPort, proto, null, null, null);
        assertEquals(text, Names.service(inline, NAMES).display());
        assertEquals(ObjectKind.PORT, Names.service(inline, NAMES).kind());
    }

    @Test
    void icmpTypesAndServicePorts() {
        assertEquals("ICMP type 8", Names.icmp(1, 8, null));
        assertEquals("ICMPv6 type 1 code 4", Names.icmp(58, 1, 4));
        assertEquals("80 TCP, 8000-8080 TCP, ICMP type 3 code 4",
                Names.servicePorts(List.of(ServicePort.of(80, 6), ServicePort.range(8000, 8080, 6),
                        new ServicePort(null, null, 1, 3, 4, null))));
    }

    @Test
    void servicesByNameInEveryVersion() {
        assertEquals("S-HTTPS", Names.service(IngressService.service("/orgs/1/sec_policy/active/services/9"), NAMES).display());
        assertEquals("/orgs/1/sec_policy/draft/services/404",
                Names.service(IngressService.service("/orgs/1/sec_policy/draft/services/404"), NAMES).display());
    }

    @Test
    void listsScopesAndExclusions() {
        assertEquals("role: Web, IP list Corp, All Workloads",
                Names.list(Names.actors(List.of(Actor.label(WEB.href()), Actor.ipList(CORP.href()), Actor.allWorkloads()), NAMES)));
        ScopeEntry notProd = new ScopeEntry(Href.of(PROD.href()), null, true, null);
        List<ScopeEntry> scope = List.of(ScopeEntry.label(WEB.href()), ScopeEntry.labelGroup(GROUP.href()), notProd);
        assertEquals("role: Web + label group LG-Data + not env: Prod", Names.scopeText(Names.scope(scope, NAMES)));
        assertEquals("All", Names.scopeText(List.of()));
        assertEquals("role: Web | env: Prod", Names.scopesText(List.of(List.of(ScopeEntry.label(WEB.href())),
                List.of(ScopeEntry.label(PROD.href()))), NAMES));
        assertEquals("All", Names.scopesText(List.of(), NAMES));
        assertEquals("All", Names.scopesText(List.of(List.of()), NAMES));
    }

    @Test
    void kindsFromActorsAndHrefs() {
        assertEquals(ObjectKind.WORKLOAD, ObjectKind.of(Actor.containerWorkload("/orgs/1/container_workloads/1")));
        assertEquals(ObjectKind.VIRTUAL_SERVICE, ObjectKind.of(Actor.virtualServer("/orgs/1/sec_policy/draft/virtual_servers/1")));
        assertEquals(ObjectKind.RULE, ObjectKind.fromHref("/orgs/1/sec_policy/draft/rule_sets/3/sec_rules/9"));
        assertEquals(ObjectKind.IPTABLES_RULE, ObjectKind.fromHref("/orgs/1/sec_policy/active/rule_sets/3/ip_tables_rules/2"));
        assertEquals(ObjectKind.RULE_SET, ObjectKind.fromHref("/orgs/1/sec_policy/active/rule_sets/3"));
        assertEquals(ObjectKind.LABEL, ObjectKind.fromHref("/orgs/1/labels/7"));
        assertEquals(ObjectKind.LABEL_GROUP, ObjectKind.fromHref("/orgs/1/sec_policy/draft/label_groups/7"));
        assertEquals(ObjectKind.UNKNOWN, ObjectKind.fromHref("/orgs/1/pairing_profiles/7"));
        assertEquals(ObjectKind.UNKNOWN, ObjectKind.fromHref(null));
        assertEquals("IP lists and virtual services", ObjectKind.phrase(java.util.EnumSet.of(ObjectKind.IP_LIST, ObjectKind.VIRTUAL_SERVICE)));
        assertEquals("labels, workloads and IP lists", ObjectKind.phrase(java.util.EnumSet.of(ObjectKind.IP_LIST, ObjectKind.LABEL, ObjectKind.WORKLOAD)));
    }

    @Test
    void hrefsInEveryVersion() {
        String draft = "/orgs/1/sec_policy/draft/rule_sets/3/sec_rules/9";
        assertEquals("/orgs/1/sec_policy/active/rule_sets/3/sec_rules/9", Hrefs.toActive(draft));
        assertEquals(draft, Hrefs.toDraft("/orgs/1/sec_policy/12/rule_sets/3/sec_rules/9"));
        assertEquals(draft, Hrefs.neutral(draft));
        assertEquals("/orgs/1/labels/7", Hrefs.neutral("/orgs/1/labels/7"));
        assertEquals("/orgs/1/sec_policy/pending", Hrefs.toActive("/orgs/1/sec_policy/pending"));
        assertEquals("/orgs/1/sec_policy/12", Hrefs.toDraft("/orgs/1/sec_policy/12"), "a version's own href stays");
        assertEquals("12", Hrefs.version("/orgs/1/sec_policy/12/ip_lists/1"));
        assertEquals("active", Hrefs.version("/orgs/1/sec_policy/active"));
        assertNull(Hrefs.version("/orgs/1/labels/7"));
        assertNull(Hrefs.neutral(null));
        assertNull(Hrefs.toActive(null));
        assertTrue(Hrefs.sameObject("/orgs/1/sec_policy/active/services/9", "/orgs/1/sec_policy/draft/services/9"));
        assertFalse(Hrefs.sameObject("/orgs/1/sec_policy/active/services/9", "/orgs/1/sec_policy/draft/services/8"));
        assertTrue(Hrefs.isPolicy(draft));
        assertFalse(Hrefs.isPolicy("/orgs/1/workloads/x"));
        assertEquals("sec_rules", Hrefs.collection(draft));
        assertEquals("9", Hrefs.id(draft));
        assertEquals("…", Hrefs.shortId(null));
        assertEquals("{\"href\":\"/orgs/1/sec_policy/draft/services/9\",\"x\":\"/orgs/1/sec_policy/draft/ip_lists/2\"}",
                Hrefs.neutralIn("{\"href\":\"/orgs/1/sec_policy/active/services/9\",\"x\":\"/orgs/1/sec_policy/12/ip_lists/2\"}"));
    }
}
