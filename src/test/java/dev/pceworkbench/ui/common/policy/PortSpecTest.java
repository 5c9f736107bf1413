package dev.pceworkbench.ui.common.policy;

import dev.pceworkbench.policy.PortRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ports and protocols as people type them, for rule search, policy check and the rule form. */
class PortSpecTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "161/udp | 17 | 161 | 161",
            "5432 tcp | 6 | 5432 | 5432",
            "tcp/443 | 6 | 443 | 443",
            "' 8000-8080/TCP ' | 6 | 8000 | 8080",
            "gre | 47 | -1 | -1",
            "icmp | 1 | -1 | -1",
            "ipv6-icmp | 58 | -1 | -1",
            "proto 50 | 50 | -1 | -1",
            "protocol 50 | 50 | -1 | -1",
            "443 TCP | 6 | 443 | 443",
            "8000-8080 UDP | 17 | 8000 | 8080",
            "ESP | 50 | -1 | -1",
            "IGMP | 2 | -1 | -1",
            "All Services | -1 | -1 | -1",
            "443 any protocol | -1 | 443 | 443",
            "443/any | -1 | 443 | 443",
            "443 | -1 | 443 | 443",
            "udp | 17 | -1 | -1",
            "any | -1 | -1 | -1",
            "0-65535/sctp | 132 | 0 | 65535",
    })
    void searchEntries(String text, int proto, int from, int to) {
        assertEquals(List.of(new PortRange(proto, from, to)), PortSpec.parseList(text));
    }

    @Test
    void searchListsSplitOnCommasAndSemicolons() {
        assertEquals(List.of(PortRange.of(17, 161), PortRange.of(6, 443), PortRange.protocol(47)),
                PortSpec.parseList("161/udp, 443/tcp; gre"));
        assertTrue(PortSpec.parseList("  ").isEmpty());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "70000/tcp | ports go from 0 to 65535",
            "8080-80/tcp | a port range goes from the lower port to the higher, e.g. 80-8080",
            "443/xyz | 'xyz' is not a protocol",
            "proto 300 | '300' is not a protocol",
            "web | is not a port and protocol",
    })
    void searchMistakesAreExplained(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PortSpec.parseList(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "443 | Say which protocol port 443 uses: 443/tcp or 443/udp.",
            "tcp | TCP needs a port",
            "8000-8080/tcp | A connection uses one port, not a range",
            "'443/tcp, 80/tcp' | Check one port and protocol at a time",
            "'' | Type the port and protocol to check",
    })
    void aPolicyCheckTakesExactlyOneConnection(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PortSpec.parseConnection(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aPolicyCheckConnection() {
        assertEquals(PortRange.of(6, 5432), PortSpec.parseConnection("5432/tcp"));
        assertEquals(PortRange.protocol(47), PortSpec.parseConnection("GRE"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "22 | 6 | 22 | 22",
            "8000-8080 | 6 | 8000 | 8080",
            "161/udp | 17 | 161 | 161",
            "udp 53 | 17 | 53 | 53",
            "icmp | 1 | -1 | -1",
            "proto 50 | 50 | -1 | -1",
            "protocol 50 | 50 | -1 | -1",
            "443 TCP | 6 | 443 | 443",
    })
    void ruleFormServices(String text, int proto, int from, int to) {
        assertEquals(new PortRange(proto, from, to), PortSpec.parseService(text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "'' | Type a port such as 443/tcp",
            "99999 | ports go from 0 to 65535",
            "'22, 80' | Add one port or protocol at a time",
            "any | is not a port and protocol",
    })
    void ruleFormMistakesAreExplained(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PortSpec.parseService(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void searchEntriesAsTheRuleSearchEndpointTakesThemAndBackAsText() {
        assertEquals(Map.of("port", 8000, "to_port", 8080, "proto", 6), PortSpec.toJson(new PortRange(6, 8000, 8080)));
        assertEquals(Map.of("port", 443), PortSpec.toJson(new PortRange(-1, 443, 443)));
        assertEquals(Map.of("proto", 47), PortSpec.toJson(PortRange.protocol(47)));
        for (String s : List.of("161/udp", "8000-8080/tcp", "gre", "icmpv6", "443/any", "protocol 99")) {
            assertEquals(s, PortSpec.format(PortSpec.parseList(s).get(0)));
        }
    }

    @Test
    void everyPortAsNamesWritesItReadsBack() {
        for (PortRange p : List.of(PortRange.of(6, 443), new PortRange(17, 8000, 8080), PortRange.protocol(47),
                PortRange.protocol(50), PortRange.protocol(99), PortRange.protocol(58), PortRange.ALL,
                new PortRange(-1, 443, 443))) {
            assertEquals(List.of(p), PortSpec.parseList(p.toString()), p.toString());
        }
    }
}
