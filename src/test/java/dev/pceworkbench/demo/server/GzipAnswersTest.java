package dev.pceworkbench.demo.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.demo.DemoHttp;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.testing.DemoPces;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Over HTTPS, as a real PCE: a client that asks for gzip gets a JSON answer gzipped, and it reads
 * back to exactly the JSON a client that does not ask for it gets, with the same X-Total-Count.
 * Job datafiles and traffic downloads are written once, compressed, and served as they are stored
 * (gzipped once, not twice) or inflated for clients that do not take gzip, with their length.
 */
class GzipAnswersTest {
    static DemoPce pce;
    static OkHttpClient http;

    @BeforeAll
    static void start() throws IOException {
        pce = DemoPces.startSmall();
        http = DemoHttp.clientFor(pce, null);
    }

    @AfterAll
    static void stop() {
        pce.close();
    }

    private static Request get(String path, String encoding) {
        return new Request.Builder().url(pce.baseUrl() + "/api/v2" + path)
                .header("Authorization", RawHttp.basic(pce.credentials().authUsername(), pce.credentials().secret()))
                .header("Accept-Encoding", encoding).build();
    }

    @Test
    void aJsonListIsGzippedWhenAskedAndReadsBackTheSame() throws IOException {
        String path = "/orgs/1/sec_policy/draft/rule_sets";
        JsonNode plain;
        String plainCount;
        try (Response r = http.newCall(get(path, "identity")).execute()) {
            assertEquals(200, r.code());
            assertNull(r.header("Content-Encoding"));
            plainCount = r.header("X-Total-Count");
            plain = PceJson.mapper().readTree(r.body().bytes());
        }
        try (Response r = http.newCall(get(path, "gzip")).execute()) {
            assertEquals(200, r.code());
            // The header was set by hand, so OkHttp hands over the gzipped bytes as they came.
            assertEquals("gzip", r.header("Content-Encoding"));
            assertEquals(plainCount, r.header("X-Total-Count"));
            byte[] zipped = r.body().bytes();
            JsonNode unzipped = PceJson.mapper().readTree(new GZIPInputStream(new java.io.ByteArrayInputStream(zipped)));
            assertTrue(plain.equals(unzipped), "the gzipped answer reads back to the plain one");
            assertTrue(zipped.length * 3 < PceJson.mapper().writeValueAsBytes(plain).length,
                    "compressed well: " + zipped.length + " bytes");
        }
    }

    @Test
    void theClientReadsGzippedAnswersTransparently() throws IOException {
        // OkHttp's own Accept-Encoding: gzip, decompressed for the caller.
        try (Response r = http.newCall(new Request.Builder().url(pce.baseUrl() + "/api/v2/orgs/1/labels")
                .header("Authorization", RawHttp.basic(pce.credentials().authUsername(), pce.credentials().secret()))
                .build()).execute()) {
            assertEquals(200, r.code());
            assertTrue(PceJson.mapper().readTree(r.body().bytes()).isArray());
            assertEquals("gzip", r.networkResponse().request().header("Accept-Encoding"));
        }
    }

    /** Polls {@code path} (a job or traffic query) until its status is {@code done}; returns the last answer. */
    private static JsonNode pollUntil(String path, String done) throws IOException, InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        while (true) {
            JsonNode j;
            try (Response r = http.newCall(get(path, "identity")).execute()) {
                assertEquals(200, r.code());
                j = PceJson.mapper().readTree(r.body().bytes());
            }
            String status = j.path("status").asText();
            if (status.equals(done) || status.equals("failed") || java.time.Instant.now().isAfter(deadline)) {
                assertEquals(done, status, j.toString());
                return j;
            }
            Thread.sleep(50);
        }
    }

    /** Downloads {@code path} gzipped and plain; asserts both carry the same document with their exact lengths. */
    private static JsonNode assertGzippedOnceAndPlain(String path) throws IOException {
        byte[] zipped;
        try (Response r = http.newCall(get(path, "gzip")).execute()) {
            assertEquals(200, r.code());
            assertEquals("gzip", r.header("Content-Encoding"));
            zipped = r.body().bytes();
            assertEquals(Long.toString(zipped.length), r.header("Content-Length"), "the stored gzip stream's length");
        }
        byte[] plain;
        try (Response r = http.newCall(get(path, "identity")).execute()) {
            assertEquals(200, r.code());
            assertNull(r.header("Content-Encoding"));
            plain = r.body().bytes();
            assertEquals(Long.toString(plain.length), r.header("Content-Length"), "the document's length, known in advance");
        }
        // Gzipped once: one inflation gives the JSON (a second gzip layer would not parse).
        byte[] inflated = new GZIPInputStream(new java.io.ByteArrayInputStream(zipped)).readAllBytes();
        assertTrue(java.util.Arrays.equals(plain, inflated), "the gzipped datafile inflates to the plain one");
        assertTrue(zipped.length * 3 < plain.length, "compressed well: " + zipped.length + " of " + plain.length);
        try (Response r = http.newCall(get(path, "gzip")).execute()) {
            assertTrue(java.util.Arrays.equals(zipped, r.body().bytes()), "every download reads the same stored file");
        }
        return PceJson.mapper().readTree(plain);
    }

    @Test
    void aJobsDatafileIsWrittenOnceAndServedGzippedOrInflated() throws Exception {
        String count;
        try (Response r = http.newCall(get("/orgs/1/workloads?max_results=0", "identity")).execute()) {
            count = r.header("X-Total-Count");
        }
        String location;
        try (Response r = http.newCall(get("/orgs/1/workloads", "gzip").newBuilder().header("Prefer", "respond-async").build())
                .execute()) {
            assertEquals(202, r.code());
            location = r.header("Location");
        }
        JsonNode job = pollUntil(location, "done");
        String datafile = job.path("result").path("href").asText();
        JsonNode all = assertGzippedOnceAndPlain(datafile);
        assertEquals(count, Integer.toString(all.size()), "the datafile holds the whole collection");
    }

    @Test
    void aTrafficQueryDownloadIsWrittenOnceAndServedGzippedOrInflated() throws Exception {
        byte[] body = PceJson.mapper().writeValueAsBytes(dev.pceworkbench.pce.model.TrafficQueryRequest.of("gzip",
                "2000-01-01T00:00:00Z", "2100-01-01T00:00:00Z").withMaxResults(2000));
        String href;
        try (Response r = http.newCall(get("/orgs/1/traffic_flows/async_queries", "identity").newBuilder()
                .post(okhttp3.RequestBody.create(body, okhttp3.MediaType.get("application/json"))).build()).execute()) {
            assertEquals(202, r.code());
            href = PceJson.mapper().readTree(r.body().bytes()).path("href").asText();
        }
        JsonNode q = pollUntil(href, "completed");
        JsonNode flows = assertGzippedOnceAndPlain(q.path("result").asText());
        assertEquals(q.path("flows_count").asInt(), flows.size(), q.toString());
        assertTrue(flows.size() > 0);
    }
}
