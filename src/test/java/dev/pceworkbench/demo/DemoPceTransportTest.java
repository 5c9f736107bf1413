package dev.pceworkbench.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.demo.server.Faults;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TLS, mTLS, authentication, the rate limit, async collection jobs and injected faults. */
class DemoPceTransportTest {
    static DemoPce pce;
    static DemoHttp http;

    @BeforeAll
    static void start() throws Exception {
        pce = DemoPce.start(DemoPceOptions.defaults().withRateLimit(0).withJobTiming(java.time.Duration.ofMillis(300), 0));
        http = DemoHttp.forPce(pce);
    }

    @AfterAll
    static void stop() {
        pce.close();
    }

    @Test
    void healthVersionAndSettings() {
        JsonNode v = http.get("/product_version").json();
        assertTrue(v.get("version").asText().matches("\\d+\\.\\d+\\.\\d+"), v.toString());
        assertEquals("normal", http.get("/health").json().get(0).get("status").asText());
        assertEquals(200, http.get("/orgs/1/settings/workloads").status());
        assertEquals(404, http.get("/orgs/2/labels").status(), "only org 1 exists");
    }

    @Test
    void wrongOrMissingCredentialsGet401WithThePceErrorShape() {
        DemoHttp.Reply wrong = http.as(pce.credentials().authUsername(), "not-the-secret").get("/orgs/1/labels");
        assertEquals(401, wrong.status());
        assertEquals("authentication_failed", wrong.token());
        assertEquals(401, http.as(null, null).get("/product_version").status());
        assertEquals(401, http.as("nobody@example.com", "x").get("/orgs/1/labels").status());
    }

    @Test
    void untrustedCaIsATlsFailure() {
        OkHttpClient plain = new OkHttpClient.Builder().build();
        Request r = new Request.Builder().url(pce.baseUrl() + "/api/v2/health").build();
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> {
            try (Response resp = plain.newCall(r).execute()) {
                resp.code();
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        });
        assertTrue(e.getCause() instanceof SSLException, e.getCause().toString());
    }

