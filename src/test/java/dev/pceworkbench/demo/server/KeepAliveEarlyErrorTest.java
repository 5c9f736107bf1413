package dev.pceworkbench.demo.server;

import dev.pceworkbench.demo.DemoHttp;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.testing.DemoPces;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 17, item 3: over TLS, POSTs answered 401 or 429 before their body is read must not leave the
 * keep-alive connection hung, and no request may be executed that the client did not see answered.
 */
class KeepAliveEarlyErrorTest {
    private static final int REQUESTS = 300;

    @Test
    void earlyErrorsNeverWedgeAKeepAliveConnection() throws Exception {
        try (DemoPce pce = DemoPces.start(DemoPceOptions.defaults().withRateLimit(0))) {
            String auth = RawHttp.basic(pce.credentials().authUsername(), pce.credentials().secret());
            String labels = "/api/v2/orgs/1/labels";
            String filler = "x".repeat(3000);
            List<String> unanswered = new ArrayList<>();
            int created = 0;
            int reconnects = 0;
            Socket s = RawHttp.connect(pce, 5_000, 0);
            try {
                for (int i = 0; i < REQUESTS; i++) {
                    int kind = i % 3;
                    String value = "keepalive-" + i;
                    byte[] body = ("{\"key\":\"role\",\"value\":\"" + value + "\""
                            + (kind == 2 ? "" : ",\"description\":\"" + filler + "\"") + "}")
                            .getBytes(StandardCharsets.UTF_8);
                    if (kind == 1) {
                        pce.faults().inject(Faults.Kind.HTTP429, 1);
                    }
                    RawHttp.Answer a;
                    try {
                        RawHttp.send(s, "POST", labels, kind == 0 ? null : auth, body);
                        a = RawHttp.read(s.getInputStream());
                    } catch (IOException e) {
                        unanswered.add("request " + i + " (" + e + ")");
                        s.close();
                        s = RawHttp.connect(pce, 5_000, 0);
                        reconnects++;
                        continue;
                    }
                    assertEquals(new int[]{401, 429, 201}[kind], a.status(), "request " + i + ": " + a.text());
                    if (a.status() == 201) {
                        created++;
                    }
                    if (a.closes()) {
                        s.close();
                        s = RawHttp.connect(pce, 5_000, 0);
                        reconnects++;
                    }
                }
            } finally {
                s.close();
            }
            pce.faults().clear();
            assertEquals(List.of(), unanswered, "requests left without an answer (" + reconnects + " reconnects)");
            DemoHttp http = DemoHttp.forPce(pce);
            long stored = 0;
            for (var label : http.get("/orgs/1/labels?max_results=10000").json()) {
                if (label.path("value").asText().startsWith("keepalive-")) {
                    stored++;
                }
            }
            assertEquals(created, stored, "labels stored vs 201s the client saw");
        }
    }
}
