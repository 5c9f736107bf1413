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
}
