package dev.pceworkbench.demo.data;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.data.GenContext.Label;
import dev.pceworkbench.demo.data.LabelGenerator.Deployment;

import java.util.List;

/**
 * The org-level objects around the policy: Kubernetes container clusters with their container
 * workload profiles, and pairing profiles. Events live in {@link EventGenerator}.
 */
final class OrgObjectsGenerator {
    /** A VEN condition raised by an event that the event generator must create (same href). */
    record AgentEvent(String eventHref, String type, String venHref, String hostname, String agentHref, long at) {
    }

    private final GenContext ctx;

    OrgObjectsGenerator(GenContext ctx) {
        this.ctx = ctx;
    }

    void containerClusters() {
        int clusters = ctx.large() ? 3 : 1;
        for (int c = 0; c < clusters; c++) {
            String[] names = {"CC-EKS-Prod", "CC-AKS-Dev", "CC-OpenShift-DC"};
            String uuid = ctx.state.uuid();
            String href = ctx.org + "/container_clusters/" + uuid;
            long at = 3 * 86_400L + c * 3_600L;
            ObjectNode n = ctx.f.objectNode();
            n.put("href", href);
            n.set("pce_fqdn", NullNode.instance);
            n.put("name", names[c]);
            n.put("description", c == 0 ? "Production Kubernetes cluster in AWS" : "Kubernetes cluster " + names[c]);
            n.put("manager_type", "Kubernetes v1.28.3");
            n.set("last_connected", ctx.tsNode(31L * 86_400 - 120));
            n.put("kubelink_version", "3.3.1-6f2c1b0");
            n.put("online", true);
            ArrayNode nodes = n.putArray("nodes");
            for (int i = 0; i < 3; i++) {
                nodes.add(ctx.f.objectNode().put("name", "ip-10-" + (40 + c) + "-1-" + (11 + i) + ".ec2.internal")
                        .put("pod_subnet", "192.168." + (c * 16 + i) + ".0/24"));
            }
            n.put("container_runtime", "containerd");
            n.set("errors", ctx.emptyArray);
            n.set("caps", ctx.strings("write"));
            n.set("created_at", ctx.tsNode(at));
            n.set("created_by", ctx.user1);
            n.set("updated_at", ctx.tsNode(at));
            n.set("updated_by", ctx.user1);
            ctx.store("container_clusters", n);
            profiles(href, at);
        }
    }

    private void profiles(String clusterHref, long at) {
        ObjectNode byCluster = ctx.f.objectNode().put("href", clusterHref);
        profile(clusterHref, "Default Profile", null, "", "idle", false, List.of(), false, ctx.user1, at);
        profile(clusterHref, null, "kube-system", null, "visibility_only", true,
                List.of(ctx.label("role", "Worker")), true, byCluster, at + 5);
        Deployment payments = deployment("Payments", "Prod");
        profile(clusterHref, null, "payments", "PCI workloads", "full", true,
                List.of(ctx.label("role", "API"), payments.app(), payments.env(), payments.loc()), true, byCluster, at + 10);
    }

    private void profile(String clusterHref, String name, String namespace, String description, String mode,
                         boolean managed, List<Label> labels, boolean linked, ObjectNode createdBy, long at) {
        ObjectNode n = ctx.f.objectNode();
        n.put("href", clusterHref + "/container_workload_profiles/" + ctx.state.uuid());
        if (name == null) {
            n.set("name", NullNode.instance);
        } else {
            n.put("name", name);
        }
        if (namespace == null) {
            n.set("namespace", NullNode.instance);
        } else {
            n.put("namespace", namespace);
        }
        if (description == null) {
            n.set("description", NullNode.instance);
        } else {
            n.put("description", description);
        }
        n.put("enforcement_mode", mode);
        n.put("visibility_level", "flow_summary");
        n.put("managed", managed);
        // assign_labels: labels every container of the namespace gets; labels: the same, per key,
        // as assignments (the PCE's newer form). Both hold bare label refs the server expands.
        ArrayNode assign = n.putArray("assign_labels");
        ArrayNode byKey = n.putArray("labels");
        for (Label l : labels) {
            assign.add(ctx.ref(l.href()));
            ObjectNode a = ctx.f.objectNode().put("key", l.key());
            a.set("assignment", ctx.ref(l.href()));
            byKey.add(a);
        }
        n.put("linked", linked);
        n.set("created_at", ctx.tsNode(at));
        n.set("created_by", createdBy);
        n.set("updated_at", ctx.tsNode(at + 3_600));
        n.set("updated_by", ctx.user1);
        ctx.store("container_workload_profiles", n);
    }

