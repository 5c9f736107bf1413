package dev.pceworkbench.policy;

import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Posting lists over one {@link PolicyModel}, so that a rule search or a policy check looks at the
 * few rules that can match instead of all of them. For rule search: rules by literal provider and
 * consumer actor, by service href, by distinct port range, and by attribute text. For the policy
 * check: every enabled rule is filed under <em>anchors</em> a matching provider must carry, chosen
 * at build time as the rarest of what the rule demands (one label of each scope of its rule set,
 * or one label of a provider key group; an explicit workload or virtual service; an IP list for
 * addresses), so a check reads only the rules filed under the provider's own labels and href.
 * Immutable; build once per model and share between threads.
 */
public final class RuleSearchIndex {
    final PolicyModel model;
    // ---- policy check: provider anchors ----
    final int[][] byLabel;
    final int[][] byWorkload;
    final int[][] byVirtualService;
    final int[][] byIpListProvider;
    final int[] anyTarget;
    /** Per rule, the id of its (shared) service list in {@link #serviceSets}: checks reject most candidates by port from these two arrays alone. */
    final int[] serviceSetOf;
    final PortRange[][] serviceSets;
    // ---- rule search ----
    final Map<String, int[]> providerActors;
    final Map<String, int[]> consumerActors;
    final Map<String, int[]> serviceHrefs;
    final PortRange[] portRanges;
    final int[][] byPortRange;
    final String[] texts;
    final int[][] byText;
    final String[] descriptions;
    final int[][] byDescription;

    private RuleSearchIndex(PolicyModel m) {
        this.model = m;
        Builder b = new Builder(m);
        byLabel = b.freeze(b.byLabel);
        byWorkload = b.freeze(b.byWorkload);
        byVirtualService = b.freeze(b.byVirtualService);
        byIpListProvider = b.freeze(b.byIpListProvider);
        anyTarget = b.anyTarget.toArray();
        serviceSetOf = b.serviceSetOf;
        serviceSets = b.serviceSetList.toArray(new PortRange[0][]);
        providerActors = freeze(b.providerActors);
        consumerActors = freeze(b.consumerActors);
        serviceHrefs = freeze(b.serviceHrefs);
        portRanges = b.portRanges.keySet().toArray(new PortRange[0]);
        byPortRange = b.portRanges.values().stream().map(Ints.Builder::toArray).toArray(int[][]::new);
        texts = b.texts.keySet().toArray(new String[0]);
        byText = b.texts.values().stream().map(Ints.Builder::toArray).toArray(int[][]::new);
        descriptions = b.descriptions.keySet().toArray(new String[0]);
        byDescription = b.descriptions.values().stream().map(Ints.Builder::toArray).toArray(int[][]::new);
    }

    /** Indexes a model (a few hundred milliseconds for 200,000 rules). */
    public static RuleSearchIndex build(PolicyModel model) {
        return new RuleSearchIndex(model);
    }

    public PolicyModel model() {
        return model;
    }

    private static Map<String, int[]> freeze(Map<String, Ints.Builder> m) {
        Map<String, int[]> out = new HashMap<>(m.size() * 2);
        m.forEach((k, v) -> out.put(k, v.toArray()));
        return out;
    }

    /**
     * The rules whose provider side the connection's provider (or a virtual service bound to it)
     * may match and whose services may cover its port, sorted. A rule without services is kept only
     * when the provider has bound virtual services (it then means their ports).
     */
    int[] providerCandidates(Connection c) {
        return providerCandidates(c, null);
    }

    /**
     * {@link #providerCandidates(Connection)}, the label and any-target postings filtered by
     * {@code memo} (for the connection's service) when given.
     */
    int[] providerCandidates(Connection c, Covering memo) {
        byte[] covers = new byte[serviceSets.length];
        boolean vsTargets = c.targets.length > 1;
        Ints.Builder out = new Ints.Builder();
        boolean labelled = false;
        for (Connection.Target t : c.targets) {
            if (t.address()) {
                for (int l = t.ipLists().nextSetBit(0); l >= 0; l = t.ipLists().nextSetBit(l + 1)) {
                    addCovering(out, byIpListProvider[l], c.service, covers, vsTargets);
                }
                continue;
            }
            labelled = true;
            addCovering(out, t.virtualService() ? byVirtualService[t.id()] : byWorkload[t.id()], c.service, covers, vsTargets);
            for (int l : t.labels()) {
                if (memo == null) {
                    addCovering(out, byLabel[l], c.service, covers, vsTargets);
                } else {
                    addAll(out, memo.of(l, vsTargets));
                }
            }
        }
        if (labelled) {
            if (memo == null) {
                addCovering(out, anyTarget, c.service, covers, vsTargets);
            } else {
                addAll(out, memo.of(byLabel.length, vsTargets));
            }
        }
        int[] a = out.toArray();
        return Ints.sortedUnique(a, a.length);
    }

