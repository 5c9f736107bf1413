package dev.pceworkbench.workspace;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.server.DemoHttpHandler;
import dev.pceworkbench.demo.server.Faults;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceCancelledException;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.Progress;
import dev.pceworkbench.pce.http.RequestLimiter;
import dev.pceworkbench.pce.http.RetryPolicy;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.policy.RuleSearchIndex;
import dev.pceworkbench.testing.DemoPces;
import dev.pceworkbench.testing.Threads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared cache over a real demo PCE: one download per collection, edits drop what they change. */
class PolicyWorkspaceTest {
    static DemoPce pce;
    static PceClient client;
    final CancellationToken token = new CancellationToken();

    @BeforeAll
    static void start() throws Exception {
        pce = DemoPces.startSmall();
        client = connect();
    }

    static PceClient connect() {
        return DemoPces.client(pce, Duration.ofMinutes(1));
    }

    @AfterAll
    static void stop() {
        pce.close();
    }

    @AfterEach
    void clearFaults() {
        pce.faults().clear();
        pce.faults().latencyMillis(0);
    }

    @Test
    void loadsEachCollectionOnceAndMatchesThePce() {
        PolicyWorkspace ws = new PolicyWorkspace(() -> Optional.of(client));
        List<Progress> progress = new ArrayList<>();
        List<RuleSet> first = ws.ruleSets("draft", token, progress::add);
        assertEquals(client.ruleSets().list("draft", Map.of()).stream().map(RuleSet::href).toList(),
                first.stream().map(RuleSet::href).toList());
        assertSame(first, ws.ruleSets("draft", token, Progress.Listener.NONE));
        assertTrue(progress.stream().anyMatch(p -> p.message().startsWith("Loading rule sets")), progress.toString());
        // Versions are separate entries.
        assertNotSame(first, ws.ruleSets("active", token, Progress.Listener.NONE));
        assertTrue(ws.loaded(PolicyWorkspace.RULE_SETS, "draft").isPresent());
        assertTrue(ws.loaded(PolicyWorkspace.LABELS, null).isEmpty(), "nothing loads labels yet");
    }

    @Test
    void anEditDropsOnlyWhatItChangesAndTellsTheListeners() {
        PolicyWorkspace ws = new PolicyWorkspace(() -> Optional.of(client));
        List<Label> labels = ws.labels(token, Progress.Listener.NONE);
        List<RuleSet> draft = ws.ruleSets("draft", token, Progress.Listener.NONE);
        List<RuleSet> active = ws.ruleSets("active", token, Progress.Listener.NONE);
        RuleSearchIndex index = ws.index("active", token, Progress.Listener.NONE);
        assertSame(index, ws.index("active", token, Progress.Listener.NONE));
        List<PolicyWorkspace.Change> seen = new CopyOnWriteArrayList<>();
        ws.addListener(seen::add);

        ws.changed(PolicyWorkspace.RULE_SETS, "draft");

        assertEquals(List.of(new PolicyWorkspace.Change(PolicyWorkspace.RULE_SETS, "draft")), seen);
        assertSame(labels, ws.labels(token, Progress.Listener.NONE));
        assertSame(active, ws.ruleSets("active", token, Progress.Listener.NONE));
        assertNotSame(draft, ws.ruleSets("draft", token, Progress.Listener.NONE));
        assertNotSame(index, ws.index("active", token, Progress.Listener.NONE), "every index is rebuilt after a change");

        ws.refreshAll();
        assertNotSame(labels, ws.labels(token, Progress.Listener.NONE));
    }

