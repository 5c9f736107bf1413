package dev.pceworkbench.policy;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.EnforcementBoundary;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.IpList;
import dev.pceworkbench.pce.model.IpRange;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.pce.model.ResolveLabelsAs;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.ScopeEntry;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.pce.model.Service;
import dev.pceworkbench.pce.model.ServiceBinding;
import dev.pceworkbench.pce.model.ServicePort;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.pce.model.WorkloadInterface;

import java.util.ArrayList;
import java.util.List;

/**
 * A small org built by hand for the case table: the Rules guide's HRM | US | Dev rule set, and one
 * rule set for each other semantic (nested label groups, IP lists with exclusions in both
 * families, disabled rules and rule sets, port ranges and port-less protocols, virtual services
 * with a port override, several scopes, mixed label keys, scope exclusions, an enforcement
 * boundary). Rule hrefs read as {@code .../rule_sets/<short name>/sec_rules/<n>}, so a case names
 * its expected rules {@code hrm/1}. Policy hrefs are written in the given version's form.
 */
final class HandBuiltOrg {
    static final int TCP = 6;
    static final int UDP = 17;

    final String version;
    final String web = "/orgs/1/labels/1";
    final String app = "/orgs/1/labels/2";
    final String db = "/orgs/1/labels/3";
    final String hrm = "/orgs/1/labels/4";
    final String erp = "/orgs/1/labels/5";
    final String dev = "/orgs/1/labels/6";
    final String prod = "/orgs/1/labels/7";
    final String us = "/orgs/1/labels/8";
    final String eu = "/orgs/1/labels/9";
    final String lgAmericas;
    final String lgRegions;
    final String lgData;
    final String iplAdmins;
    final String iplCorp;
    final String iplSaas;
    final String allServices;
    final String sGre;
    final String sWeb;
    final String sSnmp;
    final String vsHrm;
    final List<RuleSet> ruleSets = new ArrayList<>();
    private final List<SecRule> current = new ArrayList<>();

    HandBuiltOrg(String version) {
        this.version = version;
        lgAmericas = policy("label_groups", "americas");
        lgRegions = policy("label_groups", "regions");
        lgData = policy("label_groups", "data");
        iplAdmins = policy("ip_lists", "admins");
        iplCorp = policy("ip_lists", "corp");
        iplSaas = policy("ip_lists", "saas");
        allServices = policy("services", "all");
        sGre = policy("services", "gre");
        sWeb = policy("services", "web");
        sSnmp = policy("services", "snmp");
        vsHrm = policy("virtual_services", "hrm");
    }

    static String workload(String name) {
        return "/orgs/1/workloads/" + name;
    }

    String policy(String collection, String id) {
        return "/orgs/1/sec_policy/" + version + "/" + collection + "/" + id;
    }

