package dev.pceworkbench.demo.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.DemoHttp;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.testing.DemoPces;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, item 4: a client that opens a large answer (a job's datafile, a big collection) and stops
 * reading must not stall other clients' writes and reads.
 */
class SlowReaderTest {
    /** About 25 MB of workloads: far more than the socket buffers between server and client hold. */
    private static final int COPIES = 8_000;

    @Test
    void aClientThatStopsReadingStallsNobody() throws Exception {
        try (DemoPce pce = DemoPces.start(DemoPceOptions.defaults().withRateLimit(0).withJobTiming(Duration.ZERO, 0))) {
            pce.state().write(() -> {
                var workloads = pce.state().collection("workloads");
                ObjectNode proto = workloads.all().iterator().next();
                for (int i = 0; i < COPIES; i++) {
                    ObjectNode copy = proto.deepCopy();
                    copy.put("href", "/orgs/1/workloads/" + pce.state().uuid());
                    copy.put("hostname", "bulk-" + i);
                    workloads.put(copy);
                }
                return null;
            });
            // Hang detectors only: the idle timeout (30 s) is far above them.
            DemoHttp http = new DemoHttp(DemoHttp.clientFor(pce, null).newBuilder()
                    .callTimeout(Duration.ofSeconds(10)).build(), pce.baseUrl() + "/api/v2",
                    pce.credentials().authUsername(), pce.credentials().secret());
            DemoHttp.Reply accepted = http.getAsync("/orgs/1/workloads");
            assertEquals(202, accepted.status());
            String datafile = http.get(accepted.header("Location")).json().path("result").path("href").asText();
            assertTrue(datafile.startsWith("/orgs/1/datafiles/"), datafile);

            String auth = RawHttp.basic(pce.credentials().authUsername(), pce.credentials().secret());
            for (String big : new String[]{"/api/v2" + datafile, "/api/v2/orgs/1/workloads?max_results=100000"}) {
                try (Socket slow = RawHttp.connect(pce, 10_000, 4096)) {
                    RawHttp.send(slow, "GET", big, auth, null);
                    InputStream in = slow.getInputStream();
                    assertEquals('H', in.read(), "the big answer starts"); // then it reads nothing more
                    for (int i = 0; i < 3; i++) {
                        String value = "slow-reader-" + big.hashCode() + "-" + i;
                        DemoHttp.Reply created = http.post("/orgs/1/labels", Map.of("key", "role", "value", value));
                        assertEquals(201, created.status(), created.body());
                        assertEquals(200, http.get(created.json().get("href").asText()).status());
                        assertEquals(200, http.get("/orgs/1/labels?max_results=1").status());
                        assertEquals(200, http.get("/orgs/1/workloads?max_results=5").status());
                    }
                }
            }
            assertEquals(200, http.get("/health").status());
        }
    }
}
