package dev.pceworkbench.demo.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.data.Catalog.OpenPort;
import dev.pceworkbench.demo.data.Catalog.Os;
import dev.pceworkbench.demo.data.GenContext.Label;
import dev.pceworkbench.demo.data.LabelGenerator.Deployment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Workloads and their VENs, spread over the app deployments: production tiers get more hosts than
 * dev and test ones. Most workloads are managed (a VEN with the workload's own UUID, an agent, an
 * enforcement mode); appliances and a few stragglers are unmanaged (no agent, no VEN). Addresses
 * come from one 10.x/16 block per location so that IP lists and traffic look plausible.
 */
final class WorkloadGenerator {
    private static final String[] MODES_PROD = {"full", "full", "full", "full", "full", "full", "selective",
            "selective", "visibility_only", "visibility_only", "visibility_only", "idle"};
    private static final String[] MODES_NONPROD = {"visibility_only", "visibility_only", "visibility_only",
            "visibility_only", "full", "full", "idle", "idle", "selective"};

    private final GenContext ctx;
    private final Map<String, Integer> hostsPerLoc = new HashMap<>();
    private final String privateNetwork;
    private final String linkLocalNetwork;
    private final ObjectNode firewallCoexistence;
    private final ObjectNode secureConnect;
    private final ObjectNode unmanagedAgent;
    private final ObjectNode healthErrors;
    private final ArrayNode venCaps;
    private final Map<String, ObjectNode> configs = new HashMap<>();
    private int managedCount;

    WorkloadGenerator(GenContext ctx) {
        this.unmanagedAgent = ctx.compact(UnmanagedAgent.node());
        this.ctx = ctx;
        this.privateNetwork = ctx.org + "/networks/" + ctx.state.uuid();
        this.linkLocalNetwork = ctx.org + "/networks/" + ctx.state.uuid();
        this.firewallCoexistence = ctx.compact(ctx.f.objectNode().put("illumio_primary", true));
        this.secureConnect = ctx.compact(ctx.f.objectNode().put("matching_issuer_name", ""));
        ObjectNode errors = ctx.f.objectNode();
        errors.set("errors", ctx.emptyArray);
        errors.set("warnings", ctx.emptyArray);
        this.healthErrors = ctx.compact(errors);
        this.venCaps = ctx.strings("write", "generate_support_report", "upgrade", "unpair");
    }

    void generate(int target) {
        List<Deployment> deps = ctx.deployments;
        List<int[]> tiers = new ArrayList<>(); // {deployment index, role index, host count}
        int weightSum = 0;
        for (int d = 0; d < deps.size(); d++) {
            for (int r = 0; r < deps.get(d).roles().size(); r++) {
                int w = weight(deps.get(d));
                tiers.add(new int[]{d, r, w});
                weightSum += w;
            }
        }
        // Hosts per tier proportional to its weight, at least one, then nudged to hit the target exactly.
        int total = 0;
        for (int[] t : tiers) {
            t[2] = Math.max(1, (int) ((long) target * t[2] / weightSum));
            total += t[2];
        }
        while (total < target) {
            ctx.pick(tiers)[2]++;
            total++;
        }
        for (int i = tiers.size() - 1; total > target && i >= 0; i--) {
            int cut = Math.min(tiers.get(i)[2] - 1, total - target);
            tiers.get(i)[2] -= cut;
            total -= cut;
        }
        for (int[] t : tiers) {
            Deployment d = deps.get(t[0]);
            Label role = d.roles().get(t[1]);
            for (int k = 1; k <= t[2] && ctx.workloads.size() < target; k++) {
                workload(d, role, k);
            }
        }
    }

    private static int weight(Deployment d) {
        return switch (d.env().value()) {
            case "Prod" -> 4;
            case "DR" -> 2;
            default -> 1;
        };
    }

