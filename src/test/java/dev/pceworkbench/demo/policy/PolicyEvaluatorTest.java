package dev.pceworkbench.demo.policy;

import dev.pceworkbench.demo.store.PolicyType;
import dev.pceworkbench.demo.store.PolicyVersions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.pceworkbench.demo.policy.PolicyFixture.hrefs;
import static dev.pceworkbench.demo.policy.PolicyFixture.labels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo evaluator against a hand-built org, rule by rule, on the active policy. */
class PolicyEvaluatorTest {
    static final int TCP = 6;
    static final int UDP = 17;

    PolicyFixture f;
    String web, app, db, hrm, erp, dev, prod, us, eu;
    String hrmWeb, hrmDb, erpWeb, hrmEuWeb, erpEuDb, hrmDbProd;

    @BeforeEach
    void org() {
        f = new PolicyFixture();
        web = f.label("role", "Web");
        app = f.label("role", "App");
        db = f.label("role", "DB");
        hrm = f.label("app", "HRM");
        erp = f.label("app", "ERP");
        dev = f.label("env", "Dev");
        prod = f.label("env", "Prod");
        us = f.label("loc", "US");
        eu = f.label("loc", "EU");
        hrmWeb = f.workload("hrm-web", "10.1.0.1", web, hrm, dev, us);
        hrmDb = f.workload("hrm-db", "10.1.0.2", db, hrm, dev, us);
        erpWeb = f.workload("erp-web", "10.2.0.1", web, erp, dev, us);
        hrmEuWeb = f.workload("hrm-eu-web", "10.3.0.1", web, hrm, dev, eu);
        erpEuDb = f.workload("erp-eu-db", "10.4.0.1", db, erp, dev, eu);
        hrmDbProd = f.workload("hrm-db-prod", "10.5.0.1", db, hrm, prod, us);
    }

    private PolicyEvaluator active() {
        PolicyVersions.provisionAll(f.state, "test");
        return new PolicyEvaluator(PolicyCompiler.compile(f.state, f.state.policy().active()));
    }

    private Endpoint w(PolicyEvaluator e, String href) {
        int i = e.model().workload(href);
        assertTrue(i >= 0, href);
        return Endpoint.workload(i);
    }

    private static Endpoint ip(String ip) {
        return Endpoint.external(IpAddress.parse(ip));
    }

    private List<String> allowing(PolicyEvaluator e, Endpoint from, Endpoint to, int proto, int port) {
        return hrefs(e.allowing(from, to, proto, port, port));
    }

    /** The rules guide example: scope HRM | US | Dev with one intra-scope and one extra-scope rule. */
    private String rulesGuideRuleSet() {
        return f.policy(PolicyType.RULE_SETS, "{'name':'RS-HRM-US-Dev','enabled':true,"
                + "'scopes':[" + labels(hrm, us, dev) + "],'rules':["
                + "{'enabled':true,'providers':" + labels(db) + ",'consumers':" + labels(web)
                + ",'ingress_services':[{'port':5432,'proto':6}],'unscoped_consumers':false},"
                + "{'enabled':true,'providers':" + labels(web) + ",'consumers':" + labels(web)
                + ",'ingress_services':[{'port':443,'proto':6}],'unscoped_consumers':true}]}");
    }

    @Test
    void intraScopeRuleAllowsOnlyConsumersInsideTheScope() {
        String rs = rulesGuideRuleSet();
        PolicyEvaluator e = active();
        assertEquals(List.of(rs + "/sec_rules/1"), allowing(e, w(e, hrmWeb), w(e, hrmDb), TCP, 5432));
        // A web server of another app (ERP) or another location (EU) is outside the scope.
        assertEquals(List.of(), allowing(e, w(e, erpWeb), w(e, hrmDb), TCP, 5432));
        assertEquals(List.of(), allowing(e, w(e, hrmEuWeb), w(e, hrmDb), TCP, 5432));
        // Wrong port, wrong protocol, wrong direction.
        assertEquals(List.of(), allowing(e, w(e, hrmWeb), w(e, hrmDb), TCP, 5433));
        assertEquals(List.of(), allowing(e, w(e, hrmWeb), w(e, hrmDb), UDP, 5432));
        assertEquals(List.of(), allowing(e, w(e, hrmDb), w(e, hrmWeb), TCP, 5432));
        // The provider must be in scope too: the same roles in Prod are not covered.
        assertEquals(List.of(), allowing(e, w(e, hrmWeb), w(e, hrmDbProd), TCP, 5432));
    }

