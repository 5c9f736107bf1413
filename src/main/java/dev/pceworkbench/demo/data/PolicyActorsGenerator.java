package dev.pceworkbench.demo.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.data.GenContext.Label;
import dev.pceworkbench.demo.data.GenContext.Workload;
import dev.pceworkbench.demo.data.LabelGenerator.Deployment;
import dev.pceworkbench.demo.store.PolicyType;

import java.util.ArrayList;
import java.util.List;

/**
 * The policy objects that rules and boundaries point at besides labels: label groups (some nested
 * through sub-groups), virtual services with their service bindings to workloads, and enforcement
 * boundaries. Label references are stored as bare {@code {"href"}}; the server adds key and value
 * when it renders them.
 */
final class PolicyActorsGenerator {
    private final GenContext ctx;

    PolicyActorsGenerator(GenContext ctx) {
        this.ctx = ctx;
    }

    // ---- label groups ---------------------------------------------------------------------

    void labelGroups() {
        long t = 6_000;
        labelGroup("LG-E-NonProd", "Every non-production environment", "env", t++, List.of("Dev", "Test", "QA", "Staging"), List.of());
        labelGroup("LG-E-ProdLike", null, "env", t++, List.of("Prod", "DR"), List.of());
        labelGroup("LG-L-Americas", null, "loc", t++, List.of("US", "US-East", "US-West", "LATAM"), List.of());
        labelGroup("LG-L-EMEA", null, "loc", t++, List.of("EU", "EU-Frankfurt", "EU-London"), List.of());
        labelGroup("LG-L-APAC", null, "loc", t++, List.of("APAC", "APAC-Singapore", "APAC-Sydney"), List.of());
        labelGroup("LG-L-Global", "All regions, through the regional groups", "loc", t++, List.of(),
                List.of("LG-L-Americas", "LG-L-EMEA", "LG-L-APAC"));
        labelGroup("LG-L-Cloud", null, "loc", t++, List.of("AWS-us-east-1", "Azure-westeurope"), List.of());
        labelGroup("LG-R-Admin-Tools", "Hosts that administer other hosts", "role", t++, List.of("Jump", "Monitoring", "Backup"), List.of());
        labelGroup("LG-R-Data-Tier", null, "role", t++, List.of("DB", "Cache", "Search", "Storage"), List.of());
        labelGroup("LG-A-Finance", null, "app", t++, List.of("ERP", "Payments", "Billing", "Treasury", "Payroll"), List.of());
        labelGroup("LG-A-HR", null, "app", t++, List.of("HRM", "Payroll"), List.of());
        labelGroup("LG-A-Back-Office", "Finance and HR apps plus procurement", "app", t++, List.of("Procurement"),
                List.of("LG-A-Finance", "LG-A-HR"));
        labelGroup("LG-B-Regulated", "Business units under audit", "bu", t++, List.of("Finance", "Risk"), List.of());
        if (ctx.large()) {
            List<Label> apps = ctx.labels("app");
            for (int i = 1; ctx.labelGroups.size() < 60; i++) {
                List<String> members = new ArrayList<>();
                for (int k = 0; k < 5; k++) {
                    String v = ctx.pick(apps).value();
                    if (!members.contains(v)) {
                        members.add(v);
                    }
                }
                labelGroup("LG-A-Portfolio-" + i, null, "app", t++, members, List.of());
            }
        }
    }

    /** Writes a label group of {@code key} with label values and sub-groups (by name, created earlier). */
    void labelGroup(String name, String description, String key, long at, List<String> values, List<String> subGroups) {
        String href = ctx.draftHref(PolicyType.LABEL_GROUPS, ctx.state.uuid());
        ObjectNode n = ctx.policyObject(href, at, at);
        n.put("name", name);
        n.put("description", description == null ? "" : description);
        n.put("key", key);
        ArrayNode labels = n.putArray("labels");
        for (String v : values) {
            labels.add(ctx.ref(ctx.label(key, v).href()));
        }
        ArrayNode subs = n.putArray("sub_groups");
        for (String s : subGroups) {
            subs.add(ctx.f.objectNode().put("href", ctx.labelGroups.get(s)).put("name", s));
        }
        n.set("external_data_set", NullNode.instance);
        n.set("external_data_reference", NullNode.instance);
        ctx.putDraft(PolicyType.LABEL_GROUPS, n);
        ctx.labelGroups.put(name, href);
    }

    // ---- virtual services -----------------------------------------------------------------

