package dev.pceworkbench.demo.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.store.PolicyType;

import java.util.List;

/**
 * IP lists and services (the built-ins every PCE has, then the org's own). Each object is written
 * to the draft as a fresh node; a later change (an update in version 2, a pending edit) builds a
 * new node under the same href, because stored nodes are shared with the policy versions.
 */
final class PolicyObjectsGenerator {
    /** A service port: port (-1 none), to_port (-1 none), proto, icmp type and code (-2 = absent, -1 = null). */
    private record Sp(int port, int toPort, int proto, int icmpType, int icmpCode) {
        static Sp tcp(int port) {
            return new Sp(port, -1, 6, -2, -2);
        }

        static Sp udp(int port) {
            return new Sp(port, -1, 17, -2, -2);
        }

        static Sp range(int port, int toPort, int proto) {
            return new Sp(port, toPort, proto, -2, -2);
        }

        static Sp proto(int proto) {
            return new Sp(-1, -1, proto, -2, -2);
        }

        static Sp icmp(int proto, int type, int code) {
            return new Sp(-1, -1, proto, type, code);
        }
    }

    private final GenContext ctx;

    PolicyObjectsGenerator(GenContext ctx) {
        this.ctx = ctx;
    }

    // ---- IP lists -------------------------------------------------------------------------

    void ipLists() {
        builtIn(PolicyType.IP_LISTS, ipList("Any (0.0.0.0/0 and ::/0)", null, 10, List.of(r("0.0.0.0/0"), r("::/0")), List.of()));
        ipList("IPL-Corporate-Networks", "All RFC 1918 space used by the company, minus guest Wi-Fi", 3_600,
                List.of(r("10.0.0.0/8"), r("172.16.0.0/12"), r("192.168.0.0/16"),
                        range("10.250.0.0/16", null, true, "Guest Wi-Fi")), List.of());
        ipList("IPL-Internet", "Everything that is not corporate", 3_700, List.of(r("0.0.0.0/0"),
                range("10.0.0.0/8", null, true, null), range("172.16.0.0/12", null, true, null),
                range("192.168.0.0/16", null, true, null)), List.of());
        ipList("IPL-VPN-Users", "Remote-access VPN pool", 3_800, List.of(r("10.200.0.0/16")), List.of());
        ipList("IPL-Office-London", null, 3_900, List.of(r("172.20.10.0/24")), List.of());
        ipList("IPL-Office-NYC", null, 4_000, List.of(r("172.20.20.0/24")), List.of());
        ipList("IPL-Partner-Acme", "Acme Corp B2B gateway", 4_100,
                List.of(range("198.51.100.10", "198.51.100.50", false, "Acme NAT pool")), List.of());
        ipList("IPL-Payment-Processor", "Card acquirer endpoints", 4_200, List.of(r("198.51.100.128/25")),
                List.of(fqdn("api.payments-acquirer.example", "Authorisation API"), fqdn("*.settlement.example", null)));
        ipList("IPL-SaaS", "Sanctioned SaaS providers", 4_300, List.of(),
                List.of(fqdn("*.salesforce.com", "CRM"), fqdn("*.office365.com", null), fqdn("*.okta.com", "SSO")));
        ipList("IPL-IPv6-Corporate", "Corporate IPv6 space", 4_400, List.of(r("fd00::/8"),
                range("2001:db8::1", "2001:db8::ff", false, "Edge routers")), List.of());
        ipList("IPL-Vulnerability-Scanners", null, 4_500, List.of(r("10.5.1.10"), r("10.5.1.11")), List.of());
        for (int i = 0; i < 3; i++) {
            String region = Catalog.LOCS.get(i);
            ipList("IPL-DC-" + region, "Data centre block " + region, 4_600 + i * 10L,
                    List.of(r("10." + Catalog.locOctet(i) + ".0.0/16")), List.of());
        }
        ipList("IPL-Jump-Hosts-External", null, 4_700,
                List.of(range("203.0.113.200", "203.0.113.210", false, null)), List.of());
        ipList("IPL-Vendor-Legacy", "Former support vendor; no longer used", 4_800, List.of(r("192.0.2.0/24")), List.of());
        ipList("IPL-Kubernetes-Pods", null, 4_900, List.of(r("192.168.0.0/16")), List.of());
        if (ctx.large()) {
            for (int i = 1; ctx.ipLists.size() < 150; i++) {
                ipList("IPL-Site-" + i, "Branch site " + i, 5_000 + i, List.of(r("10." + (200 + i / 250) + "." + (i % 250) + ".0/24"),
                        range("172.21." + (i % 250) + ".1", "172.21." + (i % 250) + ".99", false, null)), List.of());
            }
        }
    }

