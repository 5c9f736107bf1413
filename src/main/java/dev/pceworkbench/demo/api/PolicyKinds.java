package dev.pceworkbench.demo.api;

import dev.pceworkbench.pce.model.Hrefs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.http.PceApiException;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.store.PolicyHrefs;
import dev.pceworkbench.demo.store.PolicyType;
import dev.pceworkbench.pce.json.PceJson;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.pceworkbench.demo.api.Validation.JsonNodeType.ARRAY;
import static dev.pceworkbench.demo.api.Validation.JsonNodeType.BOOLEAN;
import static dev.pceworkbench.demo.api.Validation.JsonNodeType.STRING;

/** Defaults, filters and validation of each policy object type, as the PCE applies them. */
final class PolicyKinds {
    private final DemoState state;
    private final OrgKinds orgKinds;
    private final RuleSupport rules;

    PolicyKinds(DemoState state, OrgKinds orgKinds) {
        this.state = state;
        this.orgKinds = orgKinds;
        this.rules = new RuleSupport(state);
    }

    RuleSupport rules() {
        return rules;
    }

    static String singular(PolicyType t) {
        return switch (t) {
            case LABEL_GROUPS -> "Label group";
            case IP_LISTS -> "IP list";
            case SERVICES -> "Service";
            case VIRTUAL_SERVICES -> "Virtual service";
            case RULE_SETS -> "Rule set";
            case ENFORCEMENT_BOUNDARIES -> "Enforcement boundary";
            case FIREWALL_SETTINGS -> "Firewall settings";
        };
    }

    static String eventPrefix(PolicyType t) {
        return switch (t) {
            case LABEL_GROUPS -> "label_group";
            case IP_LISTS -> "ip_list";
            case SERVICES -> "service";
            case VIRTUAL_SERVICES -> "virtual_service";
            case RULE_SETS -> "rule_set";
            case ENFORCEMENT_BOUNDARIES -> "enforcement_boundary";
            case FIREWALL_SETTINGS -> "firewall_settings";
        };
    }

    Filters filters(PolicyType t) {
        Filters f = new Filters().partial("name", "name").partial("description", "description")
                .exact("external_data_set", "external_data_set").exact("external_data_reference", "external_data_reference");
        return switch (t) {
            case LABEL_GROUPS -> f.exact("key", "key");
            case IP_LISTS -> f.partial("fqdn", "fqdns").custom("ip_address", (o, v) -> {
                for (JsonNode r : o.path("ip_ranges")) {
                    if (r.path("from_ip").asText().contains(v) || r.path("to_ip").asText().contains(v)) {
                        return true;
                    }
                }
                return false;
            });
            case SERVICES -> f.check("port", v -> Filters.integer("port", v, 0, 65535))
                    .check("proto", v -> Filters.integer("proto", v, 0, 255))
                    .custom("port", (o, v) -> servicePortMatches(o, v, null))
                    .custom("proto", (o, v) -> servicePortMatches(o, null, v));
            case RULE_SETS -> f.labels(o -> {
                Set<String> s = new HashSet<>();
                for (JsonNode scope : o.path("scopes")) {
                    for (JsonNode a : scope) {
                        s.add(a.path("label").path("href").asText());
                        s.add(a.path("label_group").path("href").asText());
                    }
                }
                return s;
            });
            case VIRTUAL_SERVICES -> f.labels(Filters::labelHrefs)
                    .custom("service", (o, v) -> PolicyHrefs.toDraft(v).equals(o.path("service").path("href").asText()))
                    .custom("service_ports.port", (o, v) -> servicePortMatches(virtualServicePorts(o), v, null))
                    .custom("service_ports.proto", (o, v) -> servicePortMatches(virtualServicePorts(o), null, v))
                    .custom("service_address.fqdn", (o, v) -> addressMatches(o, "fqdn", v))
                    .custom("service_address.ip", (o, v) -> addressMatches(o, "ip", v))
                    // usage asks the PCE to include usage flags (a boolean); it narrows nothing.
                    .custom("usage", (o, v) -> {
                        Filters.parseBool("usage", v);
                        return true;
                    });
            case ENFORCEMENT_BOUNDARIES, FIREWALL_SETTINGS -> f;
        };
    }

