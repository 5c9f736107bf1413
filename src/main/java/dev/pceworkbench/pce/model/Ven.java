package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A VEN (the enforcement agent), {@code /orgs/1/vens/<uuid>}: host details, {@code version},
 * {@code status} (active, suspended, stopped, uninstalled), heartbeat times, its
 * {@code interfaces} and the {@code workloads} it manages, and current {@code conditions}.
 */
@PceRecord
public record Ven(
        @JsonProperty("href") String href,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("hostname") String hostname,
        @JsonProperty("uid") String uid,
        @JsonProperty("os_id") String osId,
        @JsonProperty("os_detail") String osDetail,
        @JsonProperty("os_platform") String osPlatform,
        @JsonProperty("version") String version,
        @JsonProperty("status") String status,
        @JsonProperty("ven_type") String venType,
        @JsonProperty("activation_type") String activationType,
        @JsonProperty("active_pce_fqdn") String activePceFqdn,
        @JsonProperty("target_pce_fqdn") String targetPceFqdn,
        @JsonProperty("labels") List<Href> labels,
        @JsonProperty("interfaces") List<WorkloadInterface> interfaces,
        @JsonProperty("workloads") List<Href> workloads,
        @JsonProperty("container_cluster") Href containerCluster,
        @JsonProperty("unpair_allowed") Boolean unpairAllowed,
        @JsonProperty("last_heartbeat_at") String lastHeartbeatAt,
        @JsonProperty("last_goodbye_at") String lastGoodbyeAt,
        @JsonProperty("conditions") List<JsonNode> conditions,
        @Extra Map<String, JsonNode> extra) implements PceResource<Ven> {

    public Ven {
        labels = Extras.list(labels);
        interfaces = Extras.list(interfaces);
        workloads = Extras.list(workloads);
        conditions = Extras.list(conditions);
        extra = Extras.copy(extra);
    }

    public Ven withName(String name) {
        return new Ven(href, name, description, hostname, uid, osId, osDetail, osPlatform, version, status, venType,
                activationType, activePceFqdn, targetPceFqdn, labels, interfaces, workloads, containerCluster,
                unpairAllowed, lastHeartbeatAt, lastGoodbyeAt, conditions, extra);
    }

    public Ven withDescription(String description) {
        return new Ven(href, name, description, hostname, uid, osId, osDetail, osPlatform, version, status, venType,
                activationType, activePceFqdn, targetPceFqdn, labels, interfaces, workloads, containerCluster,
                unpairAllowed, lastHeartbeatAt, lastGoodbyeAt, conditions, extra);
    }

    @Override
    public Ven withExtra(Map<String, JsonNode> extra) {
        return new Ven(href, name, description, hostname, uid, osId, osDetail, osPlatform, version, status, venType,
                activationType, activePceFqdn, targetPceFqdn, labels, interfaces, workloads, containerCluster,
                unpairAllowed, lastHeartbeatAt, lastGoodbyeAt, conditions, extra);
    }
}
