package dev.pceworkbench.demo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.http.PceApiException;

import java.math.BigInteger;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The request schemas of the demo PCE, one per object kind, as a real PCE validates bodies: the
 * properties each kind takes (anything else is refused with 406 {@code input_validation_error}
 * naming the property), their JSON types, string lengths and number ranges (ports 0-65535,
 * protocols, ICMP types and codes 0-255). Server-managed properties a client echoes back from a GET
 * (hrefs, audit fields, caps, ...) are dropped, as the PCE ignores them. Null is accepted for every
 * property; the kinds' own checks say which are required.
 *
 * <p>Every property path in a message is written as the client wrote it, e.g.
 * {@code service_ports[0].port}.
 */
final class Schemas {
    /** Longest name, value, key or other short string. */
    static final int MAX_NAME = 255;
    /** Longest description or other free text (and any string anywhere in a body). */
    static final int MAX_TEXT = 65_536;

    /** One property type; {@code check} throws the PCE's 406 naming {@code path}. */
    interface Type {
        /** Checks {@code v} (never null or JSON null) and drops the server-managed fields it holds. */
        void check(JsonNode v, String path);
    }

    private static PceApiException bad(String path, String what) {
        return PceApiException.invalid("Property '" + path + "' must be " + what);
    }

    private static String trim(String path) {
        return path.startsWith(".") ? path.substring(1) : path;
    }

    static Type str(int max) {
        return (v, p) -> {
            if (!v.isTextual()) {
                throw bad(p, "a string");
            }
            if (v.asText().length() > max) {
                throw bad(p, "at most " + max + " characters long");
            }
        };
    }

    static Type enumOf(String... values) {
        Set<String> allowed = Set.of(values);
        return (v, p) -> {
            if (!v.isTextual() || !allowed.contains(v.asText())) {
                throw bad(p, "one of " + String.join(", ", List.of(values)));
            }
        };
    }

    static Type integer(long min, long max) {
        return (v, p) -> {
            if (!v.isIntegralNumber()) {
                throw bad(p, "an integer from " + min + " to " + max);
            }
            BigInteger b = v.bigIntegerValue();
            if (b.compareTo(BigInteger.valueOf(min)) < 0 || b.compareTo(BigInteger.valueOf(max)) > 0) {
                throw bad(p, "an integer from " + min + " to " + max + ", not " + b);
            }
        };
    }

    static final Type NAME = str(MAX_NAME);
    static final Type TEXT = str(MAX_TEXT);
    static final Type BOOL = (v, p) -> {
        if (!v.isBoolean()) {
            throw bad(p, "true or false");
        }
    };
    static final Type PORT = integer(0, 65535);
    static final Type PROTO = integer(0, 255);
    static final Type ICMP = integer(0, 255);
    static final Type ANY_PORT = integer(-1, 65535);
    static final Type ANY_PROTO = integer(-1, 255);
    /** A string or a number, as some PCE versions send either ({@code ip_version}, key lifespans). */
    static final Type SCALAR = (v, p) -> {
        if (!(v.isTextual() || v.isNumber()) || v.asText().length() > MAX_NAME) {
            throw bad(p, "a string or a number");
        }
    };
    /**
     * Any JSON value, for structures the demo does not model property by property: still held to
     * the string limit and to the port and protocol ranges wherever those keys appear.
     */
    static final Type LOOSE = Schemas::loose;
    /** As {@link #LOOSE} for queries, where port and protocol -1 mean "any". */
    static final Type QUERY = (v, p) -> loose(v, p, true);

    private static void loose(JsonNode v, String p) {
        loose(v, p, false);
    }

