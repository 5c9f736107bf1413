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
    /** Per consumer class, its representative resolved against the model (for {@link PolicyCheck#decide(EndpointClasses, int[], int, PortRange)}). */
    private final List<Connection.Consumer> consumerResolved = new ArrayList<>();
    private final Map<Key, Integer> providers = new HashMap<>();
    private final List<Endpoint> providerReps = new ArrayList<>();
    /** Per provider class, its representative's workload id, or -1 for an address. */
    private final Ints.Builder providerWorkloads = new Ints.Builder();

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
        if (e.isWorkload()) {
            return consumer(workload(e), e);
        }
        BitSet lists = m.ipListsContaining(e.ip());
        return consumerId(new Key(2, 0, null, null, null, lists), e, -1, lists);
    }

    /**
     * {@link #consumer(Endpoint)} of the workload at position {@code index} of the model's
     * {@link PolicyModel#workloads()} (see {@link PolicyModel#workloadIndex}).
     */
    public int consumerWorkload(int index) {
        return consumer(index, null);
    }

    private int consumer(int w, Endpoint e) {
        BitSet lists = m.ipListsContaining(m.workloadIps[w]);
        Key k = named.get(w) ? new Key(0, w, null, null, null, null) : new Key(1, 0, m.workloadLabels[w], null, null, lists);
        return consumerId(k, e, w, lists);
    }

    private int consumerId(Key k, Endpoint e, int w, BitSet lists) {
        Integer id = consumers.get(k);
        if (id == null) {
            id = consumerReps.size();
            consumers.put(k, id);
            Endpoint rep = e != null ? e : Endpoint.workload(m.workloads[w].href());
            consumerReps.add(rep);
            consumerResolved.add(new Connection.Consumer(rep, w, w < 0 ? null : m.workloadLabels[w], lists));
        }
        return id;
    }

    /**
     * The class of {@code e} as a provider: endpoints of one class get the same answer from
     * {@link PolicyCheck#decide} with any consumer and service.
     *
     * @throws IllegalArgumentException when a workload is not in the model
     */
    public int provider(Endpoint e) {
        if (e.isWorkload()) {
            return provider(workload(e), e);
        }
        return providerId(new Key(2, 0, null, null, null, m.ipListsContaining(e.ip())), e, -1);
    }

    /**
     * {@link #provider(Endpoint)} of the workload at position {@code index} of the model's
     * {@link PolicyModel#workloads()} (see {@link PolicyModel#workloadIndex}).
     */
    public int providerWorkload(int index) {
        return provider(index, null);
    }

    private int provider(int w, Endpoint e) {
        Key k;
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
        return providerId(k, e, w);
    }

    private int providerId(Key k, Endpoint e, int w) {
        Integer id = providers.get(k);
        if (id == null) {
            id = providerReps.size();
            providers.put(k, id);
            providerReps.add(e != null ? e : Endpoint.workload(m.workloads[w].href()));
            providerWorkloads.add(w);
        }
        return id;
    }

    /** What the representative of provider class {@code id} can be matched as. */
    Connection.Target[] providerTargets(int id) {
        int w = providerWorkloads.get(id);
        return w >= 0 ? Connection.targets(m, w) : Connection.targets(m, providerReps.get(id));
    }

    PolicyModel model() {
        return m;
    }

    /** The representative of consumer class {@code id}, resolved. */
    Connection.Consumer consumerResolved(int id) {
        return consumerResolved.get(id);
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
