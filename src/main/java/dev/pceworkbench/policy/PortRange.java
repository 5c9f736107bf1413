package dev.pceworkbench.policy;

import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.ServicePort;
import dev.pceworkbench.policy.names.Names;

/**
 * One service entry as the engine compares them: an IANA protocol ({@code -1} for every protocol)
 * and an inclusive port range, {@code from} = -1 meaning "no port named" (every port of the
 * protocol in a rule; a port-less protocol such as ICMP, GRE or IP-in-IP in a query). ICMP types
 * and codes are not modelled: ICMP entries match by protocol, as in the demo PCE.
 */
public record PortRange(int proto, int from, int to) {
    public static final int ICMP = 1;
    public static final int IPIP = 4;
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int GRE = 47;
    public static final int ICMPV6 = 58;

    /** Every protocol, every port ("All Services"). */
    public static final PortRange ALL = new PortRange(-1, -1, -1);

    /** One port of a protocol, e.g. {@code of(6, 5432)}; a port outside 0-65535 or a protocol outside 0-255 is refused. */
    public static PortRange of(int proto, int port) {
        return new PortRange(checkProto(proto), checkPort(port, "port"), port);
    }

    /** A protocol without ports, such as GRE (47): matched by protocol alone. */
    public static PortRange protocol(int proto) {
        return new PortRange(checkProto(proto), -1, -1);
    }

    /**
     * An entry as the PCE writes it: no protocol means every protocol and no port every port; a
     * port or protocol out of range is refused (never wrapped or truncated).
     */
    static PortRange of(Integer proto, Integer port, Integer toPort) {
        int p = proto == null ? -1 : checkProto(proto);
        if (port == null || port == -1) {
            // -1 is the engine's own "no port named" (see the record's comment).
            return new PortRange(p, -1, -1);
        }
        checkPort(port, "port");
        if (toPort != null) {
            checkPort(toPort, "to_port");
        }
        int to = toPort == null ? port : Math.max(port, toPort);
        return new PortRange(p, port, to);
    }

    private static int checkPort(int port, String what) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("A " + what + " goes from 0 to 65535, not " + port);
        }
        return port;
    }

    private static int checkProto(int proto) {
        if (proto < -1 || proto > 255) {
            throw new IllegalArgumentException("A protocol number goes from 0 to 255, not " + proto);
        }
        return proto;
    }

    static PortRange of(ServicePort sp) {
        return of(sp.proto(), sp.port(), sp.toPort());
    }

    static PortRange of(IngressService s) {
        return of(s.proto(), s.port(), s.toPort());
    }

    /**
     * Whether this rule entry allows a connection of protocol {@code p} on ports [{@code qFrom},
     * {@code qTo}]; {@code qFrom} -1 (no port) is allowed only by entries that name no port either.
     */
    public boolean covers(int p, int qFrom, int qTo) {
        if (proto == -1) {
            return true;
        }
        if (proto != p) {
            return false;
        }
        if (from < 0) {
            return true;
        }
        return qFrom >= 0 && from <= qTo && qFrom <= to;
    }

    /** Whether this entry allows the connection {@code q} (see {@link #covers(int, int, int)}). */
    public boolean covers(PortRange q) {
        return covers(q.proto, q.from, q.to);
    }

    /**
     * Rule search's looser test: protocols match when either side is -1 or they are equal, ports
     * when either side names none or the ranges overlap.
     */
    public boolean overlaps(PortRange q) {
        boolean p = proto == -1 || q.proto == -1 || proto == q.proto;
        boolean ports = from < 0 || q.from < 0 || (from <= q.to && q.from <= to);
        return p && ports;
    }

    static boolean anyCovers(PortRange[] entries, PortRange q) {
        for (PortRange e : entries) {
            if (e.covers(q.proto, q.from, q.to)) {
                return true;
            }
        }
        return false;
    }

    /** As every view writes a port: {@code 443 TCP}, {@code 8000-8080 UDP}, {@code GRE}, {@code All Services}. */
    @Override
    public String toString() {
        return Names.port(proto, from, to);
    }
}
