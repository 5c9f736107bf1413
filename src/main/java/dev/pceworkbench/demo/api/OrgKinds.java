package dev.pceworkbench.demo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.data.UnmanagedAgent;
import dev.pceworkbench.demo.http.PceApiException;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.store.PolicySnapshot;
import dev.pceworkbench.demo.store.PolicyType;
import dev.pceworkbench.pce.json.PceJson;

import java.util.HashSet;
import java.util.Set;

import static dev.pceworkbench.demo.api.Validation.JsonNodeType.ARRAY;
import static dev.pceworkbench.demo.api.Validation.JsonNodeType.BOOLEAN;
import static dev.pceworkbench.demo.api.Validation.JsonNodeType.STRING;

/** The org-level collections the demo PCE serves, with the PCE's filters and rules for each. */
final class OrgKinds {
    private final DemoState state;

    OrgKinds(DemoState state) {
        this.state = state;
    }

    private static ObjectNode obj() {
        return PceJson.mapper().createObjectNode();
    }

    OrgKind labelDimensions() {
        return new OrgKind("label_dimensions", false,
                new Filters().exact("key", "key").partial("display_name", "display_name"),
                () -> {
                    ObjectNode o = obj();
                    o.putObject("usage").put("labels", true).put("label_groups", true);
                    o.put("deleted", false);
                    o.putNull("external_data_set");
                    o.putNull("external_data_reference");
                    o.putArray("caps").add("write");
                    return o;
                },
                (old, o) -> {
                    Validation.require(o, "key", "display_name");
                    Validation.requireTypes(o, "key", STRING, "display_name", STRING);
                    if (old != null && !old.path("key").equals(o.path("key"))) {
                        throw PceApiException.invalid("The key of a label dimension cannot be changed");
                    }
                    if (old == null && dimension(o.path("key").asText()) != null) {
                        throw new PceApiException(406, "label_dimension_key_not_unique", "Label dimension key must be unique");
                    }
                },
                old -> {
                    String key = old.path("key").asText();
                    for (ObjectNode l : state.collection("labels").all()) {
                        if (l.path("key").asText().equals(key)) {
                            throw new PceApiException(406, "label_dimension_in_use",
                                    "Label dimension '" + key + "' still has labels, for example " + l.path("href").asText());
                        }
                    }
                },
                true, true, true);
    }

    ObjectNode dimension(String key) {
        for (ObjectNode d : state.collection("label_dimensions").all()) {
            if (d.path("key").asText().equals(key)) {
                return d;
            }
        }
        return null;
    }

    OrgKind labels() {
        return new OrgKind("labels", true,
                new Filters().exact("key", "key").partial("value", "value")
                        .exact("external_data_set", "external_data_set").exact("external_data_reference", "external_data_reference"),
                () -> {
                    ObjectNode o = obj();
                    o.put("deleted", false);
                    o.putNull("external_data_set");
                    o.putNull("external_data_reference");
                    return o;
                },
                (old, o) -> {
                    Validation.require(o, "key", "value");
                    Validation.requireTypes(o, "key", STRING, "value", STRING);
                    String key = o.path("key").asText();
                    if (old != null && !old.path("key").asText().equals(key)) {
                        throw PceApiException.invalid("The key of a label cannot be changed");
                    }
                    if (dimension(key) == null) {
                        throw new PceApiException(406, "label_key_invalid", "Label key '" + key
                                + "' is not a label dimension of this organization");
                    }
                    String value = o.path("value").asText();
                    for (ObjectNode l : state.collection("labels").all()) {
                        if (l != old && l.path("key").asText().equals(key) && l.path("value").asText().equalsIgnoreCase(value)) {
                            throw new PceApiException(406, "label_not_unique", "Label with key '" + key
                                    + "' and value '" + value + "' already exists: " + l.path("href").asText());
                        }
                    }
                },
                this::checkLabelUnused,
                true, true, true);
    }

