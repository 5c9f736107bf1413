package dev.pceworkbench.demo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.http.PceApiException;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.pce.json.PceJson;

import java.util.HashSet;
import java.util.Set;

import static dev.pceworkbench.demo.api.Validation.JsonNodeType.ARRAY;
import static dev.pceworkbench.demo.api.Validation.JsonNodeType.BOOLEAN;
import static dev.pceworkbench.demo.api.Validation.JsonNodeType.STRING;

/** VENs, pairing profiles, events, container clusters and their workload profiles. */
final class InfraKinds {
    private static final Set<String> ENFORCEMENT = Set.of("idle", "visibility_only", "selective", "full");
    private final DemoState state;
    private final OrgKinds labels;

    InfraKinds(DemoState state, OrgKinds labels) {
        this.state = state;
        this.labels = labels;
    }

    private static ObjectNode obj() {
        return PceJson.mapper().createObjectNode();
    }

    OrgKind vens() {
        return new OrgKind("vens", false,
                new Filters().partial("name", "name").partial("hostname", "hostname").partial("description", "description")
                        .partial("os", "os_id").exact("status", "status").exact("activation_type", "activation_type")
                        .exact("ven_type", "ven_type").partial("version", "version")
                        .custom("ip_address", (o, v) -> {
                            for (var i : o.path("interfaces")) {
                                if (i.path("address").asText().contains(v)) {
                                    return true;
                                }
                            }
                            return false;
                        })
                        .labels(Filters::labelHrefs),
                InfraKinds::obj,
                (old, o) -> {
                    Validation.requireTypes(o, "name", STRING, "description", STRING, "labels", ARRAY, "status", STRING);
                    labels.checkLabelRefs(o.get("labels"));
                    String status = o.path("status").asText();
                    if (!Set.of("active", "suspended", "stopped", "uninstalled").contains(status)) {
                        throw PceApiException.invalid("VEN status must be active, suspended, stopped or uninstalled");
                    }
                },
                old -> {
                },
                false, true, false);
    }

    OrgKind pairingProfiles() {
        return new OrgKind("pairing_profiles", true,
                new Filters().partial("name", "name").partial("description", "description")
                        .exact("agent_software_release", "agent_software_release").exact("ven_type", "ven_type")
                        .labels(Filters::labelHrefs),
                () -> {
                    ObjectNode o = obj();
                    o.put("description", "");
                    o.put("total_use_count", 0);
                    o.put("enabled", true);
                    o.put("is_default", false);
                    o.put("mode", "idle");
                    o.put("enforcement_mode", "idle");
                    o.put("key_lifespan", "unlimited");
                    o.put("allowed_uses_per_key", "unlimited");
                    o.putNull("last_pairing_at");
                    o.putArray("labels");
                    for (String lock : new String[]{"env_label_lock", "loc_label_lock", "role_label_lock", "app_label_lock",
                            "mode_lock", "enforcement_mode_lock", "log_traffic_lock", "visibility_level_lock"}) {
                        o.put(lock, true);
                    }
                    o.put("log_traffic", false);
                    o.put("visibility_level", "flow_summary");
                    o.put("agent_software_release", "Default");
                    o.putArray("caps").add("write").add("generate_pairing_key");
                    return o;
                },
                (old, o) -> {
                    Validation.require(o, "name");
                    Validation.requireTypes(o, "name", STRING, "description", STRING, "enabled", BOOLEAN, "labels", ARRAY);
                    labels.checkLabelRefs(o.get("labels"));
                    if (!ENFORCEMENT.contains(o.path("enforcement_mode").asText())) {
                        throw PceApiException.invalid("enforcement_mode must be idle, visibility_only, selective or full");
                    }
                },
                old -> {
                },
                true, true, true);
    }

    OrgKind events() {
        return new OrgKind("events", false,
                new Filters().exact("event_type", "event_type").exact("severity", "severity").exact("status", "status")
                        .timestamp("timestamp[gte]", "timestamp", true)
                        .timestamp("timestamp[lte]", "timestamp", false)
                        .custom("created_by", (o, v) -> o.path("created_by").toString().contains(v)),
                InfraKinds::obj, (old, o) -> {
                }, old -> {
                }, false, false, false);
    }

