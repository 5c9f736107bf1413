package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A service binding, {@code /orgs/1/service_bindings/<uuid>}: binds an active
 * {@code virtual_service} to a {@code workload} (or {@code container_workload}), optionally moving
 * ports with {@code port_overrides}. Bindings are created in bulk (POST of an array) and deleted,
 * never updated.
 */
@PceRecord
public record ServiceBinding(
        @JsonProperty("href") String href,
        @JsonProperty("virtual_service") Href virtualService,
        @JsonProperty("workload") Href workload,
        @JsonProperty("container_workload") Href containerWorkload,
        @JsonProperty("port_overrides") List<PortOverride> portOverrides,
        @Extra Map<String, JsonNode> extra) implements PceResource<ServiceBinding> {

    public ServiceBinding {
        portOverrides = Extras.list(portOverrides);
        extra = Extras.copy(extra);
    }

    /** A new binding, as an element of the create body. */
    public static ServiceBinding of(String virtualServiceHref, String workloadHref, List<PortOverride> portOverrides) {
        return new ServiceBinding(null, Href.of(virtualServiceHref), Href.of(workloadHref), null, portOverrides, null);
    }

    /** A new binding of a container workload, as an element of the create body. */
    public static ServiceBinding ofContainerWorkload(String virtualServiceHref, String containerWorkloadHref,
                                                     List<PortOverride> portOverrides) {
        return new ServiceBinding(null, Href.of(virtualServiceHref), null, Href.of(containerWorkloadHref), portOverrides, null);
    }

    /** The read-only {@code bound_service} the PCE adds on reads (null when absent or null). */
    public Href boundService() {
        JsonNode n = extra.get("bound_service");
        return n == null || !n.hasNonNull("href") ? null : Href.of(n.get("href").asText());
    }

    /** The bound target: the workload's href, else the container workload's. */
    public String targetHref() {
        return workload != null && workload.href() != null ? workload.href()
                : containerWorkload == null ? null : containerWorkload.href();
    }

    /** Serves {@code port}/{@code proto} of the virtual service on {@code new_port} (to {@code new_to_port}). */
    @PceRecord
    public record PortOverride(
            @JsonProperty("port") Integer port,
            @JsonProperty("proto") Integer proto,
            @JsonProperty("new_port") Integer newPort,
            @JsonProperty("new_to_port") Integer newToPort,
            @Extra Map<String, JsonNode> extra) implements PceJsonObject<PortOverride> {

        public PortOverride {
            extra = Extras.copy(extra);
        }

        public static PortOverride of(int port, int proto, int newPort) {
            return new PortOverride(port, proto, newPort, null, null);
        }

        /** {@code port}/{@code proto} served on the range {@code newPort}-{@code newToPort}. */
        public static PortOverride range(int port, int proto, int newPort, int newToPort) {
            return new PortOverride(port, proto, newPort, newToPort, null);
        }

        @Override
        public PortOverride withExtra(Map<String, JsonNode> extra) {
            return new PortOverride(port, proto, newPort, newToPort, extra);
        }
    }

    @Override
    public ServiceBinding withExtra(Map<String, JsonNode> extra) {
        return new ServiceBinding(href, virtualService, workload, containerWorkload, portOverrides, extra);
    }
}