    private void checkLabelUnused(ObjectNode label) {
        String href = label.path("href").asText();
        for (PolicySnapshot s : new PolicySnapshot[]{state.policy().draft(), state.policy().active()}) {
            for (PolicyType t : PolicyType.values()) {
                for (ObjectNode o : s.all(t)) {
                    if (References.hrefs(o).contains(href)) {
                        String token = switch (t) {
                            case RULE_SETS -> "label_still_has_associated_rule_set";
                            case LABEL_GROUPS -> "label_referenced_by_label_group";
                            default -> "label_still_in_use";
                        };
                        throw new PceApiException(406, token, "Label " + href + " is still used by "
                                + o.path("href").asText() + " (" + o.path("name").asText() + ")");
                    }
                }
            }
        }
        for (String c : new String[]{"workloads", "pairing_profiles", "container_workload_profiles", "vens"}) {
            for (ObjectNode o : state.collection(c).all()) {
                if (References.hrefs(o).contains(href)) {
                    throw new PceApiException(406, "label_still_has_associated_" + c.replaceAll("s$", ""),
                            "Label " + href + " is still used by " + o.path("href").asText());
                }
            }
        }
    }

    /** Labels must exist, and an object carries at most one label per dimension. */
    void checkLabelRefs(JsonNode labels) {
        if (labels == null || labels.isNull()) {
            return;
        }
        if (!labels.isArray()) {
            throw PceApiException.invalid("Property 'labels' must be an array of {\"href\": ...} references");
        }
        Set<String> keys = new HashSet<>();
        for (JsonNode l : labels) {
            String href = l.path("href").asText();
            ObjectNode label = state.collection("labels").get(href);
            if (label == null) {
                throw new PceApiException(406, "invalid_label", "Label " + (href.isEmpty() ? l.toString() : href) + " does not exist");
            }
            if (!keys.add(label.path("key").asText())) {
                throw new PceApiException(406, "multiple_labels_same_key",
                        "Only one label per dimension is allowed; '" + label.path("key").asText() + "' appears twice");
            }
        }
    }

    OrgKind workloads() {
        return new OrgKind("workloads", false,
                new Filters().partial("name", "name").partial("hostname", "hostname").partial("description", "description")
                        .partial("os_id", "os_id").exact("enforcement_mode", "enforcement_mode")
                        .exact("visibility_level", "visibility_level").exact("ven", "ven.href")
                        .exact("external_data_set", "external_data_set").exact("external_data_reference", "external_data_reference")
                        .bool("managed", o -> o.path("ven").path("href").isTextual())
                        .bool("online", o -> o.path("online").asBoolean())
                        .custom("ip_address", (o, v) -> {
                            for (JsonNode i : o.path("interfaces")) {
                                if (i.path("address").asText().contains(v)) {
                                    return true;
                                }
                            }
                            return o.path("public_ip").asText().contains(v);
                        })
                        .labels(Filters::labelHrefs),
                () -> {
                    ObjectNode o = obj();
                    o.putNull("name");
                    o.putNull("description");
                    o.put("hostname", "");
                    o.putArray("labels");
                    o.putArray("interfaces");
                    o.putArray("ignored_interface_names");
                    o.putNull("public_ip");
                    o.putNull("service_principal_name");
                    o.putNull("distinguished_name");
                    o.putNull("external_data_set");
                    o.putNull("external_data_reference");
                    o.putNull("service_provider");
                    o.putNull("data_center");
                    o.putNull("data_center_zone");
                    o.putNull("os_id");
                    o.putNull("os_detail");
                    o.put("online", false);
                    o.put("deleted", false);
                    o.putNull("ven");
                    o.set("agent", UnmanagedAgent.node());
                    o.put("enforcement_mode", "idle");
                    o.put("visibility_level", "flow_summary");
                    o.putNull("container_cluster");
                    o.put("containers_inherit_host_policy", false);
                    o.put("blocked_connection_action", "drop");
                    o.put("num_enforcement_boundaries", 0);
                    o.putArray("selectively_enforced_services");
                    o.putNull("ike_authentication_certificate");
                    o.putNull("agent_to_pce_certificate_authentication_id");
                    o.putObject("firewall_coexistence").put("illumio_primary", true);
                    o.putArray("caps").add("write").add("delete");
                    return o;
                },
                (old, o) -> {
                    Validation.requireTypes(o, "name", STRING, "hostname", STRING, "labels", ARRAY, "interfaces", ARRAY,
                            "online", BOOLEAN);
                    if (old == null && o.path("name").asText("").isBlank() && o.path("hostname").asText("").isBlank()) {
                        throw PceApiException.invalid("A workload needs a 'name' or a 'hostname'");
                    }
                    checkLabelRefs(o.get("labels"));
                    for (JsonNode i : o.path("interfaces")) {
                        if (!Validation.isIp(i.path("address").asText())) {
                            throw PceApiException.invalid("Interface address '" + i.path("address").asText() + "' is not an IP address");
                        }
                        if (i.path("name").asText("").isBlank()) {
                            throw PceApiException.invalid("Every interface needs a 'name'");
                        }
                    }
                    String mode = o.path("enforcement_mode").asText();
                    if (!Set.of("idle", "visibility_only", "selective", "full").contains(mode)) {
                        throw PceApiException.invalid("enforcement_mode must be idle, visibility_only, selective or full, got '" + mode + "'");
                    }
                },
                old -> {
                    if (old.path("ven").path("href").isTextual()) {
                        throw new PceApiException(406, "workload_is_managed",
                                "Managed workload " + old.path("href").asText() + " cannot be deleted; unpair its VEN first");
                    }
                    for (ObjectNode b : state.collection("service_bindings").all()) {
                        if (b.path("workload").path("href").asText().equals(old.path("href").asText())) {
                            throw new PceApiException(406, "workload_has_service_bindings",
                                    "Workload still has service binding " + b.path("href").asText());
                        }
                    }
                },
                true, true, true);
    }

