package dev.pceworkbench.demo.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.http.PceApiException;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.pce.json.PceJson;

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
                    Validation.requireTypes(o, "name", STRING, "namespace", STRING, "managed", BOOLEAN, "assign_labels", ARRAY);
                    labels.checkLabelRefs(o.get("assign_labels"));
                    String mode = o.path("enforcement_mode").asText();
                    if (!Set.of("idle", "visibility_only", "full").contains(mode)) {
                        throw PceApiException.invalid("Container workload profile enforcement_mode must be idle, visibility_only or full");
                    }
                },
                old -> {
                },
                true, true, true);
    }
}
