package dev.pceworkbench.ui.common.policy;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.policy.names.Names;
import dev.pceworkbench.policy.names.ObjectKind;

/**
 * Something a rule search or policy check can be asked about, as the pickers list it: a label, a
 * label group, a workload, an IP list, a virtual service or All Workloads (with its {@link Actor}),
 * or a typed IP address ({@code ip} set, no actor). {@code text} is the name's {@link Name#display()}
 * ({@code role: Web}, {@code workload web-01}): what the picker shows and what a user can type to
 * choose it; {@code detail} (a workload's name and labels) is searched too.
 */
public record ActorOption(Name name, String text, String detail, Actor actor, String ip) {
    public static ActorOption of(Name name, String detail, Actor actor) {
        return new ActorOption(name, name.display(), detail, actor, null);
    }

    public static ActorOption ipAddress(String ip) {
        Name n = Names.ipAddress(ip);
        return new ActorOption(n, n.display(), "", null, ip);
    }

    public ObjectKind kind() {
        return name.kind();
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
