package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * The {@code agent} object embedded in a managed workload: the agent's {@code href}
 * ({@code /orgs/1/agents/<id>}), its {@code config} (mode, visibility, log settings, kept as
 * JSON) and its {@link Status}. A real PCE sends an agent on every workload; an unmanaged one has
 * {@code "href": null} and an empty {@code status} and {@code config} (older answers had no agent).
 */
@PceRecord
public record WorkloadAgent(
        @JsonProperty("href") String href,
        @JsonProperty("type") String type,
        @JsonProperty("config") JsonNode config,
        @JsonProperty("status") Status status,
        @JsonProperty("active_pce_fqdn") String activePceFqdn,
        @JsonProperty("target_pce_fqdn") String targetPceFqdn,
        @JsonProperty("unpair_allowed") Boolean unpairAllowed,
        @Extra Map<String, JsonNode> extra) implements PceJsonObject<WorkloadAgent> {

    public WorkloadAgent {
        extra = Extras.copy(extra);
    }

    /** The agent's {@code status}: health, version, heartbeat and policy sync state. */
    @PceRecord
    public record Status(
            @JsonProperty("status") String status,
            @JsonProperty("agent_version") String agentVersion,
            @JsonProperty("managed_since") String managedSince,
            @JsonProperty("last_heartbeat_on") String lastHeartbeatOn,
            @JsonProperty("security_policy_sync_state") String securityPolicySyncState,
            @JsonProperty("uptime_seconds") Long uptimeSeconds,
            @Extra Map<String, JsonNode> extra) implements PceJsonObject<Status> {

        public Status {
            extra = Extras.copy(extra);
        }

        @Override
        public Status withExtra(Map<String, JsonNode> extra) {
            return new Status(status, agentVersion, managedSince, lastHeartbeatOn, securityPolicySyncState,
                    uptimeSeconds, extra);
        }
    }

    /** Whether a VEN stands behind this agent: it has an href (an unmanaged workload's agent has none). */
    public boolean managed() {
        return href != null;
    }

    @Override
    public WorkloadAgent withExtra(Map<String, JsonNode> extra) {
        return new WorkloadAgent(href, type, config, status, activePceFqdn, targetPceFqdn, unpairAllowed, extra);
    }
}
