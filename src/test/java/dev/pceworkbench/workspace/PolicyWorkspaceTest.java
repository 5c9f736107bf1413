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
        // (In the PCE's order or not: the draft is made from the active policy, see below.)
        assertEquals(client.ruleSets().list("draft", Map.of()).stream().map(RuleSet::href).sorted().toList(),
                first.stream().map(RuleSet::href).sorted().toList());
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
        // (The rule sets of the active policy and of version 1: the draft would be made from the active.)
        CompletableFuture<List<RuleSet>> ruleSets = new CompletableFuture<>();
        Thread loading = new Thread(() -> complete(ruleSets, () -> ws.ruleSets("1", token, Progress.Listener.NONE)));
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
        assertEquals(client.ruleSets().list("1", Map.of()).size(), ruleSets.get(30, TimeUnit.SECONDS).size());
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

    /** Every request a client sends: method, path and query, and whether it asked for an async job. */
    private static PceClient recording(DemoPce on, List<String> requests) {
        var settings = DemoPces.settings(on);
        okhttp3.OkHttpClient http = dev.pceworkbench.pce.http.HttpClientFactory.create(settings).newBuilder()
                .addInterceptor(chain -> {
                    okhttp3.Request r = chain.request();
                    String query = r.url().encodedQuery();
                    requests.add(r.method() + " " + r.url().encodedPath() + (query == null ? "" : "?" + query)
                            + ("respond-async".equals(r.header("Prefer")) ? " (async)" : ""));
                    return chain.proceed(r);
                }).build();
        return PceClient.withHttpClient(settings, http, RetryPolicy.defaults(), new RequestLimiter(0), Duration.ofMinutes(1));
    }

    /** The whole-collection reads of rule sets among {@code requests} (not the counts): the big downloads. */
    private static List<String> ruleSetListings(List<String> requests) {
        return requests.stream().filter(r -> r.matches("GET \\S*/rule_sets( \\(async\\))?"))
                .map(r -> r.replace(" (async)", "")).toList();
    }

    private static List<RuleSet> byHref(List<RuleSet> ruleSets) {
        return ruleSets.stream().sorted(java.util.Comparator.comparing(RuleSet::href)).toList();
    }

    @Test
    void theDraftIsMadeFromTheActivePolicyAndThePendingRuleSetsWithOneBigDownload() throws Exception {
        try (DemoPce own = DemoPces.startSmall()) {
            PceClient direct = DemoPces.client(own);
            // Pending beside the data set's own: a new rule set with a rule, a changed rule, a
            // rule set pending deletion, a label group edit (a policy object that is not a rule set).
            RuleSet created = direct.ruleSets().create(RuleSet.of("RS-DERIVED-DRAFT", List.of(List.of())));
            direct.rules(created).create(Map.of("providers", List.of(Map.of("actors", "ams")),
                    "consumers", List.of(Map.of("actors", "ams")),
                    "ingress_services", List.of(Map.of("port", 8443, "proto", 6)),
                    "resolve_labels_as", Map.of("providers", List.of("workloads"), "consumers", List.of("workloads"))));
            List<RuleSet> active = direct.ruleSets().list("active", Map.of());
            RuleSet edited = active.stream().filter(rs -> rs.rules().size() > 1).findFirst().orElseThrow();
            direct.rules(dev.pceworkbench.pce.model.Hrefs.toDraft(edited.href()))
                    .update(dev.pceworkbench.pce.model.Hrefs.toDraft(edited.rules().get(1).href()),
                            Map.of("description", "Edited for the derived draft"));
            RuleSet deleted = active.stream().filter(rs -> rs != edited && !rs.rules().isEmpty()).reduce((a, b) -> b).orElseThrow();
            direct.ruleSets().delete(dev.pceworkbench.pce.model.Hrefs.toDraft(deleted.href()));
            var group = direct.labelGroups().list("draft", Map.of()).get(0);
            direct.labelGroups().update(group.href(), Map.of("description", "Edited beside the rule sets"));
            List<String> pendingRuleSets = direct.provisioning().pending(token).of("rule_sets").stream()
                    .map(dev.pceworkbench.pce.model.PendingChange::href).toList();
            assertTrue(pendingRuleSets.size() >= 3, pendingRuleSets.toString());

            List<String> requests = new CopyOnWriteArrayList<>();
            PceClient recorded = recording(own, requests);
            PolicyWorkspace ws = new PolicyWorkspace(() -> Optional.of(recorded));
            List<Progress> progress = new CopyOnWriteArrayList<>();
            List<RuleSet> draft = ws.ruleSets("draft", token, progress::add);

            // The same rule sets, record for record, as the PCE's own draft listing.
            assertEquals(byHref(direct.ruleSets().list("draft", Map.of())), byHref(draft));
            assertTrue(draft.stream().anyMatch(rs -> rs.name().equals("RS-DERIVED-DRAFT")));
            assertTrue(draft.stream().allMatch(rs -> rs.href().contains("/sec_policy/draft/")
                    && rs.rules().stream().allMatch(r -> r.href().contains("/sec_policy/draft/"))));
            // One big download (the active rule sets, shared), the pending rule sets one by one.
            assertEquals(List.of("GET /api/v2/orgs/1/sec_policy/active/rule_sets"), ruleSetListings(requests), requests.toString());
            for (String href : pendingRuleSets) {
                assertTrue(requests.contains("GET /api/v2" + href), href + " in " + requests);
            }
            assertSame(ws.loaded(PolicyWorkspace.RULE_SETS, "active").orElseThrow(),
                    ws.ruleSets("active", token, Progress.Listener.NONE));
            assertEquals(byHref(direct.ruleSets().list("active", Map.of())),
                    byHref(ws.ruleSets("active", token, Progress.Listener.NONE)));
            assertTrue(progress.stream().anyMatch(p -> p.message().equals(
                    "Loading rule sets: Making the draft from the active policy and " + pendingRuleSets.size()
                            + " pending rule sets")), progress.toString());

            // An edit here: the draft is made again from the same active rule sets.
            direct.ruleSets().update(dev.pceworkbench.pce.model.Hrefs.toDraft(active.get(0).href()),
                    Map.of("description", "Edited after the first load"));
            ws.changed(PolicyWorkspace.RULE_SETS, "draft");
            requests.clear();
            assertEquals(byHref(direct.ruleSets().list("draft", Map.of())), byHref(ws.ruleSets("draft", token, Progress.Listener.NONE)));
            assertEquals(List.of(), ruleSetListings(requests), requests.toString());

            // Provisioned elsewhere: the active rule sets held are no longer the latest version, so
            // the draft is downloaded (and still matches the PCE's).
            direct.provisioning().provision("From elsewhere", null, token);
            ws.changed(PolicyWorkspace.RULE_SETS, "draft");
            requests.clear();
            assertEquals(byHref(direct.ruleSets().list("draft", Map.of())), byHref(ws.ruleSets("draft", token, Progress.Listener.NONE)));
            assertEquals(List.of("GET /api/v2/orgs/1/sec_policy/draft/rule_sets"), ruleSetListings(requests), requests.toString());
        }
    }

    @Test
    void theDraftIsDownloadedWhenTooManyRuleSetsArePending() throws Exception {
        try (DemoPce own = DemoPces.startSmall()) {
            PceClient direct = DemoPces.client(own);
            int more = PolicyWorkspace.MOST_PENDING_RULE_SETS_TO_DERIVE + 1
                    - direct.provisioning().pending(token).of("rule_sets").size();
            for (int k = 0; k < more; k++) {
                direct.ruleSets().create(RuleSet.of("RS-PENDING-" + k, List.of(List.of())));
            }
            List<String> requests = new CopyOnWriteArrayList<>();
            PceClient recorded = recording(own, requests);
            PolicyWorkspace ws = new PolicyWorkspace(() -> Optional.of(recorded));
            List<RuleSet> draft = ws.ruleSets("draft", token, Progress.Listener.NONE);
            assertEquals(byHref(direct.ruleSets().list("draft", Map.of())), byHref(draft));
            assertEquals(more, draft.stream().filter(rs -> rs.name().startsWith("RS-PENDING-")).count());
            assertEquals(List.of("GET /api/v2/orgs/1/sec_policy/draft/rule_sets"), ruleSetListings(requests), requests.toString());
        }
    }
}
