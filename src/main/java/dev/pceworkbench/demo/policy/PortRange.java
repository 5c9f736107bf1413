package dev.pceworkbench.demo.policy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One service entry as rules use it: a protocol (IANA number, -1 for every protocol) and a port
 * range, {@code from} = -1 meaning "every port of the protocol" (ICMP, GRE, or a TCP/UDP entry
 * without a port). ICMP type and code are not modelled: ICMP entries match by protocol.
 */
public record PortRange(int proto, int from, int to) {
    /** Every protocol, every port: the "All Services" entry. */
    public static final PortRange ALL = new PortRange(-1, -1, -1);

    /** An entry from a {@code {port?, to_port?, proto}} node (rule inline service or service_port). */
    public static PortRange of(JsonNode n) {
        int proto = number(n.path("proto"), "proto", 255, -1);
        int port = number(n.path("port"), "port", 65535, -1);
        int to = number(n.path("to_port"), "to_port", 65535, port);
        if (port < 0) {
            return new PortRange(proto, -1, -1);
        }
        return new PortRange(proto, port, Math.max(port, to));
    }

    /** An integral number in [-1, {@code max}]; {@code absent} when missing; out of range refused, never wrapped. */
    private static int number(JsonNode v, String what, int max, int absent) {
        if (!v.isIntegralNumber()) {
            return absent;
        }
        if (!v.canConvertToInt() || v.asInt() < -1 || v.asInt() > max) {
            // -1 is "any" in queries (rule search); the schemas refuse it in stored objects.
            throw new IllegalArgumentException("'" + what + "' goes from 0 to " + max + " (or -1 for any), not " + v);
        }
        return v.asInt();
    }

    /**
     * Does this entry allow protocol {@code p} on the ports [{@code qFrom}, {@code qTo}] of a
     * connection or query? {@code qFrom} -1 means the query names no port (ICMP, GRE): only entries
     * that name no port either, or every protocol, match then.
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

    public boolean covers(int p, int port) {
        return covers(p, port, port);
    }

    /** True when any entry covers the connection. */
    public static boolean anyCovers(PortRange[] entries, int p, int qFrom, int qTo) {
        for (PortRange e : entries) {
            if (e.covers(p, qFrom, qTo)) {
                return true;
            }
        }
        return false;
    }
}
