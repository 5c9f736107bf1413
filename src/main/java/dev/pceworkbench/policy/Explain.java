package dev.pceworkbench.policy;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.pce.model.ScopeEntry;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.pce.model.Workload;

import java.util.List;

/** Builds the {@link CheckResult.Reason} of an allowing rule (on demand) and names objects the way people read them. */
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
            b.append(", scope ").append(entries.isEmpty() ? "All" : scope(m, entries));
        }
        b.append(": provider ").append(c.providerEndpoint.isWorkload() ? name(m.workloads[c.workloadTarget()]) : c.providerEndpoint.ip());
        if (vs != null) {
            b.append(" (bound to virtual service ").append(name(m.virtualServices[t.id()])).append(')');
        }
        b.append(" matches ").append(actors(m, prov));
        b.append("; consumer ").append(c.consumer >= 0 ? name(m.workloads[c.consumer]) : c.consumerEndpoint.ip())
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

    static String scope(PolicyModel m, List<ScopeEntry> entries) {
        StringBuilder b = new StringBuilder();
        for (ScopeEntry e : entries) {
            b.append(b.length() == 0 ? "" : " | ").append(Boolean.TRUE.equals(e.exclusion()) ? "not " : "")
                    .append(e.label() != null ? actor(m, Actor.label(e.label().href()))
                            : e.labelGroup() != null ? actor(m, Actor.labelGroup(e.labelGroup().href())) : "?");
        }
        return b.toString();
    }

    static String actors(PolicyModel m, List<Actor> actors) {
        StringBuilder b = new StringBuilder();
        for (Actor a : actors) {
            b.append(b.length() == 0 ? "" : " + ").append(actor(m, a));
        }
        return b.toString();
    }

    /** {@code All Workloads}, {@code role Web}, {@code label group LG-Data}, {@code IP list IPL-Corp}... */
    static String actor(PolicyModel m, Actor a) {
        if (a.allWorkloadsActor()) {
            return "All Workloads";
        }
        if (a.label() != null) {
            Integer id = m.labelIds.get(a.label().href());
            Label l = id == null ? null : m.labels[id];
            return l == null ? "label " + a.label().href() : l.key() + " " + l.value();
        }
        if (a.labelGroup() != null) {
            LabelGroup g = m.labelGroups.get(Hrefs.neutral(a.labelGroup().href()));
            return "label group " + (g == null ? a.labelGroup().href() : g.name());
        }
        if (a.workload() != null) {
            Workload w = m.workload(a.workload().href());
            return "workload " + (w == null ? a.workload().href() : name(w));
        }
        if (a.ipList() != null) {
            Integer id = m.ipListIds.get(Hrefs.neutral(a.ipList().href()));
            return "IP list " + (id == null ? a.ipList().href() : m.ipLists[id].name());
        }
        if (a.virtualService() != null) {
            Integer id = m.virtualServiceIds.get(Hrefs.neutral(a.virtualService().href()));
            return "virtual service " + (id == null ? a.virtualService().href() : name(m.virtualServices[id]));
        }
        return String.valueOf(a.kind());
    }

    static String name(Workload w) {
        return w.hostname() != null ? w.hostname() : w.name() != null ? w.name() : w.href();
    }

    static String name(VirtualService v) {
        return v.name() != null ? v.name() : v.href();
    }
}
