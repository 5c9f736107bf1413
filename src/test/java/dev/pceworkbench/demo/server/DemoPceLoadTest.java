package dev.pceworkbench.demo.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.demo.DemoHttp;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.testing.DemoPces;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bounded load test: 8 concurrent clients, mixed reads and writes, every kind of injected fault on.
 * No request hangs past its client timeout, every 201 a client saw is listed afterwards and nothing is
 * listed that no client created.
 */
class DemoPceLoadTest {
    private static final int CLIENTS = 8;
    private static final int REQUESTS_EACH = 40;
    private static final MediaType JSON = MediaType.get("application/json");

    @Test
    void eightClientsWithFaultsOnNeverHangAndNeverLoseACreation() throws Exception {
        try (DemoPce pce = DemoPces.start(DemoPceOptions.defaults().withRateLimit(0))) {
            Faults f = pce.faults();
            f.rate(Faults.Kind.HTTP429, 0.05);
            f.rate(Faults.Kind.HTTP5XX, 0.05);
            f.rate(Faults.Kind.DROP, 0.03);
            f.rate(Faults.Kind.MALFORMED, 0.03);
            f.rate(Faults.Kind.TRUNCATE, 0.03);
            f.latencyMillis(2);
            OkHttpClient client = DemoHttp.clientFor(pce, null).newBuilder()
                    .callTimeout(Duration.ofSeconds(15)).build(); // the hang detector
            String base = pce.baseUrl() + "/api/v2/orgs/1";
            String auth = Credentials.basic(pce.credentials().authUsername(), pce.credentials().secret());
            ConcurrentLinkedQueue<String> seen201 = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> attempted = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> hangs = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int id = c;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < REQUESTS_EACH; i++) {
                        Request.Builder rb = new Request.Builder().header("Authorization", auth);
                        String value = null;
                        switch (i % 4) {
                            case 0, 2 -> {
                                value = "load-" + id + "-" + i;
                                attempted.add(value);
                                rb.url(base + "/labels").post(RequestBody.create(
                                        "{\"key\":\"app\",\"value\":\"" + value + "\"}", JSON));
                            }
                            case 1 -> rb.url(base + "/labels?max_results=200");
                            default -> rb.url(base + "/workloads?max_results=" + (50 + id * 20));
                        }
                        try (Response r = client.newCall(rb.build()).execute()) {
                            int status = r.code();
                            if (status == 201) {
                                seen201.add(value);
                            }
                            if (status != 200 && status != 201 && status != 429 && status != 503) {
                                unexpected.add(id + "/" + i + ": " + status);
                            }
                            try {
                                r.body().bytes();
                            } catch (InterruptedIOException e) {
                                hangs.add(id + "/" + i + " body: " + e);
                            } catch (IOException e) {
                                // A truncated answer (injected): the status was seen.
                            }
                        } catch (InterruptedIOException e) {
                            hangs.add(id + "/" + i + ": " + e);
                        } catch (IOException e) {
                            // A dropped connection (injected): no answer, and nothing executed.
                        }
                    }
                    return null;
                }));
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(5, TimeUnit.MINUTES), "load run finished");
            for (Future<?> d : done) {
                d.get();
            }
            f.clear();
            assertEquals(List.of(), List.copyOf(hangs), "requests past their client timeout");
            assertEquals(List.of(), List.copyOf(unexpected), "unexpected statuses");

            Set<String> listed = new TreeSet<>();
            try (Response r = client.newCall(new Request.Builder().header("Authorization", auth)
                    .url(base + "/labels?max_results=10000").build()).execute()) {
                for (JsonNode l : PceJson.mapper().readTree(r.body().bytes())) {
                    if (l.path("value").asText().startsWith("load-")) {
                        listed.add(l.path("value").asText());
                    }
                }
            }
            assertTrue(seen201.size() > CLIENTS * REQUESTS_EACH / 4, "most creations got through: " + seen201.size());
            assertEquals(new TreeSet<>(seen201), listed, "labels listed vs 201s the clients saw");
            assertTrue(attempted.containsAll(listed));
        }
    }
}
