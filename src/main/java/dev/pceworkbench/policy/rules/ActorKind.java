package dev.pceworkbench.policy.rules;

import dev.pceworkbench.pce.model.Actor;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The kinds of provider and consumer the Rules guide's combinations table distinguishes. Container
 * and Kubernetes workloads count as workloads and virtual servers as virtual services (the guide
 * does not list them separately); user groups are a rule's {@code consuming_security_principals}.
 */
public enum ActorKind {
    ALL_WORKLOADS("All Workloads"), LABEL("labels"), LABEL_GROUP("label groups"), WORKLOAD("workloads"),
    IP_LIST("IP lists"), VIRTUAL_SERVICE("virtual services"), USER_GROUP("user groups"), UNKNOWN("unknown actors");

    private final String plural;

    ActorKind(String plural) {
        this.plural = plural;
    }

    /** How people name actors of this kind in a sentence ("IP lists"). */
    public String plural() {
        return plural;
    }

    /** The kind of one actor. */
    public static ActorKind of(Actor a) {
        String k = a.kind();
        if (k == null) {
            return UNKNOWN;
        }
        return switch (k) {
            case "actors" -> a.allWorkloadsActor() ? ALL_WORKLOADS : UNKNOWN;
            case "label" -> LABEL;
            case "label_group" -> LABEL_GROUP;
            case "workload", "container_workload", "kubernetes_workload" -> WORKLOAD;
            case "ip_list" -> IP_LIST;
            case "virtual_service", "virtual_server" -> VIRTUAL_SERVICE;
            default -> UNKNOWN;
        };
    }

    /** The kinds present in {@code actors}. */
    public static Set<ActorKind> of(List<Actor> actors) {
        Set<ActorKind> out = EnumSet.noneOf(ActorKind.class);
        for (Actor a : actors) {
            out.add(of(a));
        }
        return out;
    }

    /** "IP lists and virtual services": the kinds as a phrase. */
    static String phrase(Set<ActorKind> kinds) {
        List<String> names = kinds.stream().map(ActorKind::plural).toList();
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