    @Test
    void twoTasksShareOneDownload() throws Exception {
        PolicyWorkspace ws = new PolicyWorkspace(() -> Optional.of(client));
        pce.faults().latencyMillis(300);
        CompletableFuture<List<Label>> a = CompletableFuture.supplyAsync(() -> ws.labels(token, Progress.Listener.NONE));
        CompletableFuture<List<Label>> b = CompletableFuture.supplyAsync(() -> ws.labels(token, Progress.Listener.NONE));
        assertSame(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
    }

    @Test
    void aWaiterLoadsItselfWhenTheLoadingTaskIsCancelled() throws Exception {
        PolicyWorkspace ws = new PolicyWorkspace(() -> Optional.of(client));
        pce.faults().latencyMillis(1000);
        CancellationToken loaderToken = new CancellationToken();
        AtomicReference<Throwable> loaderFailure = new AtomicReference<>();
        Thread loader = new Thread(() -> {
            try {
                ws.labels(loaderToken, Progress.Listener.NONE);
            } catch (Throwable t) {
                loaderFailure.set(t);
            }
        });
        loader.start();
        Threads.awaitAnyBlockedIn(DemoHttpHandler.class, "handle"); // the (slow) PCE holds the loader's request
        CompletableFuture<List<Label>> waiter = new CompletableFuture<>();
        Thread waiting = new Thread(() -> complete(waiter, () -> ws.labels(token, Progress.Listener.NONE)));
        waiting.start();
        Threads.awaitBlockedIn(waiting, PolicyWorkspace.class, "await"); // the waiter waits for the loader's download
        pce.faults().latencyMillis(0);
        loaderToken.cancel();
        loader.join(30_000);
        assertTrue(loaderFailure.get() instanceof PceCancelledException, String.valueOf(loaderFailure.get()));
        assertEquals(client.labels().count(Map.of(), CancellationToken.none()), waiter.get(30, TimeUnit.SECONDS).size());
        // The PCE is still sleeping on the abandoned request: let it finish before the next test.
        Threads.awaitNoneIn(DemoHttpHandler.class, "handle");
    }

    @Test
    void aCancelledWaiterStopsWaitingWithoutSpoilingTheDownload() throws Exception {
        PolicyWorkspace ws = new PolicyWorkspace(() -> Optional.of(client));
        pce.faults().latencyMillis(1000);
        CompletableFuture<List<Label>> loader = CompletableFuture.supplyAsync(() -> ws.labels(token, Progress.Listener.NONE));
        Threads.awaitAnyBlockedIn(DemoHttpHandler.class, "handle"); // the (slow) PCE holds the loader's request
        CancellationToken waiterToken = new CancellationToken();
        CompletableFuture<List<Label>> waiter = new CompletableFuture<>();
        Thread waiting = new Thread(() -> complete(waiter, () -> ws.labels(waiterToken, Progress.Listener.NONE)));
        waiting.start();
        Threads.awaitBlockedIn(waiting, PolicyWorkspace.class, "await"); // the waiter waits for the loader's download
        waiterToken.cancel();
        var e = assertThrows(Exception.class, () -> waiter.get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof PceCancelledException, e.toString());
        List<Label> labels = loader.get(30, TimeUnit.SECONDS);
        assertSame(labels, ws.labels(token, Progress.Listener.NONE));
    }

    @Test
    void besideRunsASmallRequestWhileTheCallerLoadsAndHandsBackItsResultOrFailure() throws Exception {
        PolicyWorkspace ws = new PolicyWorkspace(() -> Optional.of(client));
        pce.faults().latencyMillis(1000);
        var versions = ws.beside(() -> client.provisioning().versions(100, token));
        Threads.awaitAnyBlockedIn(DemoHttpHandler.class, "handle"); // on its way before the caller asks anything
        pce.faults().latencyMillis(0);
        List<Label> labels = ws.labels(token, Progress.Listener.NONE); // the caller's own load meanwhile
        assertEquals(client.provisioning().versions(100, token).size(), versions.join(token).size());
        assertEquals(client.labels().count(Map.of(), CancellationToken.none()), labels.size());
        Threads.awaitNoneIn(DemoHttpHandler.class, "handle");

        // A PCE error comes back to the caller with the PCE's own message.
        var missing = ws.beside(() -> client.labels().get("/orgs/1/labels/999999", token));
        var e = assertThrows(dev.pceworkbench.pce.PceApiException.class, () -> missing.join(token));
        assertEquals(404, e.status());

        // The caller's cancel stops the wait (the request itself stops through the same token).
        pce.faults().latencyMillis(1000);
        CancellationToken mine = new CancellationToken();
        var slow = ws.beside(() -> client.provisioning().versions(100, CancellationToken.none()));
        Threads.awaitAnyBlockedIn(DemoHttpHandler.class, "handle");
        CompletableFuture<Object> waiter = new CompletableFuture<>();
        Thread waiting = new Thread(() -> complete(waiter, () -> slow.join(mine)));
        waiting.start();
        Threads.awaitBlockedIn(waiting, PolicyWorkspace.class, "await");
        mine.cancel();
        var c = assertThrows(Exception.class, () -> waiter.get(30, TimeUnit.SECONDS));
        assertTrue(c.getCause() instanceof PceCancelledException, c.toString());
        pce.faults().latencyMillis(0);
        Threads.awaitNoneIn(DemoHttpHandler.class, "handle");
    }

    @Test
    void theBigDownloadsRunTwoAtATimeAndAQueuedOneCanBeCancelled() throws Exception {
        PolicyWorkspace ws = new PolicyWorkspace(() -> Optional.of(client));
        pce.faults().latencyMillis(1000);
        // Two big downloads at once: both on the wire, the (slow) PCE holding them.
        CompletableFuture<List<RuleSet>> ruleSets = new CompletableFuture<>();
        Thread loading = new Thread(() -> complete(ruleSets, () -> ws.ruleSets("draft", token, Progress.Listener.NONE)));
        loading.start();
        Threads.awaitIn(loading, dev.pceworkbench.pce.http.PceTransport.class, "exchange");
        CompletableFuture<List<RuleSet>> active = new CompletableFuture<>();
        Thread second = new Thread(() -> complete(active, () -> ws.ruleSets("active", token, Progress.Listener.NONE)));
        second.start();
        Threads.awaitIn(second, dev.pceworkbench.pce.http.PceTransport.class, "exchange");

        // The workloads wait for their turn (not on the wire), saying so; their cancel stops the wait.
        CancellationToken given = new CancellationToken();
        List<Progress> givenProgress = new CopyOnWriteArrayList<>();
        CompletableFuture<List<dev.pceworkbench.pce.model.Workload>> givenUp = new CompletableFuture<>();
        Thread quitter = new Thread(() -> complete(givenUp, () -> ws.workloads(given, givenProgress::add)));
        quitter.start();
        Threads.awaitBlockedIn(quitter, PolicyWorkspace.class, "await");
        assertTrue(givenProgress.stream().anyMatch(p -> p.message().equals("Loading workloads: Queued behind the downloads before it")),
                givenProgress.toString());
        given.cancel();
        var e = assertThrows(Exception.class, () -> givenUp.get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof PceCancelledException, e.toString());

        // The next one asked waits its turn too, then loads once the rule sets are in.
        CompletableFuture<List<dev.pceworkbench.pce.model.Workload>> workloads = new CompletableFuture<>();
        Thread waiting = new Thread(() -> complete(workloads, () -> ws.workloads(token, Progress.Listener.NONE)));
        waiting.start();
        Threads.awaitBlockedIn(waiting, PolicyWorkspace.class, "await");
        pce.faults().latencyMillis(0);
        assertEquals(client.ruleSets().list("draft", Map.of()).size(), ruleSets.get(30, TimeUnit.SECONDS).size());
        assertEquals(client.ruleSets().list("active", Map.of()).size(), active.get(30, TimeUnit.SECONDS).size());
        assertEquals(client.workloads().count(Map.of(), CancellationToken.none()), workloads.get(30, TimeUnit.SECONDS).size());
        Threads.awaitNoneIn(DemoHttpHandler.class, "handle");
    }

    private static <T> void complete(CompletableFuture<T> f, java.util.function.Supplier<T> body) {
        try {
            f.complete(body.get());
        } catch (Throwable t) {
            f.completeExceptionally(t);
        }
    }

    @Test
    void aFailedLoadIsNotCachedAndTheNextCallTriesAgain() {
        PolicyWorkspace ws = new PolicyWorkspace(() -> Optional.of(client));
        PceClient noRetry = PceClient.connect(client.settings(), RetryPolicy.none(), new RequestLimiter(0), Duration.ofSeconds(10));
        PolicyWorkspace failing = new PolicyWorkspace(() -> Optional.of(noRetry));
        pce.faults().inject(Faults.Kind.HTTP5XX, 1);
        assertThrows(RuntimeException.class, () -> failing.labels(token, Progress.Listener.NONE));
        assertEquals(ws.labels(token, Progress.Listener.NONE).size(), failing.labels(token, Progress.Listener.NONE).size());
    }

    @Test
    void aNewConnectionStartsFromScratchAndNoConnectionIsAClearError() {
        AtomicReference<PceClient> current = new AtomicReference<>(client);
        PolicyWorkspace ws = new PolicyWorkspace(() -> Optional.ofNullable(current.get()));
        List<Label> before = ws.labels(token, Progress.Listener.NONE);
        current.set(connect());
        assertNotSame(before, ws.labels(token, Progress.Listener.NONE));
        current.set(null);
        var e = assertThrows(NotConnectedException.class, () -> ws.labels(token, Progress.Listener.NONE));
        assertTrue(e.getMessage().startsWith("Not connected to a PCE"), e.getMessage());
    }

    @Test
    void policyDataLoadsEveryCollectionAndDerivedValuesAreSharedUntilAChange() {
        PolicyWorkspace ws = new PolicyWorkspace(() -> Optional.of(client));
        List<Progress> progress = new CopyOnWriteArrayList<>();
        var data = ws.policyData("draft", token, progress::add);
        // Loaded side by side, each kept in the workspace as if asked one by one.
        // (PolicyData keeps its own copies of the lists; the records are the workspace's.)
        assertSame(data.ruleSets().get(0), ws.ruleSets("draft", token, Progress.Listener.NONE).get(0));
        assertSame(data.workloads().get(0), ws.workloads(token, Progress.Listener.NONE).get(0));
        assertSame(data.labelGroups().get(0), ws.labelGroups("draft", token, Progress.Listener.NONE).get(0));
        assertEquals(ws.serviceBindings(token, Progress.Listener.NONE), data.serviceBindings());
        assertEquals(client.workloads().list(Map.of()).size(), data.workloads().size());
        assertTrue(progress.stream().anyMatch(p -> p.message().startsWith("Loading rule sets")), progress.toString());

        List<RuleSearchIndex> both = ws.indexes(List.of("active", "draft"), token, Progress.Listener.NONE);
        assertSame(both.get(0), ws.index("active", token, Progress.Listener.NONE));
        assertSame(both.get(1), ws.index("draft", token, Progress.Listener.NONE));

        Object made = ws.derived("picker", "draft", token, Object::new);
        assertSame(made, ws.derived("picker", "draft", token, Object::new), "made once");
        assertNotSame(made, ws.derived("picker", "active", token, Object::new), "one per version");
        ws.changed(PolicyWorkspace.LABELS, null);
        assertNotSame(made, ws.derived("picker", "draft", token, Object::new), "any change drops what was derived");
    }
}
