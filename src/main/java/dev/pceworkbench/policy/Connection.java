package dev.pceworkbench.policy;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.Hrefs;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * One connection (consumer → provider on a protocol and port) resolved against a model, and the
 * test of one rule against it; the index and the linear scan share this test, so they differ only
 * in which rules they put to it. The provider is matched as itself and as each virtual service
 * bound to it (with that binding's ports); an address only through IP lists. Not thread-safe: it
 * caches scope membership of the rule set last seen (rules come in rule-set order).
 */
final class Connection {
    /** What the provider can be matched as. */
    record Target(boolean virtualService, int id, int[] labels, BitSet ipLists, PolicyModel.Binding binding) {
        boolean address() {
            return labels == null;
        }
    }

    final PolicyModel m;
    final Endpoint consumerEndpoint;
    final Endpoint providerEndpoint;
    final PortRange service;
    final int consumer;
    final int[] consumerLabels;
    final BitSet consumerIpLists;
    final Target[] targets;
    private CompiledRuleSet cached;
    private long[] providerScopes;
    private long consumerScopes;

    /** A consumer resolved against a model: its workload id (or -1 for an address), labels (or null) and IP lists. */
    record Consumer(Endpoint endpoint, int id, int[] labels, BitSet ipLists) {
        static Consumer of(PolicyModel m, Endpoint e) {
            if (e.isWorkload()) {
                int w = workload(m, e);
                return new Consumer(e, w, m.workloadLabels[w], m.ipListsContaining(m.workloadIps[w]));
            }
            return new Consumer(e, -1, null, m.ipListsContaining(e.ip()));
        }
    }

    Connection(PolicyModel m, Endpoint consumer, Endpoint provider, PortRange service) {
        this(m, Consumer.of(m, consumer), provider, targets(m, provider), service);
    }

    /** A connection from a resolved consumer to a provider already resolved into its {@link #targets}; shares {@code targets}. */
    Connection(PolicyModel m, Consumer consumer, Endpoint provider, Target[] targets, PortRange service) {
        this.m = m;
        this.consumerEndpoint = consumer.endpoint();
        this.providerEndpoint = provider;
        this.service = service;
        this.consumer = consumer.id();
        this.consumerLabels = consumer.labels();
        this.consumerIpLists = consumer.ipLists();
        this.targets = targets;
        this.providerScopes = new long[targets.length];
    }

    /** What {@code provider} can be matched as: itself, then each virtual service bound to it. */
    static Target[] targets(PolicyModel m, Endpoint provider) {
        if (!provider.isWorkload()) {
            return new Target[] {new Target(false, -1, null, m.ipListsContaining(provider.ip()), null)};
        }
        return targets(m, workload(m, provider));
    }

    /** {@link #targets(PolicyModel, Endpoint)} of the workload with id {@code w}. */
    static Target[] targets(PolicyModel m, int w) {
        PolicyModel.Binding[] bs = m.bindings[w];
        Target[] t = new Target[1 + bs.length];
        t[0] = new Target(false, w, m.workloadLabels[w], null, null);
        for (int i = 0; i < bs.length; i++) {
            t[i + 1] = new Target(true, bs[i].virtualService(), m.virtualServiceLabels[bs[i].virtualService()], null, bs[i]);
        }
        return t;
    }

    static int workload(PolicyModel m, Endpoint e) {
        int w = m.workloadId(e.workloadHref());
        if (w < 0) {
            throw new IllegalArgumentException("Workload " + e.workloadHref() + " is not in policy version " + m.version());
        }
        return w;
    }

    /** The provider workload's id (the first target), or -1 for an address. */
    int workloadTarget() {
        return targets[0].id();
    }

    /** Whether the connection crosses an enforcement boundary (boundaries are not scoped). */
    boolean crosses(PolicyModel.Boundary b) {
        if (!b.enabled() || covering(b.services()) == null) {
            return false;
        }
        Target t = targets[0];
        Side p = b.providers();
        boolean provider = t.address() ? p.anyIpList(t.ipLists())
                : Ints.contains(p.workloads, t.id()) || p.ams || p.labelsMatch(t.labels());
        Side c = b.consumers();
        return provider && (c.anyIpList(consumerIpLists) || (consumerLabels != null
                && (Ints.contains(c.workloads, consumer) || c.ams || c.labelsMatch(consumerLabels))));
    }

    /** The reason {@code r} allows this connection, or null when it does not. */
    CheckResult.Allow evaluate(CompiledRule r) {
        if (!r.active) {
            return null;
        }
        return evaluateIfEnabled(r);
    }

    /** The reason {@code r} would allow this connection were it and its rule set enabled, or null. */
    CheckResult.Allow evaluateIfEnabled(CompiledRule r) {
        return match(r, true);
    }

    /** Whether {@code r} allows this connection: {@link #evaluate}'s test without the rule's hit and reason. */
    boolean allows(CompiledRule r) {
        return r.active && match(r, false) != null;
    }

    /** Stands for "matched" when the caller asked for no reason. */
    private static final CheckResult.Allow MATCHED = new CheckResult.Allow(null, () -> null);

    private CheckResult.Allow match(CompiledRule r, boolean explain) {
        CompiledRuleSet rs = r.ruleSet;
        boolean masks = rs.scopes.length <= 64;
        if (masks && rs != cached) {
            cached = rs;
            for (int i = 0; i < targets.length; i++) {
                providerScopes[i] = targets[i].address() ? 0 : rs.scopeMask(targets[i].labels);
            }
            consumerScopes = consumerLabels == null ? 0 : rs.scopeMask(consumerLabels);
        }
        for (int i = 0; i < targets.length; i++) {
            Target t = targets[i];
            if (masks && !t.address() && providerScopes[i] == 0) {
                continue; // outside every scope: no provider actor can match
            }
            if (!providerMatches(r, t)) {
                continue;
            }
            PortRange[] svc = t.virtualService() && r.services.length == 0 ? t.binding().ports() : r.services;
            PortRange entry = covering(svc);
            if (entry == null) {
                continue;
            }
            boolean consumerByIp = r.consumers.ipLists.length > 0 && r.consumers.anyIpList(consumerIpLists);
            boolean consumerAnywhere;
            if (consumerByIp) {
                consumerAnywhere = true;
            } else if (consumerLabels == null || !consumerActorMatches(r)) {
                continue;
            } else {
                consumerAnywhere = r.unscopedConsumers;
            }
            int scope = sharedScope(rs, t, i, masks, consumerAnywhere);
            if (scope == -2) {
                continue;
            }
            return explain ? Explain.allow(this, r, t, scope, entry, consumerByIp) : MATCHED;
        }
        return null;
    }

    private boolean providerMatches(CompiledRule r, Target t) {
        Side p = r.providers;
        if (t.address()) {
            return p.ipLists.length > 0 && p.anyIpList(t.ipLists());
        }
        if (t.virtualService()) {
            return Ints.contains(p.virtualServices, t.id())
                    || (r.providersAsVirtualServices && (p.ams || p.labelsMatch(t.labels())));
        }
        return Ints.contains(p.workloads, t.id()) || (r.providersAsWorkloads && (p.ams || p.labelsMatch(t.labels())));
    }

    private boolean consumerActorMatches(CompiledRule r) {
        Side c = r.consumers;
        return Ints.contains(c.workloads, consumer) || (r.consumersAsWorkloads && (c.ams || c.labelsMatch(consumerLabels)));
    }

    private PortRange covering(PortRange[] entries) {
        for (PortRange e : entries) {
            if (e.covers(service)) {
                return e;
            }
        }
        return null;
    }

    /**
     * The scope both ends are in (the provider always, unless it matched as an address; the consumer
     * unless it matched anywhere); -1 when neither end needs a scope; -2 when there is none.
     */
    private int sharedScope(CompiledRuleSet rs, Target t, int ti, boolean masks, boolean consumerAnywhere) {
        boolean providerAnywhere = t.address();
        if (providerAnywhere && consumerAnywhere) {
            return -1;
        }
        for (int s = 0; s < rs.scopes.length; s++) {
            boolean p = providerAnywhere || (masks ? (providerScopes[ti] >>> s & 1) != 0 : rs.scopes[s].contains(t.labels()));
            boolean c = consumerAnywhere || (masks ? (consumerScopes >>> s & 1) != 0 : rs.scopes[s].contains(consumerLabels));
            if (p && c) {
                return s;
            }
        }
        return -2;
    }

    /** The actors of one side that this end matched (for explanations). */
    List<Actor> matchedActors(Side side, boolean asWorkloadsOrVs, boolean vs, int id, int[] labels, BitSet ipLists) {
        List<Actor> out = new ArrayList<>();
        for (Actor a : side.actors) {
            boolean hit;
            if (a.allWorkloadsActor()) {
                hit = labels != null && asWorkloadsOrVs;
            } else if (a.ipList() != null) {
                Integer l = m.ipListIds.get(Hrefs.neutral(a.ipList().href()));
                hit = l != null && ipLists != null && ipLists.get(l);
            } else if (a.workload() != null) {
                hit = !vs && id >= 0 && a.workload().href().equals(m.workloads[id].href());
            } else if (a.virtualService() != null) {
                Integer v = m.virtualServiceIds.get(Hrefs.neutral(a.virtualService().href()));
                hit = vs && v != null && v == id;
            } else if (a.label() != null) {
                Integer l = m.labelIds.get(a.label().href());
                hit = labels != null && asWorkloadsOrVs && l != null && Ints.contains(labels, l);
            } else if (a.labelGroup() != null) {
                int[] g = m.groupMembers.get(Hrefs.neutral(a.labelGroup().href()));
                hit = labels != null && asWorkloadsOrVs && g != null && Ints.intersects(g, labels);
            } else {
                hit = false;
            }
            if (hit) {
                out.add(a);
            }
        }
        return out;
    }
}
