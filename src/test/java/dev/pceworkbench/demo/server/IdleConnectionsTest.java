package dev.pceworkbench.demo.server;

import dev.pceworkbench.demo.DemoHttp;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.testing.DemoPces;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, item 1: connections that send half a TLS record or half the headers and then nothing
 * must neither starve other clients nor stay open past the idle timeout.
 */
class IdleConnectionsTest {
    private static final int EACH = 12; // 24 idle connections, more than the old fixed pool of 16 workers

    @Test
    void halfSentRecordsAndHeadersNeitherStarveOthersNorStayOpen() throws Exception {
        DemoPceOptions options = DemoPceOptions.defaults().withRateLimit(0)
                .withLimits(DemoPceOptions.Limits.defaults().withIdleTimeout(Duration.ofSeconds(1)));
        try (DemoPce pce = DemoPces.start(options)) {
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < EACH; i++) {
                    // A TLS handshake record that announces 512 bytes and sends 4.
                    Socket s = RawHttp.connectPlain(pce, 15_000);
                    OutputStream out = s.getOutputStream();
                    out.write(new byte[]{0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc});
                    out.flush();
                    idle.add(s);
                }
                for (int i = 0; i < EACH; i++) {
                    // A TLS connection whose request headers never end.
                    Socket s = RawHttp.connect(pce, 15_000, 0);
                    s.getOutputStream().write("GET /api/v2/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
                            .getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    idle.add(s);
                }

                // Another client is served (the call timeout only detects a hang).
                DemoHttp http = new DemoHttp(DemoHttp.clientFor(pce, null).newBuilder()
                        .callTimeout(Duration.ofSeconds(10)).build(), pce.baseUrl() + "/api/v2",
                        pce.credentials().authUsername(), pce.credentials().secret());
                assertEquals(200, http.get("/orgs/1/labels?max_results=1").status());
                assertEquals(200, http.get("/health").status());

                // And the server closes every idle connection (each read gives up after 15 s).
                for (int i = 0; i < idle.size(); i++) {
                    assertTrue(RawHttp.closedByServer(idle.get(i)), "idle connection " + i + " still open");
                }
            } finally {
                for (Socket s : idle) {
                    s.close();
                }
            }
        }
    }

    @Test
    void oneClientAddressHoldsAtMostItsShareOfConnections() throws Exception {
        DemoPceOptions options = DemoPceOptions.defaults().withRateLimit(0)
                .withLimits(DemoPceOptions.Limits.defaults().withMaxConnectionsPerClient(4));
        try (DemoPce pce = DemoPces.start(options)) {
            List<Socket> held = new ArrayList<>();
            try {
                String auth = RawHttp.basic(pce.credentials().authUsername(), pce.credentials().secret());
                for (int i = 0; i < 4; i++) {
                    Socket s = RawHttp.connect(pce, 10_000, 0);
                    RawHttp.send(s, "GET", "/api/v2/health", auth, null);
                    assertEquals(200, RawHttp.read(s.getInputStream()).status(), "connection " + i);
                    held.add(s);
                }
                // The fifth is closed as soon as it opens: its TLS handshake cannot complete.
                boolean refused;
                try (Socket fifth = RawHttp.connect(pce, 10_000, 0)) {
                    RawHttp.send(fifth, "GET", "/api/v2/health", auth, null);
                    RawHttp.read(fifth.getInputStream());
                    refused = false;
                } catch (java.io.IOException e) {
                    refused = !(e instanceof java.net.SocketTimeoutException);
                }
                assertTrue(refused, "a fifth connection from the same address was served");
                // The four held ones still work.
                for (Socket s : held) {
                    RawHttp.send(s, "GET", "/api/v2/health", auth, null);
                    assertEquals(200, RawHttp.read(s.getInputStream()).status());
                }
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }
}
