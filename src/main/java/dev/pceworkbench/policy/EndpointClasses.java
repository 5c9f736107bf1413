package dev.pceworkbench.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Endpoints that {@link PolicyCheck#decide} cannot tell apart, numbered, so that deciding many
 * flows decides each (consumer class, provider class, service) once. What a check reads of a
 * consumer is its labels, the IP lists holding its addresses and whether a rule or boundary names
 * it; of a provider workload its labels, its virtual-service bindings (with their ports) and
 * whether a rule or boundary names it; of an address the IP lists holding it. So a workload that
 * no rule or boundary names (as a workload actor, on either side) shares its class with every
 * workload of the same labels (and IP lists, as a consumer; bindings, as a provider); a named one
 * is a class of its own. Classes are numbered from 0 in the order first asked for; each keeps the
 * first endpoint asked for as its representative. Not thread-safe: number the endpoints on one
 * thread, then decide the classes' representatives on any.
 */
public final class EndpointClasses {
    private final PolicyModel m;
    private final BitSet named = new BitSet();
    private final Map<Key, Integer> consumers = new HashMap<>();
    private final List<Endpoint> consumerReps = new ArrayList<>();
    private final Map<Key, Integer> providers = new HashMap<>();
    private final List<Endpoint> providerReps = new ArrayList<>();

    public EndpointClasses(PolicyModel model) {
        this.m = Objects.requireNonNull(model);
        for (CompiledRule r : m.rules) {
            name(r.providers);
            name(r.consumers);
        }
        for (PolicyModel.Boundary b : m.boundaries) {
            name(b.providers());
            name(b.consumers());
        }
    }

    private void name(Side s) {
        for (int w : s.workloads) {
            named.set(w);
        }
    }

    /**
     * The class of {@code e} as a consumer: endpoints of one class get the same answer from
     * {@link PolicyCheck#decide} with any provider and service.
     *
     * @throws IllegalArgumentException when a workload is not in the model
     */
    public int consumer(Endpoint e) {
        Key k;
        if (e.isWorkload()) {
            int w = workload(e);
            k = named.get(w) ? new Key(0, w, null, null, null, null)
                    : new Key(1, 0, m.workloadLabels[w], null, null, m.ipListsContaining(m.workloadIps[w]));
        } else {
            k = new Key(2, 0, null, null, null, m.ipListsContaining(e.ip()));
        }
        return id(consumers, consumerReps, k, e);
    }

    /**
     * The class of {@code e} as a provider: endpoints of one class get the same answer from
     * {@link PolicyCheck#decide} with any consumer and service.
     *
     * @throws IllegalArgumentException when a workload is not in the model
     */
    public int provider(Endpoint e) {
        Key k;
        if (e.isWorkload()) {
            int w = workload(e);
            if (named.get(w)) {
                k = new Key(0, w, null, null, null, null);
            } else {
                PolicyModel.Binding[] bs = m.bindings[w];
                int[] vs = new int[bs.length];
                PortRange[][] ports = new PortRange[bs.length][];
                for (int i = 0; i < bs.length; i++) {
                    vs[i] = bs[i].virtualService();
                    ports[i] = bs[i].ports();
                }
                k = new Key(1, 0, m.workloadLabels[w], vs, ports, null);
            }
        } else {
            k = new Key(2, 0, null, null, null, m.ipListsContaining(e.ip()));
        }
        return id(providers, providerReps, k, e);
    }

    /** The first consumer asked for of class {@code id}. */
    public Endpoint consumerRepresentative(int id) {
        return consumerReps.get(id);
    }

    /** The first provider asked for of class {@code id}. */
    public Endpoint providerRepresentative(int id) {
        return providerReps.get(id);
    }

    private int workload(Endpoint e) {
        int w = m.workloadId(e.workloadHref());
        if (w < 0) {
            throw new IllegalArgumentException("Workload " + e.workloadHref() + " is not in policy version " + m.version());
        }
        return w;
    }

    private static int id(Map<Key, Integer> ids, List<Endpoint> reps, Key k, Endpoint e) {
        Integer id = ids.get(k);
        if (id == null) {
            id = reps.size();
            ids.put(k, id);
            reps.add(e);
        }
        return id;
    }

    /** kind 0: a named workload ({@code id}); 1: a workload by what the check reads of it; 2: an address by its IP lists. */
    private record Key(int kind, int id, int[] labels, int[] virtualServices, PortRange[][] ports, BitSet ipLists) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && kind == k.kind && id == k.id && Arrays.equals(labels, k.labels)
                    && Arrays.equals(virtualServices, k.virtualServices) && Arrays.deepEquals(ports, k.ports)
                    && Objects.equals(ipLists, k.ipLists);
        }

        @Override
        public int hashCode() {
            return ((kind * 31 + id) * 31 + Arrays.hashCode(labels)) * 31 + Arrays.hashCode(virtualServices) * 7
                    + Arrays.deepHashCode(ports) + Objects.hashCode(ipLists);
        }
    }
}
