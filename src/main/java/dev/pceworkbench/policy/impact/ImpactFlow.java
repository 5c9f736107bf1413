package dev.pceworkbench.policy.impact;

import dev.pceworkbench.pce.model.TrafficFlow;
import dev.pceworkbench.policy.PortRange;

/**
 * One observed flow, reduced to what its policy decision depends on: the source and destination
 * (a workload href when the PCE knew the workload, and the address seen), the protocol and port
 * ({@link PortRange#protocol} for a port-less protocol), and how many connections it stands for.
 * {@link #of(TrafficFlow)} reads a record of a traffic query download.
 */
public record ImpactFlow(String sourceWorkload, String sourceIp, String destinationWorkload, String destinationIp,
                         PortRange service, long connections) {

    /** A flow of a traffic query download; a missing {@code num_connections} counts as one. */
    public static ImpactFlow of(TrafficFlow f) {
        TrafficFlow.Endpoint src = f.src();
        TrafficFlow.Endpoint dst = f.dst();
        TrafficFlow.FlowService s = f.service();
        int proto = s == null || s.proto() == null ? -1 : s.proto();
        PortRange service = s == null || s.port() == null || s.port() < 0 ? PortRange.protocol(proto)
                : PortRange.of(proto, s.port());
        return new ImpactFlow(workload(src), src == null ? null : src.ip(), workload(dst), dst == null ? null : dst.ip(),
                service, f.numConnections() == null ? 1 : Math.max(1, f.numConnections()));
    }

    private static String workload(TrafficFlow.Endpoint e) {
        return e == null || e.workload() == null ? null : e.workload().href();
    }
}
