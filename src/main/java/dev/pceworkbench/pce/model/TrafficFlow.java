package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * One flow record of a traffic query download: the {@code src} and {@code dst} {@link Endpoint}s,
 * the {@link FlowService}, {@code num_connections}, the {@code policy_decision}
 * ({@code allowed}, {@code blocked}, {@code potentially_blocked}, {@code unknown}),
 * {@code flow_direction}, {@code state}, {@code transmission}, when it was seen
 * ({@code timestamp_range}) and the byte counters {@code dst_bi} / {@code dst_bo}; after
 * {@code update_rules}, the {@code draft_policy_decision} ({@code allowed},
 * {@code potentially_blocked_no_rule}, {@code blocked_no_rule}, {@code blocked_by_boundary}...) and the
 * draft {@code rules} (and {@code deny_rules}) that decide it; {@code boundary_decision} where an
 * enforcement boundary blocks it.
 */
@PceRecord
public record TrafficFlow(
        @JsonProperty("src") Endpoint src,
        @JsonProperty("dst") Endpoint dst,
        @JsonProperty("service") FlowService service,
        @JsonProperty("num_connections") Integer numConnections,
        @JsonProperty("policy_decision") String policyDecision,
        @JsonProperty("flow_direction") String flowDirection,
        @JsonProperty("state") String state,
        @JsonProperty("transmission") String transmission,
        @JsonProperty("timestamp_range") TimestampRange timestampRange,
        @JsonProperty("dst_bi") Long dstBi,
        @JsonProperty("dst_bo") Long dstBo,
        @JsonProperty("icmp_type") Integer icmpType,
        @JsonProperty("icmp_code") Integer icmpCode,
        @JsonProperty("network") Href network,
        @JsonProperty("draft_policy_decision") String draftPolicyDecision,
        @JsonProperty("boundary_decision") String boundaryDecision,
        @JsonProperty("rules") JsonNode rules,
        @JsonProperty("deny_rules") JsonNode denyRules,
        @Extra Map<String, JsonNode> extra) implements PceJsonObject<TrafficFlow> {

    public TrafficFlow {
        extra = Extras.copy(extra);
    }

    /** One end of a flow: its {@code ip} and what the PCE knows about it. */
    @PceRecord
    @Repeated
    public record Endpoint(
            @JsonProperty("ip") String ip,
            @JsonProperty("workload") FlowWorkload workload,
            @JsonProperty("ip_lists") List<Href> ipLists,
            @JsonProperty("fqdn") String fqdn,
            @JsonProperty("virtual_service") Href virtualService,
            @Extra Map<String, JsonNode> extra) implements PceJsonObject<Endpoint> {

        public Endpoint {
            ipLists = Extras.list(ipLists);
            extra = Extras.copy(extra);
        }

        @Override
        public Endpoint withExtra(Map<String, JsonNode> extra) {
            return new Endpoint(ip, workload, ipLists, fqdn, virtualService, extra);
        }
    }

    /** The workload at one end of a flow, with its labels ({@code href}, {@code key}, {@code value}). */
    @PceRecord
    public record FlowWorkload(
            @JsonProperty("href") String href,
            @JsonProperty("name") String name,
            @JsonProperty("hostname") String hostname,
            @JsonProperty("os_type") String osType,
            @JsonProperty("labels") List<Href> labels,
            @JsonProperty("enforcement_mode") String enforcementMode,
            @Extra Map<String, JsonNode> extra) implements PceJsonObject<FlowWorkload> {

        public FlowWorkload {
            labels = Extras.list(labels);
            extra = Extras.copy(extra);
        }

        @Override
        public FlowWorkload withExtra(Map<String, JsonNode> extra) {
            return new FlowWorkload(href, name, hostname, osType, labels, enforcementMode, extra);
        }
    }

    /** The service of a flow: port, protocol and, when the VEN reported them, process and user. */
    @PceRecord
    public record FlowService(
            @JsonProperty("port") Integer port,
            @JsonProperty("to_port") Integer toPort,
            @JsonProperty("proto") Integer proto,
            @JsonProperty("process_name") String processName,
            @JsonProperty("windows_service_name") String windowsServiceName,
            @JsonProperty("user_name") String userName,
            @Extra Map<String, JsonNode> extra) implements PceJsonObject<FlowService> {

        public FlowService {
            extra = Extras.copy(extra);
        }

        @Override
        public FlowService withExtra(Map<String, JsonNode> extra) {
            return new FlowService(port, toPort, proto, processName, windowsServiceName, userName, extra);
        }
    }

    /** When the flow was first and last seen. */
    @PceRecord
    public record TimestampRange(
            @JsonProperty("first_detected") String firstDetected,
            @JsonProperty("last_detected") String lastDetected,
            @Extra Map<String, JsonNode> extra) implements PceJsonObject<TimestampRange> {

        public TimestampRange {
            extra = Extras.copy(extra);
        }

        @Override
        public TimestampRange withExtra(Map<String, JsonNode> extra) {
            return new TimestampRange(firstDetected, lastDetected, extra);
        }
    }

    @Override
    public TrafficFlow withExtra(Map<String, JsonNode> extra) {
        return new TrafficFlow(src, dst, service, numConnections, policyDecision, flowDirection, state, transmission,
                timestampRange, dstBi, dstBo, icmpType, icmpCode, network, draftPolicyDecision, boundaryDecision, rules,
                denyRules, extra);
    }

    /** This flow with {@code draft_policy_decision} (and its draft {@code rules}) set, as a download after {@code update_rules} carries them. */
    public TrafficFlow withDraft(String draftDecision, JsonNode draftRules) {
        return new TrafficFlow(src, dst, service, numConnections, policyDecision, flowDirection, state, transmission,
                timestampRange, dstBi, dstBo, icmpType, icmpCode, network, draftDecision, boundaryDecision, draftRules,
                denyRules, extra);
    }
}
