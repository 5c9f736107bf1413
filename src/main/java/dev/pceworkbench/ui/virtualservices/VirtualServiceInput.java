package dev.pceworkbench.ui.virtualservices;

import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.ServiceAddress;
import dev.pceworkbench.pce.model.ServiceBinding.PortOverride;
import dev.pceworkbench.pce.model.ServicePort;
import dev.pceworkbench.policy.IpAddress;
import dev.pceworkbench.policy.PortRange;
import dev.pceworkbench.policy.names.Names;
import dev.pceworkbench.ui.common.policy.PortSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what the wizards' text fields hold, checked as the PCE would check it, with messages that
 * name the field and the entry: service ports ({@code 5672/tcp, 15672-15673/tcp}), service
 * addresses ({@code mq.example.com}, {@code mq.example.com:5672}, {@code 10.0.0.5},
 * {@code 10.0.0.5:5672}), IP overrides, and port overrides ({@code 5672/tcp -> 5700-5710}) checked
 * against the virtual service's ports.
 */
final class VirtualServiceInput {
    private static final Pattern HOST = Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$");
    private static final Pattern OVERRIDE = Pattern.compile(
            "^(\\d+)\\s*(?:[/ ]\\s*([a-z]+|\\d+))?\\s*(?:->|→|=>|\\bto\\b)\\s*(\\d+)(?:\\s*-\\s*(\\d+))?$");

    private VirtualServiceInput() {
    }

    private static List<String> entries(String text) {
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String part : text.split("[,;\\n]")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    /** Service ports: each a port, range or protocol; a bare port is TCP. */
    static List<ServicePort> ports(String text) {
        List<ServicePort> out = new ArrayList<>();
        for (String e : entries(text)) {
            PortRange p;
            try {
                p = PortSpec.parseService(e);
            } catch (IllegalArgumentException ex) {
                String m = ex.getMessage();
                throw new IllegalArgumentException("Ports: " + (m.contains(e) ? m : "'" + e + "': " + m));
            }
            if (p.from() >= 0 && p.proto() != PortRange.TCP && p.proto() != PortRange.UDP) {
                throw new IllegalArgumentException("Ports: '" + e + "': only TCP and UDP have ports");
            }
            out.add(p.from() < 0 ? new ServicePort(null, null, p.proto(), null, null, null)
                    : p.to() == p.from() ? ServicePort.of(p.from(), p.proto()) : ServicePort.range(p.from(), p.to(), p.proto()));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("Ports: type at least one port, e.g. 5672/tcp or 15672-15673/tcp");
        }
        return out;
    }

    /** Service addresses: an FQDN or an IP address, each optionally with {@code :port}. */
    static List<ServiceAddress> addresses(String text) {
        List<ServiceAddress> out = new ArrayList<>();
        for (String e : entries(text)) {
            String host = e;
            Integer port = null;
            int colon = e.lastIndexOf(':');
            if (colon > 0 && e.indexOf(':') == colon) {
                host = e.substring(0, colon).trim();
                try {
                    port = Integer.parseInt(e.substring(colon + 1).trim());
                } catch (NumberFormatException ex) {
                    port = -1;
                }
                if (port < 0 || port > 65535) {
                    throw new IllegalArgumentException("Service addresses: '" + e + "': the port must be a number from 0 to 65535");
                }
            }
            if (isIp(host)) {
                out.add(new ServiceAddress(host, port, null, null, null, null));
            } else if (HOST.matcher(host.toLowerCase(Locale.ROOT)).matches() && !host.matches("[0-9.]+")) {
                out.add(new ServiceAddress(null, port, host, null, "", null));
            } else {
                throw new IllegalArgumentException("Service addresses: '" + e + "' is neither an IP address nor a host name");
            }
        }
        return out;
    }

    /** IP overrides: plain IP addresses. */
    static List<String> ipOverrides(String text) {
        List<String> out = new ArrayList<>();
        for (String e : entries(text)) {
            if (!isIp(e)) {
                throw new IllegalArgumentException("IP overrides: '" + e + "' is not an IP address");
            }
            out.add(e);
        }
        return out;
    }

    static boolean isIp(String s) {
        return !s.contains("/") && (s.contains(":") || s.matches("[0-9.]+")) && IpAddress.parseOrNull(s) != null;
    }

    /**
     * Port overrides for a binding: {@code PORT[/PROTO] -> NEW_PORT[-NEW_TO_PORT]}, comma-separated.
     * The port must be one the virtual service serves, with that protocol (a missing protocol is
     * the one the virtual service serves the port with, when that is one); the new range must be
     * valid.
     */
    static List<PortOverride> overrides(String text, List<ServicePort> served) {
        List<PortOverride> out = new ArrayList<>();
        for (String e : entries(text)) {
            Matcher m = OVERRIDE.matcher(e.toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new IllegalArgumentException("Port overrides: '" + e + "': write PORT/PROTOCOL -> NEW_PORT or NEW_PORT-NEW_TO_PORT, e.g. 5672/tcp -> 5700");
            }
            int port = Integer.parseInt(m.group(1));
            int newPort = Integer.parseInt(m.group(3));
            Integer newTo = m.group(4) == null ? null : Integer.parseInt(m.group(4));
            Integer proto = m.group(2) == null ? null : protocol(m.group(2), e);
            List<Integer> protos = new ArrayList<>();
            for (ServicePort sp : served) {
                if (sp.port() != null && sp.port() >= 0 && port >= sp.port()
                        && port <= (sp.toPort() == null ? sp.port() : sp.toPort()) && !protos.contains(sp.proto())) {
                    protos.add(sp.proto());
                }
            }
            if (protos.isEmpty()) {
                throw new IllegalArgumentException("Port overrides: '" + e + "': port " + port
                        + " is not served by the virtual service (" + Names.servicePorts(served) + ")");
            }
            if (proto == null) {
                if (protos.size() > 1) {
                    throw new IllegalArgumentException("Port overrides: '" + e + "': port " + port
                            + " is served with several protocols; say which, e.g. " + port + "/tcp -> " + newPort);
                }
                proto = protos.get(0);
            } else if (!protos.contains(proto)) {
                throw new IllegalArgumentException("Port overrides: '" + e + "': the virtual service serves port " + port
                        + " with " + Names.protocol(protos.get(0)) + ", not " + Names.protocol(proto));
            }
            if (newPort > 65535 || (newTo != null && newTo > 65535)) {
                throw new IllegalArgumentException("Port overrides: '" + e + "': ports go up to 65535");
            }
            if (newTo != null && newTo < newPort) {
                throw new IllegalArgumentException("Port overrides: '" + e + "': the new range " + newPort + "-" + newTo
                        + " ends below its start");
            }
            out.add(new PortOverride(port, proto, newPort, newTo, null));
        }
        return out;
    }

    private static int protocol(String p, String entry) {
        return switch (p) {
            case "tcp", "6" -> 6;
            case "udp", "17" -> 17;
            default -> throw new IllegalArgumentException("Port overrides: '" + entry + "': only TCP and UDP ports can be moved");
        };
    }

    /** An override as the review shows it: {@code 5672 TCP → 5700-5710}. */
    static String describe(PortOverride o) {
        return Names.port(o.proto(), o.port(), null) + " → "
                + (o.newToPort() == null || o.newToPort().equals(o.newPort()) ? o.newPort() : o.newPort() + "-" + o.newToPort());
    }

    /** A labels list, for records. */
    static List<Href> hrefs(List<String> hrefs) {
        return hrefs.stream().map(Href::of).toList();
    }
}