    /** The rules guide's example and the other rule sets, in this order (rule order follows it). */
    HandBuiltOrg standardRuleSets() {
        rule(List.of(label(db)), List.of(label(web)), List.of(IngressService.port(5432, TCP)), false);
        rule(List.of(label(web)), List.of(label(web)), List.of(IngressService.port(443, TCP)), true);
        ruleSet("hrm", "RS-HRM-US-Dev", true, List.of(List.of(entry(hrm), entry(us), entry(dev))));

        rule(List.of(Actor.labelGroup(lgData)), List.of(Actor.allWorkloads()), List.of(IngressService.port(1521, TCP)), false);
        ruleSet("regions", "RS-Regions", true, List.of(List.of(ScopeEntry.labelGroup(lgRegions), entry(hrm))));

        rule(List.of(Actor.allWorkloads()), List.of(Actor.ipList(iplAdmins)), List.of(IngressService.port(22, TCP)), true);
        ruleSet("admin", "RS-Admin", true, List.of(List.of()));

        rule(List.of(label(web)), List.of(Actor.ipList(iplCorp)), List.of(IngressService.port(4443, TCP)), true);
        rule(List.of(Actor.ipList(iplSaas)), List.of(Actor.allWorkloads()), List.of(IngressService.port(443, TCP)), false);
        ruleSet("edge", "RS-Edge", true, List.of());

        rule(List.of(Actor.allWorkloads()), List.of(Actor.allWorkloads()), List.of(IngressService.port(9999, TCP)), false);
        last(r -> r.withEnabled(false));
        rule(List.of(Actor.allWorkloads()), List.of(Actor.allWorkloads()), List.of(IngressService.port(9998, TCP)), false);
        ruleSet("on", "RS-On", true, List.of(List.of()));

        rule(List.of(Actor.allWorkloads()), List.of(Actor.allWorkloads()), List.of(IngressService.service(allServices)), false);
        ruleSet("off", "RS-Off", false, List.of(List.of()));

        rule(List.of(label(web)), List.of(label(db)), List.of(IngressService.service(sWeb)), false);
        rule(List.of(label(db)), List.of(label(db)), List.of(IngressService.service(allServices)), false);
        rule(List.of(label(web)), List.of(label(web)), List.of(IngressService.service(sGre), IngressService.range(7000, 7010, UDP)), false);
        ruleSet("ports", "RS-Ports", true, List.of(List.of()));

        ResolveLabelsAs asVs = new ResolveLabelsAs(List.of(ResolveLabelsAs.VIRTUAL_SERVICES), List.of(ResolveLabelsAs.WORKLOADS), null);
        rule(List.of(label(web)), List.of(label(db)), List.of(), true);
        last(r -> r.withResolveLabelsAs(asVs));
        rule(List.of(label(web)), List.of(label(db)), List.of(IngressService.port(8443, TCP)), true);
        last(r -> r.withResolveLabelsAs(asVs));
        ruleSet("vs", "RS-VS", true, List.of(List.of()));

        rule(List.of(label(db)), List.of(label(web)), List.of(IngressService.port(3306, TCP)), false);
        rule(List.of(label(db)), List.of(label(web)), List.of(IngressService.port(3307, TCP)), true);
        ruleSet("two", "RS-Two-Apps", true, List.of(List.of(entry(hrm), entry(dev)), List.of(entry(erp), entry(dev))));

        rule(List.of(Actor.workload(workload("hrm-db"))), List.of(label(web), label(erp)), List.of(IngressService.port(6543, TCP)), false);
        rule(List.of(label(db)), List.of(label(hrm), label(erp)), List.of(IngressService.port(6432, TCP)), false);
        ruleSet("mixed", "RS-Mixed", true, List.of(List.of()));

        rule(List.of(Actor.allWorkloads()), List.of(Actor.allWorkloads()), List.of(IngressService.port(7777, TCP)), false);
        ruleSet("excl", "RS-Not-EU", true, List.of(List.of(entry(dev), new ScopeEntry(Href.of(eu), null, true, null))));

        rule(List.of(Actor.allWorkloads()), List.of(label(web)), List.of(IngressService.service(sSnmp)), false);
        ruleSet("snmp", "RS-SNMP", true, List.of(List.of()));

        rule(List.of(Actor.allWorkloads()), List.of(label(web)), List.of(IngressService.port(161, UDP)), false);
        ruleSet("monitoring", "RS-Monitoring", true, List.of(List.of(entry(hrm))));
        return this;
    }

    static Actor label(String href) {
        return Actor.label(href);
    }

    static ScopeEntry entry(String labelHref) {
        return ScopeEntry.label(labelHref);
    }

    SecRule rule(List<Actor> providers, List<Actor> consumers, List<IngressService> services, boolean extraScope) {
        SecRule r = SecRule.of(providers, consumers, services).withUnscopedConsumers(extraScope);
        current.add(r);
        return r;
    }

    /** Changes the rule added last. */
    void last(java.util.function.UnaryOperator<SecRule> change) {
        current.set(current.size() - 1, change.apply(current.get(current.size() - 1)));
    }