    @Test
    void extraScopeRuleAllowsConsumersFromAnywhereButOnlyToProvidersInScope() {
        String rs = rulesGuideRuleSet();
        PolicyEvaluator e = active();
        assertEquals(List.of(rs + "/sec_rules/2"), allowing(e, w(e, erpWeb), w(e, hrmWeb), TCP, 443));
        assertEquals(List.of(rs + "/sec_rules/2"), allowing(e, w(e, hrmEuWeb), w(e, hrmWeb), TCP, 443));
        // The provider side stays scoped: the EU HRM web server is not a provider of this rule set.
        assertEquals(List.of(), allowing(e, w(e, hrmWeb), w(e, hrmEuWeb), TCP, 443));
        // The consumer still has to match the consumer actor (role Web): a DB is not one.
        assertEquals(List.of(), allowing(e, w(e, hrmDb), w(e, hrmWeb), TCP, 443));
    }

    @Test
    void nestedLabelGroupsInScopesAndActors() {
        String americas = f.policy(PolicyType.LABEL_GROUPS, "{'name':'LG-Americas','key':'loc','labels':[{'href':'" + us + "'}],'sub_groups':[]}");
        String regions = f.policy(PolicyType.LABEL_GROUPS, "{'name':'LG-Regions','key':'loc','labels':[],'sub_groups':[{'href':'" + americas + "'}]}");
        String dbs = f.policy(PolicyType.LABEL_GROUPS, "{'name':'LG-Data','key':'role','labels':[{'href':'" + db + "'}],'sub_groups':[]}");
        String rs = f.policy(PolicyType.RULE_SETS, "{'name':'RS-Regions','enabled':true,"
                + "'scopes':[[{'label_group':{'href':'" + regions + "'}},{'label':{'href':'" + hrm + "'}}]],'rules':["
                + "{'enabled':true,'providers':[{'label_group':{'href':'" + dbs + "'}}],'consumers':[{'actors':'ams'}],"
                + "'ingress_services':[{'port':1521,'proto':6}],'unscoped_consumers':false}]}");
        PolicyEvaluator e = active();
        // HRM in the US is in LG-Regions through LG-Americas; the DB is in LG-Data.
        assertEquals(List.of(rs + "/sec_rules/1"), allowing(e, w(e, hrmWeb), w(e, hrmDb), TCP, 1521));
        assertEquals(List.of(rs + "/sec_rules/1"), allowing(e, w(e, hrmWeb), w(e, hrmDbProd), TCP, 1521));
        // An EU consumer is outside the scope (intra-scope); ERP is outside it as well.
        assertEquals(List.of(), allowing(e, w(e, hrmEuWeb), w(e, hrmDb), TCP, 1521));
        assertEquals(List.of(), allowing(e, w(e, hrmWeb), w(e, erpEuDb), TCP, 1521));
    }

    @Test
    void allWorkloadsAndIpListsWithExclusionsInBothFamilies() {
        String ipl = f.policy(PolicyType.IP_LISTS, "{'name':'IPL-Admins','ip_ranges':["
                + "{'from_ip':'192.168.0.0/16','exclusion':false},{'from_ip':'192.168.9.0/24','exclusion':true},"
                + "{'from_ip':'172.16.0.10','to_ip':'172.16.0.20','exclusion':false},"
                + "{'from_ip':'2001:db8::/32','exclusion':false},{'from_ip':'2001:db8:1::/48','exclusion':true}],'fqdns':[]}");
        String rs = f.policy(PolicyType.RULE_SETS, "{'name':'RS-Admin','enabled':true,'scopes':[[]],'rules':["
                + "{'enabled':true,'providers':[{'actors':'ams'}],'consumers':[{'ip_list':{'href':'" + ipl + "'}}],"
                + "'ingress_services':[{'port':22,'proto':6}],'unscoped_consumers':true}]}");
        PolicyEvaluator e = active();
        String rule = rs + "/sec_rules/1";
        for (String target : List.of(hrmDb, erpWeb, hrmEuWeb)) {
            assertEquals(List.of(rule), allowing(e, ip("192.168.1.7"), w(e, target), TCP, 22), target);
        }
        assertEquals(List.of(), allowing(e, ip("192.168.9.7"), w(e, hrmDb), TCP, 22), "excluded block");
        assertEquals(List.of(rule), allowing(e, ip("172.16.0.20"), w(e, hrmDb), TCP, 22), "range end is inclusive");
        assertEquals(List.of(), allowing(e, ip("172.16.0.21"), w(e, hrmDb), TCP, 22));
        assertEquals(List.of(rule), allowing(e, ip("2001:db8:2::1"), w(e, hrmDb), TCP, 22));
        assertEquals(List.of(), allowing(e, ip("2001:db8:1::1"), w(e, hrmDb), TCP, 22), "excluded IPv6 block");
        assertEquals(List.of(), allowing(e, ip("10.9.9.9"), w(e, hrmDb), TCP, 22));
        // A workload is not an address outside the list: 10.x consumers do not match.
        assertEquals(List.of(), allowing(e, w(e, hrmWeb), w(e, hrmDb), TCP, 22));
    }

