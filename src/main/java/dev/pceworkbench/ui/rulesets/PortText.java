package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.pce.model.IngressService;

import java.util.Locale;
import java.util.Map;

/**
 * Inline ports as people write them: {@code 443/tcp}, {@code 8000-8080/udp}, {@code icmp}; parsing
 * for the rule form and formatting for the tables.
 */
final class PortText {
    private static final Map<String, Integer> PROTOCOLS = Map.of("tcp", 6, "udp", 17, "icmp", 1, "icmpv6", 58,
            "gre", 47, "any", -1);

    private PortText() {
    }

    static String format(IngressService s) {
        String proto = s.proto() == null ? "?" : protoName(s.proto());
        if (s.port() == null || s.port() < 0) {
            return proto;
        }
        String ports = s.toPort() != null && s.toPort() > s.port() ? s.port() + "-" + s.toPort() : s.port().toString();
        return ports + " " + proto;
    }

    static String protoName(int proto) {
        for (var e : PROTOCOLS.entrySet()) {
            if (e.getValue() == proto) {
                return e.getKey().toUpperCase(Locale.ROOT);
            }
        }
        return "protocol " + proto;
    }

    /**
     * Parses {@code 443}, {@code 443/tcp}, {@code 8000-8080/udp}, {@code icmp} or {@code 47} (a bare
     * protocol number is written {@code proto 47}); a port without protocol is TCP.
     *
     * @throws IllegalArgumentException with a message saying what to write instead
     */
    static IngressService parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (t.isEmpty()) {
            throw new IllegalArgumentException("Type a port such as 443/tcp, a range such as 8000-8080/udp, or a protocol such as icmp.");
        }
        String portPart = t;
        String protoPart = "tcp";
        int slash = t.indexOf('/');
        if (slash >= 0) {
            portPart = t.substring(0, slash);
            protoPart = t.substring(slash + 1);
        } else if (PROTOCOLS.containsKey(t)) {
            return new IngressService(null, null, null, PROTOCOLS.get(t), null, null, null);
        } else if (t.startsWith("proto")) {
            return new IngressService(null, null, null, number(t.substring(5), text), null, null, null);
        }
        Integer proto = PROTOCOLS.get(protoPart);
        if (proto == null) {
            throw new IllegalArgumentException("Unknown protocol '" + protoPart + "' in '" + text + "': use tcp, udp, icmp, icmpv6 or gre.");
        }
        int dash = portPart.indexOf('-');
        if (dash >= 0) {
            return IngressService.range(number(portPart.substring(0, dash), text), number(portPart.substring(dash + 1), text), proto);
        }
        return IngressService.port(number(portPart, text), proto);
    }

    private static int number(String s, String whole) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + whole + "' is not a port: write 443/tcp, 8000-8080/udp or icmp.");
        }
    }
}