    private void workload(Deployment d, Label role, int k) {
        String uuid = ctx.state.uuid();
        String href = ctx.org + "/workloads/" + uuid;
        String r = role.value();
        boolean appliance = r.equals("LB") || r.equals("Storage");
        boolean managed = appliance ? ctx.rnd.nextInt(2) == 0 : ctx.rnd.nextInt(100) >= 7;
        boolean prod = d.env().value().equals("Prod") || d.env().value().equals("DR");
        Os os = r.equals("AD") || (r.equals("DB") || r.equals("App")) && ctx.rnd.nextInt(4) == 0
                ? Catalog.WINDOWS : ctx.pick(Catalog.LINUX);
        String hostname = hostname(d, role, k, appliance && !managed);
        long created = 86_400L + ctx.rnd.nextInt(20 * 86_400);
        JsonNode createdAt = ctx.f.textNode(GenContext.tsMillis(created * 1000 + ctx.rnd.nextInt(1000)));
        JsonNode updatedAt = ctx.f.textNode(GenContext.tsMillis((created + ctx.rnd.nextInt(10 * 86_400)) * 1000 + ctx.rnd.nextInt(1000)));
        String mode = !managed ? "idle" : prod ? MODES_PROD[ctx.rnd.nextInt(MODES_PROD.length)]
                : MODES_NONPROD[ctx.rnd.nextInt(MODES_NONPROD.length)];
        String visibility = mode.equals("idle") ? "flow_off" : ctx.rnd.nextInt(5) == 0 ? "flow_drops" : "flow_summary";
        String venHref = ctx.org + "/vens/" + uuid;
        String agentHref = managed ? ctx.org + "/agents/" + ctx.state.nextId("agents") : null;
        boolean stopped = managed && ctx.rnd.nextInt(50) == 0;
        // Compacted up front: the workload and its VEN share this one array.
        ArrayNode interfaces = ctx.compact(interfaces(href, d.loc(), os));
        String version = ctx.pick(Catalog.VEN_VERSIONS);
        JsonNode heartbeat = ctx.tsNode(31L * 86_400 - ctx.rnd.nextInt(60) * 60L);
        ArrayNode labels = ctx.array(ctx.ref(role.href()), ctx.ref(d.app().href()), ctx.ref(d.env().href()),
                ctx.ref(d.loc().href()), ctx.ref(d.bu().href()));

        ObjectNode w = ctx.f.objectNode();
        w.put("href", href);
        w.put("deleted", false);
        if (managed) {
            w.set("name", NullNode.instance);
            w.set("description", NullNode.instance);
        } else {
            w.put("name", hostname);
            w.put("description", appliance ? "Network appliance, not VEN-capable" : "Awaiting VEN install");
        }
        w.put("hostname", hostname);
        w.set("service_principal_name", NullNode.instance);
        if (r.equals("Web") && prod) {
            w.put("public_ip", "203.0.113." + (1 + ctx.rnd.nextInt(254)));
        } else {
            w.set("public_ip", NullNode.instance);
        }
        w.set("distinguished_name", NullNode.instance);
        w.put("enforcement_mode", mode);
        w.put("visibility_level", visibility);
        w.set("agent_to_pce_certificate_authentication_id", NullNode.instance);
        w.set("external_data_set", NullNode.instance);
        w.set("external_data_reference", NullNode.instance);
        w.set("interfaces", interfaces);
        w.set("ignored_interface_names", ctx.emptyArray);
        w.set("firewall_coexistence", managed ? firewallCoexistence : NullNode.instance);
        cloud(w, d.loc().value());
        w.put("os_id", os.id());
        w.put("os_detail", os.detail());
        w.put("online", !stopped);
        w.set("labels", labels);
        ObjectNode services = w.putObject("services");
        services.put("uptime_seconds", 3_600 + ctx.rnd.nextInt(40 * 86_400));
        services.set("created_at", createdAt);
        services.set("open_service_ports", openPorts(r, os));
        w.put("num_enforcement_boundaries", prod ? 2 : 1);
        w.set("selectively_enforced_services", mode.equals("selective") ? ctx.array(
                ctx.ref(ctx.services.get("S-SSH")), ctx.port(3389, -1, 6)) : ctx.emptyArray);
        w.put("containers_inherit_host_policy", false);
        w.put("blocked_connection_action", "drop");
        if (managed) {
            w.set("agent", agent(agentHref, mode, visibility, createdAt, stopped, version, heartbeat));
            w.set("ven", ctx.f.objectNode().put("href", venHref));
        } else {
            w.set("agent", unmanagedAgent);
            w.set("ven", NullNode.instance);
        }
        w.set("ike_authentication_certificate", NullNode.instance);
        w.set("created_at", createdAt);
        w.set("created_by", managed ? ctx.f.objectNode().put("href", agentHref) : ctx.user1);
        w.set("updated_at", updatedAt);
        w.set("updated_by", ctx.user1);
        w.set("caps", ctx.strings("write"));
        w.set("container_cluster", NullNode.instance);
        ctx.store("workloads", w);
        ctx.workloads.add(new GenContext.Workload(href, hostname, managed, role, d.app(), d.env(), d.loc()));
        if (managed) {
            ven(venHref, href, hostname, os, labels, interfaces, createdAt, agentHref, stopped, version, heartbeat);
        }
    }