    @Test
    void ipListConsumersAlsoMatchWorkloadsByAddressAndIpListProvidersMatchAddresses() {
        String corp = f.policy(PolicyType.IP_LISTS, "{'name':'IPL-Corp','ip_ranges':[{'from_ip':'10.0.0.0/8','exclusion':false}]}");
        String saas = f.policy(PolicyType.IP_LISTS, "{'name':'IPL-SaaS','ip_ranges':[{'from_ip':'198.51.100.0/24','exclusion':false}]}");
        String rs = f.policy(PolicyType.RULE_SETS, "{'name':'RS-Edge','enabled':true,'scopes':[[]],'rules':["
                + "{'enabled':true,'providers':" + labels(web) + ",'consumers':[{'ip_list':{'href':'" + corp + "'}}],"
                + "'ingress_services':[{'port':443,'proto':6}],'unscoped_consumers':true},"
                + "{'enabled':true,'providers':[{'ip_list':{'href':'" + saas + "'}}],'consumers':[{'actors':'ams'}],"
                + "'ingress_services':[{'port':443,'proto':6}],'unscoped_consumers':false}]}");
        PolicyEvaluator e = active();
        assertEquals(List.of(rs + "/sec_rules/1"), allowing(e, w(e, hrmDb), w(e, erpWeb), TCP, 443));
        assertEquals(List.of(rs + "/sec_rules/2"), allowing(e, w(e, hrmDb), ip("198.51.100.9"), TCP, 443));
        assertEquals(List.of(), allowing(e, ip("198.51.100.9"), w(e, hrmDb), TCP, 443));
        assertEquals(List.of(), allowing(e, w(e, hrmDb), ip("203.0.113.9"), TCP, 443));
    }

    @Test
    void disabledRulesAndRuleSetsAllowNothing() {
        String on = f.policy(PolicyType.RULE_SETS, "{'name':'RS-On','enabled':true,'scopes':[],'rules':["
                + "{'enabled':false,'providers':[{'actors':'ams'}],'consumers':[{'actors':'ams'}],'ingress_services':[{'port':9999,'proto':6}]},"
                + "{'enabled':true,'providers':[{'actors':'ams'}],'consumers':[{'actors':'ams'}],'ingress_services':[{'port':9998,'proto':6}]}]}");
        f.policy(PolicyType.RULE_SETS, "{'name':'RS-Off','enabled':false,'scopes':[[]],'rules':["
                + "{'enabled':true,'providers':[{'actors':'ams'}],'consumers':[{'actors':'ams'}],'ingress_services':[{'proto':-1}]}]}");
        PolicyEvaluator e = active();
        assertEquals(List.of(), allowing(e, w(e, hrmWeb), w(e, erpWeb), TCP, 9999));
        assertEquals(List.of(), allowing(e, w(e, hrmWeb), w(e, erpWeb), TCP, 80));
        assertEquals(List.of(on + "/sec_rules/2"), allowing(e, w(e, hrmWeb), w(e, erpWeb), TCP, 9998));
    }

