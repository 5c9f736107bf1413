package dev.pceworkbench.workspace;

import dev.pceworkbench.pce.model.TrafficFlow;

/**
 * What makes two downloaded flow records the same flow, for merging the windows of a split query:
 * both ends (workload href and address), the service (port, protocol, process, user, Windows
 * service), the reported decision, direction, transmission and when it was first and last seen. Not
 * the connection count or byte counters (they are the flow's measure, not its identity), nor the
 * state or draft decision (they can change between two windows' queries).
 */
public record FlowIdentity(String srcIp, String srcWorkload, String dstIp, String dstWorkload, Integer port,
                           Integer proto, String process, String user, String windowsService, String decision,
                           String direction, String transmission, String firstDetected, String lastDetected) {

    public static FlowIdentity of(TrafficFlow f) {
        TrafficFlow.Endpoint s = f.src();
        TrafficFlow.Endpoint d = f.dst();
        TrafficFlow.FlowService svc = f.service();
        TrafficFlow.TimestampRange t = f.timestampRange();
        return new FlowIdentity(s == null ? null : s.ip(), s == null || s.workload() == null ? null : s.workload().href(),
                d == null ? null : d.ip(), d == null || d.workload() == null ? null : d.workload().href(),
                svc == null ? null : svc.port(), svc == null ? null : svc.proto(),
                svc == null ? null : svc.processName(), svc == null ? null : svc.userName(),
                svc == null ? null : svc.windowsServiceName(), f.policyDecision(), f.flowDirection(), f.transmission(),
                t == null ? null : t.firstDetected(), t == null ? null : t.lastDetected());
    }
}
