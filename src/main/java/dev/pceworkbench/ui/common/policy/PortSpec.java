package dev.pceworkbench.ui.common.policy;

import dev.pceworkbench.policy.PortRange;
import dev.pceworkbench.policy.names.Names;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one parser of ports and protocols as people type them: {@code 161/udp}, {@code 5432 tcp},
 * {@code tcp/443}, {@code 8000-8080/tcp}, {@code gre}, {@code icmp}, {@code proto 50}, and every
 * form {@link Names} writes ({@code 443 TCP}, {@code 8000-8080 UDP}, {@code ESP}, {@code protocol 50});
 * for rule search also a bare port ({@code 443}: any protocol, also {@code 443 any protocol}) or
 * protocol ({@code udp}: any port), {@code All Services}, several separated by commas. Errors say
 * what is wrong and show the forms that work.
 */
public final class PortSpec {
    static final String FORMS = "Use forms like 443/tcp, 161/udp, 5432 tcp, 8000-8080/tcp, icmp or gre.";
    private static final Map<String, Integer> PROTOCOLS = Map.ofEntries(Map.entry("tcp", 6), Map.entry("udp", 17),
            Map.entry("icmp", 1), Map.entry("icmpv6", 58), Map.entry("ipv6-icmp", 58), Map.entry("gre", 47),
            Map.entry("ipip", 4), Map.entry("ip-in-ip", 4), Map.entry("esp", 50), Map.entry("ah", 51),
            Map.entry("sctp", 132), Map.entry("igmp", 2));

    private PortSpec() {
    }