    private String hostname(Deployment d, Label role, int k, boolean appliance) {
        String loc = d.loc().value().toLowerCase(Locale.ROOT);
        String base = (appliance ? "appl-" : "") + d.app().value() + "-" + role.value() + "-" + d.env().value()
                + "-" + String.format(Locale.ROOT, "%02d", k);
        return base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-") + "." + loc + ".corp.example";
    }

    private void cloud(ObjectNode w, String loc) {
        if (loc.startsWith("AWS-") || loc.startsWith("Azure-") || loc.startsWith("GCP-")) {
            String[] p = loc.split("-", 2);
            w.put("service_provider", p[0]);
            w.put("data_center", p[1]);
            w.put("data_center_zone", p[1] + "a");
        } else {
            w.set("service_provider", NullNode.instance);
            w.set("data_center", NullNode.instance);
            w.set("data_center_zone", NullNode.instance);
        }
    }

    /**
     * One IPv4 interface in the location's 10.x block, plus an IPv6 link-local one on some Linux
     * hosts. Interfaces carry an href (as the VEN's do) so the workload and its VEN share one array.
     */
    private ArrayNode interfaces(String workloadHref, Label loc, Os os) {
        int locIndex = ctx.labels("loc").indexOf(loc);
        int n = hostsPerLoc.merge(loc.value(), 1, Integer::sum);
        int second = Catalog.locOctet(locIndex) + n / 60_000;
        int third = 1 + (n / 240) % 250;
        int fourth = 10 + n % 240;
        String name = os.platform().equals("windows") ? "Ethernet0" : "eth0";
        ArrayNode a = ctx.f.arrayNode();
        a.add(iface(workloadHref, name, 24, "single_private_brn", privateNetwork,
                "10." + second + "." + third + "." + fourth, "10." + second + "." + third + ".1"));
        if (os.platform().equals("linux") && ctx.rnd.nextInt(5) == 0) {
            String v6 = String.format(Locale.ROOT, "fe80::250:56ff:fe%02x:%04x", ctx.rnd.nextInt(256), ctx.rnd.nextInt(65536));
            a.add(iface(workloadHref, name, 64, "link_local", linkLocalNetwork, v6, null));
        }
        return a;
    }

    private ObjectNode iface(String workloadHref, String name, int cidr, String detection, String network,
                             String address, String gateway) {
        ObjectNode i = ctx.f.objectNode();
        i.put("href", workloadHref + "/interfaces/" + name);
        i.put("name", name);
        i.put("cidr_block", cidr);
        i.put("link_state", "up");
        i.put("network_detection_mode", detection);
        i.set("friendly_name", NullNode.instance);
        i.set("network", ctx.ref(network));
        i.put("loopback", false);
        i.put("address", address);
        if (gateway == null) {
            i.set("default_gateway_address", NullNode.instance);
        } else {
            i.put("default_gateway_address", gateway);
        }
        return i;
    }