    @Test
    void portRangesServiceObjectsAllProtocolsAndPortlessProtocols() {
        String all = f.policy(PolicyType.SERVICES, "{'name':'All Services','service_ports':[{'proto':-1}]}");
        String gre = f.policy(PolicyType.SERVICES, "{'name':'S-GRE','service_ports':[{'proto':47}]}");
        String web2 = f.policy(PolicyType.SERVICES, "{'name':'S-Web','service_ports':[{'port':80,'proto':6},{'port':8000,'to_port':8100,'proto':6}]}");
        String rs = f.policy(PolicyType.RULE_SETS, "{'name':'RS-Ports','enabled':true,'scopes':[[]],'rules':["
                + "{'enabled':true,'providers':" + labels(web) + ",'consumers':" + labels(db) + ",'ingress_services':[{'href':'" + web2 + "'}]},"
                + "{'enabled':true,'providers':" + labels(db) + ",'consumers':" + labels(db) + ",'ingress_services':[{'href':'" + all + "'}]},"
                + "{'enabled':true,'providers':" + labels(web) + ",'consumers':" + labels(web) + ",'ingress_services':[{'href':'" + gre + "'},{'port':7000,'to_port':7010,'proto':17}]}]}");
        PolicyEvaluator e = active();
        String r1 = rs + "/sec_rules/1";
        String r2 = rs + "/sec_rules/2";
        String r3 = rs + "/sec_rules/3";
        assertEquals(List.of(r1), allowing(e, w(e, hrmDb), w(e, erpWeb), TCP, 8000));
        assertEquals(List.of(r1), allowing(e, w(e, hrmDb), w(e, erpWeb), TCP, 8100));
        assertEquals(List.of(), allowing(e, w(e, hrmDb), w(e, erpWeb), TCP, 8101));
        assertEquals(List.of(), allowing(e, w(e, hrmDb), w(e, erpWeb), TCP, 81));
        // proto -1 matches every protocol, with or without a port.
        assertEquals(List.of(r2), allowing(e, w(e, erpEuDb), w(e, hrmDb), UDP, 65000));
        assertEquals(List.of(r2), allowing(e, w(e, erpEuDb), w(e, hrmDb), 1, -1));
        // GRE has no ports; a UDP range still matches by port.
        assertEquals(List.of(r3), hrefs(e.allowing(w(e, erpWeb), w(e, hrmWeb), 47, -1, -1)));
        assertEquals(List.of(r3), allowing(e, w(e, erpWeb), w(e, hrmWeb), UDP, 7005));
        assertEquals(List.of(), allowing(e, w(e, erpWeb), w(e, hrmWeb), TCP, 7005));
        assertEquals(List.of(), hrefs(e.allowing(w(e, erpWeb), w(e, hrmWeb), 1, -1, -1)), "ICMP is not GRE");
    }

    @Test
    void labelsResolvedAsVirtualServicesDoNotMatchWorkloads() {
        String vs = f.policy(PolicyType.VIRTUAL_SERVICES, "{'name':'VS-HRM','labels':[{'href':'" + web + "'},{'href':'" + hrm + "'}],"
                + "'service_ports':[{'port':8443,'proto':6}]}");
        // A bound instance listens on 9443 instead (port override).
        f.bind(vs, erpWeb, "[{'port':8443,'proto':6,'new_port':9443}]");
        String asVs = "'resolve_labels_as':{'providers':['virtual_services'],'consumers':['workloads']},'unscoped_consumers':true}";
        String rs = f.policy(PolicyType.RULE_SETS, "{'name':'RS-VS','enabled':true,'scopes':[[]],'rules':["
                + "{'enabled':true,'providers':" + labels(web) + ",'consumers':" + labels(db) + ",'ingress_services':[]," + asVs + ","
                + "{'enabled':true,'providers':" + labels(web) + ",'consumers':" + labels(db)
                + ",'ingress_services':[{'port':8443,'proto':6}]," + asVs + "]}");
        PolicyEvaluator e = active();
        // hrm-web carries the labels but is a workload: the rules resolve them as virtual services only.
        assertEquals(List.of(), allowing(e, w(e, hrmDb), w(e, hrmWeb), TCP, 8443));
        // erp-web is bound to the virtual service (whose labels match): the rule without services
        // uses the virtual service's port as overridden for this binding, the other its own port.
        assertEquals(List.of(rs + "/sec_rules/1"), allowing(e, w(e, hrmDb), w(e, erpWeb), TCP, 9443));
        assertEquals(List.of(rs + "/sec_rules/2"), allowing(e, w(e, hrmDb), w(e, erpWeb), TCP, 8443));
    }