    /** Rule search: every comma- or semicolon-separated entry; empty text gives no entries. */
    public static List<PortRange> parseList(String text) {
        List<PortRange> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String part : text.split("[,;]")) {
            if (!part.isBlank()) {
                out.add(parse(part, true));
            }
        }
        return out;
    }

    /**
     * Policy check: exactly one connection, a protocol with one port (TCP, UDP, SCTP) or a protocol
     * without ports (ICMP, GRE, IP-in-IP...).
     */
    public static PortRange parseConnection(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Type the port and protocol to check, e.g. 443/tcp, 161/udp or gre.");
        }
        if (text.contains(",") || text.contains(";")) {
            throw new IllegalArgumentException("Check one port and protocol at a time (use bulk mode for many). " + FORMS);
        }
        PortRange p = parse(text, false);
        boolean needsPort = p.proto() == 6 || p.proto() == 17 || p.proto() == 132;
        if (needsPort && p.from() < 0) {
            throw new IllegalArgumentException(Names.protocol(p.proto()) + " needs a port: type, e.g., 443/"
                    + text.trim().toLowerCase(Locale.ROOT) + ".");
        }
        if (p.from() >= 0 && p.from() != p.to()) {
            throw new IllegalArgumentException("A connection uses one port, not a range: type one port, e.g. "
                    + p.from() + "/" + text.replaceAll(".*[/ ]", "").trim().toLowerCase(Locale.ROOT) + ".");
        }
        if (!needsPort && p.from() >= 0) {
            throw new IllegalArgumentException(Names.protocol(p.proto()) + " has no ports: type just '"
                    + Names.protocol(p.proto()).toLowerCase(Locale.ROOT) + "'.");
        }
        return p;
    }

    /**
     * A rule's inline service (the rule form): one port, port range or protocol, written as the
     * other forms here; a port without a protocol is TCP, as people mean it there.
     */
    public static PortRange parseService(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Type a port such as 443/tcp, a range such as 8000-8080/udp, "
                    + "or a protocol such as icmp.");
        }
        if (text.contains(",") || text.contains(";")) {
            throw new IllegalArgumentException("Add one port or protocol at a time. " + FORMS);
        }
        String t = text.trim();
        if (isPorts(t.toLowerCase(Locale.ROOT))) {
            int[] r = ports(t, text);
            return new PortRange(PortRange.TCP, r[0], r[1]);
        }
        return parse(text, false);
    }

    static PortRange parse(String raw, boolean search) {
        String s = raw.trim().toLowerCase(Locale.ROOT);
        if (search && s.equals(Names.ALL_SERVICES.toLowerCase(Locale.ROOT))) {
            return PortRange.ALL;
        }
        if (search && s.endsWith(" any protocol")) {
            // Names writes a port of no protocol "443 any protocol"; format writes it "443/any".
            s = s.substring(0, s.length() - " protocol".length());
        }
        String[] parts = s.split("\\s*[/ ]\\s*");
        if (parts.length == 2 && (parts[0].equals("proto") || parts[0].equals("protocol"))) {
            return PortRange.protocol(protocolNumber(parts[1], raw));
        }
        if (parts.length == 1) {
            Integer proto = PROTOCOLS.get(parts[0]);
            if (proto != null) {
                return PortRange.protocol(proto);
            }
            if (search && (parts[0].equals("any") || parts[0].equals("all"))) {
                return PortRange.ALL;
            }
            if (isPorts(parts[0])) {
                if (!search) {
                    throw new IllegalArgumentException("Say which protocol port " + parts[0] + " uses: " + parts[0]
                            + "/tcp or " + parts[0] + "/udp.");
                }
                int[] r = ports(parts[0], raw);
                return new PortRange(-1, r[0], r[1]);
            }
        } else if (parts.length == 2) {
            String ports = isPorts(parts[0]) ? parts[0] : isPorts(parts[1]) ? parts[1] : null;
            String proto = ports == parts[0] ? parts[1] : parts[0];
            if (ports != null) {
                int p = search && proto.equals("any") ? -1 : protocolNumber(proto, raw);
                int[] r = ports(ports, raw);
                return new PortRange(p, r[0], r[1]);
            }
        }
        throw new IllegalArgumentException("'" + raw.trim() + "' is not a port and protocol. " + FORMS);
    }

    private static boolean isPorts(String s) {
        return s.matches("\\d{1,5}(-\\d{1,5})?");
    }

    private static int[] ports(String s, String raw) {
        String[] r = s.split("-");
        int from = Integer.parseInt(r[0]);
        int to = r.length > 1 ? Integer.parseInt(r[1]) : from;
        if (from > 65535 || to > 65535) {
            throw new IllegalArgumentException("'" + raw.trim() + "': ports go from 0 to 65535.");
        }
        if (to < from) {
            throw new IllegalArgumentException("'" + raw.trim() + "': a port range goes from the lower port to the higher, e.g. "
                    + to + "-" + from + ".");
        }
        return new int[]{from, to};
    }

    private static int protocolNumber(String s, String raw) {
        Integer p = PROTOCOLS.get(s);
        if (p != null) {
            return p;
        }
        if (s.matches("\\d{1,3}") && Integer.parseInt(s) <= 255) {
            return Integer.parseInt(s);
        }
        throw new IllegalArgumentException("'" + raw.trim() + "': '" + s + "' is not a protocol (tcp, udp, icmp, gre, "
                + "ipip, esp, or an IANA number 0-255). " + FORMS);
    }

    /** A query entry as the PCE's rule search takes it in {@code ingress_services}. */
    public static Map<String, Object> toJson(PortRange p) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        if (p.from() >= 0) {
            m.put("port", p.from());
            if (p.to() != p.from()) {
                m.put("to_port", p.to());
            }
        }
        if (p.proto() != -1 || m.isEmpty()) {
            m.put("proto", p.proto());
        }
        return m;
    }

    /** {@code 161/udp}, {@code gre}: the way this class reads it back. */
    public static String format(PortRange p) {
        String proto = p.proto() == -1 ? "any" : Names.protocol(p.proto()).toLowerCase(Locale.ROOT);
        if (p.from() < 0) {
            return proto;
        }
        return (p.from() == p.to() ? String.valueOf(p.from()) : p.from() + "-" + p.to()) + "/" + proto;
    }
}
