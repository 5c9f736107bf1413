package dev.pceworkbench.policy.names;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.Hrefs;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one list of kinds of PCE object the workbench names, picks, checks and opens: the actor kinds
 * of the Rules guide's combinations table (container and Kubernetes workloads count as workloads,
 * virtual servers as virtual services, user groups are a rule's {@code consuming_security_principals}),
 * plus the other objects a view shows or opens. Each kind knows how it is called in a sentence.
 */
public enum ObjectKind {
    ALL_WORKLOADS("All Workloads", "All Workloads"),
    LABEL("label", "labels"),
    LABEL_GROUP("label group", "label groups"),
    WORKLOAD("workload", "workloads"),
    IP_LIST("IP list", "IP lists"),
    VIRTUAL_SERVICE("virtual service", "virtual services"),
    USER_GROUP("user group", "user groups"),
    IP_ADDRESS("IP address", "IP addresses"),
    SERVICE("service", "services"),
    PORT("port", "ports"),
    RULE_SET("rule set", "rule sets"),
    RULE("rule", "rules"),
    IPTABLES_RULE("iptables rule", "iptables rules"),
    ENFORCEMENT_BOUNDARY("enforcement boundary", "enforcement boundaries"),
    UNKNOWN("object", "unknown actors");

    private final String singular;
    private final String plural;

    ObjectKind(String singular, String plural) {
        this.singular = singular;
        this.plural = plural;
    }

    /** How one object of this kind is called in a sentence ("IP list"). */
    public String singular() {
        return singular;
    }

    /** How objects of this kind are called in a sentence ("IP lists"). */
    public String plural() {
        return plural;
    }

    /** Whether objects of this kind can be a rule's provider or consumer. */
    public boolean actor() {
        return ordinal() <= USER_GROUP.ordinal() || this == UNKNOWN;
    }

    /** The kind of one rule actor. */
    public static ObjectKind of(Actor a) {
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

    /** The kinds present in {@code actors}, in this enum's order. */
    public static Set<ObjectKind> of(List<Actor> actors) {
        Set<ObjectKind> out = EnumSet.noneOf(ObjectKind.class);
        for (Actor a : actors) {
            out.add(of(a));
        }
        return out;
    }

    /**
     * The kind of the object an href names ({@code /orgs/1/sec_policy/draft/rule_sets/3/sec_rules/9}
     * is a RULE, {@code /orgs/1/labels/7} a LABEL); UNKNOWN for hrefs of other collections.
     */
    public static ObjectKind fromHref(String href) {
        String collection = Hrefs.collection(href);
        if (collection == null) {
            return UNKNOWN;
        }
        return switch (collection) {
            case "labels" -> LABEL;
            case "label_groups" -> LABEL_GROUP;
            case "workloads", "container_workloads", "kubernetes_workloads" -> WORKLOAD;
            case "ip_lists" -> IP_LIST;
            case "virtual_services", "virtual_servers" -> VIRTUAL_SERVICE;
            case "security_principals" -> USER_GROUP;
            case "services" -> SERVICE;
            case "rule_sets" -> RULE_SET;
            case "sec_rules" -> RULE;
            case "ip_tables_rules" -> IPTABLES_RULE;
            case "enforcement_boundaries" -> ENFORCEMENT_BOUNDARY;
            default -> UNKNOWN;
        };
    }

    /** "IP lists and virtual services": the kinds' plurals as a phrase. */
    public static String phrase(Set<ObjectKind> kinds) {
        List<String> names = kinds.stream().map(ObjectKind::plural).toList();
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