    void virtualServices() {
        long t = 7_000;
        virtualService("VS-Payments-Gateway", "Card payments front door", "Payments", "API", t++,
                List.of(ctx.port(443, -1, 6)),
                List.of(address(null, -1, "payments.corp.example", "Public name behind the WAF")),
                List.of(), "host_only");
        virtualService("VS-CRM-API", null, "CRM", "App", t++, List.of(ctx.port(8443, -1, 6)),
                List.of(address("10.10.50.10", 8443, null, null)), List.of(), "internal_bridge_network");
        virtualService("VS-ERP-Web", null, "ERP", "Web", t++, List.of(ctx.port(8000, 8100, 6)),
                List.of(address("10.10.50.20", 8000, null, null)), List.of("10.10.50.21"), "host_only");
        virtualService("VS-HRM-Portal", "Employee self-service", "HRM", "Web", t++,
                List.of(ctx.port(443, -1, 6), ctx.port(80, -1, 6)),
                List.of(address(null, -1, "hr.corp.example", null)), List.of(), "host_only");
        virtualService("VS-Mail-Relay", "Outbound SMTP relay", "Infrastructure", "Mail", t++,
                List.of(ctx.port(25, -1, 6), ctx.port(587, -1, 6)),
                List.of(address(null, -1, "smtp.corp.example", "Relay VIP")), List.of(), "host_only");
        if (ctx.large()) {
            for (int i = 0; ctx.virtualServices.size() < 50; i++) {
                Deployment d = ctx.deployments.get((i * 7) % ctx.deployments.size());
                virtualService("VS-" + d.app().value() + "-" + d.env().value() + "-" + i, null, d, d.roles().get(0),
                        t++, List.of(ctx.port(9000 + i, -1, 6)), List.of(address("10.99." + i / 200 + "." + (1 + i % 200), 9000 + i, null, null)),
                        List.of(), "host_only");
            }
        }
    }

    private void virtualService(String name, String description, String app, String role, long at,
                                List<JsonNode> ports, List<JsonNode> addresses, List<String> ipOverrides, String applyTo) {
        Deployment d = prodDeployment(app);
        Label r = ctx.label("role", role);
        // Every app has an App tier; fall back to it when this deployment lacks the wanted tier.
        virtualService(name, description, d, d.roles().contains(r) ? r : ctx.label("role", "App"), at, ports,
                addresses, ipOverrides, applyTo);
    }

    private void virtualService(String name, String description, Deployment d, Label role, long at,
                                List<JsonNode> ports, List<JsonNode> addresses, List<String> ipOverrides, String applyTo) {
        String href = ctx.draftHref(PolicyType.VIRTUAL_SERVICES, ctx.state.uuid());
        ObjectNode n = ctx.policyObject(href, at, at);
        n.put("name", name);
        if (description == null) {
            n.set("description", NullNode.instance);
        } else {
            n.put("description", description);
        }
        n.set("pce_fqdn", NullNode.instance);
        ArrayNode sp = n.putArray("service_ports");
        ports.forEach(sp::add);
        ArrayNode sa = n.putArray("service_addresses");
        addresses.forEach(sa::add);
        n.set("labels", ctx.array(ctx.ref(role.href()), ctx.ref(d.app().href()), ctx.ref(d.env().href()),
                ctx.ref(d.loc().href())));
        ArrayNode ov = n.putArray("ip_overrides");
        ipOverrides.forEach(ov::add);
        n.put("apply_to", applyTo);
        n.set("external_data_set", NullNode.instance);
        n.set("external_data_reference", NullNode.instance);
        n.set("caps", ctx.strings("write", "provision", "delete"));
        ctx.putDraft(PolicyType.VIRTUAL_SERVICES, n);
        ctx.virtualServices.put(name, href);
        bindings(href, d, role, at);
    }

    private Deployment prodDeployment(String app) {
        for (Deployment d : ctx.deployments) {
            if (d.app().value().equals(app) && d.env().value().equals("Prod")) {
                return d;
            }
        }
        throw new IllegalStateException("no Prod deployment of " + app);
    }

    private JsonNode address(String ip, int port, String fqdn, String description) {
        ObjectNode n = ctx.f.objectNode();
        if (description != null) {
            n.put("description", description);
        }
        if (ip != null) {
            n.put("ip", ip);
        }
        if (fqdn != null) {
            n.put("fqdn", fqdn);
        }
        if (port >= 0) {
            n.put("port", port);
        }
        return n;
    }