    @Test
    void mtlsRejectsClientsWithoutACertificate(@TempDir Path dir) throws Exception {
        try (DemoPce mtls = DemoPce.start(DemoPceOptions.defaults().withMtls(true).withStateDir(dir))) {
            assertTrue(Files.readString(dir.resolve("client.pem")).contains("PRIVATE KEY"));
            assertTrue(Files.readString(dir.resolve("ca.pem")).startsWith("-----BEGIN CERTIFICATE-----"));
            JsonNode creds = DemoHttp.json(Files.readString(dir.resolve("credentials.json")));
            assertEquals(mtls.baseUrl(), creds.get("url").asText());
            assertEquals(mtls.credentials().secret(), creds.get("secret").asText());
            assertFalse(Files.getPosixFilePermissions(dir.resolve("credentials.json")).toString().contains("OTHERS"));

            DemoHttp noCert = new DemoHttp(DemoHttp.clientFor(mtls, null), mtls.baseUrl() + "/api/v2",
                    mtls.credentials().authUsername(), mtls.credentials().secret());
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> noCert.get("/health"));
            assertTrue(e.getCause() instanceof SSLException || e.getCause().getMessage() != null, e.toString());

            DemoHttp withCert = new DemoHttp(DemoHttp.clientFor(mtls, mtls.certificates().client()),
                    mtls.baseUrl() + "/api/v2", mtls.credentials().authUsername(), mtls.credentials().secret());
            assertEquals(200, withCert.get("/health").status());
        }
    }

    @Test
    void rateLimitAnswers429WithRetryAfter() throws Exception {
        try (DemoPce limited = DemoPce.start(DemoPceOptions.defaults().withHttps(false).withRateLimit(20))) {
            DemoHttp h = DemoHttp.forPce(limited);
            for (int i = 0; i < 20; i++) {
                assertEquals(200, h.get("/orgs/1/labels?max_results=1").status(), "request " + i);
            }
            DemoHttp.Reply over = h.get("/orgs/1/labels?max_results=1");
            assertEquals(429, over.status());
            assertEquals("too_many_requests", over.token());
            assertTrue(Integer.parseInt(over.header("Retry-After")) >= 1);
            // The limit is per credential: the user's password login has its own budget.
            assertEquals(200, h.as(limited.credentials().userEmail(), limited.credentials().userPassword())
                    .get("/orgs/1/labels?max_results=1").status());
        }
    }

    @Test
    void syncListsStopAtMaxResultsAndAsyncJobsReturnEverything() throws Exception {
        DemoHttp.Reply page = http.get("/orgs/1/workloads?max_results=50");
        int total = Integer.parseInt(page.header("X-Total-Count"));
        assertEquals(50, page.json().size());
        assertTrue(total > 50);
        assertEquals(0, http.get("/orgs/1/workloads?max_results=0").json().size());
        assertEquals(Integer.toString(total), http.get("/orgs/1/workloads?max_results=0").header("X-Total-Count"));

        DemoHttp.Reply accepted = http.getAsync("/orgs/1/workloads");
        assertEquals(202, accepted.status());
        String location = accepted.header("Location");
        assertTrue(location.matches("/orgs/1/jobs/[0-9a-f-]{36}"), location);
        assertEquals("0", accepted.header("Retry-After"));

        JsonNode job = http.get(location).json();
        assertTrue(job.get("status").asText().matches("pending|running"), job.toString());
        JsonNode done = poll(location);
        assertEquals("done", done.get("status").asText());
        String datafile = done.get("result").get("href").asText();
        assertTrue(datafile.startsWith("/orgs/1/datafiles/"));
        JsonNode all = http.get(datafile).json();
        assertEquals(total, all.size(), "the job's datafile holds the whole collection");

        // Policy collections too, with hrefs in the requested version.
        JsonNode activeJob = poll(http.getAsync("/orgs/1/sec_policy/active/rule_sets").header("Location"));
        JsonNode rulesets = http.get(activeJob.get("result").get("href").asText()).json();
        assertTrue(rulesets.size() > 0);
        rulesets.forEach(rs -> assertTrue(rs.get("href").asText().contains("/sec_policy/active/"), rs.get("href").asText()));
    }

    @Test
    void injectedFaultsBehaveAsAdvertised() throws Exception {
        Faults f = pce.faults();
        f.inject(Faults.Kind.JOBFAIL, 1);
        JsonNode failed = poll(http.getAsync("/orgs/1/labels").header("Location"));
        assertEquals("failed", failed.get("status").asText());
        assertFalse(failed.get("result").get("message").asText().isBlank());

        f.inject(Faults.Kind.HTTP5XX, 2);
        assertEquals(503, http.get("/health").status());
        assertEquals(503, http.get("/health").status());
        assertEquals(200, http.get("/health").status());

        f.inject(Faults.Kind.HTTP429, 1);
        DemoHttp.Reply r429 = http.get("/health");
        assertEquals(429, r429.status());
        assertEquals("1", r429.header("Retry-After"));

        f.inject(Faults.Kind.MALFORMED, 1);
        DemoHttp.Reply malformed = http.get("/orgs/1/labels?max_results=2");
        assertEquals(200, malformed.status());
        assertThrows(UncheckedIOException.class, malformed::json);

        f.inject(Faults.Kind.DROP, 1);
        assertThrows(UncheckedIOException.class, () -> http.get("/health"));
        f.inject(Faults.Kind.TRUNCATE, 1);
        assertThrows(UncheckedIOException.class, () -> http.get("/orgs/1/labels"));
        assertEquals(200, http.get("/health").status(), "faults are used up");
    }

    private static JsonNode poll(String location) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            JsonNode job = http.get(location).json();
            String s = job.get("status").asText();
            if (s.equals("done") || s.equals("failed")) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + location + " did not finish");
    }

}