    /**
     * The label postings (and the any-target one) filtered by one service as
     * {@link #providerCandidates} filters them, each worked out once, for checks of many
     * providers on that service. Thread-safe.
     */
    final class Covering {
        private final PortRange service;
        /** Per posting (labels, then any-target) and whether the provider has virtual-service targets. */
        private final java.util.concurrent.atomic.AtomicReferenceArray<int[]> lists =
                new java.util.concurrent.atomic.AtomicReferenceArray<>(2 * (byLabel.length + 1));

        Covering(PortRange service) {
            this.service = service;
        }

        PortRange service() {
            return service;
        }

        private int[] of(int posting, boolean vsTargets) {
            int i = 2 * posting + (vsTargets ? 1 : 0);
            int[] l = lists.get(i);
            if (l == null) {
                Ints.Builder out = new Ints.Builder();
                addCovering(out, posting == byLabel.length ? anyTarget : byLabel[posting], service,
                        new byte[serviceSets.length], vsTargets);
                l = out.toArray();
                lists.set(i, l);
            }
            return l;
        }
    }

    /** Adds the rules of {@code ids} whose services may cover {@code q}; {@code covers} memoises per service list. */
    private void addCovering(Ints.Builder out, int[] ids, PortRange q, byte[] covers, boolean vsTargets) {
        for (int id : ids) {
            int set = serviceSetOf[id];
            byte known = covers[set];
            if (known == 0) {
                PortRange[] entries = serviceSets[set];
                known = entries.length == 0 ? (byte) 3 : PortRange.anyCovers(entries, q) ? (byte) 1 : (byte) 2;
                covers[set] = known;
            }
            if (known == 1 || (known == 3 && vsTargets)) {
                out.add(id);
            }
        }
    }

    private static void addAll(Ints.Builder out, int[] ids) {
        for (int id : ids) {
            out.add(id);
        }
    }

    /** Collects the postings while walking the rules once. */
    private static final class Builder {
        final PolicyModel m;
        final Ints.Builder[] byLabel;
        final Ints.Builder[] byWorkload;
        final Ints.Builder[] byVirtualService;
        final Ints.Builder[] byIpListProvider;
        final Ints.Builder anyTarget = new Ints.Builder();
        final Map<String, Ints.Builder> providerActors = new HashMap<>();
        final Map<String, Ints.Builder> consumerActors = new HashMap<>();
        final Map<String, Ints.Builder> serviceHrefs = new HashMap<>();
        final Map<PortRange, Ints.Builder> portRanges = new LinkedHashMap<>();
        final Map<String, Ints.Builder> texts = new LinkedHashMap<>();
        final Map<String, Ints.Builder> descriptions = new LinkedHashMap<>();
        /** How many workloads and virtual services carry each label: the cost of filing a rule under it. */
        final long[] labelFrequency;
        final Map<CompiledRuleSet, int[]> scopeAnchors = new HashMap<>();
        final Map<Side, String[]> sideTexts = new HashMap<>();
        final Map<PortRange[], String[]> serviceTexts = new java.util.IdentityHashMap<>();
        final Map<PortRange[], Integer> serviceSets = new java.util.IdentityHashMap<>();
        final java.util.List<PortRange[]> serviceSetList = new java.util.ArrayList<>();
        final int[] serviceSetOf;

        Builder(PolicyModel m) {
            this.m = m;
            byLabel = builders(m.labels.length);
            byWorkload = new Ints.Builder[m.workloads.length];
            byVirtualService = builders(m.virtualServices.length);
            byIpListProvider = builders(m.ipLists.length);
            labelFrequency = new long[m.labels.length];
            for (int[] ls : m.workloadLabels) {
                for (int l : ls) {
                    labelFrequency[l]++;
                }
            }
            for (int[] ls : m.virtualServiceLabels) {
                for (int l : ls) {
                    labelFrequency[l]++;
                }
            }
            serviceSetOf = new int[m.rules.length];
            for (CompiledRule r : m.rules) {
                Integer set = serviceSets.get(r.services);
                if (set == null) {
                    set = serviceSets.size();
                    serviceSets.put(r.services, set);
                    serviceSetList.add(r.services);
                }
                serviceSetOf[r.index] = set;
                fileForCheck(r);
                fileForSearch(r);
            }
        }

