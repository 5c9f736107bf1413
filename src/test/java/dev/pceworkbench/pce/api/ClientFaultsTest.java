package dev.pceworkbench.pce.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.pceworkbench.demo.DemoHttp;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.demo.server.DemoHttpHandler;
import dev.pceworkbench.demo.server.Faults;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.ConnectionSettings;
import dev.pceworkbench.pce.Credentials;
import dev.pceworkbench.pce.PceApiException;
import dev.pceworkbench.pce.PceCancelledException;
import dev.pceworkbench.pce.PceConnectionException;
import dev.pceworkbench.pce.Progress;
import dev.pceworkbench.pce.http.PceRequest;
import dev.pceworkbench.pce.http.PceResponse;
import dev.pceworkbench.pce.http.PceTransport;
import dev.pceworkbench.pce.http.RequestLimiter;
import dev.pceworkbench.pce.http.RetryPolicy;
import dev.pceworkbench.testing.Threads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client's transport, jobs and collections against the demo PCE over real HTTPS, under the
 * faults a production PCE shows: 429 storms, 503 bursts, dropped connections, garbled answers,
 * failed and cancelled jobs, collections over 500.
 */
class ClientFaultsTest {
    static DemoPce pce;
    static PceTransport transport;
    static CollectionReader reader;