    /** Writes an IP list to the draft; the first one must be the built-in Any list, id 1. */
    ObjectNode ipList(String name, String description, long at, List<JsonNode> ranges, List<JsonNode> fqdns) {
        long id = ctx.state.nextId(PolicyType.IP_LISTS.collection());
        String href = ctx.draftHref(PolicyType.IP_LISTS, id);
        ObjectNode n = ctx.policyObject(href, at, at);
        n.put("name", name);
        if (description == null) {
            n.set("description", NullNode.instance);
        } else {
            n.put("description", description);
        }
        ArrayNode rs = n.putArray("ip_ranges");
        ranges.forEach(rs::add);
        ArrayNode fs = n.putArray("fqdns");
        fqdns.forEach(fs::add);
        n.set("external_data_set", NullNode.instance);
        n.set("external_data_reference", NullNode.instance);
        ctx.putDraft(PolicyType.IP_LISTS, n);
        ctx.ipLists.put(name, href);
        return n;
    }

    /**
     * The PCE's own objects ("Any (0.0.0.0/0 and ::/0)", "All Services") are created by the system
     * user {@code /users/0}, as on a real PCE; clients find them that way.
     */
    private void builtIn(PolicyType type, ObjectNode node) {
        ObjectNode system = ctx.f.objectNode().put("href", "/users/0");
        node.set("created_by", system);
        node.set("updated_by", system);
        ctx.putDraft(type, node); // stored again, replacing the copy stored with the generator's user
    }

    private JsonNode r(String from) {
        return range(from, null, false, null);
    }

    private JsonNode range(String from, String to, boolean exclusion, String description) {
        ObjectNode n = ctx.f.objectNode();
        if (description != null) {
            n.put("description", description);
        }
        n.put("from_ip", from);
        if (to != null) {
            n.put("to_ip", to);
        }
        n.put("exclusion", exclusion);
        return n;
    }

    private JsonNode fqdn(String fqdn, String description) {
        ObjectNode n = ctx.f.objectNode().put("fqdn", fqdn);
        if (description != null) {
            n.put("description", description);
        }
        return n;
    }

    // ---- services -------------------------------------------------------------------------

