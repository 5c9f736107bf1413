package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A workload, {@code /orgs/1/workloads/<uuid>}: a host (managed by a VEN, with {@code agent} and
 * {@code ven} references, or unmanaged) with its {@code labels}, {@code interfaces},
 * {@code enforcement_mode} and {@code visibility_level}. Less used members (open service ports,
 * firewall coexistence, selective enforcement...) are kept in {@code extra}.
 */
@PceRecord
public record Workload(
        @JsonProperty("href") String href,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("hostname") String hostname,
        @JsonProperty("public_ip") String publicIp,
        @JsonProperty("labels") List<Href> labels,
        @JsonProperty("interfaces") List<WorkloadInterface> interfaces,
        @JsonProperty("enforcement_mode") String enforcementMode,
        @JsonProperty("visibility_level") String visibilityLevel,
        @JsonProperty("online") Boolean online,
        @JsonProperty("os_id") String osId,
        @JsonProperty("os_detail") String osDetail,
        @JsonProperty("data_center") String dataCenter,
        @JsonProperty("data_center_zone") String dataCenterZone,
        @JsonProperty("service_provider") String serviceProvider,
        @JsonProperty("agent") WorkloadAgent agent,
        @JsonProperty("ven") Href ven,
        @JsonProperty("deleted") Boolean deleted,
        @Extra Map<String, JsonNode> extra) implements PceResource<Workload> {

    public Workload {
        labels = Extras.list(labels);
        interfaces = Extras.list(interfaces);
        extra = Extras.copy(extra);
    }

    /** A new unmanaged workload, as the body of a create. */
    public static Workload unmanaged(String hostname, List<Href> labels, List<WorkloadInterface> interfaces) {
        return new Workload(null, null, null, hostname, null, labels, interfaces, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    /**
     * Whether a VEN manages this workload: the PCE's {@code managed} flag when it sends one (kept in
     * {@code extra}), otherwise whether it has a {@code ven} or an agent href.
     */
    public boolean managed() {
        JsonNode flag = extra.get("managed");
        if (flag != null && flag.isBoolean()) {
            return flag.booleanValue();
        }
        return ven != null || (agent != null && agent.href() != null);
    }

    public Workload withName(String name) {
        return new Workload(href, name, description, hostname, publicIp, labels, interfaces, enforcementMode,
                visibilityLevel, online, osId, osDetail, dataCenter, dataCenterZone, serviceProvider, agent, ven,
                deleted, extra);
    }

    public Workload withDescription(String description) {
        return new Workload(href, name, description, hostname, publicIp, labels, interfaces, enforcementMode,
                visibilityLevel, online, osId, osDetail, dataCenter, dataCenterZone, serviceProvider, agent, ven,
                deleted, extra);
    }

    public Workload withHostname(String hostname) {
        return new Workload(href, name, description, hostname, publicIp, labels, interfaces, enforcementMode,
                visibilityLevel, online, osId, osDetail, dataCenter, dataCenterZone, serviceProvider, agent, ven,
                deleted, extra);
    }

    public Workload withLabels(List<Href> labels) {
        return new Workload(href, name, description, hostname, publicIp, labels, interfaces, enforcementMode,
                visibilityLevel, online, osId, osDetail, dataCenter, dataCenterZone, serviceProvider, agent, ven,
                deleted, extra);
    }

    public Workload withInterfaces(List<WorkloadInterface> interfaces) {
        return new Workload(href, name, description, hostname, publicIp, labels, interfaces, enforcementMode,
                visibilityLevel, online, osId, osDetail, dataCenter, dataCenterZone, serviceProvider, agent, ven,
                deleted, extra);
    }

    public Workload withEnforcementMode(String enforcementMode) {
        return new Workload(href, name, description, hostname, publicIp, labels, interfaces, enforcementMode,
                visibilityLevel, online, osId, osDetail, dataCenter, dataCenterZone, serviceProvider, agent, ven,
                deleted, extra);
    }

    public Workload withVisibilityLevel(String visibilityLevel) {
        return new Workload(href, name, description, hostname, publicIp, labels, interfaces, enforcementMode,
                visibilityLevel, online, osId, osDetail, dataCenter, dataCenterZone, serviceProvider, agent, ven,
                deleted, extra);
    }

    @Override
    public Workload withExtra(Map<String, JsonNode> extra) {
        return new Workload(href, name, description, hostname, publicIp, labels, interfaces, enforcementMode,
                visibilityLevel, online, osId, osDetail, dataCenter, dataCenterZone, serviceProvider, agent, ven,
                deleted, extra);
    }
}
