package dev.pceworkbench.policy;

import dev.pceworkbench.pce.model.ServicePort;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 17, item 7: the engine refuses port and protocol numbers out of range instead of wrapping them. */
class PortRangeBoundsTest {
    @Test
    void outOfRangePortsAndProtocolsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PortRange.of(6, 65536));
        assertThrows(IllegalArgumentException.class, () -> PortRange.of(6, -2));
        assertThrows(IllegalArgumentException.class, () -> PortRange.of(256, 80));
        assertThrows(IllegalArgumentException.class, () -> PortRange.protocol(4302));
        assertThrows(IllegalArgumentException.class, () -> PortRange.of(ServicePort.range(80, 70000, 6)));
        assertThrows(IllegalArgumentException.class, () -> PortRange.of(ServicePort.of(100000, 6)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PortRange.of(6, 65536));
        assertTrue(e.getMessage().contains("0 to 65535"), e.getMessage());
    }

    @Test
    void theWholeRangeIsAccepted() {
        assertEquals(new PortRange(6, 0, 0), PortRange.of(6, 0));
        assertEquals(new PortRange(17, 65535, 65535), PortRange.of(17, 65535));
        assertEquals(new PortRange(6, 0, 65535), PortRange.of(ServicePort.range(0, 65535, 6)));
        assertEquals(new PortRange(255, -1, -1), PortRange.protocol(255));
        assertEquals("443 TCP", PortRange.of(6, 443).toString());
    }

    @Test
    void theDemoEngineRefusesWrappedNumbersToo() {
        var wrapped = dev.pceworkbench.demo.DemoHttp.json("{\"port\": 4294967376, \"proto\": 6}");
        assertThrows(IllegalArgumentException.class, () -> dev.pceworkbench.demo.policy.PortRange.of(wrapped));
        var proto = dev.pceworkbench.demo.DemoHttp.json("{\"port\": 80, \"proto\": 4294967302}");
        assertThrows(IllegalArgumentException.class, () -> dev.pceworkbench.demo.policy.PortRange.of(proto));
        assertEquals(new dev.pceworkbench.demo.policy.PortRange(6, 80, 80),
                dev.pceworkbench.demo.policy.PortRange.of(dev.pceworkbench.demo.DemoHttp.json("{\"port\": 80, \"proto\": 6}")));
    }
}