    void pairingProfiles() {
        pairingProfile("Default (Servers)", "Pairs new servers in idle mode", true, "idle", "idle",
                "unlimited", "unlimited", List.of(), 4 * 86_400L);
        Deployment payments = deployment("Payments", "Prod");
        pairingProfile("PP-Payments-Prod", "Payments production hosts, visibility only until cut-over", false,
                "illuminated", "visibility_only", "60", "1",
                List.of(payments.app(), payments.env(), payments.loc()), 4 * 86_400L + 600);
        if (ctx.large()) {
            for (int i = 0; i < 8; i++) {
                Deployment d = ctx.deployments.get(i * 13 % ctx.deployments.size());
                pairingProfile("PP-" + d.app().value() + "-" + d.env().value() + "-" + i, null, false, "idle", "idle",
                        "unlimited", "5", List.of(d.app(), d.env(), d.loc()), 4 * 86_400L + 1_200 + i);
            }
        }
    }

    private void pairingProfile(String name, String description, boolean isDefault, String legacyMode, String mode,
                                String lifespan, String uses, List<Label> labels, long at) {
        long id = ctx.state.nextId("pairing_profiles");
        ObjectNode n = ctx.f.objectNode();
        n.put("href", ctx.org + "/pairing_profiles/" + id);
        n.put("name", name);
        n.put("description", description == null ? "" : description);
        n.put("total_use_count", 3 + ctx.rnd.nextInt(40));
        n.put("enabled", true);
        n.put("is_default", isDefault);
        n.set("created_at", ctx.tsNode(at));
        n.set("updated_at", ctx.tsNode(at));
        n.set("created_by", ctx.user1);
        n.set("updated_by", ctx.user1);
        n.put("mode", legacyMode);
        n.put("enforcement_mode", mode);
        n.put("key_lifespan", lifespan);
        n.put("allowed_uses_per_key", uses);
        n.set("last_pairing_at", ctx.tsNode(at + 86_400L * (1 + ctx.rnd.nextInt(20))));
        ArrayNode refs = n.putArray("labels");
        for (Label l : labels) {
            refs.add(ctx.ref(l.href()));
        }
        boolean locked = !labels.isEmpty();
        for (String lock : List.of("env_label_lock", "loc_label_lock", "role_label_lock", "app_label_lock")) {
            n.put(lock, locked);
        }
        n.put("mode_lock", locked);
        n.put("enforcement_mode_lock", locked);
        n.put("log_traffic", false);
        n.put("log_traffic_lock", true);
        n.put("visibility_level", "flow_summary");
        n.put("visibility_level_lock", locked);
        n.put("agent_software_release", "Default (" + Catalog.VEN_VERSIONS.get(Catalog.VEN_VERSIONS.size() - 1) + ")");
        n.set("external_data_set", NullNode.instance);
        n.set("external_data_reference", NullNode.instance);
        n.set("caps", ctx.strings("write", "generate_pairing_key"));
        ctx.store("pairing_profiles", n);
    }

    private Deployment deployment(String app, String env) {
        for (Deployment d : ctx.deployments) {
            if (d.app().value().equals(app) && d.env().value().equals(env)) {
                return d;
            }
        }
        throw new IllegalStateException("no deployment " + app + " " + env);
    }

    /** A few AD groups as security principals, for rules' {@code consuming_security_principals}. */
    void securityPrincipals() {
        String[][] groups = {
                {"CORP\\Domain Admins", "S-1-5-21-1004336348-1177238915-682003330-512", "Domain administrators"},
                {"CORP\\Helpdesk", "S-1-5-21-1004336348-1177238915-682003330-1105", "First-line support staff"},
                {"CORP\\Finance-Users", "S-1-5-21-1004336348-1177238915-682003330-1210", ""},
                {"CORP\\Developers", "S-1-5-21-1004336348-1177238915-682003330-1322", "Application developers"},
        };
        for (int i = 0; i < groups.length; i++) {
            long at = 2 * 86_400L + i * 600L;
            ObjectNode n = ctx.f.objectNode();
            n.put("href", ctx.org + "/security_principals/" + ctx.state.uuid());
            n.put("name", groups[i][0]);
            n.put("sid", groups[i][1]);
            n.put("description", groups[i][2]);
            n.put("deleted", false);
            n.set("display_name", NullNode.instance);
            n.set("created_at", ctx.tsNode(at));
            n.set("created_by", ctx.user1);
            n.set("updated_at", ctx.tsNode(at));
            n.set("updated_by", ctx.user1);
            ctx.store("security_principals", n);
        }
    }
}
