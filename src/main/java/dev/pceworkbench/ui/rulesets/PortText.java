package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.policy.PortRange;
import dev.pceworkbench.ui.common.policy.PortSpec;

/**
 * Inline ports typed in the rule form, read as {@link IngressService}s with {@link PortSpec} (the
 * syntax rule search and policy check read: {@code 443/tcp}, {@code 8000-8080/udp}, {@code icmp},
 * {@code proto 50}; a bare port is TCP). They are written, like every port, by
 * {@link dev.pceworkbench.policy.names.Names#port}.
 */
final class PortText {
    private PortText() {
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