    @BeforeAll
    static void start() throws Exception {
        pce = DemoPce.start(DemoPceOptions.defaults().withRateLimit(0).withJobTiming(Duration.ofMillis(300), 0));
        ConnectionSettings s = ConnectionSettings.of(pce.baseUrl(), 0, 1,
                new Credentials.ApiKey(pce.credentials().authUsername(), pce.credentials().secret()));
        transport = new PceTransport(s, DemoHttp.clientFor(pce, null),
                new RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(5)), new RequestLimiter(0));
        reader = new CollectionReader(transport, new AsyncJobs(transport, Duration.ofSeconds(30)));
    }

    @AfterAll
    static void stop() {
        pce.close();
    }

    @AfterEach
    void clearFaults() {
        pce.faults().clear();
    }

    private static PceRequest get(String path) {
        return PceRequest.of("GET", path);
    }

    @Test
    void pceErrorsBecomeTypedExceptionsWithThePceMessage() {
        PceApiException e = assertThrows(PceApiException.class, () -> transport.send(
                PceRequest.of("POST", "/orgs/1/labels").withBody("{\"key\":\"nope\",\"value\":\"x\"}".getBytes()),
                CancellationToken.none()));
        assertEquals(406, e.status());
        assertEquals("label_key_invalid", e.token());
        assertTrue(e.getMessage().startsWith("Label key 'nope'"), e.getMessage());
        assertTrue(e.getMessage().contains("POST /orgs/1/labels"));
        assertNotNull(e.requestId());
        assertEquals(36, e.requestId().length());
    }

    @Test
    void collectionsLargerThan500ComeBackWholeThroughTheAsyncFlow() {
        long existing = reader.count(get("/orgs/1/workloads"), CancellationToken.none());
        for (int i = 0; existing + i <= 520; i++) {
            transport.send(PceRequest.of("POST", "/orgs/1/workloads")
                    .withBody(("{\"name\":\"bulk-" + i + "\",\"hostname\":\"bulk-" + i + ".example\"}").getBytes()), CancellationToken.none());
        }
        long total = reader.count(get("/orgs/1/workloads"), CancellationToken.none());
        assertTrue(total > 500, "total " + total);
        List<Progress> seen = new ArrayList<>();
        ArrayNode all = reader.read(get("/orgs/1/workloads"), CancellationToken.none(), seen::add);
        assertEquals(total, all.size(), "every workload, not the first 500");
        assertTrue(seen.stream().anyMatch(p -> p.phase().equals("downloading")), seen.toString());
        // An explicit limit is the caller's choice: no switch to async.
        assertEquals(10, reader.read(get("/orgs/1/workloads").withQuery("max_results", 10), CancellationToken.none(),
                Progress.Listener.NONE).size());
    }

    @Test
    void aTypedJobDownloadSaysHowManyMegabytesAndObjectsItHasReadSoFar() {
        long existing = reader.count(get("/orgs/1/workloads"), CancellationToken.none());
        // Enough workloads for a datafile of several parse batches (1 MB each).
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; existing + i < 1200; i++) {
            body.append(i == 0 ? "" : ",").append("{\"name\":\"progress-").append(i)
                    .append("\",\"hostname\":\"progress-").append(i).append(".example\",\"description\":\"")
                    .append("x".repeat(2000)).append("\"}");
        }
        transport.send(PceRequest.of("PUT", "/orgs/1/workloads/bulk_create").withBody(body.append("]").toString().getBytes()),
                CancellationToken.none());
        List<Progress> seen = new CopyOnWriteArrayList<>();
        List<dev.pceworkbench.pce.model.Workload> all = reader.jobs().collect(get("/orgs/1/workloads"),
                dev.pceworkbench.pce.model.Workload.class, CancellationToken.none(), seen::add);
        assertTrue(all.size() >= 1200, "size " + all.size());
        List<Progress> parsing = seen.stream().filter(p -> p.phase().equals("parsing")).toList();
        assertFalse(parsing.isEmpty(), seen.toString());
        java.util.regex.Pattern words = java.util.regex.Pattern.compile("Downloading \\d+\\.\\d MB, parsing ([\\d,]+) objects");
        long last = 0;
        for (Progress p : parsing) {
            java.util.regex.Matcher m = words.matcher(p.message());
            assertTrue(m.matches(), p.message());
            long n = Long.parseLong(m.group(1).replace(",", ""));
            assertTrue(n > last && n <= all.size(), "objects counted up, never past the whole: " + parsing);
            assertTrue(p.bytes() > 0, p.toString());
            last = n;
        }
    }

    @Test
    void aFailedJobReportsThePceMessage() {
        pce.faults().inject(Faults.Kind.JOBFAIL, 1);
        AsyncJobs.JobFailedException e = assertThrows(AsyncJobs.JobFailedException.class,
                () -> reader.jobs().collect(get("/orgs/1/labels"), CancellationToken.none(), Progress.Listener.NONE));
        assertTrue(e.getMessage().contains("injected fault"), e.getMessage());
        assertTrue(e.jobHref().startsWith("/orgs/1/jobs/"));
    }

    @Test
    void aCancelledJobStopsPollingAndIsDeleted() throws Exception {
        int jobsBefore = transport.send(get("/orgs/1/jobs"), CancellationToken.none()).json().size();
        AsyncJobs slow = new AsyncJobs(transport, Duration.ofSeconds(30));
        CancellationToken token = new CancellationToken();
        List<String> phases = new ArrayList<>();
        CompletableFuture<ArrayNode> f = CompletableFuture.supplyAsync(() ->
                slow.collect(get("/orgs/1/labels"), token, p -> {
                    phases.add(p.phase());
                    if (p.phase().equals("pending")) {
                        token.cancel();
                    }
                }));
        Exception e = assertThrows(Exception.class, () -> f.get(10, TimeUnit.SECONDS));
        assertInstanceOf(PceCancelledException.class, e.getCause());
        JsonNode jobs = transport.send(get("/orgs/1/jobs"), CancellationToken.none()).json();
        assertEquals(jobsBefore, jobs.size(), "the cancelled job was deleted on the PCE: " + jobs);
    }

    @Test
    void a429StormIsRiddenOutHonouringRetryAfterForGetsAndPosts() {
        pce.faults().inject(Faults.Kind.HTTP429, 2);
        long t0 = System.nanoTime();
        PceResponse r = transport.send(get("/orgs/1/labels?max_results=1"), CancellationToken.none());
        assertEquals(200, r.status());
        assertTrue(System.nanoTime() - t0 >= 2_000_000_000L, "waited Retry-After (1 s) twice");

        pce.faults().inject(Faults.Kind.HTTP429, 1);
        PceResponse created = transport.send(PceRequest.of("POST", "/orgs/1/labels")
                .withBody("{\"key\":\"app\",\"value\":\"After429\"}".getBytes()), CancellationToken.none());
        assertEquals(201, created.status(), "a POST refused with 429 was not acted on, so it is retried");
        assertEquals(1, transport.send(get("/orgs/1/labels").withQuery("value", "After429"), CancellationToken.none()).json().size());
    }

    @Test
    void a429StormLongerThanTheRetryBudgetSurfacesThe429() {
        pce.faults().inject(Faults.Kind.HTTP429, 10);
        PceTransport impatient = new PceTransport(transport.settings(), transport.client(),
                new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(50)), new RequestLimiter(0));
        PceApiException e = assertThrows(PceApiException.class, () -> impatient.send(get("/health"), CancellationToken.none()));
        assertEquals(429, e.status());
        assertEquals("too_many_requests", e.token());
    }

    @Test
    void a503BurstIsRetriedForGetsButNotForPosts() {
        pce.faults().inject(Faults.Kind.HTTP5XX, 2);
        assertEquals(200, transport.send(get("/health"), CancellationToken.none()).status());

        pce.faults().inject(Faults.Kind.HTTP5XX, 1);
        PceApiException e = assertThrows(PceApiException.class, () -> transport.send(PceRequest.of("POST", "/orgs/1/labels")
                .withBody("{\"key\":\"app\",\"value\":\"After503\"}".getBytes()), CancellationToken.none()));
        assertEquals(503, e.status());
        assertEquals(0, transport.send(get("/orgs/1/labels").withQuery("value", "After503"), CancellationToken.none()).json().size(),
                "not retried: the PCE may or may not have acted");
    }

    @Test
    void droppedConnectionsAndGarbledAnswersAreRetriedForGetsOnly() {
        pce.faults().inject(Faults.Kind.DROP, 1);
        assertEquals(200, transport.send(get("/health"), CancellationToken.none()).status());
        pce.faults().inject(Faults.Kind.TRUNCATE, 1);
        assertTrue(transport.send(get("/orgs/1/labels"), CancellationToken.none()).json().size() > 0);
        pce.faults().inject(Faults.Kind.MALFORMED, 1);
        assertTrue(transport.send(get("/orgs/1/labels"), CancellationToken.none()).json().size() > 0);

        pce.faults().inject(Faults.Kind.DROP, 1);
        PceConnectionException e = assertThrows(PceConnectionException.class, () -> transport.send(
                PceRequest.of("POST", "/orgs/1/labels").withBody("{\"key\":\"app\",\"value\":\"AfterDrop\"}".getBytes()),
                CancellationToken.none()));
        assertEquals(PceConnectionException.Kind.DROPPED, e.kind());
    }

    @Test
    void aCallCanBeCancelledFromAnotherThread() throws Exception {
        // The server answers after 4 s; the cancel comes once the server holds the request. A call
        // that returned within 2 s of the cancel was closed by it (the margin is for a busy CI machine).
        pce.faults().latencyMillis(4000);
        CancellationToken token = new CancellationToken();
        CompletableFuture<PceResponse> f = CompletableFuture.supplyAsync(() -> transport.send(get("/health"), token));
        Threads.awaitAnyBlockedIn(DemoHttpHandler.class, "handle");
        long t0 = System.nanoTime();
        token.cancel();
        Exception e = assertThrows(Exception.class, () -> f.get(10, TimeUnit.SECONDS));
        assertInstanceOf(PceCancelledException.class, e.getCause());
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms < 2000, "cancel closes the call at once, not when the server answers: " + ms + " ms");
        // The server is still sleeping on the abandoned request: let it finish, so that it cannot
        // consume a fault that the next test injects.
        pce.faults().latencyMillis(0);
        Threads.awaitNoneIn(DemoHttpHandler.class, "handle");
    }

    @Test
    void noSecretOrAuthorizationHeaderReachesMessagesOrLogs() {
        // Level.ALL on the root logger also catches the demo PCE's and OkHttp's threads, which
        // log while this thread reads the list.
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r.getMessage() + " " + (r.getThrown() == null ? "" : r.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level old = root.getLevel();
        root.addHandler(h);
        root.setLevel(Level.ALL);
        Logger.getLogger(PceTransport.class.getName()).setLevel(Level.ALL);
        try {
            PceTransport wrong = new PceTransport(transport.settings().withCredentials(
                    new Credentials.ApiKey(pce.credentials().authUsername(), "wrong-secret-1234")), transport.client(),
                    transport.retryPolicy(), new RequestLimiter(0));
            pce.faults().inject(Faults.Kind.HTTP5XX, 1);
            assertEquals(200, transport.send(get("/health"), CancellationToken.none()).status());
            PceApiException e = assertThrows(PceApiException.class, () -> wrong.send(get("/orgs/1/labels"), CancellationToken.none()));
            assertEquals(401, e.status());
            String all = String.join("\n", logged) + e + e.getMessage() + transport.settings();
            assertFalse(all.contains("wrong-secret-1234"), all);
            assertFalse(all.contains(pce.credentials().secret()));
            assertFalse(all.toLowerCase().contains("authorization: basic"), all);
            assertTrue(logged.stream().anyMatch(l -> l.contains("503")), "the retry was logged: " + logged);
        } finally {
            root.removeHandler(h);
            root.setLevel(old);
        }
    }

    @Test
    void theClientSideLimiterKeepsUnderTheBudget() {
        PceTransport limited = new PceTransport(transport.settings(), transport.client(), transport.retryPolicy(),
                new RequestLimiter(3));
        for (int i = 0; i < 3; i++) {
            limited.send(get("/health"), CancellationToken.none());
        }
        assertEquals(3, limited.limiter().inWindow());
        CancellationToken token = new CancellationToken();
        Thread caller = Thread.currentThread();
        CompletableFuture.runAsync(() -> {
            // Once the fourth request waits for the window, let it wait a while (pacing), then cancel.
            Threads.awaitBlockedIn(caller, RequestLimiter.class, "acquire");
            try {
                Thread.sleep(300);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            token.cancel();
        });
        long t0 = System.nanoTime();
        assertThrows(PceCancelledException.class, () -> limited.send(get("/health"), token),
                "the fourth request waits for the window (here: until cancelled)");
        assertTrue(System.nanoTime() - t0 >= 250_000_000L);
    }

}