    void services() {
        builtIn(PolicyType.SERVICES, service("All Services", null, 20, List.of(Sp.proto(-1))));
        service("ICMP", null, 30, List.of(Sp.icmp(1, -1, -1), Sp.icmp(58, -1, -1)));
        service("S-ICMP-Echo", "Ping", 5_000, List.of(Sp.icmp(1, 8, 0), Sp.icmp(58, 128, 0)));
        service("S-HTTP", "Web, clear and TLS", 5_010, List.of(Sp.tcp(80), Sp.tcp(443)));
        service("S-HTTPS", null, 5_020, List.of(Sp.tcp(443)));
        service("S-SSH", null, 5_030, List.of(Sp.tcp(22)));
        service("S-RDP", null, 5_040, List.of(Sp.tcp(3389), Sp.udp(3389)));
        service("S-DNS", null, 5_050, List.of(Sp.udp(53), Sp.tcp(53)));
        service("S-NTP", null, 5_060, List.of(Sp.udp(123)));
        service("S-SNMP", "Polling and traps", 5_070, List.of(Sp.udp(161), Sp.udp(162)));
        service("S-SMTP", null, 5_080, List.of(Sp.tcp(25), Sp.tcp(587)));
        service("S-LDAP", null, 5_090, List.of(Sp.tcp(389), Sp.tcp(636)));
        service("S-AD", "Active Directory domain services", 5_100, List.of(Sp.tcp(88), Sp.udp(88), Sp.tcp(135),
                Sp.tcp(445), Sp.tcp(464), Sp.range(49152, 65535, 6)));
        service("S-MSSQL", null, 5_110, List.of(Sp.tcp(1433)));
        service("S-MySQL", null, 5_120, List.of(Sp.tcp(3306)));
        service("S-PostgreSQL", null, 5_130, List.of(Sp.tcp(5432)));
        service("S-Oracle", null, 5_140, List.of(Sp.tcp(1521)));
        service("S-Redis", null, 5_150, List.of(Sp.tcp(6379)));
        service("S-Kafka", null, 5_160, List.of(Sp.range(9092, 9094, 6)));
        service("S-RabbitMQ", null, 5_170, List.of(Sp.tcp(5672), Sp.tcp(15672)));
        service("S-Elasticsearch", null, 5_180, List.of(Sp.range(9200, 9300, 6)));
        service("S-Syslog", null, 5_190, List.of(Sp.udp(514), Sp.tcp(6514)));
        service("S-NFS", null, 5_200, List.of(Sp.tcp(2049), Sp.udp(2049), Sp.tcp(111), Sp.udp(111)));
        service("S-Web-Alt", "Application servers", 5_210, List.of(Sp.tcp(8080), Sp.tcp(8443)));
        service("S-GRE", "GRE tunnels", 5_220, List.of(Sp.proto(47)));
        service("S-Prometheus", null, 5_230, List.of(Sp.tcp(9090), Sp.tcp(9100)));
        service("S-WinRM", null, 5_240, List.of(Sp.range(5985, 5986, 6)));
        service("S-Well-Known", "All well-known ports", 5_250, List.of(Sp.range(1, 1023, 6), Sp.range(1, 1023, 17)));
        service("S-Backup", null, 5_260, List.of(Sp.range(10000, 10100, 6)));
        if (ctx.large()) {
            for (int i = 0; ctx.services.size() < 250; i++) {
                int port = 20000 + i * 7;
                service("S-App-" + port, null, 5_300 + i, i % 5 == 0 ? List.of(Sp.range(port, port + 5, 6))
                        : List.of(Sp.tcp(port)));
            }
        }
    }

    private ObjectNode service(String name, String description, long at, List<Sp> ports) {
        long id = ctx.state.nextId(PolicyType.SERVICES.collection());
        ObjectNode n = serviceNode(ctx.draftHref(PolicyType.SERVICES, id), name, description, at, at, ports);
        ctx.putDraft(PolicyType.SERVICES, n);
        ctx.services.put(name, n.get("href").asText());
        return n;
    }

    private ObjectNode serviceNode(String href, String name, String description, long created, long updated, List<Sp> ports) {
        ObjectNode n = ctx.policyObject(href, created, updated);
        n.put("name", name);
        if (description == null) {
            n.set("description", NullNode.instance);
        } else {
            n.put("description", description);
        }
        n.set("description_url", NullNode.instance);
        n.set("process_name", NullNode.instance);
        ArrayNode sp = n.putArray("service_ports");
        for (Sp p : ports) {
            ObjectNode o = ctx.f.objectNode();
            if (p.icmpType() != -2) {
                putIntOrNull(o, "icmp_type", p.icmpType());
                putIntOrNull(o, "icmp_code", p.icmpCode());
            }
            if (p.port() >= 0) {
                o.put("port", p.port());
            }
            if (p.toPort() >= 0) {
                o.put("to_port", p.toPort());
            }
            o.put("proto", p.proto());
            sp.add(o);
        }
        n.set("windows_services", ctx.emptyArray);
        n.set("external_data_set", NullNode.instance);
        n.set("external_data_reference", NullNode.instance);
        return n;
    }

    private static void putIntOrNull(ObjectNode o, String field, int v) {
        if (v < 0) {
            o.set(field, NullNode.instance);
        } else {
            o.put(field, v);
        }
    }

