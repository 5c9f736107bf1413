package dev.pceworkbench.ui.common.policy;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.IpList;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.ScopeEntry;
import dev.pceworkbench.pce.model.Service;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.policy.PolicyData;
import dev.pceworkbench.policy.PolicyModel;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names PCE objects the way people read them, for tables and exports of one policy version:
 * {@code role Web}, {@code label group LG-Data}, {@code workload web-01}, {@code IP list Corp},
 * {@code All Workloads}, services by name or as {@code 5432 TCP}, scopes as {@code app CRM + env Prod}
 * (the engine's own explanations use the same words). Also the 1-based number of a rule in its rule
 * set. Immutable after construction; built in a background task, read from any thread.
 */
public final class PolicyNames {
    private final Map<String, Label> labels = new HashMap<>();
    private final Map<String, String> labelGroups = new HashMap<>();
    private final Map<String, Workload> workloads = new HashMap<>();
    private final Map<String, String> ipLists = new HashMap<>();
    private final Map<String, String> virtualServices = new HashMap<>();
    private final Map<String, String> services = new HashMap<>();
    private final Map<RuleSet, Integer> ruleSetStart = new IdentityHashMap<>();

    public PolicyNames(PolicyData data) {
        data.labels().forEach(l -> labels.put(l.href(), l));
        data.labelGroups().forEach(g -> labelGroups.put(neutral(g.href()), g.name()));
        data.workloads().forEach(w -> workloads.put(w.href(), w));
        data.ipLists().forEach(l -> ipLists.put(neutral(l.href()), l.name()));
        data.virtualServices().forEach(v -> virtualServices.put(neutral(v.href()), v.name()));
        data.services().forEach(s -> services.put(neutral(s.href()), s.name()));
        int start = 0;
        for (RuleSet rs : data.ruleSets()) {
            ruleSetStart.put(rs, start);
            start += rs.rules().size();
        }
    }

    private static String neutral(String href) {
        return PolicyModel.neutralHref(href);
    }

    /** The rule's 1-based position in its rule set, from the engine's rule index. */
    public int ruleNumber(RuleSet ruleSet, int ruleIndex) {
        Integer start = ruleSetStart.get(ruleSet);
        return start == null ? 0 : ruleIndex - start + 1;
    }

    public String actor(Actor a) {
        if (a.allWorkloadsActor()) {
            return "All Workloads";
        }
        if (a.label() != null) {
            return label(a.label().href());
        }
        if (a.labelGroup() != null) {
            return "label group " + labelGroups.getOrDefault(neutral(a.labelGroup().href()), a.labelGroup().href());
        }
        if (a.workload() != null) {
            Workload w = workloads.get(a.workload().href());
            return "workload " + (w == null ? a.workload().href() : workload(w));
        }
        if (a.ipList() != null) {
            return "IP list " + ipLists.getOrDefault(neutral(a.ipList().href()), a.ipList().href());
        }
        if (a.virtualService() != null) {
            return "virtual service " + virtualServices.getOrDefault(neutral(a.virtualService().href()),
                    a.virtualService().href());
        }
        return a.kind() == null ? "unknown actor" : a.kind().replace('_', ' ') + " " + (a.ref() == null ? "" : a.ref().href());
    }

    public String actors(List<Actor> actors) {
        StringBuilder b = new StringBuilder();
        for (Actor a : actors) {
            b.append(b.isEmpty() ? "" : ", ").append(actor(a));
        }
        return b.toString();
    }

    /** {@code role Web}; the href when the label is unknown. */
    public String label(String href) {
        Label l = labels.get(href);
        return l == null ? "label " + href : l.key() + " " + l.value();
    }

    public String services(List<IngressService> list) {
        StringBuilder b = new StringBuilder();
        for (IngressService s : list) {
            b.append(b.isEmpty() ? "" : ", ").append(service(s));
        }
        return b.isEmpty() ? "None (virtual service ports)" : b.toString();
    }

    public String service(IngressService s) {
        if (s.serviceRef()) {
            return services.getOrDefault(neutral(s.href()), s.href());
        }
        String proto = protocolName(s.proto());
        if (s.port() == null || s.port() < 0) {
            return proto;
        }
        String ports = s.toPort() == null || s.toPort().equals(s.port()) ? String.valueOf(s.port()) : s.port() + "-" + s.toPort();
        return ports + " " + proto;
    }

    /** A rule set's scopes, {@code |} between scopes, {@code +} between a scope's labels; "All" for the global scope. */
    public String scopes(List<List<ScopeEntry>> scopes) {
        StringBuilder b = new StringBuilder();
        for (List<ScopeEntry> scope : scopes) {
            b.append(b.isEmpty() ? "" : " | ");
            if (scope.isEmpty()) {
                b.append("All");
                continue;
            }
            StringBuilder s = new StringBuilder();
            for (ScopeEntry e : scope) {
                s.append(s.isEmpty() ? "" : " + ").append(Boolean.TRUE.equals(e.exclusion()) ? "not " : "")
                        .append(e.label() != null ? label(e.label().href())
                                : e.labelGroup() != null ? actor(Actor.labelGroup(e.labelGroup().href())) : "?");
            }
            b.append(s);
        }
        return b.isEmpty() ? "All" : b.toString();
    }

    public static String workload(Workload w) {
        return w.hostname() != null && !w.hostname().isBlank() ? w.hostname() : w.name() != null ? w.name() : w.href();
    }

    /** The workload's labels, {@code role Web, app CRM...}. */
    public String workloadLabels(Workload w) {
        StringBuilder b = new StringBuilder();
        w.labels().forEach(l -> b.append(b.isEmpty() ? "" : ", ").append(label(l.href())));
        return b.toString();
    }

    public static String protocolName(Integer proto) {
        if (proto == null || proto == -1) {
            return "All Services";
        }
        return switch (proto) {
            case 1 -> "ICMP";
            case 4 -> "IPIP";
            case 6 -> "TCP";
            case 17 -> "UDP";
            case 47 -> "GRE";
            case 50 -> "ESP";
            case 51 -> "AH";
            case 58 -> "ICMPv6";
            case 132 -> "SCTP";
            default -> "protocol " + proto;
        };
    }

    static String nameOr(String name, String href) {
        return name == null || name.isBlank() ? href : name;
    }

    /** For the pickers: an IP list's, virtual service's or label group's display name. */
    static String name(IpList l) {
        return nameOr(l.name(), l.href());
    }

    static String name(VirtualService v) {
        return nameOr(v.name(), v.href());
    }

    static String name(LabelGroup g) {
        return nameOr(g.name(), g.href());
    }

    static String name(Service s) {
        return nameOr(s.name(), s.href());
    }
}
