package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.ScopeEntry;
import dev.pceworkbench.policy.names.Name;

import java.util.ArrayList;
import java.util.List;

/** Turns picked names back into the PCE's actor and scope records. */
final class Actors {
    private Actors() {
    }

    static Actor of(Name n) {
        return switch (n.kind()) {
            case ALL_WORKLOADS -> Actor.allWorkloads();
            case LABEL -> Actor.label(n.href());
            case LABEL_GROUP -> Actor.labelGroup(n.href());
            case IP_LIST -> Actor.ipList(n.href());
            case WORKLOAD -> Actor.workload(n.href());
            case VIRTUAL_SERVICE -> Actor.virtualService(n.href());
            default -> throw new IllegalArgumentException(n.display() + " is not an actor");
        };
    }

    static List<Actor> of(List<Name> names) {
        List<Actor> out = new ArrayList<>();
        for (Name n : names) {
            out.add(of(n));
        }
        return out;
    }

    static ScopeEntry scopeEntry(Name n) {
        ScopeEntry e = switch (n.kind()) {
            case LABEL -> ScopeEntry.label(n.href());
            case LABEL_GROUP -> ScopeEntry.labelGroup(n.href());
            default -> throw new IllegalArgumentException("Scopes hold labels and label groups, not " + n.display());
        };
        return n.excluded() ? new ScopeEntry(e.label(), e.labelGroup(), true, e.extra()) : e;
    }
}