    @Test
    void intraScopeRulesNeedBothEndsInTheSameScope() {
        String rs = f.policy(PolicyType.RULE_SETS, "{'name':'RS-Two-Apps','enabled':true,"
                + "'scopes':[" + labels(hrm, dev) + "," + labels(erp, dev) + "],'rules':["
                + "{'enabled':true,'providers':" + labels(db) + ",'consumers':" + labels(web)
                + ",'ingress_services':[{'port':3306,'proto':6}],'unscoped_consumers':false},"
                + "{'enabled':true,'providers':" + labels(db) + ",'consumers':" + labels(web)
                + ",'ingress_services':[{'port':3307,'proto':6}],'unscoped_consumers':true}]}");
        PolicyEvaluator e = active();
        assertEquals(List.of(rs + "/sec_rules/1"), allowing(e, w(e, hrmWeb), w(e, hrmDb), TCP, 3306));
        assertEquals(List.of(rs + "/sec_rules/1"), allowing(e, w(e, erpWeb), w(e, erpEuDb), TCP, 3306));
        // Each end is in one of the scopes, but not in the same one.
        assertEquals(List.of(), allowing(e, w(e, erpWeb), w(e, hrmDb), TCP, 3306));
        // The extra-scope rule does not care where the consumer is.
        assertEquals(List.of(rs + "/sec_rules/2"), allowing(e, w(e, erpWeb), w(e, hrmDb), TCP, 3307));
    }

    @Test
    void labelsOfDifferentKeysNarrowAndWorkloadActorsMatchOneWorkload() {
        String rs = f.policy(PolicyType.RULE_SETS, "{'name':'RS-Mixed','enabled':true,'scopes':[[]],'rules':["
                + "{'enabled':true,'providers':[{'workload':{'href':'" + hrmDb + "'}}],'consumers':" + labels(web, erp)
                + ",'ingress_services':[{'port':5432,'proto':6}]},"
                + "{'enabled':true,'providers':" + labels(db) + ",'consumers':" + labels(hrm, erp)
                + ",'ingress_services':[{'port':6432,'proto':6}]}]}");
        PolicyEvaluator e = active();
        // Web AND ERP: erp-web matches, hrm-web (Web but HRM) does not.
        assertEquals(List.of(rs + "/sec_rules/1"), allowing(e, w(e, erpWeb), w(e, hrmDb), TCP, 5432));
        assertEquals(List.of(), allowing(e, w(e, hrmWeb), w(e, hrmDb), TCP, 5432));
        // The workload actor names hrm-db only.
        assertEquals(List.of(), allowing(e, w(e, erpWeb), w(e, hrmDbProd), TCP, 5432));
        // HRM OR ERP (same key): both match.
        assertEquals(List.of(rs + "/sec_rules/2"), allowing(e, w(e, hrmWeb), w(e, erpEuDb), TCP, 6432));
        assertEquals(List.of(rs + "/sec_rules/2"), allowing(e, w(e, erpWeb), w(e, erpEuDb), TCP, 6432));
    }

    @Test
    void activeVersionIgnoresDraftChanges() {
        rulesGuideRuleSet();
        PolicyEvaluator e = active();
        f.policy(PolicyType.RULE_SETS, "{'name':'RS-Draft','enabled':true,'scopes':[[]],'rules':["
                + "{'enabled':true,'providers':[{'actors':'ams'}],'consumers':[{'actors':'ams'}],'ingress_services':[{'port':25,'proto':6}]}]}");
        PolicyEvaluator active = new PolicyEvaluator(PolicyModelCache.of(f.state).get(f.state, f.state.policy().active()));
        PolicyEvaluator draft = new PolicyEvaluator(PolicyModelCache.of(f.state).get(f.state, f.state.policy().draft()));
        assertFalse(active.provider(w(e, hrmDb)).allows(w(e, erpWeb), TCP, 25));
        assertTrue(draft.provider(w(e, hrmDb)).allows(w(e, erpWeb), TCP, 25));
    }
}
