package dev.pceworkbench.workspace;

import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceCancelledException;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.PceException;
import dev.pceworkbench.pce.Progress;
import dev.pceworkbench.pce.model.EnforcementBoundary;
import dev.pceworkbench.pce.model.IpList;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelDimension;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.Service;
import dev.pceworkbench.pce.model.ServiceBinding;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.policy.PolicyData;
import dev.pceworkbench.policy.PolicyModel;
import dev.pceworkbench.policy.RuleSearchIndex;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
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
        return get(new Key(WORKLOADS, null), token,
                () -> client().workloads().list(Map.of(), token, progress(progress, "workloads")));
    }

    public List<ServiceBinding> serviceBindings(CancellationToken token, Progress.Listener progress) {
        return get(new Key(SERVICE_BINDINGS, null), token,
                () -> client().serviceBindings().list(Map.of(), token, progress(progress, "service bindings")));
    }

    public List<LabelGroup> labelGroups(String version, CancellationToken token, Progress.Listener progress) {
        return get(new Key(LABEL_GROUPS, version), token,
                () -> client().labelGroups().list(version, Map.of(), token, progress(progress, "label groups")));
    }

    public List<RuleSet> ruleSets(String version, CancellationToken token, Progress.Listener progress) {
        return get(new Key(RULE_SETS, version), token,
                () -> client().ruleSets().list(version, Map.of(), token, progress(progress, "rule sets")));
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

    /** Everything the policy engine needs for {@code version} ("draft", "active" or a number). */
    public PolicyData policyData(String version, CancellationToken token, Progress.Listener progress) {
        return PolicyData.empty(version)
                .withRuleSets(ruleSets(version, token, progress))
                .withLabelGroups(labelGroups(version, token, progress))
                .withIpLists(ipLists(version, token, progress))
                .withServices(services(version, token, progress))
                .withVirtualServices(virtualServices(version, token, progress))
                .withEnforcementBoundaries(enforcementBoundaries(version, token, progress))
                .withLabels(labels(token, progress))
                .withWorkloads(workloads(token, progress))
                .withServiceBindings(serviceBindings(token, progress));
    }

    /** The engine's index over {@code version}, built once per version until something changes. */
    public RuleSearchIndex index(String version, CancellationToken token, Progress.Listener progress) {
        return get(new Key(INDEX, version), token, () -> {
            PolicyData data = policyData(version, token, progress);
            progress.onProgress(Progress.phase("indexing", "Indexing " + data.ruleSets().stream()
                    .mapToInt(rs -> rs.rules() == null ? 0 : rs.rules().size()).sum() + " rules"));
            token.throwIfCancelled("Indexing");
            return RuleSearchIndex.build(PolicyModel.build(data));
        });
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
     * everything of that version; both {@code null}: everything) and every index, then tells the
     * listeners.
     */
    public void changed(String collection, String version) {
        cache.keySet().removeIf(k -> k.collection().equals(INDEX)
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