    void ruleSet(String id, String name, boolean enabled, List<List<ScopeEntry>> scopes) {
        String href = policy("rule_sets", id);
        List<SecRule> rules = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            SecRule r = current.get(i);
            rules.add(new SecRule(href + "/sec_rules/" + (i + 1), r.description(), r.enabled(), r.providers(), r.consumers(),
                    r.ingressServices(), null, r.resolveLabelsAs(), r.unscopedConsumers(), r.stateless(), null, null, null,
                    null, null, null));
        }
        current.clear();
        ruleSets.add(new RuleSet(href, name, null, enabled, scopes, rules, null, null));
    }

    PolicyData data() {
        List<Label> labels = List.of(l(web, "role", "Web"), l(app, "role", "App"), l(db, "role", "DB"), l(hrm, "app", "HRM"),
                l(erp, "app", "ERP"), l(dev, "env", "Dev"), l(prod, "env", "Prod"), l(us, "loc", "US"), l(eu, "loc", "EU"));
        List<Workload> workloads = List.of(
                wl("hrm-web", "10.1.0.1", web, hrm, dev, us), wl("hrm-db", "10.1.0.2", db, hrm, dev, us),
                wl("erp-web", "10.2.0.1", web, erp, dev, us), wl("hrm-eu-web", "10.3.0.1", web, hrm, dev, eu),
                wl("erp-eu-db", "10.4.0.1", db, erp, dev, eu), wl("hrm-db-prod", "10.5.0.1", db, hrm, prod, us));
        List<LabelGroup> groups = List.of(
                new LabelGroup(lgAmericas, "LG-Americas", null, "loc", List.of(Href.of(us)), List.of(), null),
                new LabelGroup(lgRegions, "LG-Regions", null, "loc", List.of(), List.of(Href.of(lgAmericas)), null),
                new LabelGroup(lgData, "LG-Data", null, "role", List.of(Href.of(db)), List.of(), null));
        List<IpList> ipLists = List.of(
                new IpList(iplAdmins, "IPL-Admins", null, List.of(IpRange.of("192.168.0.0/16"),
                        new IpRange("192.168.9.0/24", null, true, null, null), new IpRange("172.16.0.10", "172.16.0.20", false, null, null),
                        IpRange.of("2001:db8::/32"), new IpRange("2001:db8:1::/48", null, true, null, null)), null, null),
                new IpList(iplCorp, "IPL-Corp", null, List.of(IpRange.of("10.0.0.0/8")), null, null),
                new IpList(iplSaas, "IPL-SaaS", null, List.of(IpRange.of("198.51.100.0/24")), null, null));
        List<Service> services = List.of(
                svc(allServices, "All Services", new ServicePort(null, null, -1, null, null, null)),
                svc(sGre, "S-GRE", new ServicePort(null, null, 47, null, null, null)),
                svc(sWeb, "S-Web", ServicePort.of(80, TCP), ServicePort.range(8000, 8100, TCP)),
                svc(sSnmp, "S-SNMP", ServicePort.of(161, UDP), ServicePort.of(162, UDP)));
        VirtualService vs = new VirtualService(vsHrm, "VS-HRM", null, List.of(ServicePort.of(8443, TCP)), null, null,
                List.of(Href.of(web), Href.of(hrm)), null, "host_only", null, null);
        ServiceBinding binding = new ServiceBinding("/orgs/1/service_bindings/1",
                Href.of(vsHrm.replace("/" + version + "/", "/active/")), Href.of(workload("erp-web")), null,
                List.of(ServiceBinding.PortOverride.of(8443, TCP, 9443)), null);
        EnforcementBoundary eb = new EnforcementBoundary(policy("enforcement_boundaries", "prod"), "EB-Prod", null, null,
                List.of(label(prod)), List.of(Actor.allWorkloads()), List.of(IngressService.service(allServices)), null, null);
        return PolicyData.empty(version).withRuleSets(ruleSets).withLabels(labels).withLabelGroups(groups)
                .withWorkloads(workloads).withIpLists(ipLists).withServices(services).withVirtualServices(List.of(vs))
                .withServiceBindings(List.of(binding)).withEnforcementBoundaries(List.of(eb));
    }

    private static Label l(String href, String key, String value) {
        return new Label(href, key, value, null, null, null);
    }

    private static Workload wl(String name, String ip, String... labels) {
        return new Workload(workload(name), name, null, name, null, java.util.Arrays.stream(labels).map(Href::of).toList(),
                List.of(WorkloadInterface.of("eth0", ip)), null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static Service svc(String href, String name, ServicePort... ports) {
        return new Service(href, name, null, null, null, List.of(ports), null, null);
    }
}