    private static void loose(JsonNode v, String p, boolean query) {
        if (v.isTextual() && v.asText().length() > MAX_TEXT) {
            throw bad(p, "at most " + MAX_TEXT + " characters long");
        }
        if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                loose(v.get(i), p + "[" + i + "]", query);
            }
        } else if (v.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = trim(p + "." + e.getKey());
                if (e.getValue().isNull()) {
                    continue;
                }
                switch (e.getKey()) {
                    case "port", "to_port", "new_port", "new_to_port" -> (query ? ANY_PORT : PORT).check(e.getValue(), child);
                    case "proto", "icmp_type", "icmp_code" -> (query ? ANY_PROTO : PROTO).check(e.getValue(), child);
                    default -> loose(e.getValue(), child, query);
                }
            }
        }
    }

    static Type array(Type item) {
        return (v, p) -> {
            if (!v.isArray()) {
                throw bad(p, "an array");
            }
            for (int i = 0; i < v.size(); i++) {
                JsonNode x = v.get(i);
                if (!x.isNull()) {
                    item.check(x, p + "[" + i + "]");
                }
            }
        };
    }

    /** An object with exactly these properties (others refused), less the server-managed ones. */
    static class Obj implements Type {
        private final Map<String, Type> props = new LinkedHashMap<>();
        private final Set<String> ignored;

        Obj(Set<String> ignored, Object... propTypePairs) {
            this.ignored = ignored;
            for (int i = 0; i < propTypePairs.length; i += 2) {
                props.put((String) propTypePairs[i], (Type) propTypePairs[i + 1]);
            }
        }

        Obj with(Object... propTypePairs) {
            Obj o = new Obj(ignored);
            o.props.putAll(props);
            for (int i = 0; i < propTypePairs.length; i += 2) {
                o.props.put((String) propTypePairs[i], (Type) propTypePairs[i + 1]);
            }
            return o;
        }

        Set<String> properties() {
            return props.keySet();
        }

        @Override
        public void check(JsonNode v, String p) {
            if (!v.isObject()) {
                throw p.isEmpty() ? PceApiException.invalid("Request body must be a JSON object") : bad(p, "an object");
            }
            ObjectNode o = (ObjectNode) v;
            if (p.isEmpty()) {
                // The top level: what a client echoes from a GET is dropped, as the PCE ignores it.
                o.remove(Validation.SERVER_MANAGED);
                o.remove(ignored);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = trim(p + "." + e.getKey());
                Type t = props.get(e.getKey());
                if (t == null && (Validation.SERVER_MANAGED.contains(e.getKey()) || ignored.contains(e.getKey()))) {
                    // Nested server-managed fields (a rule's href, audit fields) keep the item's identity.
                    t = LOOSE;
                }
                if (t == null) {
                    throw PceApiException.invalid("Property '" + child + "' is not allowed here" + (props.isEmpty() ? ""
                            : " (allowed: " + String.join(", ", props.keySet()) + ")"));
                }
                if (!e.getValue().isNull()) {
                    t.check(e.getValue(), child);
                }
            }
        }
    }

    static Obj obj(Object... propTypePairs) {
        return new Obj(Set.of(), propTypePairs);
    }

    static Obj obj(Set<String> ignored, Object... propTypePairs) {
        return new Obj(ignored, propTypePairs);
    }

    /** A reference {@code {"href": ...}}; names, keys and values a GET adds to references are ignored. */
    static final Type REF = obj(Set.of("name", "key", "value", "hostname", "deleted", "display_name"), "href", str(1024));
    static final Type REFS = array(REF);
    private static final Object[] EXTERNAL = {"external_data_set", NAME, "external_data_reference", NAME};

    static final Type PORT_PROTO = obj("port", PORT, "to_port", PORT, "proto", PROTO, "icmp_type", ICMP, "icmp_code", ICMP);
    static final Type SERVICE = obj(Set.of("name"), "href", str(1024), "port", PORT, "to_port", PORT, "proto", PROTO,
            "icmp_type", ICMP, "icmp_code", ICMP);
    static final Type ACTOR = obj("actors", NAME, "label", REF, "label_group", REF, "workload", REF, "virtual_service", REF,
            "virtual_server", REF, "ip_list", REF, "container_workload", REF, "kubernetes_workload", REF, "exclusion", BOOL);
    static final Type ACTORS = array(ACTOR);
    static final Set<String> POLICY_READ_ONLY = Set.of("caps", "update_type");

    static final Obj RULE = obj(POLICY_READ_ONLY, "enabled", BOOL, "description", TEXT, "providers", ACTORS, "consumers", ACTORS,
            "ingress_services", array(SERVICE), "egress_services", array(SERVICE),
            "resolve_labels_as", obj("providers", array(enumOf("workloads", "virtual_services")),
                    "consumers", array(enumOf("workloads", "virtual_services"))),
            "sec_connect", BOOL, "stateless", BOOL, "machine_auth", BOOL, "unscoped_consumers", BOOL,
            "consuming_security_principals", REFS, "network_type", NAME, "use_workload_subnets", array(NAME),
            "log_flow", BOOL, EXTERNAL[0], EXTERNAL[1], EXTERNAL[2], EXTERNAL[3]);
    static final Obj IP_TABLES_RULE = obj(POLICY_READ_ONLY, "enabled", BOOL, "description", TEXT, "ip_version", SCALAR,
            "actors", ACTORS, "statements", array(obj("table_name", NAME, "chain_name", NAME, "parameters", TEXT)));

    private static final Map<String, Obj> KINDS = new LinkedHashMap<>();

    private static void kind(String name, Obj schema) {
        KINDS.put(name, schema);
    }

    static {
        kind("security_principals", obj(Set.of("deleted"), "name", NAME, "sid", NAME, "description", TEXT,
                "display_name", NAME));
        kind("labels", obj(Set.of("deleted", "usage"), "key", NAME, "value", NAME, EXTERNAL[0], EXTERNAL[1], EXTERNAL[2], EXTERNAL[3]));
        kind("label_dimensions", obj(Set.of("deleted", "usage", "caps"), "key", NAME, "display_name", NAME, "display_info", LOOSE,
                EXTERNAL[0], EXTERNAL[1], EXTERNAL[2], EXTERNAL[3]));
        kind("workloads", obj(Set.of("deleted", "caps", "agent", "ven", "services", "num_enforcement_boundaries",
                        "container_cluster", "vulnerabilities_summary", "detected_vulnerabilities", "risk_summary",
                        "vulnerability_exposure_score", "enforcement_boundaries"),
                "name", NAME, "description", TEXT, "hostname", NAME, "service_principal_name", NAME, "distinguished_name", TEXT,
                "public_ip", NAME, "interfaces", array(obj(Set.of("href"), "name", NAME, "address", NAME, "cidr_block", integer(0, 128),
                        "default_gateway_address", NAME, "link_state", NAME, "network_detection_mode", NAME, "friendly_name", NAME,
                        "loopback", BOOL, "network", REF)),
                "labels", REFS, "service_provider", NAME, "data_center", NAME, "data_center_zone", NAME, "os_id", NAME,
                "os_detail", NAME, "online", BOOL, "enforcement_mode", NAME, "visibility_level", NAME,
                "ignored_interface_names", array(NAME), "agent_to_pce_certificate_authentication_id", NAME,
                "ike_authentication_certificate", LOOSE, "blocked_connection_action", NAME, "firewall_coexistence", LOOSE,
                "containers_inherit_host_policy", BOOL, "selectively_enforced_services", array(SERVICE),
                EXTERNAL[0], EXTERNAL[1], EXTERNAL[2], EXTERNAL[3]));
        kind("vens", obj(Set.of("caps", "activation_type", "active_pce_fqdn", "conditions", "container_cluster", "hostname",
                        "interfaces", "last_goodbye_at", "last_heartbeat_at", "os_detail", "os_id", "os_platform", "secure_connect",
                        "uid", "unpair_allowed", "version", "workloads", "health", "ven_type"),
                "name", NAME, "description", TEXT, "labels", REFS, "status", NAME, "target_pce_fqdn", NAME));
        kind("pairing_profiles", obj(Set.of("caps", "is_default", "total_use_count", "last_pairing_at"),
                "name", NAME, "description", TEXT, "enabled", BOOL, "labels", REFS,
                "app_label_lock", BOOL, "env_label_lock", BOOL, "loc_label_lock", BOOL, "role_label_lock", BOOL,
                "enforcement_mode", NAME, "enforcement_mode_lock", BOOL, "visibility_level", NAME, "visibility_level_lock", BOOL,
                "log_traffic", BOOL, "log_traffic_lock", BOOL, "mode", NAME, "mode_lock", BOOL,
                "allowed_uses_per_key", SCALAR, "key_lifespan", SCALAR, "agent_software_release", NAME, "ven_type", NAME,
                EXTERNAL[0], EXTERNAL[1], EXTERNAL[2], EXTERNAL[3]));
        kind("container_clusters", obj(Set.of("caps", "container_runtime", "errors", "kubelink_version", "last_connected",
                        "nodes", "online", "pce_fqdn", "container_cluster_token", "clas_mode", "kubelink_status"),
                "name", NAME, "description", TEXT, "manager_type", NAME));
        kind("container_workload_profiles", obj(Set.of("linked", "caps"), "name", NAME, "namespace", NAME, "description", TEXT,
                "labels", array(obj("key", NAME, "assignment", REF, "restriction", REFS, "href", str(1024))),
                "assign_labels", REFS, "enforcement_mode", NAME, "visibility_level", NAME, "managed", BOOL,
                EXTERNAL[0], EXTERNAL[1], EXTERNAL[2], EXTERNAL[3]));
        kind("service_bindings", obj("virtual_service", REF, "workload", REF, "container_workload", REF,
                "port_overrides", array(obj("port", PORT, "proto", PROTO, "new_port", PORT, "new_to_port", PORT)),
                EXTERNAL[0], EXTERNAL[1], EXTERNAL[2], EXTERNAL[3]));

        kind("ip_lists", obj(POLICY_READ_ONLY, "name", NAME, "description", TEXT,
                "ip_ranges", array(obj("from_ip", NAME, "to_ip", NAME, "description", TEXT, "exclusion", BOOL)),
                "fqdns", array(obj("fqdn", NAME, "description", TEXT)), EXTERNAL[0], EXTERNAL[1], EXTERNAL[2], EXTERNAL[3]));
        kind("label_groups", obj(POLICY_READ_ONLY, "name", NAME, "description", TEXT, "key", NAME, "labels", REFS,
                "sub_groups", REFS, EXTERNAL[0], EXTERNAL[1], EXTERNAL[2], EXTERNAL[3]));
        kind("services", obj(POLICY_READ_ONLY, "name", NAME, "description", TEXT, "description_url", TEXT, "process_name", NAME,
                "service_ports", array(PORT_PROTO),
                "windows_services", array(obj("service_name", NAME, "process_name", NAME, "port", PORT, "to_port", PORT,
                        "proto", PROTO, "icmp_type", ICMP, "icmp_code", ICMP)),
                "windows_egress_services", array(obj("service_name", NAME, "process_name", NAME)),
                EXTERNAL[0], EXTERNAL[1], EXTERNAL[2], EXTERNAL[3]));
        kind("virtual_services", obj(Set.of("caps", "update_type", "pce_fqdn"), "name", NAME, "description", TEXT,
                "apply_to", enumOf("host_only", "internal_bridge_network"), "service", REF,
                "service_ports", array(obj("port", PORT, "to_port", PORT, "proto", PROTO)),
                "service_addresses", array(obj("fqdn", NAME, "description", TEXT, "port", PORT, "ip", NAME, "network", REF)),
                "ip_overrides", array(NAME), "labels", REFS, EXTERNAL[0], EXTERNAL[1], EXTERNAL[2], EXTERNAL[3]));
        kind("rule_sets", obj(POLICY_READ_ONLY, "name", NAME, "description", TEXT, "enabled", BOOL,
                "scopes", array(array(obj(Set.of("exclusion"), "label", REF, "label_group", REF))),
                "rules", array(RULE), "ip_tables_rules", array(IP_TABLES_RULE), EXTERNAL[0], EXTERNAL[1], EXTERNAL[2], EXTERNAL[3]));
        kind("sec_rules", RULE);
        kind("enforcement_boundaries", obj(POLICY_READ_ONLY, "name", NAME, "description", TEXT, "providers", ACTORS,
                "consumers", ACTORS, "ingress_services", array(SERVICE), "network_type", NAME,
                EXTERNAL[0], EXTERNAL[1], EXTERNAL[2], EXTERNAL[3]));
        kind("firewall_settings", new Obj(Set.of()) {
            @Override
            public void check(JsonNode v, String p) {
                // Firewall settings keep their own list of writable properties (FirewallSettingsApi).
                if (!v.isObject()) {
                    throw PceApiException.invalid("Request body must be a JSON object");
                }
                ((ObjectNode) v).remove(Validation.SERVER_MANAGED);
                loose(v, p);
            }
        });

        Type changeSubset = LOOSE;
        kind("sec_policy", obj("update_description", TEXT, "change_subset", changeSubset));
        kind("sec_policy_change_subset", obj("change_subset", changeSubset, "operation", NAME));
        kind("api_keys", obj("name", NAME, "description", TEXT));
        kind("traffic_query", obj("query_name", NAME, "start_date", NAME, "end_date", NAME, "sources", LOOSE, "destinations", LOOSE,
                "services", QUERY, "sources_destinations_query_op", NAME, "policy_decisions", array(NAME),
                "boundary_decisions", array(NAME), "max_results", integer(1, 200_000), "exclude_workloads_from_ip_list_query", BOOL));
        kind("traffic_query_update", obj("status", NAME));
        kind("rule_search", new Obj(Set.of()) {
            @Override
            public void check(JsonNode v, String p) {
                if (!v.isObject()) {
                    throw PceApiException.invalid("Request body must be a JSON object");
                }
                loose(v, p, true);
            }
        });
        kind("pairing_key", obj());
    }

    private Schemas() {
    }

    /** The schema of {@code kind} (a collection name such as {@code labels}, or an operation). */
    static Obj of(String kind) {
        Obj s = KINDS.get(kind);
        if (s == null) {
            throw new IllegalArgumentException("no schema for " + kind);
        }
        return s;
    }

    static Set<String> kinds() {
        return KINDS.keySet();
    }

    /**
     * Checks a request body against the schema of {@code kind} and returns it without the
     * server-managed properties; throws the PCE's 406 naming the first offending property.
     */
    static JsonNode check(String kind, JsonNode body) {
        JsonNode copy = body.deepCopy();
        of(kind).check(copy, "");
        return copy;
    }

    /** As {@link #check(String, JsonNode)} for one item of a list body, named {@code [i]} in messages. */
    static JsonNode checkItem(String kind, JsonNode item, int index) {
        JsonNode copy = item.deepCopy();
        if (copy.isObject()) {
            ((ObjectNode) copy).remove(Validation.SERVER_MANAGED);
        }
        of(kind).check(copy, "[" + index + "]");
        return copy;
    }
}
