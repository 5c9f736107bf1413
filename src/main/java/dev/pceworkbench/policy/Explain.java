package dev.pceworkbench.policy;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.ScopeEntry;
import dev.pceworkbench.policy.names.Names;

import java.util.List;

/**
 * Builds the {@link CheckResult.Reason} of an allowing rule (on demand), naming every object
 * through {@link Names} over the model's own arrays, so an explanation reads like every view.
 */
final class Explain {
    private Explain() {
    }

    static CheckResult.Allow allow(Connection c, CompiledRule r, Connection.Target t, int scope, PortRange entry,
                                   boolean consumerByIp) {
        return new CheckResult.Allow(c.m.hit(r), () -> reason(c, r, t, scope, entry, consumerByIp));
    }

    private static CheckResult.Reason reason(Connection c, CompiledRule r, Connection.Target t, int scope,
                                             PortRange entry, boolean consumerByIp) {
        PolicyModel m = c.m;
        boolean provAs = t.virtualService() ? r.providersAsVirtualServices : r.providersAsWorkloads;
        List<Actor> prov = c.matchedActors(r.providers, provAs, t.virtualService(), t.id(), t.labels(), t.ipLists());
        List<Actor> cons = c.matchedActors(r.consumers, r.consumersAsWorkloads, false, c.consumer, c.consumerLabels,
                c.consumerIpLists);
        if (consumerByIp) {
            cons = cons.stream().filter(a -> a.ipList() != null).toList();
        }
        String vs = t.virtualService() ? m.virtualServices[t.id()].href() : null;
        List<ScopeEntry> entries = scope >= 0 ? r.ruleSet.scopes[scope].entries : List.of();
        StringBuilder b = new StringBuilder("Rule set '").append(r.ruleSet.record.name()).append("'");
        if (scope >= 0) {
            // In brackets: a scope's labels end in a colon-separated value ("env: Dev").
            b.append(" (scope ").append(scope(m, entries)).append(')');
        }
        b.append(": provider ").append(c.providerEndpoint.isWorkload()
                ? Names.workloadName(m.workloads[c.workloadTarget()]) : c.providerEndpoint.ip());
        if (vs != null) {
            b.append(" (bound to ").append(Names.virtualService(m.virtualServices[t.id()]).display()).append(')');
        }
        b.append(" matches ").append(actors(m, prov));
        b.append("; consumer ").append(c.consumer >= 0 ? Names.workloadName(m.workloads[c.consumer]) : c.consumerEndpoint.ip())
                .append(" matches ").append(actors(m, cons));
        if (consumerByIp) {
            b.append(" by address (IP lists are not scoped)");
        } else if (r.unscopedConsumers) {
            b.append(" (extra-scope rule: consumers from anywhere)");
        } else if (scope >= 0) {
            b.append(" (intra-scope rule: both in the scope)");
        }
        b.append("; service ").append(entry);
        return new CheckResult.Reason(scope, entries, r.unscopedConsumers, prov, vs, cons, entry, b.toString());
    }

    /** One scope, {@code app: CRM + env: Prod} ({@code All} when empty). */
    static String scope(PolicyModel m, List<ScopeEntry> entries) {
        return Names.scopeText(Names.scope(entries, m.names));
    }

    /** Actors as a list, {@code role: Web, IP list Corp}. */
    static String actors(PolicyModel m, List<Actor> actors) {
        return Names.list(Names.actors(actors, m.names));
    }

    /** {@code All Workloads}, {@code role: Web}, {@code label group LG-Data}, {@code IP list IPL-Corp}... */
    static String actor(PolicyModel m, Actor a) {
        return Names.actor(a, m.names).display();
    }
}
