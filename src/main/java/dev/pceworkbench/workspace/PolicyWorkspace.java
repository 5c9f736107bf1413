package dev.pceworkbench.workspace;

import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceCancelledException;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.PceException;
import dev.pceworkbench.pce.Progress;
import dev.pceworkbench.pce.model.EnforcementBoundary;
import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.InVersion;
import dev.pceworkbench.pce.model.IpList;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelDimension;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.pce.model.PendingChange;
import dev.pceworkbench.pce.model.PendingChanges;
import dev.pceworkbench.pce.model.PolicyVersion;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.Service;
import dev.pceworkbench.pce.model.ServiceBinding;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.policy.PolicyData;
import dev.pceworkbench.policy.PolicyModel;
import dev.pceworkbench.policy.RuleSearchIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The active connection's PCE objects as the views share them: each collection (labels, label
 * groups of a policy version, rule sets with their rules, workloads...) is loaded once, through
 * the client's count-then-async-job reader, and kept until an edit or a new connection makes it
 * stale; the engine's {@link RuleSearchIndex} per version is built from them on demand.
 *
 * <p>Every getter blocks while it loads and must be called from a background task with that
 * task's token; two tasks asking for the same collection share one download. A load that its own
 * caller cancels is forgotten, and a waiter that did not cancel starts it again. Views learn of
 * edits through {@link #addListener}: after a view model changes something on the PCE it calls
 * {@link #changed}, which drops the stale entries and tells every listener (on the caller's thread).
 *
 * <p>No JavaFX here: the workspace is plain Java, so view-model tests and benchmarks can use it.
 */
public final class PolicyWorkspace {
    /** What changed: a collection ({@link #LABELS}, {@link #RULE_SETS}...) in a version ({@code null} for org objects). */
    public record Change(String collection, String version) {
    }

    public static final String LABEL_DIMENSIONS = "label_dimensions";
    public static final String LABELS = "labels";
    public static final String WORKLOADS = "workloads";
    public static final String SERVICE_BINDINGS = "service_bindings";
    public static final String LABEL_GROUPS = "label_groups";
    public static final String RULE_SETS = "rule_sets";
    public static final String IP_LISTS = "ip_lists";
    public static final String SERVICES = "services";
    public static final String VIRTUAL_SERVICES = "virtual_services";
    public static final String ENFORCEMENT_BOUNDARIES = "enforcement_boundaries";
    /** The engine's index of a version (see {@link #loaded}). */
    public static final String INDEX = "index";
    /** The prefix of what views derive from the collections ({@link #derived}). */
    private static final String DERIVED = "derived:";

    private record Key(String collection, String version) {
    }

    private final Supplier<Optional<PceClient>> clients;
    private final Map<Key, CompletableFuture<Object>> cache = new ConcurrentHashMap<>();
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    private volatile PceClient cachedFor;

    /** @param clients the active connection's client, if there is one (asked at every call) */
    public PolicyWorkspace(Supplier<Optional<PceClient>> clients) {
        this.clients = Objects.requireNonNull(clients);
    }

    /** The active connection's client; {@link NotConnectedException} when there is none. */
    public PceClient client() {
        PceClient c = clients.get().orElseThrow(NotConnectedException::new);
        if (c != cachedFor) {
            synchronized (this) {
                if (c != cachedFor) {
                    cache.clear();
                    cachedFor = c;
                }
            }
        }
        return c;
    }

    public List<LabelDimension> labelDimensions(CancellationToken token, Progress.Listener progress) {
        return get(new Key(LABEL_DIMENSIONS, null), token,
                () -> client().labelDimensions().list(Map.of(), token, progress(progress, "label dimensions")));
    }

    public List<Label> labels(CancellationToken token, Progress.Listener progress) {
        return get(new Key(LABELS, null), token,
                () -> client().labels().list(Map.of(), token, progress(progress, "labels")));
    }

    public List<Workload> workloads(CancellationToken token, Progress.Listener progress) {
        return get(new Key(WORKLOADS, null), token, () -> {
            Progress.Listener p = progress(progress, "workloads");
            return oneAtATime(token, p, () -> client().workloads().list(Map.of(), token, p));
        });
    }

    public List<ServiceBinding> serviceBindings(CancellationToken token, Progress.Listener progress) {
        return get(new Key(SERVICE_BINDINGS, null), token,
                () -> client().serviceBindings().list(Map.of(), token, progress(progress, "service bindings")));
    }

    public List<LabelGroup> labelGroups(String version, CancellationToken token, Progress.Listener progress) {
        return get(new Key(LABEL_GROUPS, version), token,
                () -> client().labelGroups().list(version, Map.of(), token, progress(progress, "label groups")));
    }

    /**
     * The rule sets of {@code version}, rules included. The draft is made from the active policy
     * and the pending changes when few rule sets are pending ({@link #draftFromActive}): one big
     * download serves both versions.
     */
    public List<RuleSet> ruleSets(String version, CancellationToken token, Progress.Listener progress) {
        return get(new Key(RULE_SETS, version), token, () -> {
            Progress.Listener p = progress(progress, "rule sets");
            if (DRAFT.equals(version)) {
                List<RuleSet> draft = draftFromActive(token, p);
                if (draft != null) {
                    return draft;
                }
            }
            if (!ACTIVE.equals(version)) {
                return oneAtATime(token, p, () -> client().ruleSets().list(version, Map.of(), token, p));
            }
            // Which policy version the active rule sets are: answered before the download starts,
            // so that a provisioning during it shows later as a newer version than the one recorded
            // (and the draft is then downloaded, not made from these).
            Beside<Integer> latestAsked = beside(() -> latestVersion(token));
            return oneAtATime(token, p, () -> {
                Optional<Integer> latest = answer(latestAsked, token);
                List<RuleSet> active = client().ruleSets().list(ACTIVE, Map.of(), token, p);
                activeRuleSets = latest.map(v -> new ActiveRuleSets(active, v)).orElse(null);
                return active;
            });
        });
    }

    private static final String DRAFT = "draft";
    private static final String ACTIVE = "active";

    /**
     * The most pending rule sets for which the draft is made from the active policy; past it, the
     * draft's own download costs less than fetching each pending rule set on its own.
     */
    static final int MOST_PENDING_RULE_SETS_TO_DERIVE = 50;

    /** How many pending rule sets are fetched at a time. */
    private static final int FETCH_LANES = 4;

    /** The loaded active rule sets and the policy version they are (0: none provisioned yet). */
    private record ActiveRuleSets(List<RuleSet> ruleSets, Integer version) {
    }

    private volatile ActiveRuleSets activeRuleSets;

    /** The latest policy version's number, 0 when none was ever provisioned. */
    private Integer latestVersion(CancellationToken token) {
        List<PolicyVersion> v = client().provisioning().versions(1, token);
        return v.isEmpty() || v.get(0).version() == null ? 0 : v.get(0).version();
    }

    /** A small request's answer; empty when the PCE refused it (a cancel is thrown). */
    private static <T> Optional<T> answer(Beside<T> asked, CancellationToken token) {
        try {
            return Optional.ofNullable(asked.join(token));
        } catch (PceCancelledException e) {
            throw e;
        } catch (PceException e) {
            return Optional.empty();
        }
    }

    /**
     * The draft rule sets as the active ones (shared with every view of the active policy, loaded
     * if need be) with the pending rule sets (new, changed or pending deletion) fetched one by one
     * from the draft, and every other rule set's hrefs written in the draft: a real PCE lists an
     * unchanged rule set in the draft as in the active policy but for that segment of its hrefs.
     * Null, and the caller downloads the draft itself, when more than
     * {@link #MOST_PENDING_RULE_SETS_TO_DERIVE} rule sets are pending, when the PCE does not answer
     * the pending changes or a pending rule set (a PCE error, not a cancel), or when the active
     * policy loaded is no longer the latest version (provisioned since, from here or elsewhere).
     */
    private List<RuleSet> draftFromActive(CancellationToken token, Progress.Listener progress) {
        PceClient client = client();
        Beside<PendingChanges> pendingAsked = beside(() -> client.provisioning().pending(token));
        Beside<Integer> latestAsked = beside(() -> latestVersion(token));
        List<PendingChange> pending = answer(pendingAsked, token).map(c -> c.of(RULE_SETS)).orElse(null);
        Optional<Integer> latest = answer(latestAsked, token);
        if (pending == null || latest.isEmpty() || pending.size() > MOST_PENDING_RULE_SETS_TO_DERIVE) {
            return null;
        }
        List<RuleSet> active = ruleSets(ACTIVE, token, progress);
        ActiveRuleSets loaded = activeRuleSets;
        if (loaded == null || loaded.ruleSets() != active || !loaded.version().equals(latest.get())) {
            return null;
        }
        progress.onProgress(Progress.phase("deriving", String.format(Locale.US,
                "Making the draft from the active policy and %,d pending rule set%s", pending.size(),
                pending.size() == 1 ? "" : "s")));
        // At most FETCH_LANES requests at a time, each lane fetching its share in turn.
        List<Beside<List<RuleSet>>> lanes = new ArrayList<>();
        int width = Math.min(FETCH_LANES, pending.size());
        for (int lane = 0; lane < width; lane++) {
            int first = lane;
            lanes.add(beside(() -> {
                List<RuleSet> mine = new ArrayList<>();
                for (int k = first; k < pending.size(); k += width) {
                    mine.add(client.ruleSets().get(pending.get(k).href(), DRAFT, token));
                }
                return mine;
            }));
        }
        List<List<RuleSet>> answers = new ArrayList<>();
        for (Beside<List<RuleSet>> lane : lanes) {
            Optional<List<RuleSet>> answer = answer(lane, token);
            if (answer.isEmpty()) {
                return null;
            }
            answers.add(answer.get());
        }
        Map<String, RuleSet> fetched = new java.util.LinkedHashMap<>();
        for (int k = 0; k < pending.size(); k++) { // in the pending list's order
            RuleSet rs = answers.get(k % width).get(k / width);
            fetched.put(Hrefs.neutral(rs.href()), rs);
        }
        token.throwIfCancelled("Making the draft");
        // The active order, each pending rule set in its place, the others moved; new ones at the end.
        InVersion toDraft = InVersion.of(DRAFT);
        List<RuleSet> draft = new ArrayList<>(active.size() + fetched.size());
        for (RuleSet rs : active) {
            RuleSet mine = fetched.remove(Hrefs.neutral(rs.href()));
            draft.add(mine != null ? mine : toDraft.ruleSet(rs));
        }
        draft.addAll(fetched.values());
        return draft;
    }

    public List<IpList> ipLists(String version, CancellationToken token, Progress.Listener progress) {
        return get(new Key(IP_LISTS, version), token,
                () -> client().ipLists().list(version, Map.of(), token, progress(progress, "IP lists")));
    }

    public List<Service> services(String version, CancellationToken token, Progress.Listener progress) {
        return get(new Key(SERVICES, version), token,
                () -> client().services().list(version, Map.of(), token, progress(progress, "services")));
    }

    public List<VirtualService> virtualServices(String version, CancellationToken token, Progress.Listener progress) {
        return get(new Key(VIRTUAL_SERVICES, version), token,
                () -> client().virtualServices().list(version, Map.of(), token, progress(progress, "virtual services")));
    }

    public List<EnforcementBoundary> enforcementBoundaries(String version, CancellationToken token,
                                                           Progress.Listener progress) {
        return get(new Key(ENFORCEMENT_BOUNDARIES, version), token,
                () -> client().enforcementBoundaries().list(version, Map.of(), token,
                        progress(progress, "enforcement boundaries")));
    }

    /**
     * Everything the policy engine needs for {@code version} ("draft", "active" or a number). The
     * collections are asked for at once, each on its own thread; the small ones travel beside the
     * big ones, and the big ones (rule sets, workloads) run two at a time ({@link #bigDownloads}). The
     * progress speaks of the rule sets while they download, then of whatever is still loading.
     */
    public PolicyData policyData(String version, CancellationToken token, Progress.Listener progress) {
        Parts parts = new Parts(token, progress);
        var labelGroups = parts.fork(p -> labelGroups(version, token, p));
        var ipLists = parts.fork(p -> ipLists(version, token, p));
        var services = parts.fork(p -> services(version, token, p));
        var virtualServices = parts.fork(p -> virtualServices(version, token, p));
        var boundaries = parts.fork(p -> enforcementBoundaries(version, token, p));
        var labels = parts.fork(p -> labels(token, p));
        var workloads = parts.fork(p -> workloads(token, p));
        var bindings = parts.fork(p -> serviceBindings(token, p));
        List<RuleSet> ruleSets = parts.here(p -> ruleSets(version, token, p));
        return PolicyData.empty(version)
                .withRuleSets(ruleSets)
                .withWorkloads(parts.join(workloads))
                .withLabelGroups(parts.join(labelGroups))
                .withIpLists(parts.join(ipLists))
                .withServices(parts.join(services))
                .withVirtualServices(parts.join(virtualServices))
                .withEnforcementBoundaries(parts.join(boundaries))
                .withLabels(parts.join(labels))
                .withServiceBindings(parts.join(bindings));
    }

    /** The engine's index over {@code version}, built once per version until something changes. */
    public RuleSearchIndex index(String version, CancellationToken token, Progress.Listener progress) {
        return get(new Key(INDEX, version), token, () -> {
            PolicyData data = policyData(version, token, progress);
            String rules = String.format(Locale.US, "%,d rules", data.ruleSets().stream()
                    .mapToInt(rs -> rs.rules() == null ? 0 : rs.rules().size()).sum());
            progress.onProgress(Progress.phase("compiling", "Compiling " + rules + " of the " + version + " policy"));
            token.throwIfCancelled("Compiling");
            PolicyModel model = PolicyModel.build(data);
            progress.onProgress(Progress.phase("indexing", "Indexing " + rules + " of the " + version + " policy"));
            token.throwIfCancelled("Indexing");
            return RuleSearchIndex.build(model);
        });
    }

    /**
     * The indexes of several versions (the policy check's active and draft), built at the same time
     * on their own threads; in the order asked.
     */
    public List<RuleSearchIndex> indexes(List<String> versions, CancellationToken token, Progress.Listener progress) {
        Parts parts = new Parts(token, progress);
        List<CompletableFuture<RuleSearchIndex>> rest = new ArrayList<>();
        for (String v : versions.subList(1, versions.size())) {
            rest.add(parts.fork(p -> index(v, token, p)));
        }
        List<RuleSearchIndex> out = new ArrayList<>();
        out.add(parts.here(p -> index(versions.get(0), token, p)));
        for (CompletableFuture<RuleSearchIndex> f : rest) {
            out.add(parts.join(f));
        }
        return out;
    }

    /**
     * Starts loading {@code collections} ({@link #LABELS}, {@link #LABEL_GROUPS}...; org collections
     * ignore {@code version}) on the workspace's loader threads and returns at once; a getter called
     * later waits for the same load instead of starting its own. A failed or cancelled load is
     * forgotten, so the getter tries again and reports the error itself.
     */
    public void prefetch(String version, CancellationToken token, String... collections) {
        for (String c : collections) {
            Runnable load = switch (c) {
                case LABEL_DIMENSIONS -> () -> labelDimensions(token, Progress.Listener.NONE);
                case LABELS -> () -> labels(token, Progress.Listener.NONE);
                case WORKLOADS -> () -> workloads(token, Progress.Listener.NONE);
                case SERVICE_BINDINGS -> () -> serviceBindings(token, Progress.Listener.NONE);
                case LABEL_GROUPS -> () -> labelGroups(version, token, Progress.Listener.NONE);
                case RULE_SETS -> () -> ruleSets(version, token, Progress.Listener.NONE);
                case IP_LISTS -> () -> ipLists(version, token, Progress.Listener.NONE);
                case SERVICES -> () -> services(version, token, Progress.Listener.NONE);
                case VIRTUAL_SERVICES -> () -> virtualServices(version, token, Progress.Listener.NONE);
                case ENFORCEMENT_BOUNDARIES -> () -> enforcementBoundaries(version, token, Progress.Listener.NONE);
                default -> throw new IllegalArgumentException("Not a collection the workspace loads: " + c);
            };
            LOADERS.execute(() -> {
                try {
                    load.run();
                } catch (RuntimeException | Error ignored) {
                    // The getter that needs it loads it again and reports the failure to its caller.
                }
            });
        }
    }

    /**
     * Runs {@code work} (a small request, such as the pending changes or the list of policy
     * versions) on a loader thread at once, so that it travels beside the caller's own download
     * instead of after it; {@link Beside#join} waits for it with the caller's token.
     */
    public <T> Beside<T> beside(Supplier<T> work) {
        return new Beside<>(CompletableFuture.supplyAsync(work, LOADERS));
    }

    /** Work started by {@link #beside}. */
    public static final class Beside<T> {
        private final CompletableFuture<T> future;

        private Beside(CompletableFuture<T> future) {
            this.future = future;
        }

        /** Its result (its failure rethrown); {@code token}'s cancel stops the wait. */
        @SuppressWarnings("unchecked")
        public T join(CancellationToken token) {
            return (T) await((CompletableFuture<Object>) (CompletableFuture<?>) future, token);
        }
    }

    /**
     * Something the views derive from the collections (a picker's entries), made once by
     * {@code maker} and shared until anything changes (like the indexes); {@code name} says what it
     * is, {@code version} for which version ({@code null}: the org's objects).
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(String name, String version, CancellationToken token, Supplier<T> maker) {
        return (T) get(new Key(DERIVED + name, version), token, maker::get);
    }

    /**
     * Loads of several collections at once: {@link #fork} starts one on the workspace's loader
     * threads, {@link #here} runs one on the caller's thread, {@link #join} waits for a forked one
     * (the caller's cancel stops the wait; the load itself stops through the same token). Progress:
     * the load that leads speaks (the one run here until it ends, then the forked ones in turn);
     * the others only when they lead.
     */
    private static final class Parts {
        private final CancellationToken token;
        private final Progress.Listener outer;
        private final List<Progress.Listener> order = new CopyOnWriteArrayList<>();
        private final java.util.Set<Progress.Listener> finished = ConcurrentHashMap.newKeySet();
        /** The load run on the caller's thread leads from the start (made before any fork speaks). */
        private final Progress.Listener here;

        Parts(CancellationToken token, Progress.Listener outer) {
            this.token = token;
            this.outer = outer;
            this.here = listener();
        }

        private Progress.Listener lead() {
            if (!finished.contains(here)) {
                return here;
            }
            for (Progress.Listener l : order) {
                if (!finished.contains(l)) {
                    return l;
                }
            }
            return null;
        }

        private Progress.Listener listener() {
            return new Progress.Listener() {
                @Override
                public void onProgress(Progress p) {
                    if (lead() == this) {
                        outer.onProgress(p);
                    }
                }
            };
        }

        <T> CompletableFuture<T> fork(java.util.function.Function<Progress.Listener, T> load) {
            Progress.Listener l = listener();
            order.add(l);
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return load.apply(l);
                } finally {
                    finished.add(l);
                }
            }, LOADERS);
        }

        /** Runs the leading load on the caller's thread; call once. */
        <T> T here(java.util.function.Function<Progress.Listener, T> load) {
            try {
                return load.apply(here);
            } finally {
                finished.add(here);
            }
        }

        <T> T join(CompletableFuture<T> f) {
            @SuppressWarnings("unchecked")
            T value = (T) await((CompletableFuture<Object>) (CompletableFuture<?>) f, token);
            return value;
        }
    }

    /** The threads that load collections side by side (daemons: they never keep the app alive). */
    private static final AtomicInteger LOADER_COUNT = new AtomicInteger();
    private static final ExecutorService LOADERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "workspace-loader-" + LOADER_COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /**
     * The big downloads (rule sets of any version, the workloads) run two at a time, in the order
     * asked; the small collections still travel beside them. With the parse as costly as it was
     * (view probe on the {@code large} data set, 2 cores, load average 9-10) all side by side was
     * slower than one at a time (11.9 s against 9.3 s); once the parse needed about a core and a
     * half per download and little collection, two at a time overlapped one download's waits
     * (job, polls, the end of its parse) with the other's work: in paired probe runs, Policy check
     * (two rule set downloads and the workloads) 5.8 and 7.3 s against 7.4 and 8.5 s one at a
     * time, Rule search 3.4-4.8 s against 5.0-6.1 s.
     */
    private final Turns bigDownloads = new Turns(2);

    private static <T> T oneAtATime(Turns turns, CancellationToken token, Progress.Listener progress, Supplier<T> load) {
        CompletableFuture<Object> turn = turns.enter();
        try {
            if (!turn.isDone()) {
                progress.onProgress(Progress.phase("queued", "Queued behind the downloads before it"));
            }
            await(turn, token);
        } catch (RuntimeException | Error e) {
            if (!turn.completeExceptionally(e)) {
                turns.leave(); // our turn came as we gave up: pass it on
            }
            throw e;
        }
        try {
            return load.get();
        } finally {
            turns.leave();
        }
    }

    private <T> T oneAtATime(CancellationToken token, Progress.Listener progress, Supplier<T> load) {
        return oneAtATime(bigDownloads, token, progress, load);
    }

    /** A first-come, first-served lock whose waits are futures (so that a cancel stops them). */
    private static final class Turns {
        private final java.util.ArrayDeque<CompletableFuture<Object>> queue = new java.util.ArrayDeque<>();
        private final int width;
        private int busy;

        Turns(int width) {
            this.width = width;
        }

        synchronized CompletableFuture<Object> enter() {
            CompletableFuture<Object> f = new CompletableFuture<>();
            if (busy >= width) {
                queue.add(f);
            } else {
                busy++;
                f.complete(null);
            }
            return f;
        }

        /** Hands the turn to the next waiter still waiting (one that gave up has completed its future). */
        synchronized void leave() {
            CompletableFuture<Object> next;
            while ((next = queue.poll()) != null) {
                if (next.complete(null)) {
                    return;
                }
            }
            busy--;
        }
    }

    /** The cached value, if this collection of this version is loaded (never loads). */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> loaded(String collection, String version) {
        CompletableFuture<Object> f = cache.get(new Key(collection, version));
        return f != null && f.isDone() && !f.isCompletedExceptionally() ? Optional.of((T) f.join()) : Optional.empty();
    }

    /**
     * Something was changed on the PCE: forgets {@code collection} of {@code version} (and of
     * "draft" whenever a version is given, as edits only happen there; {@code null} collection:
     * everything of that version; both {@code null}: everything), every index and every
     * {@link #derived} value, then tells the
     * listeners.
     */
    public void changed(String collection, String version) {
        cache.keySet().removeIf(k -> k.collection().equals(INDEX) || k.collection().startsWith(DERIVED)
                || (collection == null || k.collection().equals(collection))
                && (version == null || Objects.equals(k.version(), version)));
        Change c = new Change(collection, version);
        for (Consumer<Change> l : listeners) {
            l.accept(c);
        }
    }

    /** Forgets everything (a reload button, a provisioning that changed the active version). */
    public void refreshAll() {
        changed(null, null);
    }

    public AutoCloseable addListener(Consumer<Change> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private static Progress.Listener progress(Progress.Listener outer, String what) {
        outer.onProgress(Progress.phase("loading", "Loading " + what));
        return p -> outer.onProgress(new Progress(p.phase(), p.bytes(), p.totalBytes(),
                p.message() == null || p.message().isEmpty() ? "Loading " + what : "Loading " + what + ": " + p.message()));
    }

    @SuppressWarnings("unchecked")
    private <T> T get(Key key, CancellationToken token, Supplier<T> loader) {
        client(); // drops the cache when the connection changed
        while (true) {
            token.throwIfCancelled("Loading " + key.collection());
            CompletableFuture<Object> mine = new CompletableFuture<>();
            CompletableFuture<Object> existing = cache.putIfAbsent(key, mine);
            if (existing == null) {
                try {
                    T value = loader.get();
                    mine.complete(value);
                    return value;
                } catch (RuntimeException | Error e) {
                    cache.remove(key, mine);
                    mine.completeExceptionally(e);
                    throw e;
                }
            }
            try {
                return (T) await(existing, token);
            } catch (PceCancelledException e) {
                if (token.isCancelled()) {
                    throw e;
                }
                // The task that was loading it was cancelled, not us: load it ourselves.
            }
        }
    }

    private static Object await(CompletableFuture<Object> shared, CancellationToken token) {
        // Wait on a copy, so our cancel never fails the shared download for the other waiters.
        CompletableFuture<Object> f = shared.copy();
        try (AutoCloseable ignored = token.onCancel(() -> f.completeExceptionally(
                new PceCancelledException("Cancelled while waiting for a download")))) {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new PceException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PceCancelledException("Interrupted");
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
