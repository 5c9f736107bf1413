package dev.pceworkbench.policy.names;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.IpList;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.pce.model.ScopeEntry;
import dev.pceworkbench.pce.model.Service;
import dev.pceworkbench.pce.model.ServicePort;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.pce.model.Workload;

import java.util.ArrayList;
import java.util.List;

/**
 * The workbench's one vocabulary: how a label, label group, workload, IP list, virtual service,
 * All Workloads, user group, service, port range, protocol, ICMP type, scope and list of actors is
 * written, for every table, chip, export and explanation. Pure functions over the model records and a
 * {@link NameLookup}; {@code NamesTest} pins every format.
 *
 * <ul>
 *   <li>label {@code role: Web}; label group {@code label group LG-Data}; workload {@code workload web-01}
 *       (hostname, else name, else the short id); {@code IP list Corp}; {@code virtual service VS-DB};
 *       {@code user group Admins}; {@code All Workloads}; an unknown reference: its kind and href.</li>
 *   <li>ports {@code 443 TCP}, {@code 8000-8080 UDP}, {@code ICMP}, {@code ICMP type 3 code 4},
 *       {@code protocol 99}, {@code All Services} (every protocol, every port).</li>
 *   <li>a list of actors joined with {@code ", "}; a scope's labels with {@code " + "} (all must
 *       match); a rule set's scopes with {@code " | "}; the empty scope {@code All}.</li>
 * </ul>
 */
public final class Names {
    /** Between the actors (or services) of one list: any of them. */
    public static final String LIST_SEPARATOR = ", ";
    /** Between the labels of one scope: all of them. */
    public static final String SCOPE_SEPARATOR = " + ";
    /** Between the scopes of one rule set: any of them. */
    public static final String SCOPES_SEPARATOR = " | ";
    /** The scope without labels: every workload. */
    public static final String ALL_SCOPE = "All";
    public static final String ALL_WORKLOADS = "All Workloads";
    public static final String ALL_SERVICES = "All Services";

    private Names() {
    }

    // ---- plain texts -------------------------------------------------------------------------

    /** {@code role: Web} (just the value when the key is unknown). */
    public static String label(String key, String value) {
        return key == null ? String.valueOf(value) : key + ": " + value;
    }

    /** A workload's own name: its hostname, else its name, else the short form of its href. */
    public static String workloadName(Workload w) {
        if (w.hostname() != null && !w.hostname().isBlank()) {
            return w.hostname();
        }
        if (w.name() != null && !w.name().isBlank()) {
            return w.name();
        }
        return Hrefs.shortId(w.href());
    }

