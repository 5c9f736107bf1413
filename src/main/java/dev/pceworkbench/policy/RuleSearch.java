package dev.pceworkbench.policy;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.Workload;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule search query, immutable: services (port/protocol ranges or service hrefs), providers,
 * consumers, or either side (labels, label groups, workloads, virtual services, IP lists, All
 * Workloads, or an IP address, which finds the IP lists that hold it), attribute text (basic
 * search) or rule description, and rule flags (or only rules that can allow traffic:
 * {@code activeOnly}). With {@link Match#ALL} (the PCE's rule search) a
 * rule must satisfy every criterion given, with {@link Match#ANY} one of them; flags always
 * apply. Within a criterion any item may match. Actors match literally, or, with
 * {@code resolveActors} (the PCE's {@code resolve_actors}), also through what covers them: a
 * label finds rules naming label groups that contain it (at any depth) and All Workloads; a
 * workload also finds its labels' rules. Run it on a {@link RuleSearchIndex} (or with
 * {@link LinearScan}); hits come in rule order.
 */
public final class RuleSearch {
    /** Whether every criterion must match, or any one. */
    public enum Match { ALL, ANY }

    /** A provider or consumer filter: an actor, or an IP address. */
    public record ActorFilter(Actor actor, IpAddress ip) {
        public static ActorFilter of(Actor actor) {
            return new ActorFilter(actor, null);
        }

        public static ActorFilter ip(String address) {
            return new ActorFilter(null, IpAddress.parse(address));
        }
    }

    private final List<ActorFilter> providers;
    private final List<ActorFilter> consumers;
    private final List<ActorFilter> providersOrConsumers;
    private final List<PortRange> ports;
    private final List<String> serviceHrefs;
    private final String text;
    private final String description;
    private final boolean resolveActors;
    private final Match match;
    private final Boolean enabled;
    private final Boolean unscopedConsumers;
    private final Boolean stateless;
    private final boolean activeOnly;
    private final int maxResults;

    private RuleSearch(Builder b) {
        providers = List.copyOf(b.providers);
        consumers = List.copyOf(b.consumers);
        providersOrConsumers = List.copyOf(b.either);
        ports = List.copyOf(b.ports);
        serviceHrefs = List.copyOf(b.serviceHrefs);
        text = b.text == null ? null : RuleTexts.lower(b.text);
        description = b.description == null ? null : RuleTexts.lower(b.description);
        resolveActors = b.resolveActors;
        match = b.match;
        enabled = b.enabled;
        unscopedConsumers = b.unscopedConsumers;
        stateless = b.stateless;
        activeOnly = b.activeOnly;
        maxResults = b.maxResults;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs the search through the index's posting lists. */
    public List<RuleHit> run(RuleSearchIndex index) {
        Compiled q = compile(index.model);
        BitSet acc = null;
        for (int c = 0; c < Compiled.CRITERIA; c++) {
            if (!q.has(c)) {
                continue;
            }
            BitSet bits = q.postings(index, c);
            if (acc == null) {
                acc = bits;
            } else if (match == Match.ALL) {
                acc.and(bits);
            } else {
                acc.or(bits);
            }
            if (match == Match.ALL && acc.isEmpty()) {
                break;
            }
        }
        List<RuleHit> out = new ArrayList<>();
        CompiledRule[] rules = index.model.rules;
        if (acc == null) {
            acc = new BitSet(rules.length);
            acc.set(0, rules.length);
        }
        for (int i = acc.nextSetBit(0); i >= 0 && out.size() < maxResults; i = acc.nextSetBit(i + 1)) {
            if (flagsMatch(rules[i])) {
                out.add(index.model.hit(rules[i]));
            }
        }
        return out;
    }

    boolean flagsMatch(CompiledRule r) {
        return (!activeOnly || r.active)
                && (enabled == null || r.enabled == enabled)
                && (unscopedConsumers == null || r.unscopedConsumers == unscopedConsumers)
                && (stateless == null || Boolean.TRUE.equals(r.record.stateless()) == stateless);
    }

    int maxResults() {
        return maxResults;
    }

    Match match() {
        return match;
    }

    /** The query with its actors expanded to index keys against one model. */
    Compiled compile(PolicyModel m) {
        return new Compiled(keys(m, providers), keys(m, consumers), keys(m, providersOrConsumers), ports,
                Set.copyOf(serviceHrefs.stream().map(Hrefs::neutral).toList()), text, description);
    }

    /** The actor keys a rule may name to match one of {@code filters}; null when there is no such criterion. */
    private Set<String> keys(PolicyModel m, List<ActorFilter> filters) {
        if (filters.isEmpty()) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (ActorFilter f : filters) {
            if (f.ip() != null) {
                BitSet lists = m.ipListsContaining(f.ip());
                lists.stream().forEach(l -> out.add("ip_list:" + Hrefs.neutral(m.ipLists[l].href())));
                continue;
            }
            Actor a = f.actor();
            String key = ModelCompiler.actorKey(a);
            out.add(key);
            if (!resolveActors) {
                continue;
            }
            if (a.label() != null || a.labelGroup() != null) {
                out.add("ams");
                out.addAll(m.groupsContaining.getOrDefault(key, Set.of()));
            } else if (a.workload() != null) {
                out.add("ams");
                Workload w = m.workload(a.workload().href());
                if (w != null) {
                    for (Href l : w.labels()) {
                        String lk = "label:" + l.href();
                        out.add(lk);
                        out.addAll(m.groupsContaining.getOrDefault(lk, Set.of()));
                    }
                }
            }
        }
        return out;
    }

    /** A compiled query: one slot per criterion. */
    record Compiled(Set<String> providers, Set<String> consumers, Set<String> either, List<PortRange> ports,
                    Set<String> serviceHrefs, String text, String description) {
        static final int CRITERIA = 6;

        boolean has(int c) {
            return switch (c) {
                case 0 -> providers != null;
                case 1 -> consumers != null;
                case 2 -> either != null;
                case 3 -> !ports.isEmpty() || !serviceHrefs.isEmpty();
                case 4 -> text != null;
                default -> description != null;
            };
        }

        BitSet postings(RuleSearchIndex ix, int c) {
            BitSet out = new BitSet(ix.model.rules.length);
            switch (c) {
                case 0 -> RuleSearchIndex.union(ix.providerActors, providers, out);
                case 1 -> RuleSearchIndex.union(ix.consumerActors, consumers, out);
                case 2 -> {
                    RuleSearchIndex.union(ix.providerActors, either, out);
                    RuleSearchIndex.union(ix.consumerActors, either, out);
                }
                case 3 -> {
                    for (int i = 0; i < ix.portRanges.length; i++) {
                        if (overlapsAny(ix.portRanges[i])) {
                            RuleSearchIndex.union(ix.byPortRange[i], out);
                        }
                    }
                    RuleSearchIndex.union(ix.serviceHrefs, serviceHrefs, out);
                }
                case 4 -> textPostings(ix.texts, ix.byText, text, out);
                default -> textPostings(ix.descriptions, ix.byDescription, description, out);
            }
            return out;
        }

        private static void textPostings(String[] texts, int[][] postings, String q, BitSet out) {
            for (int i = 0; i < texts.length; i++) {
                if (texts[i].contains(q)) {
                    RuleSearchIndex.union(postings[i], out);
                }
            }
        }

        boolean overlapsAny(PortRange entry) {
            for (PortRange q : ports) {
                if (entry.overlaps(q)) {
                    return true;
                }
            }
            return false;
        }

        /** The same criterion tested on one rule directly (the linear scan). */
        boolean matches(PolicyModel m, CompiledRule r, int c, Map<Side, String[]> sideTexts,
                        Map<PortRange[], String[]> serviceTexts) {
            return switch (c) {
                case 0 -> anyKey(r.providers, providers);
                case 1 -> anyKey(r.consumers, consumers);
                case 2 -> anyKey(r.providers, either) || anyKey(r.consumers, either);
                case 3 -> {
                    for (PortRange e : r.services) {
                        if (overlapsAny(e)) {
                            yield true;
                        }
                    }
                    for (String h : r.serviceHrefs) {
                        if (serviceHrefs.contains(h)) {
                            yield true;
                        }
                    }
                    yield false;
                }
                case 4 -> RuleTexts.of(m, r, sideTexts, serviceTexts).stream().anyMatch(t -> t.contains(text));
                default -> RuleTexts.description(r).contains(description);
            };
        }

        private static boolean anyKey(Side s, Set<String> keys) {
            for (String k : s.keys) {
                if (keys.contains(k)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Builds a {@link RuleSearch}; every method adds to or sets one criterion. */
    public static final class Builder {
        private final List<ActorFilter> providers = new ArrayList<>();
        private final List<ActorFilter> consumers = new ArrayList<>();
        private final List<ActorFilter> either = new ArrayList<>();
        private final List<PortRange> ports = new ArrayList<>();
        private final List<String> serviceHrefs = new ArrayList<>();
        private String text;
        private String description;
        private boolean resolveActors;
        private Match match = Match.ALL;
        private Boolean enabled;
        private Boolean unscopedConsumers;
        private Boolean stateless;
        private boolean activeOnly;
        private int maxResults = Integer.MAX_VALUE;

        /** Rules with a service entry overlapping this protocol (-1 any) and port range (from -1: any port). */
        public Builder port(PortRange p) {
            ports.add(p);
            return this;
        }

        /** Rules that name this service object. */
        public Builder service(String href) {
            serviceHrefs.add(href);
            return this;
        }

        public Builder provider(ActorFilter f) {
            providers.add(f);
            return this;
        }

        public Builder provider(Actor a) {
            return provider(ActorFilter.of(a));
        }

        public Builder consumer(ActorFilter f) {
            consumers.add(f);
            return this;
        }

        public Builder consumer(Actor a) {
            return consumer(ActorFilter.of(a));
        }

        public Builder providerOrConsumer(ActorFilter f) {
            either.add(f);
            return this;
        }

        public Builder providerOrConsumer(Actor a) {
            return providerOrConsumer(ActorFilter.of(a));
        }

        /** Basic search: any attribute text of the rule contains {@code t} (case-insensitive). */
        public Builder text(String t) {
            this.text = t;
            return this;
        }

        /** The rule's description contains {@code d} (case-insensitive). */
        public Builder description(String d) {
            this.description = d;
            return this;
        }

        public Builder resolveActors(boolean deep) {
            this.resolveActors = deep;
            return this;
        }

        public Builder match(Match m) {
            this.match = m;
            return this;
        }

        /** Only rules whose own {@code enabled} flag is this (a missing flag counts as enabled). */
        public Builder enabled(Boolean e) {
            this.enabled = e;
            return this;
        }

        public Builder unscopedConsumers(Boolean u) {
            this.unscopedConsumers = u;
            return this;
        }

        public Builder stateless(Boolean s) {
            this.stateless = s;
            return this;
        }

        /** Only rules that can allow traffic: the rule and its rule set are both enabled. */
        public Builder activeOnly(boolean a) {
            this.activeOnly = a;
            return this;
        }

        public Builder maxResults(int n) {
            this.maxResults = n;
            return this;
        }

        public RuleSearch build() {
            return new RuleSearch(this);
        }
    }
}