        private static Ints.Builder[] builders(int n) {
            Ints.Builder[] b = new Ints.Builder[n];
            for (int i = 0; i < n; i++) {
                b[i] = new Ints.Builder();
            }
            return b;
        }

        int[][] freeze(Ints.Builder[] b) {
            int[][] out = new int[b.length][];
            for (int i = 0; i < b.length; i++) {
                out[i] = b[i] == null ? Ints.NONE : b[i].toArray();
            }
            return out;
        }

        private void fileForCheck(CompiledRule r) {
            if (!r.active) {
                return;
            }
            Side p = r.providers;
            int id = r.index;
            for (int w : p.workloads) {
                if (byWorkload[w] == null) {
                    byWorkload[w] = new Ints.Builder();
                }
                byWorkload[w].add(id);
            }
            for (int v : p.virtualServices) {
                byVirtualService[v].add(id);
            }
            for (int l : p.ipLists) {
                byIpListProvider[l].add(id);
            }
            if (!r.providersAsWorkloads && !r.providersAsVirtualServices) {
                return; // labels and All Workloads resolve to nothing
            }
            int[] scope = scopeAnchor(r.ruleSet);
            int[] anchor;
            if (p.ams) {
                anchor = scope;
            } else if (p.keyGroups.length > 0) {
                int[] rarest = null;
                for (int[] g : p.keyGroups) {
                    if (rarest == null || cost(g) < cost(rarest)) {
                        rarest = g;
                    }
                }
                anchor = scope == null || cost(rarest) < cost(scope) ? rarest : scope;
            } else {
                return;
            }
            if (anchor == null) {
                anyTarget.add(id);
            } else {
                for (int l : anchor) {
                    byLabel[l].add(id);
                }
            }
        }

        /** One required label set per scope (its rarest key group), merged; null when a scope takes everything. */
        private int[] scopeAnchor(CompiledRuleSet rs) {
            if (scopeAnchors.containsKey(rs)) {
                return scopeAnchors.get(rs);
            }
            java.util.TreeSet<Integer> labels = new java.util.TreeSet<>();
            boolean everything = false;
            for (Scope s : rs.scopes) {
                int[] rarest = null;
                for (int[] g : s.include) {
                    if (rarest == null || cost(g) < cost(rarest)) {
                        rarest = g;
                    }
                }
                if (rarest == null) {
                    everything = true;
                    break;
                }
                for (int l : rarest) {
                    labels.add(l);
                }
            }
            int[] out = everything ? null : Ints.sortedUnique(labels);
            scopeAnchors.put(rs, out);
            return out;
        }

        private long cost(int[] labels) {
            long c = 0;
            for (int l : labels) {
                c += labelFrequency[l];
            }
            return c;
        }

        private void fileForSearch(CompiledRule r) {
            int id = r.index;
            for (String k : r.providers.keys) {
                providerActors.computeIfAbsent(k, x -> new Ints.Builder()).add(id);
            }
            for (String k : r.consumers.keys) {
                consumerActors.computeIfAbsent(k, x -> new Ints.Builder()).add(id);
            }
            for (String h : r.serviceHrefs) {
                serviceHrefs.computeIfAbsent(h, x -> new Ints.Builder()).add(id);
            }
            for (PortRange p : r.services) {
                portRanges.computeIfAbsent(p, x -> new Ints.Builder()).add(id);
            }
            for (String t : RuleTexts.of(m, r, sideTexts, serviceTexts)) {
                texts.computeIfAbsent(t, x -> new Ints.Builder()).add(id);
            }
            descriptions.computeIfAbsent(RuleTexts.description(r), x -> new Ints.Builder()).add(id);
        }
    }

    /** Union of the postings of every key in {@code keys} into {@code out}. */
    static void union(Map<String, int[]> postings, Iterable<String> keys, BitSet out) {
        for (String k : keys) {
            int[] ids = postings.get(k);
            if (ids != null) {
                for (int id : ids) {
                    out.set(id);
                }
            }
        }
    }

    static void union(int[] ids, BitSet out) {
        for (int id : ids) {
            out.set(id);
        }
    }
}