    /** Version 2: Kafka gains a fourth broker port (an update of a provisioned service). */
    void widenKafka() {
        replaceService("S-Kafka", null, 9 * 86_400L, List.of(Sp.range(9092, 9095, 6)));
    }

    /** A pending edit: the application-server service gains 9443. */
    void pendingServiceEdit() {
        replaceService("S-Web-Alt", "Application servers (incl. admin console)", 32 * 86_400L,
                List.of(Sp.tcp(8080), Sp.tcp(8443), Sp.tcp(9443)));
    }

    private void replaceService(String name, String description, long updated, List<Sp> ports) {
        String href = ctx.services.get(name);
        ObjectNode old = ctx.state.policy().draft().of(PolicyType.SERVICES).get(href);
        long created = java.time.Instant.parse(old.get("created_at").asText()).getEpochSecond()
                - GenContext.BASE.getEpochSecond();
        ctx.putDraft(PolicyType.SERVICES, serviceNode(href, name, description, created, updated, ports));
    }

    /** A pending deletion: the legacy vendor list, which nothing refers to. */
    void pendingIpListDelete() {
        ctx.state.policy().draft().of(PolicyType.IP_LISTS).remove(ctx.ipLists.remove("IPL-Vendor-Legacy"));
    }

    // ---- firewall settings and objects retired in the draft ------------------------------------

    /** The organisation's security settings (one object per policy version), as a fresh PCE has them. */
    void firewallSettings(long at) {
        ObjectNode n = ctx.policyObject(ctx.org + "/sec_policy/draft/firewall_settings", at, at);
        n.put("allow_dhcp_client", true);
        n.put("log_dropped_multicast", true);
        n.put("log_dropped_broadcast", false);
        n.put("allow_traceroute", true);
        n.put("allow_ipv6", true);
        n.put("ipv6_mode", "policy_based");
        n.put("network_detection_mode", "single_private_brn");
        n.put("ike_authentication_type", "psk");
        for (String scopes : new String[]{"static_policy_scopes", "firewall_coexistence",
                "containers_inherit_host_policy_scopes", "blocked_connection_reject_scopes",
                "loopback_interfaces_in_policy_scopes"}) {
            n.putArray(scopes);
        }
        ctx.putDraft(PolicyType.FIREWALL_SETTINGS, n);
    }

    /** A pending edit of the security settings: dropped broadcasts are now logged. */
    void pendingFirewallEdit(long at) {
        String href = ctx.org + "/sec_policy/draft/firewall_settings";
        ObjectNode n = ctx.state.policy().draft().of(PolicyType.FIREWALL_SETTINGS).get(href).deepCopy();
        n.put("log_dropped_broadcast", true);
        n.set("updated_at", ctx.tsNode(at));
        ctx.putDraft(PolicyType.FIREWALL_SETTINGS, n);
    }

    /** A new draft service, used by the new draft rule set: its dependency. */
    void partnerPortalService(long at) {
        service("S-Partner-Portal", "Partner portal over the VPN (new)", at, List.of(Sp.tcp(8443)));
    }

    /** Version 3: a service for a retired gateway that nothing uses any more (deleted in the draft). */
    void legacyService(long at) {
        service("S-Gopher-Legacy", "Old document gateway; retired", at, List.of(Sp.tcp(70)));
    }

    /** A pending deletion: the retired gateway's service, which nothing refers to. */
    void pendingServiceDelete() {
        ctx.state.policy().draft().of(PolicyType.SERVICES).remove(ctx.services.remove("S-Gopher-Legacy"));
    }

    /**
     * A pending edit of the London office list that changes no address: a new description and a
     * note on its range (a field-level diff with no effect on traffic).
     */
    void pendingIpListEdit(long at) {
        String href = ctx.ipLists.get("IPL-Office-London");
        ObjectNode n = ctx.state.policy().draft().of(PolicyType.IP_LISTS).get(href).deepCopy();
        n.put("description", "London office LAN (floors 1-3)");
        ((ObjectNode) n.get("ip_ranges").get(0)).put("description", "Office LAN");
        n.set("updated_at", ctx.tsNode(at));
        ctx.putDraft(PolicyType.IP_LISTS, n);
    }
}
