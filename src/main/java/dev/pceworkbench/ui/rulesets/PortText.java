package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.policy.PortRange;
import dev.pceworkbench.ui.common.policy.PolicyNames;
import dev.pceworkbench.ui.common.policy.PortSpec;

/**
 * Inline ports of rules as {@link IngressService}s: read with {@link PortSpec} (the syntax rule
 * search and policy check read: {@code 443/tcp}, {@code 8000-8080/udp}, {@code icmp},
 * {@code proto 50}; a bare port is TCP), and written for the tables as {@code 443 TCP}.
 */
final class PortText {
    private PortText() {
    }

    static String format(IngressService s) {
        String proto = s.proto() == null ? "?" : PolicyNames.protocolName(s.proto());
        if (s.port() == null || s.port() < 0) {
            return proto;
        }
        String ports = s.toPort() != null && s.toPort() > s.port() ? s.port() + "-" + s.toPort() : s.port().toString();
        return ports + " " + proto;
    }

    /**
     * Parses {@code 443}, {@code 443/tcp}, {@code 8000-8080/udp}, {@code icmp}, {@code proto 50}.
     *
     * @throws IllegalArgumentException with a message saying what to write instead
     */
    static IngressService parse(String text) {
        PortRange p = PortSpec.parseService(text);
        if (p.from() < 0) {
            return new IngressService(null, null, null, p.proto(), null, null, null);
        }
        return p.to() == p.from() ? IngressService.port(p.from(), p.proto()) : IngressService.range(p.from(), p.to(), p.proto());
    }
}