    /** The ports a host of this role listens on, shared by every host of the same role and platform. */
    private ArrayNode openPorts(String role, Os os) {
        List<JsonNode> ports = new ArrayList<>();
        boolean windows = os.platform().equals("windows");
        ports.add(openPort(windows ? new OpenPort(3389, 6, "svchost.exe", "NETWORK SERVICE", "TermService")
                : new OpenPort(22, 6, "sshd", "root", null)));
        ports.add(openPort(new OpenPort(161, 17, windows ? "snmp.exe" : "snmpd", windows ? "SYSTEM" : "root",
                windows ? "SNMP" : null)));
        for (OpenPort p : Catalog.ROLE_PORTS.getOrDefault(role, List.of())) {
            if (windows && role.equals("DB")) {
                p = new OpenPort(1433, 6, "sqlservr.exe", "MSSQLSERVER", "MSSQLSERVER");
            }
            ports.add(openPort(p));
        }
        return ctx.array(ports.toArray(new JsonNode[0]));
    }

    private JsonNode openPort(OpenPort p) {
        ObjectNode n = ctx.f.objectNode();
        n.put("protocol", p.proto());
        n.put("address", "0.0.0.0");
        n.put("port", p.port());
        n.put("process_name", p.process());
        n.put("user", p.user());
        n.set("package", NullNode.instance);
        if (p.winService() == null) {
            n.set("win_service_name", NullNode.instance);
        } else {
            n.put("win_service_name", p.winService());
        }
        return n;
    }

    private ObjectNode agent(String agentHref, String mode, String visibility, JsonNode createdAt, boolean stopped,
                             String version, JsonNode heartbeat) {
        ObjectNode a = ctx.f.objectNode();
        a.set("config", agentConfig(mode, visibility));
        a.set("secure_connect", secureConnect);
        a.put("href", agentHref);
        ObjectNode s = a.putObject("status");
        s.set("uid", NullNode.instance);
        s.set("instance_id", NullNode.instance);
        s.set("managed_since", createdAt);
        s.put("fw_config_current", !stopped);
        s.put("firewall_rule_count", mode.equals("idle") ? 0 : 20 + ctx.rnd.nextInt(400));
        JsonNode policyAt = ctx.tsNode(30L * 86_400 + ctx.rnd.nextInt(48) * 1_800L);
        s.set("security_policy_refresh_at", policyAt);
        s.set("security_policy_applied_at", policyAt);
        s.set("security_policy_received_at", policyAt);
        s.put("status", stopped ? "stopped" : "active");
        s.put("agent_version", version);
        s.set("agent_health_errors", healthErrors);
        s.set("agent_health", ctx.emptyArray);
        s.set("last_heartbeat_on", heartbeat);
        s.put("uptime_seconds", 3_600 + ctx.rnd.nextInt(40 * 86_400));
        s.put("security_policy_sync_state", stopped ? "syncing" : "synced");
        a.set("active_pce_fqdn", ctx.text(GenContext.PCE_FQDN));
        a.set("target_pce_fqdn", NullNode.instance);
        a.put("type", "Host");
        a.put("unpair_allowed", true);
        return a;
    }

    private JsonNode agentConfig(String mode, String visibility) {
        // The legacy agent "mode" of the samples, derived from the enforcement mode.
        String legacy = switch (mode) {
            case "full" -> "enforced";
            case "visibility_only" -> "illuminated";
            default -> mode;
        };
        // Shared per (mode, visibility): thousands of agents carry the same config.
        return configs.computeIfAbsent(legacy + "/" + visibility, k -> {
            ObjectNode c = ctx.f.objectNode();
            c.put("log_traffic", false);
            c.put("visibility_level", visibility);
            c.put("mode", legacy);
            c.put("security_policy_update_mode", "adaptive");
            return ctx.compact(c);
        });
    }

