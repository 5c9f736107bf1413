package dev.pceworkbench.demo.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The demo PCE's own reading of the Illumio rule model, written to be obvious rather than clever.
 * A connection from a consumer to a provider on a protocol and port is allowed by a rule when its
 * rule set and the rule are enabled, a service of the rule covers the port, the provider matches a
 * provider actor inside one of the rule set's scopes, and the consumer matches a consumer actor
 * inside that same scope (intra-scope) or anywhere (extra-scope, {@code unscoped_consumers}).
 * IP-list actors are never scoped; on the consumer side they also match a workload by its
 * addresses, because the provider's firewall filters on source address. On the provider side a
 * workload is reached through its labels, its href or the virtual services bound to it, never
 * through an IP list: IP-list providers describe destinations outside the managed estate.
 * Enforcement boundaries (deny rules) are ignored in the demo, and so are ICMP types and codes.
 *
 * <p>Evaluation is a scan in two steps so that many connections to one destination share work:
 * {@link #provider} collects, once per destination, the rules whose provider side it matches
 * (rule sets whose scopes it cannot be in are skipped whole, found through a label index);
 * {@link Provider#allowing} then checks service and consumer for each connection.
 */
public final class PolicyEvaluator {
    private static final long ALL = -1L;
    private final PolicyModel m;

    public PolicyEvaluator(PolicyModel model) {
        this.m = model;
    }

    public PolicyModel model() {
        return m;
    }

    /** One thing a connection's destination can be matched as: the workload, a bound virtual service, or an address. */
    private record Target(boolean virtualService, int index, int[] labels, IpAddress[] ips, PortRange[] vsPorts) {
    }

    /** A rule whose provider side matches the destination, in the scopes of {@code providerScopes}. */
    private record Candidate(PolicyModel.RuleSet ruleSet, PolicyModel.Rule rule, long providerScopes, PortRange[] services) {
    }

    /** The rules that could allow traffic to one destination; reuse it for every connection to it. */
    public final class Provider {
        private final List<Candidate> candidates;

        private Provider(List<Candidate> candidates) {
            this.candidates = candidates;
        }

        /**
         * The rules allowing {@code consumer} to reach this provider with protocol {@code proto}
         * on ports [{@code from}, {@code to}] ({@code from} -1: no port, for ICMP or GRE), each
         * rule once, in policy order.
         */
        public List<PolicyModel.Rule> allowing(Endpoint consumer, int proto, int from, int to) {
            List<PolicyModel.Rule> out = new ArrayList<>();
            scan(consumer, proto, from, to, out);
            return out;
        }

        /** True when any rule allows the connection. */
        public boolean allows(Endpoint consumer, int proto, int port) {
            return scan(consumer, proto, port, port, null);
        }

        private boolean scan(Endpoint consumer, int proto, int from, int to, List<PolicyModel.Rule> out) {
            int[] labels = consumer.isWorkload() ? m.workloadLabels[consumer.workload()] : null;
            IpAddress[] ips = consumer.isWorkload() ? m.workloadIps[consumer.workload()] : new IpAddress[]{consumer.ip()};
            BitSet seen = out == null ? null : new BitSet();
            PolicyModel.RuleSet scopesOf = null;
            long consumerScopes = 0;
            boolean found = false;
            for (Candidate c : candidates) {
                if (!PortRange.anyCovers(c.services(), proto, from, to)) {
                    continue;
                }
                if (c.ruleSet() != scopesOf) {
                    // Candidates come rule set by rule set: compute the consumer's scopes once per set.
                    scopesOf = c.ruleSet();
                    consumerScopes = labels == null ? 0 : scopeMask(scopesOf, labels);
                }
                PolicyModel.Rule r = c.rule();
                long cons = sideMask(r.consumers, false, consumer.workload(), labels, ips, consumerScopes,
                        !r.unscopedConsumers, r.consumersAsWorkloads, r.consumersAsVirtualServices, true);
                if ((cons & c.providerScopes()) == 0) {
                    continue;
                }
                if (out == null) {
                    return true;
                }
                found = true;
                if (!seen.get(r.index)) {
                    seen.set(r.index);
                    out.add(r);
                }
            }
            if (out != null) {
                out.sort((a, b) -> Integer.compare(a.index, b.index));
            }
            return found;
        }
    }

    /** The rules allowing consumer → provider (see {@link Provider#allowing}). */
    public List<PolicyModel.Rule> allowing(Endpoint consumer, Endpoint provider, int proto, int from, int to) {
        return provider(provider).allowing(consumer, proto, from, to);
    }

    /** Collects the rules whose provider side matches {@code provider}. */
    public Provider provider(Endpoint provider) {
        List<Target> targets = new ArrayList<>();
        if (provider.isWorkload()) {
            int w = provider.workload();
            targets.add(new Target(false, w, m.workloadLabels[w], m.workloadIps[w], null));
            for (PolicyModel.Binding b : m.bindings[w]) {
                targets.add(new Target(true, b.virtualService(), m.virtualServiceLabels[b.virtualService()], null, b.ports()));
            }
        } else {
            targets.add(new Target(false, -1, null, new IpAddress[]{provider.ip()}, null));
        }
        List<Candidate> out = new ArrayList<>();
        for (int slice : slicesFor(targets)) {
            PolicyModel.RuleSet rs = m.ruleSets.get(slice);
            for (Target t : targets) {
                long scopes = t.labels() == null ? 0 : scopeMask(rs, t.labels());
                // Outside every scope only IP-list providers could match, and those match addresses only.
                if (t.labels() != null ? scopes == 0 : !rs.hasIpListProviders) {
                    continue;
                }
                for (PolicyModel.Rule r : rs.rules) {
                    long p = sideMask(r.providers, t.virtualService(), t.index(), t.labels(), t.ips(), scopes, true,
                            r.providersAsWorkloads, r.providersAsVirtualServices, false);
                    if (p == 0) {
                        continue;
                    }
                    // A rule without services on a virtual service means "the virtual service's own ports".
                    PortRange[] services = t.virtualService() && r.services.length == 0 ? t.vsPorts() : r.services;
                    if (services.length > 0) {
                        out.add(new Candidate(rs, r, p, services));
                    }
                }
            }
        }
        return new Provider(out);
    }

    /** The rule-set slices the targets may be in scope of (labelled) or match by address, in policy order. */
    private int[] slicesFor(List<Target> targets) {
        BitSet slices = new BitSet(m.ruleSets.size());
        for (Target t : targets) {
            if (t.labels() == null) {
                for (int i : m.ipListProviderRuleSets) {
                    slices.set(i);
                }
                continue;
            }
            for (int i : m.globalRuleSets) {
                slices.set(i);
            }
            for (int l : t.labels()) {
                for (int i : m.ruleSetsByLabel[l]) {
                    slices.set(i);
                }
            }
        }
        return slices.stream().toArray();
    }

    /** Bit i set when an entity with {@code labels} is inside scope i of the rule set (slice). */
    static long scopeMask(PolicyModel.RuleSet rs, int[] labels) {
        long mask = 0;
        for (int i = 0; i < rs.scopes.length; i++) {
            if (inScope(rs.scopes[i], labels)) {
                mask |= 1L << i;
            }
        }
        return mask;
    }

    private static boolean inScope(int[][] conditions, int[] labels) {
        for (int[] condition : conditions) {
            if (!anyOf(condition, labels)) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyOf(int[] sortedIds, int[] labels) {
        for (int l : labels) {
            if (Arrays.binarySearch(sortedIds, l) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The scopes (as a bit mask; {@link #ALL} when scope does not apply) in which an entity
     * matches one side of a rule, or 0.
     *
     * @param virtualService the entity is a virtual service (else a workload, or an address when labels is null)
     * @param scoped         whether the rule set's scope applies to this side
     * @param ipListsMatchWorkloads whether IP-list actors match a workload by its addresses (consumer side)
     */
    private static long sideMask(PolicyModel.Side s, boolean virtualService, int index, int[] labels, IpAddress[] ips,
                                 long scopes, boolean scoped, boolean asWorkloads, boolean asVirtualServices,
                                 boolean ipListsMatchWorkloads) {
        boolean address = labels == null;
        if (s.ipLists().length > 0 && (address || (!virtualService && ipListsMatchWorkloads)) && ips != null) {
            for (IpRangeSet list : s.ipLists()) {
                if (list.containsAny(ips)) {
                    return ALL;
                }
            }
        }
        if (address) {
            return 0;
        }
        boolean hit;
        if (virtualService) {
            hit = contains(s.virtualServices(), index) || (asVirtualServices && (s.ams() || labelsMatch(s, labels)));
        } else {
            hit = contains(s.workloads(), index) || (asWorkloads && (s.ams() || labelsMatch(s, labels)));
        }
        if (!hit) {
            return 0;
        }
        return scoped ? scopes : ALL;
    }

    private static boolean labelsMatch(PolicyModel.Side s, int[] labels) {
        int[][] groups = s.labelKeyGroups();
        if (groups.length == 0) {
            return false;
        }
        for (int[] g : groups) {
            if (!anyOf(g, labels)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(int[] sorted, int x) {
        return sorted.length > 0 && Arrays.binarySearch(sorted, x) >= 0;
    }
}