    /**
     * Binds the virtual service to up to two managed workloads of its app, environment and role.
     * A binding names the virtual service by its active href, as the PCE requires a provisioned
     * virtual service to bind.
     */
    private void bindings(String vsDraftHref, Deployment d, Label role, long at) {
        String active = dev.pceworkbench.demo.store.PolicyHrefs.inVersion(vsDraftHref, "active");
        List<Workload> targets = new ArrayList<>();
        // Prefer managed hosts of the VS's own tier; if that tier has none, any managed host of the app.
        for (boolean sameRole : new boolean[]{true, false}) {
            for (Workload w : ctx.workloads) {
                if (targets.size() < 2 && w.managed() && w.app().equals(d.app()) && w.env().equals(d.env())
                        && (!sameRole || w.role().equals(role)) && !targets.contains(w)) {
                    targets.add(w);
                }
            }
        }
        for (int bound = 0; bound < targets.size(); bound++) {
            ObjectNode b = ctx.f.objectNode();
            b.put("href", ctx.org + "/service_bindings/" + ctx.state.uuid());
            b.set("virtual_service", ctx.f.objectNode().put("href", active));
            b.set("workload", ctx.f.objectNode().put("href", targets.get(bound).href()));
            ArrayNode overrides = b.putArray("port_overrides");
            if (bound == 1) {
                // The second instance listens elsewhere: the PCE maps the VS port onto it.
                JsonNode first = ctx.state.policy().draft().of(PolicyType.VIRTUAL_SERVICES).get(vsDraftHref)
                        .get("service_ports").get(0);
                overrides.add(ctx.f.objectNode().put("port", first.get("port").asInt())
                        .put("proto", first.get("proto").asInt()).put("new_port", first.get("port").asInt() + 10000));
            }
            b.set("container_workload", NullNode.instance);
            b.set("external_data_set", NullNode.instance);
            b.set("external_data_reference", NullNode.instance);
            b.set("created_at", ctx.tsNode(at + 600));
            b.set("created_by", ctx.user1);
            b.set("updated_at", ctx.tsNode(at + 600));
            b.set("updated_by", ctx.user1);
            ctx.store("service_bindings", b);
        }
    }

    // ---- enforcement boundaries -----------------------------------------------------------

    void enforcementBoundaries(long at) {
        boundary("EB-Deny-Telnet-FTP", at, ctx.array(ctx.ams()), ctx.array(ctx.ams()),
                ctx.array(ctx.port(23, -1, 6), ctx.port(21, -1, 6)));
        boundary("EB-Prod-From-NonProd", at + 60, ctx.array(ctx.actor("label", ctx.label("env", "Prod").href())),
                ctx.array(ctx.actor("label_group", ctx.labelGroups.get("LG-E-NonProd"))),
                ctx.array(ctx.ref(ctx.services.get("All Services"))));
        if (ctx.large()) {
            for (int i = 0; i < 8; i++) {
                Label app = ctx.labels("app").get(i * 11);
                boundary("EB-" + app.value() + "-No-Internet-RDP", at + 120 + i,
                        ctx.array(ctx.actor("label", app.href())),
                        ctx.array(ctx.actor("ip_list", ctx.ipLists.get("IPL-Internet"))),
                        ctx.array(ctx.ref(ctx.services.get("S-RDP"))));
            }
        }
    }

    private void boundary(String name, long at, ArrayNode providers, ArrayNode consumers, ArrayNode services) {
        String href = ctx.draftHref(PolicyType.ENFORCEMENT_BOUNDARIES,
                ctx.state.nextId(PolicyType.ENFORCEMENT_BOUNDARIES.collection()));
        ObjectNode n = ctx.policyObject(href, at, at);
        n.put("name", name);
        n.set("providers", providers);
        n.set("consumers", consumers);
        n.set("ingress_services", services);
        n.set("caps", ctx.strings("write", "provision"));
        ctx.putDraft(PolicyType.ENFORCEMENT_BOUNDARIES, n);
    }

    // ---- pending --------------------------------------------------------------------------

    /** Version 3: a label group of the sites closed last year; the draft deletes it. */
    void retiredLabelGroup(long at) {
        List<Label> locs = ctx.labels("loc");
        labelGroup("LG-L-Retired-Sites", "Locations closed last year", "loc", at,
                List.of(locs.get(locs.size() - 1).value()), List.of());
    }

    /** A pending deletion: the retired-sites group, which nothing refers to. */
    void pendingLabelGroupDelete() {
        ctx.state.policy().draft().of(PolicyType.LABEL_GROUPS).remove(ctx.labelGroups.remove("LG-L-Retired-Sites"));
    }

    /** A pending edit that changes no member: the regulated business units get a description. */
    void pendingLabelGroupEdit(long at) {
        String href = ctx.labelGroups.get("LG-B-Regulated");
        ObjectNode n = ctx.state.policy().draft().of(PolicyType.LABEL_GROUPS).get(href).deepCopy();
        n.put("description", "Business units under audit (SOX and PCI)");
        n.set("updated_at", ctx.tsNode(at));
        ctx.putDraft(PolicyType.LABEL_GROUPS, n);
    }
}
