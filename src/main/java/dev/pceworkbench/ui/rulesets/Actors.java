package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.ScopeEntry;

import java.util.ArrayList;
import java.util.List;

/** Turns picked chips back into the PCE's actor and scope records. */
final class Actors {
    private Actors() {
    }

    static Actor of(Chip c) {
        return switch (c.kind()) {
            case ALL_WORKLOADS -> Actor.allWorkloads();
            case LABEL -> Actor.label(c.href());
            case LABEL_GROUP -> Actor.labelGroup(c.href());
            case IP_LIST -> Actor.ipList(c.href());
            case WORKLOAD -> Actor.workload(c.href());
            case VIRTUAL_SERVICE -> Actor.virtualService(c.href());
            default -> throw new IllegalArgumentException(c.display() + " is not an actor");
        };
    }

    static List<Actor> of(List<Chip> chips) {
        List<Actor> out = new ArrayList<>();
        for (Chip c : chips) {
            out.add(of(c));
        }
        return out;
    }

    static ScopeEntry scopeEntry(Chip c) {
        return switch (c.kind()) {
            case LABEL -> ScopeEntry.label(c.href());
            case LABEL_GROUP -> ScopeEntry.labelGroup(c.href());
            default -> throw new IllegalArgumentException("Scopes hold labels and label groups, not " + c.display());
        };
    }
}
