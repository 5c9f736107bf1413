package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.policy.names.NameLookup;
import dev.pceworkbench.policy.names.Names;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rule form's inline ports: read with the search's syntax, written for the tables by Names. */
class PortTextTest {
    @Test
    void portsRangesAndProtocolsBecomeIngressServices() {
        assertEquals(IngressService.port(22, 6), PortText.parse("22"));
        assertEquals(IngressService.port(161, 17), PortText.parse("161/udp"));
        assertEquals(IngressService.range(8000, 8080, 6), PortText.parse("8000-8080/tcp"));
        assertEquals(new IngressService(null, null, null, 47, null, null, null), PortText.parse("gre"));
        assertEquals(new IngressService(null, null, null, 50, null, null, null), PortText.parse("proto 50"));
    }

    @Test
    void outOfRangePortsAreRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PortText.parse("70000/tcp"));
        assertTrue(e.getMessage().contains("ports go from 0 to 65535"), e.getMessage());
    }

    @Test
    void tablesShowPortAndProtocolInTheOneVocabulary() {
        assertEquals("443 TCP", Names.service(IngressService.port(443, 6), NameLookup.NONE).display());
        assertEquals("8000-8080 UDP", Names.service(IngressService.range(8000, 8080, 17), NameLookup.NONE).display());
        assertEquals("ICMPv6", Names.service(new IngressService(null, null, null, 58, null, null, null), NameLookup.NONE).display());
        assertEquals("protocol 99", Names.service(new IngressService(null, null, null, 99, null, null, null), NameLookup.NONE).display());
        assertEquals("8000-8080 UDP", Names.service(PortText.parse("8000-8080/udp"), NameLookup.NONE).display(),
                "what is typed reads back as the tables write it");
    }
}
