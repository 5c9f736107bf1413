package dev.pceworkbench.ui.traffic;

import dev.pceworkbench.pce.model.TrafficServiceFilter;
import dev.pceworkbench.policy.PortRange;
import dev.pceworkbench.policy.names.Names;
import dev.pceworkbench.ui.common.policy.PortSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The services fields of the query builder: a comma-separated list of ports ({@code 443/tcp}),
 * ranges ({@code 8000-8080/udp}), protocols ({@code icmp}), processes ({@code process sshd}) and
 * Windows services ({@code service WinRM}), parsed into the PCE's service filters, and written back.
 */
final class ServiceFilters {
    private ServiceFilters() {
    }

    /** Parses the field; throws {@link IllegalArgumentException} naming the entry that is wrong. */
    static List<TrafficServiceFilter> parse(String text) {
        List<TrafficServiceFilter> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String part : text.split("[,;]")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            String lower = p.toLowerCase(Locale.ROOT);
            if (lower.startsWith("process ") || lower.startsWith("process:")) {
                out.add(new TrafficServiceFilter(null, null, null, value(p, 7), null, null));
                continue;
            }
            if (lower.startsWith("service ") || lower.startsWith("service:")) {
                out.add(new TrafficServiceFilter(null, null, null, null, value(p, 7), null));
                continue;
            }
            PortRange r;
            try {
                r = PortSpec.parseList(p).get(0);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + p + "': " + e.getMessage()
                        + " For a process type 'process sshd'; for a Windows service 'service WinRM'.");
            }
            if (r.equals(PortRange.ALL)) {
                throw new IllegalArgumentException("'" + p + "': leave the field empty for every service.");
            }
            if (r.from() < 0) {
                out.add(new TrafficServiceFilter(null, null, r.proto() < 0 ? null : r.proto(), null, null, null));
            } else {
                out.add(new TrafficServiceFilter(r.from(), r.to() > r.from() ? r.to() : null,
                        r.proto() < 0 ? null : r.proto(), null, null, null));
            }
        }
        return out;
    }

    private static String value(String p, int prefix) {
        String v = p.substring(prefix).trim();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("'" + p + "' names no process or service: type e.g. 'process sshd'.");
        }
        return v;
    }

    /** One filter as the field writes it. */
    static String text(TrafficServiceFilter f) {
        if (f.processName() != null) {
            return "process " + f.processName();
        }
        if (f.windowsServiceName() != null) {
            return "service " + f.windowsServiceName();
        }
        if (f.port() == null) {
            return f.proto() == null ? "" : Names.protocol(f.proto()).toLowerCase(Locale.ROOT);
        }
        String ports = f.toPort() == null || f.toPort() <= f.port() ? String.valueOf(f.port()) : f.port() + "-" + f.toPort();
        return f.proto() == null ? ports : ports + "/" + Names.protocol(f.proto()).toLowerCase(Locale.ROOT);
    }

    static String text(List<TrafficServiceFilter> filters) {
        return String.join(", ", filters.stream().map(ServiceFilters::text).filter(s -> !s.isEmpty()).toList());
    }
}
