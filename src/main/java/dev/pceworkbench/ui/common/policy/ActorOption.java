package dev.pceworkbench.ui.common.policy;

import dev.pceworkbench.pce.model.Actor;

/**
 * Something a rule search or policy check can be asked about, as the pickers list it: a label, a
 * label group, a workload, an IP list, a virtual service or All Workloads (with its {@link Actor}),
 * or a typed IP address ({@code ip} set, no actor). {@code text} is what the picker shows and what a
 * user can type to choose it; {@code detail} (a workload's name and labels) is searched too.
 */
public record ActorOption(Kind kind, String text, String detail, Actor actor, String ip) {
    /** What kind of object an option is. */
    public enum Kind { LABEL, LABEL_GROUP, WORKLOAD, IP_LIST, VIRTUAL_SERVICE, ALL_WORKLOADS, IP_ADDRESS }

    public static ActorOption of(Kind kind, String text, String detail, Actor actor) {
        return new ActorOption(kind, text, detail, actor, null);
    }

    public static ActorOption ipAddress(String ip) {
        return new ActorOption(Kind.IP_ADDRESS, "IP address " + ip, "", null, ip);
    }

    /** The workload's href, for a workload option (null otherwise). */
    public String workloadHref() {
        return actor != null && actor.workload() != null ? actor.workload().href() : null;
    }

    @Override
    public String toString() {
        return text;
    }
}