    /**
     * Security principals, {@code /orgs/{org}/security_principals/<uuid>}: the AD groups that rules
     * name in {@code consuming_security_principals}. Each has a unique Windows {@code sid}; one that
     * a rule (draft or active) still names cannot be deleted.
     */
    OrgKind securityPrincipals() {
        return new OrgKind("security_principals", false,
                new Filters().partial("name", "name").exact("sid", "sid").partial("description", "description"),
                () -> {
                    ObjectNode o = obj();
                    o.put("description", "");
                    o.put("deleted", false);
                    o.putNull("display_name");
                    return o;
                },
                (old, o) -> {
                    Validation.require(o, "name", "sid");
                    Validation.requireTypes(o, "name", STRING, "sid", STRING, "description", STRING);
                    String sid = o.path("sid").asText();
                    if (!sid.matches("S-1-\\d+(-\\d+)+")) {
                        throw new PceApiException(406, "invalid_sid", "sid '" + sid + "' is not a Windows SID (S-1-...)");
                    }
                    if (o.path("name").asText().isBlank()) {
                        throw PceApiException.invalid("Property 'name' must not be empty");
                    }
                    if (old != null && !old.path("sid").asText().equals(sid)) {
                        throw PceApiException.invalid("The sid of a security principal cannot be changed");
                    }
                    for (ObjectNode p : state.collection("security_principals").all()) {
                        if (p != old && p.path("sid").asText().equalsIgnoreCase(sid)) {
                            throw new PceApiException(406, "security_principal_sid_not_unique",
                                    "A security principal with sid '" + sid + "' already exists: " + p.path("href").asText());
                        }
                    }
                },
                old -> {
                    String href = old.path("href").asText();
                    for (PolicySnapshot s : new PolicySnapshot[]{state.policy().draft(), state.policy().active()}) {
                        for (ObjectNode rs : s.all(PolicyType.RULE_SETS)) {
                            for (JsonNode rule : rs.path("rules")) {
                                for (JsonNode p : rule.path("consuming_security_principals")) {
                                    if (href.equals(p.path("href").asText())) {
                                        throw new PceApiException(406, "security_principal_in_use",
                                                "Security principal " + href + " is still used by rule " + rule.path("href").asText());
                                    }
                                }
                            }
                        }
                    }
                },
                true, true, true);
    }
}