    OrgKind containerClusters() {
        return new OrgKind("container_clusters", false,
                new Filters().partial("name", "name"),
                () -> {
                    ObjectNode o = obj();
                    o.putNull("pce_fqdn");
                    o.put("description", "");
                    o.putNull("manager_type");
                    o.putNull("last_connected");
                    o.putNull("kubelink_version");
                    o.put("online", false);
                    o.putArray("nodes");
                    o.putNull("container_runtime");
                    o.putArray("errors");
                    o.putArray("caps").add("write");
                    return o;
                },
                (old, o) -> {
                    Validation.require(o, "name");
                    Validation.requireTypes(o, "name", STRING, "description", STRING);
                    if (o.has("container_cluster_token")) {
                        // Only the create's answer carries it; it is never stored or accepted.
                        throw PceApiException.invalid("Property 'container_cluster_token' is read-only");
                    }
                    for (ObjectNode c : state.collection("container_clusters").all()) {
                        if (c != old && c.path("name").asText().equals(o.path("name").asText())
                                && !c.path("href").equals(o.path("href"))) {
                            throw new PceApiException(406, "container_cluster_name_in_use", "Container cluster name must be unique");
                        }
                    }
                },
                old -> state.collection("container_workload_profiles").all().removeIf(
                        p -> p.path("href").asText().startsWith(old.path("href").asText() + "/")),
                true, true, true);
    }

    OrgKind containerWorkloadProfiles() {
        return new OrgKind("container_workload_profiles", false,
                new Filters().partial("name", "name").exact("namespace", "namespace").exact("enforcement_mode", "enforcement_mode")
                        .exact("visibility_level", "visibility_level")
                        .bool("managed", o -> o.path("managed").asBoolean()).bool("linked", o -> o.path("linked").asBoolean()),
                () -> {
                    ObjectNode o = obj();
                    o.putNull("name");
                    o.put("description", "");
                    o.putNull("namespace");
                    o.put("enforcement_mode", "idle");
                    o.put("visibility_level", "flow_summary");
                    o.put("managed", false);
                    o.put("linked", false);
                    o.putArray("assign_labels");
                    o.putArray("labels");
                    return o;
                },
                (old, o) -> {
                    Validation.requireTypes(o, "name", STRING, "namespace", STRING, "description", STRING,
                            "managed", BOOLEAN, "assign_labels", ARRAY, "labels", ARRAY);
                    labels.checkLabelRefs(o.get("assign_labels"));
                    checkProfileLabels(o.get("labels"));
                    String mode = o.path("enforcement_mode").asText();
                    if (!ENFORCEMENT.contains(mode)) {
                        throw PceApiException.invalid(
                                "Container workload profile enforcement_mode must be idle, visibility_only, selective or full");
                    }
                    checkNamespaceFree(old, o);
                },
                old -> {
                },
                true, true, true);
    }
    /**
     * A profile's {@code labels}: per label key either an {@code assignment} (the one label its
     * pods get) or a {@code restriction} (the labels its pods may bring), never both, one entry per
     * key, each label existing and of that key.
     */
    private void checkProfileLabels(JsonNode rules) {
        if (rules == null || rules.isNull()) {
            return;
        }
        Set<String> keys = new HashSet<>();
        for (JsonNode r : rules) {
            String key = r.path("key").asText("");
            if (!r.isObject() || key.isBlank()) {
                throw PceApiException.invalid("Each entry of 'labels' must be an object with a 'key'");
            }
            if (!keys.add(key)) {
                throw PceApiException.invalid("Property 'labels' has more than one entry for key '" + key + "'");
            }
            boolean assigned = r.hasNonNull("assignment");
            boolean restricted = r.hasNonNull("restriction");
            if (assigned == restricted) {
                throw PceApiException.invalid("Label key '" + key + "' needs either an 'assignment' or a 'restriction'");
            }
            if (assigned) {
                checkLabelOfKey(r.get("assignment"), key);
            } else {
                if (!r.get("restriction").isArray() || r.get("restriction").isEmpty()) {
                    throw PceApiException.invalid("The 'restriction' of label key '" + key + "' must be a non-empty array");
                }
                for (JsonNode ref : r.get("restriction")) {
                    checkLabelOfKey(ref, key);
                }
            }
        }
    }

    private void checkLabelOfKey(JsonNode ref, String key) {
        String href = ref.path("href").asText("");
        ObjectNode label = href.isEmpty() ? null : state.collection("labels").get(href);
        if (label == null) {
            throw PceApiException.invalid("Label '" + href + "' of key '" + key + "' does not exist");
        }
        if (!key.equals(label.path("key").asText())) {
            throw PceApiException.invalid("Label " + href + " has key '" + label.path("key").asText()
                    + "', not '" + key + "'");
        }
    }

    /** One profile per namespace in a cluster. */
    private void checkNamespaceFree(ObjectNode old, ObjectNode o) {
        String ns = o.path("namespace").asText(null);
        String href = o.path("href").asText("");
        int cut = href.indexOf("/container_workload_profiles");
        if (ns == null || cut < 0) {
            return;
        }
        String cluster = href.substring(0, cut + 1);
        for (ObjectNode p : state.collection("container_workload_profiles").all()) {
            if (p != old && p.path("href").asText().startsWith(cluster) && !p.path("href").equals(o.path("href"))
                    && ns.equals(p.path("namespace").asText(null))) {
                throw new PceApiException(406, "container_workload_profile_namespace_in_use",
                        "A container workload profile for namespace '" + ns + "' already exists in this cluster");
            }
        }
    }
}