    /** A virtual service's ports: its own, or those of the service it refers to (in the draft). */
    private ObjectNode virtualServicePorts(ObjectNode vs) {
        String svc = vs.path("service").path("href").asText("");
        if (svc.isEmpty()) {
            return vs;
        }
        ObjectNode service = state.policy().draft().of(PolicyType.SERVICES).get(PolicyHrefs.toDraft(svc));
        return service == null ? PceJson.mapper().createObjectNode() : service;
    }

    private static boolean addressMatches(ObjectNode vs, String field, String value) {
        for (JsonNode a : vs.path("service_addresses")) {
            if (a.path(field).asText("").toLowerCase(java.util.Locale.ROOT).contains(value.trim().toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean servicePortMatches(ObjectNode service, String port, String proto) {
        for (JsonNode sp : service.path("service_ports")) {
            if (proto != null && !sp.path("proto").asText().equals(proto.trim())) {
                continue;
            }
            if (port != null) {
                int p;
                try {
                    p = Integer.parseInt(port.trim());
                } catch (NumberFormatException e) {
                    throw PceApiException.invalid("Invalid value for 'port': " + port);
                }
                int from = sp.path("port").asInt(-2);
                int to = sp.path("to_port").asInt(from);
                if (from == -2 || p < from || p > to) {
                    continue;
                }
            }
            return true;
        }
        return false;
    }

    ObjectNode defaults(PolicyType t) {
        ObjectNode o = PceJson.mapper().createObjectNode();
        o.put("description", "");
        o.putNull("external_data_set");
        o.putNull("external_data_reference");
        switch (t) {
            case LABEL_GROUPS -> {
                o.putArray("labels");
                o.putArray("sub_groups");
            }
            case IP_LISTS -> {
                o.putArray("ip_ranges");
                o.putArray("fqdns");
            }
            case SERVICES -> {
                o.putNull("description_url");
                o.putNull("process_name");
                o.putArray("service_ports");
            }
            case VIRTUAL_SERVICES -> {
                o.put("apply_to", "host_only");
                o.putArray("labels");
                o.putArray("service_addresses");
                o.putArray("ip_overrides");
                o.putNull("pce_fqdn");
                o.putArray("caps").add("write").add("provision");
            }
            case RULE_SETS -> {
                o.put("enabled", true);
                o.putArray("scopes").addArray();
                o.putArray("rules");
                o.putArray("ip_tables_rules");
                o.putArray("caps").add("write").add("provision");
            }
            case ENFORCEMENT_BOUNDARIES -> {
                o.put("network_type", "brn");
                o.putArray("caps").add("write").add("provision");
            }
        }
        return o;
    }

    void validate(PolicyType t, ObjectNode old, ObjectNode o) {
        Validation.require(o, "name");
        Validation.requireTypes(o, "name", STRING, "description", STRING);
        if (t != PolicyType.VIRTUAL_SERVICES) {
            uniqueName(t, o); // virtual service names need not be unique
        }
        switch (t) {
            case LABEL_GROUPS -> labelGroup(o);
            case IP_LISTS -> ipList(o);
            case SERVICES -> service(o);
            case VIRTUAL_SERVICES -> virtualService(o);
            case RULE_SETS -> ruleSet(o);
            case ENFORCEMENT_BOUNDARIES -> {
                rules.validateActors(o.get("providers"), "providers", true);
                rules.validateActors(o.get("consumers"), "consumers", true);
                JsonNode s = o.get("ingress_services");
                if (s == null || !s.isArray() || s.isEmpty()) {
                    throw PceApiException.invalid("Required property 'ingress_services' is missing or empty");
                }
                rules.validateServices(s, "ingress_services");
            }
        }
    }

    private void uniqueName(PolicyType t, ObjectNode o) {
        String name = o.path("name").asText();
        for (ObjectNode other : state.policy().draft().all(t)) {
            if (!other.path("href").equals(o.path("href")) && other.path("name").asText().equalsIgnoreCase(name)) {
                throw new PceApiException(406, eventPrefix(t) + "_name_not_unique", singular(t) + " name must be unique");
            }
        }
    }

    private void labelGroup(ObjectNode o) {
        Validation.require(o, "key");
        Validation.requireTypes(o, "labels", ARRAY, "sub_groups", ARRAY);
        String key = o.path("key").asText();
        if (orgKinds.dimension(key) == null) {
            throw PceApiException.invalid("Label group key '" + key + "' is not a label dimension");
        }
        for (JsonNode l : o.path("labels")) {
            ObjectNode label = state.collection("labels").get(l.path("href").asText());
            if (label == null) {
                throw new PceApiException(406, "invalid_label", "Label " + l.path("href").asText() + " does not exist");
            }
            if (!label.path("key").asText().equals(key)) {
                throw new PceApiException(406, "label_group_key_mismatch", "Label " + label.path("value").asText()
                        + " has key '" + label.path("key").asText() + "' but the group's key is '" + key + "'");
            }
        }
        // Sub-groups must exist with the same key, and membership may not loop back to this group.
        String self = o.path("href").asText();
        Deque<String> todo = new ArrayDeque<>();
        o.path("sub_groups").forEach(s -> todo.add(PolicyHrefs.toDraft(s.path("href").asText())));
        Set<String> seen = new HashSet<>();
        boolean direct = true;
        int directCount = o.path("sub_groups").size();
        int visited = 0;
        while (!todo.isEmpty()) {
            String h = todo.poll();
            direct = visited++ < directCount;
            if (h.equals(self)) {
                throw new PceApiException(406, "label_group_cycle", "Label group " + self + " cannot contain itself");
            }
            if (!seen.add(h)) {
                continue;
            }
            ObjectNode sub = state.policy().draft().of(PolicyType.LABEL_GROUPS).get(h);
            if (sub == null) {
                throw new PceApiException(406, "invalid_label_group", "Label group " + h + " does not exist");
            }
            if (direct && !sub.path("key").asText().equals(key)) {
                throw new PceApiException(406, "label_group_key_mismatch", "Sub-group " + sub.path("name").asText()
                        + " has key '" + sub.path("key").asText() + "' but the group's key is '" + key + "'");
            }
            sub.path("sub_groups").forEach(s -> todo.add(PolicyHrefs.toDraft(s.path("href").asText())));
        }
    }

    private void ipList(ObjectNode o) {
        Validation.requireTypes(o, "ip_ranges", ARRAY, "fqdns", ARRAY);
        for (JsonNode r : o.path("ip_ranges")) {
            String from = r.path("from_ip").asText("");
            if (!Validation.isIpOrCidr(from)) {
                throw PceApiException.invalid("ip_ranges.from_ip '" + from + "' is not an IP address or CIDR block");
            }
            if (r.has("to_ip") && !r.get("to_ip").isNull()) {
                String to = r.get("to_ip").asText();
                if (!Validation.isIp(to) || from.contains("/") || from.contains(":") != to.contains(":")) {
                    throw PceApiException.invalid("ip_ranges.to_ip '" + to + "' must be a plain address of the same family as from_ip");
                }
            }
            if (r.has("exclusion") && !r.get("exclusion").isBoolean()) {
                throw PceApiException.invalid("ip_ranges.exclusion must be a boolean");
            }
        }
        for (JsonNode f : o.path("fqdns")) {
            if (f.path("fqdn").asText("").isBlank()) {
                throw PceApiException.invalid("Each of fqdns needs an 'fqdn'");
            }
        }
    }

    private void service(ObjectNode o) {
        Validation.requireTypes(o, "service_ports", ARRAY);
        JsonNode ports = o.path("service_ports");
        if ((ports.isMissingNode() || ports.isEmpty()) && !o.path("windows_services").isArray()) {
            throw PceApiException.invalid("A service needs service_ports or windows_services");
        }
        for (JsonNode sp : ports) {
            RuleSupport.validatePortProto(sp, "service_ports");
        }
    }

    private void virtualService(ObjectNode o) {
        String apply = o.path("apply_to").asText();
        if (!List.of("host_only", "internal_bridge_network").contains(apply)) {
            throw PceApiException.invalid("apply_to must be host_only or internal_bridge_network, not '" + apply + "'");
        }
        orgKinds.checkLabelRefs(o.get("labels"));
        Validation.requireTypes(o, "service_addresses", ARRAY, "ip_overrides", ARRAY);
        for (JsonNode a : o.path("service_addresses")) {
            serviceAddress(a);
        }
        for (JsonNode ip : o.path("ip_overrides")) {
            if (!ip.isTextual() || !Validation.isIp(ip.asText())) {
                throw PceApiException.invalid("ip_overrides: '" + ip.asText() + "' is not an IP address");
            }
        }
        JsonNode svc = o.get("service");
        boolean hasPorts = o.path("service_ports").isArray() && !o.path("service_ports").isEmpty();
        if (svc != null && !svc.isNull() && hasPorts) {
            throw PceApiException.invalid("A virtual service has either a 'service' or 'service_ports', not both");
        }
        if (svc != null && !svc.isNull()) {
            rules.validateServices(PceJson.mapper().createArrayNode().add(svc), "service");
        } else {
            JsonNode ports = o.path("service_ports");
            if (!ports.isArray() || ports.isEmpty()) {
                throw PceApiException.invalid("A virtual service needs a 'service' or 'service_ports'");
            }
            for (JsonNode sp : ports) {
                RuleSupport.validatePortProto(sp, "service_ports");
            }
        }
    }

    /** One of {@code {fqdn, description, port}}, {@code {ip, network}} or {@code {ip, port}}. */
    private static void serviceAddress(JsonNode a) {
        boolean fqdn = a.hasNonNull("fqdn");
        boolean ip = a.hasNonNull("ip");
        if (fqdn == ip) {
            throw PceApiException.invalid("service_addresses: each entry needs either 'fqdn' or 'ip': " + a);
        }
        if (fqdn && (a.path("fqdn").asText().isBlank() || a.path("fqdn").asText().contains(" "))) {
            throw PceApiException.invalid("service_addresses: '" + a.path("fqdn").asText() + "' is not a host name");
        }
        if (ip && !Validation.isIp(a.path("ip").asText())) {
            throw PceApiException.invalid("service_addresses: '" + a.path("ip").asText() + "' is not an IP address");
        }
        if (ip && a.hasNonNull("network") && a.hasNonNull("port")) {
            throw PceApiException.invalid("service_addresses: an 'ip' entry has a 'network' or a 'port', not both");
        }
        Validation.checkPort(a.get("port"), "service_addresses port");
    }

    private void ruleSet(ObjectNode o) {
        Validation.requireTypes(o, "enabled", BOOLEAN, "scopes", ARRAY, "rules", ARRAY, "ip_tables_rules", ARRAY);
        for (JsonNode scope : o.path("scopes")) {
            if (!scope.isArray()) {
                throw PceApiException.invalid("scopes must be a list of lists of labels or label groups");
            }
            for (JsonNode a : scope) {
                String kind = a.has("label") ? "label" : a.has("label_group") ? "label_group" : null;
                if (kind == null || !rules.exists(kind, a.get(kind).path("href").asText())) {
                    throw new PceApiException(406, "invalid_scope", "Scope entry " + a + " is not an existing label or label group");
                }
            }
        }
    }

    /** The PCE refuses to delete a policy object other draft objects still use. */
    void beforeDelete(PolicyType t, ObjectNode old) {
        String href = old.path("href").asText();
        List<String> users = state.policy().draftReferrers(href);
        if (!users.isEmpty()) {
            throw new PceApiException(406, eventPrefix(t) + "_in_use", singular(t) + " " + href
                    + " is still referenced by " + String.join(", ", users));
        }
        if (t == PolicyType.VIRTUAL_SERVICES) {
            String active = PolicyHrefs.inVersion(href, "active");
            for (ObjectNode b : state.collection("service_bindings").all()) {
                String vs = b.path("virtual_service").path("href").asText();
                if (vs.equals(active) || vs.equals(href)) {
                    throw new PceApiException(406, "virtual_service_has_service_bindings",
                            "Virtual service " + href + " still has service binding " + b.path("href").asText());
                }
            }
        }
        if (old.path("name").asText().equals("Any (0.0.0.0/0 and ::/0)") || old.path("name").asText().equals("All Services")) {
            throw new PceApiException(406, "cannot_delete_default_object", "The default object '" + old.path("name").asText() + "' cannot be deleted");
        }
    }
}