    private void ven(String venHref, String workloadHref, String hostname, Os os, ArrayNode labels,
                     ArrayNode interfaces, JsonNode createdAt, String agentHref, boolean stopped, String version,
                     JsonNode heartbeat) {
        ObjectNode v = ctx.f.objectNode();
        v.put("href", venHref);
        v.set("name", NullNode.instance);
        v.set("description", NullNode.instance);
        v.put("hostname", hostname);
        v.set("uid", NullNode.instance);
        v.put("os_id", os.id());
        v.put("os_detail", os.detail());
        v.put("os_platform", os.platform());
        v.put("version", version);
        v.put("status", stopped ? "stopped" : "active");
        v.put("activation_type", "pairing_key");
        v.set("active_pce_fqdn", ctx.text(GenContext.PCE_FQDN));
        v.set("target_pce_fqdn", NullNode.instance);
        v.set("labels", labels);
        v.set("interfaces", interfaces);
        v.set("workloads", ctx.f.arrayNode().add(ctx.f.objectNode().put("href", workloadHref)));
        v.set("container_cluster", NullNode.instance);
        v.set("secure_connect", NullNode.instance);
        v.put("unpair_allowed", true);
        v.set("last_heartbeat_at", heartbeat);
        v.set("last_goodbye_at", stopped ? ctx.tsNode(29L * 86_400) : NullNode.instance);
        v.set("created_at", createdAt);
        ObjectNode self = ctx.compact(ctx.f.objectNode().put("href", venHref)); // created_by and updated_by
        v.set("created_by", self);
        v.set("updated_at", createdAt);
        v.set("updated_by", self);
        v.set("conditions", conditions(venHref, hostname, agentHref, version));
        v.set("caps", venCaps);
        ctx.store("vens", v);
    }

    /** Every 97th VEN has open conditions, each pointing at the event that raised it. */
    private ArrayNode conditions(String venHref, String hostname, String agentHref, String version) {
        if (managedCount++ % 97 != 5) {
            return ctx.emptyArray;
        }
        ArrayNode out = ctx.f.arrayNode();
        long missed = 28L * 86_400 + ctx.rnd.nextInt(86_400);
        String missedHref = ctx.org + "/events/" + ctx.state.uuid();
        ObjectNode agentInfo = ctx.f.objectNode().set("agent", ctx.f.objectNode()
                .putNull("name").put("hostname", hostname).put("href", agentHref));
        out.add(condition("agent.missed_heartbeats", missedHref, agentInfo, missed));
        ctx.agentEvents.add(new OrgObjectsGenerator.AgentEvent(missedHref, "agent.missed_heartbeats", venHref,
                hostname, agentHref, missed));
        long upgrade = missed + 3_600;
        String upgradeHref = ctx.org + "/events/" + ctx.state.uuid();
        String desired = Catalog.VEN_VERSIONS.get(Catalog.VEN_VERSIONS.size() - 1);
        ObjectNode upgradeInfo = ctx.f.objectNode().put("current_version", version)
                .put("desired_version", desired).put("href", venHref);
        out.add(condition("agent.upgrade_time_out", upgradeHref, upgradeInfo, upgrade));
        ctx.agentEvents.add(new OrgObjectsGenerator.AgentEvent(upgradeHref, "agent.upgrade_time_out", venHref,
                hostname, agentHref, upgrade));
        return out;
    }

    private ObjectNode condition(String type, String eventHref, ObjectNode info, long at) {
        ObjectNode c = ctx.f.objectNode();
        c.set("first_reported_timestamp", ctx.tsNode(at));
        ObjectNode e = c.putObject("latest_event");
        e.put("notification_type", type);
        e.put("severity", "warning");
        e.put("href", eventHref);
        e.set("info", info);
        e.set("timestamp", ctx.tsNode(at));
        return c;
    }
}