    /** {@code TCP}, {@code UDP}, {@code ICMP}..., {@code protocol 99}; {@code any protocol} for null or -1. */
    public static String protocol(Integer proto) {
        if (proto == null || proto < 0) {
            return "any protocol";
        }
        return switch (proto) {
            case 1 -> "ICMP";
            case 2 -> "IGMP";
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

    /**
     * A port or range of a protocol: {@code 443 TCP}, {@code 8000-8080 UDP}; a protocol without a
     * port is the protocol alone ({@code GRE}); no protocol and no port is {@code All Services}; a
     * port without a protocol is {@code 443 any protocol}. A {@code toPort} at or below {@code port}
     * is a single port.
     */
    public static String port(Integer proto, Integer port, Integer toPort) {
        boolean anyProto = proto == null || proto < 0;
        if (port == null || port < 0) {
            return anyProto ? ALL_SERVICES : protocol(proto);
        }
        String ports = toPort == null || toPort <= port ? String.valueOf(port) : port + "-" + toPort;
        return ports + " " + protocol(proto);
    }

    /** An ICMP (or ICMPv6) entry with its type and code: {@code ICMP type 8}, {@code ICMPv6 type 1 code 4}. */
    public static String icmp(Integer proto, Integer type, Integer code) {
        String p = protocol(proto);
        if (type == null) {
            return p;
        }
        return p + " type " + type + (code == null ? "" : " code " + code);
    }

    /** One entry of a service's or virtual service's ports. */
    public static String servicePort(ServicePort p) {
        if (p.icmpType() != null) {
            return icmp(p.proto(), p.icmpType(), p.icmpCode());
        }
        return port(p.proto(), p.port(), p.toPort());
    }

    /** A service's ports, {@code 80 TCP, 443 TCP}. */
    public static String servicePorts(List<ServicePort> ports) {
        List<String> out = new ArrayList<>(ports.size());
        ports.forEach(p -> out.add(servicePort(p)));
        return String.join(LIST_SEPARATOR, out);
    }

    /** Texts of names, joined as a list of actors ({@code role: Web, IP list Corp}). */
    public static String list(List<Name> names) {
        StringBuilder b = new StringBuilder();
        for (Name n : names) {
            b.append(b.isEmpty() ? "" : LIST_SEPARATOR).append(n.display());
        }
        return b.toString();
    }

    /** One scope: {@code app: CRM + env: Prod}, or {@code All} for the empty scope. */
    public static String scopeText(List<Name> scope) {
        if (scope.isEmpty()) {
            return ALL_SCOPE;
        }
        StringBuilder b = new StringBuilder();
        for (Name n : scope) {
            b.append(b.isEmpty() ? "" : SCOPE_SEPARATOR).append(n.display());
        }
        return b.toString();
    }

    // ---- names of references -----------------------------------------------------------------

    /** The name of a label by href. */
    public static Name label(Href ref, NameLookup lookup) {
        Label l = lookup.label(ref.href());
        if (l != null) {
            return new Name(ObjectKind.LABEL, l.key(), String.valueOf(l.value()), l.href());
        }
        return ref.value() != null ? new Name(ObjectKind.LABEL, ref.key(), ref.value(), ref.href())
                : unknown(ObjectKind.LABEL, ref);
    }

    public static Name label(Label l) {
        return new Name(ObjectKind.LABEL, l.key(), String.valueOf(l.value()), l.href());
    }

    public static Name labelGroup(Href ref, NameLookup lookup) {
        LabelGroup g = lookup.labelGroup(ref.href());
        return g != null ? labelGroup(g) : named(ObjectKind.LABEL_GROUP, ref);
    }

    public static Name labelGroup(LabelGroup g) {
        return new Name(ObjectKind.LABEL_GROUP, g.key(), nameOr(g.name(), g.href()), g.href());
    }

    public static Name workload(Href ref, NameLookup lookup) {
        Workload w = lookup.workload(ref.href());
        if (w != null) {
            return workload(w);
        }
        return ref.name() != null ? new Name(ObjectKind.WORKLOAD, null, ref.name(), ref.href())
                : new Name(ObjectKind.WORKLOAD, null, Hrefs.shortId(ref.href()), ref.href());
    }

    public static Name workload(Workload w) {
        return new Name(ObjectKind.WORKLOAD, null, workloadName(w), w.href());
    }

    public static Name ipList(Href ref, NameLookup lookup) {
        IpList l = lookup.ipList(ref.href());
        return l != null ? ipList(l) : named(ObjectKind.IP_LIST, ref);
    }

    public static Name ipList(IpList l) {
        return new Name(ObjectKind.IP_LIST, null, nameOr(l.name(), l.href()), l.href());
    }

    public static Name virtualService(Href ref, NameLookup lookup) {
        VirtualService v = lookup.virtualService(ref.href());
        return v != null ? virtualService(v) : named(ObjectKind.VIRTUAL_SERVICE, ref);
    }

    public static Name virtualService(VirtualService v) {
        return new Name(ObjectKind.VIRTUAL_SERVICE, null, nameOr(v.name(), v.href()), v.href());
    }

    public static Name service(Service s) {
        return new Name(ObjectKind.SERVICE, null, nameOr(s.name(), s.href()), s.href());
    }

    /** A user group ({@code consuming_security_principals}), by the reference's name where given. */
    public static Name userGroup(Href ref) {
        return named(ObjectKind.USER_GROUP, ref);
    }

    public static Name allWorkloads() {
        return new Name(ObjectKind.ALL_WORKLOADS, null, ALL_WORKLOADS, null);
    }

    /** An IP address (or CIDR) typed or seen in traffic. */
    public static Name ipAddress(String ip) {
        return new Name(ObjectKind.IP_ADDRESS, null, ip, null);
    }

    /** One rule actor, whatever its kind. */
    public static Name actor(Actor a, NameLookup lookup) {
        if (a.allWorkloadsActor()) {
            return allWorkloads();
        }
        Href ref = a.ref();
        if (ref == null) {
            return new Name(ObjectKind.UNKNOWN, null, "unknown actor", null);
        }
        return switch (ObjectKind.of(a)) {
            case LABEL -> label(ref, lookup);
            case LABEL_GROUP -> labelGroup(ref, lookup);
            case WORKLOAD -> workload(ref, lookup);
            case IP_LIST -> ipList(ref, lookup);
            case VIRTUAL_SERVICE -> virtualService(ref, lookup);
            default -> unknown(ObjectKind.UNKNOWN, ref);
        };
    }

    public static List<Name> actors(List<Actor> actors, NameLookup lookup) {
        List<Name> out = new ArrayList<>(actors.size());
        for (Actor a : actors) {
            out.add(actor(a, lookup));
        }
        return out;
    }

    /** One entry of a scope: a label or label group, excluded where the entry says so. */
    public static Name scopeEntry(ScopeEntry e, NameLookup lookup) {
        Name n = e.label() != null ? label(e.label(), lookup)
                : e.labelGroup() != null ? labelGroup(e.labelGroup(), lookup)
                : new Name(ObjectKind.UNKNOWN, null, "unknown scope entry", null);
        return Boolean.TRUE.equals(e.exclusion()) ? n.exclude() : n;
    }

    public static List<Name> scope(List<ScopeEntry> scope, NameLookup lookup) {
        List<Name> out = new ArrayList<>(scope.size());
        for (ScopeEntry e : scope) {
            out.add(scopeEntry(e, lookup));
        }
        return out;
    }

    /** A rule set's scopes as text: {@code app: CRM + env: Prod | app: ERP}; {@code All} when unscoped. */
    public static String scopesText(List<List<ScopeEntry>> scopes, NameLookup lookup) {
        if (scopes.isEmpty()) {
            return ALL_SCOPE;
        }
        StringBuilder b = new StringBuilder();
        for (List<ScopeEntry> scope : scopes) {
            b.append(b.isEmpty() ? "" : SCOPES_SEPARATOR).append(scopeText(scope(scope, lookup)));
        }
        return b.toString();
    }

    /** One item of a rule's services: a service by name, or an inline port as {@code 443 TCP}. */
    public static Name service(IngressService s, NameLookup lookup) {
        if (s.serviceRef()) {
            Service known = lookup.service(s.href());
            return known != null ? service(known) : new Name(ObjectKind.SERVICE, null, s.href(), s.href());
        }
        return new Name(ObjectKind.PORT, null, port(s.proto(), s.port(), s.toPort()), null);
    }

    public static List<Name> services(List<IngressService> services, NameLookup lookup) {
        List<Name> out = new ArrayList<>(services.size());
        for (IngressService s : services) {
            out.add(service(s, lookup));
        }
        return out;
    }

    private static Name named(ObjectKind kind, Href ref) {
        return ref.name() != null ? new Name(kind, ref.key(), ref.name(), ref.href()) : unknown(kind, ref);
    }

    /** A reference nothing names: its kind and href (workloads the short id, their hostname may come later). */
    private static Name unknown(ObjectKind kind, Href ref) {
        String h = ref.href();
        return new Name(kind, ref.key(), h == null ? "?" : kind == ObjectKind.WORKLOAD ? Hrefs.shortId(h) : h, h);
    }

    private static String nameOr(String name, String href) {
        return name == null || name.isBlank() ? String.valueOf(href) : name;
    }
}
