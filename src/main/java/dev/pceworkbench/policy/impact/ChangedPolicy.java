package dev.pceworkbench.policy.impact;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.EnforcementBoundary;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.pce.model.ResolveLabelsAs;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.ScopeEntry;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.pce.model.Service;
import dev.pceworkbench.pce.model.ServicePort;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.policy.PolicyData;
import dev.pceworkbench.policy.PortRange;
import dev.pceworkbench.policy.diff.ChangeKind;
import dev.pceworkbench.policy.diff.FieldChange;
import dev.pceworkbench.policy.diff.ObjectChange;
import dev.pceworkbench.policy.diff.PolicyDiff;
import dev.pceworkbench.policy.names.NameLookup;
import dev.pceworkbench.policy.names.ObjectKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The part of two policy versions that can make a flow's decision differ between them, as two
 * small policies (one per version) to test flows against before checking them in full. Rules only
 * allow, so a rule that means the same in both versions allows a flow in both or in neither: only
 * a rule that differs can change a decision. A rule differs when it was added, removed or changed
 * (other than its description), when its rule set's scopes or enabled flag changed, or when it
 * refers (in its actors or its rule set's scopes) to a label group, IP list or virtual service that
 * changed (label groups also through changed sub-groups; a changed virtual service makes every rule
 * that resolves providers as virtual services differ). A rule that differs only through a changed
 * service it names differs only on the port entries that service gained or lost: it is kept with
 * just those. Enforcement boundaries that changed or refer to a changed object are kept too. Everything else of each version is kept whole (labels,
 * groups, IP lists, services, virtual services, workloads, bindings), so a kept rule means in the
 * small policy exactly what it means in its own version.
 */
final class ChangedPolicy {
    /** The small policy of each version, or null when anything may have changed (no shortcut). */
    final PolicyData active;
    final PolicyData draft;
    final int changedRules;
    /**
     * The ports the kept rules and boundaries can allow or block, or null for any port (a kept
     * boundary, a rule without services or one that may match a virtual service on its binding's
     * ports): a flow on another port cannot be touched by the change.
     */
    final List<PortRange> ports;

    private ChangedPolicy(PolicyData active, PolicyData draft, int changedRules, List<PortRange> ports) {
        this.active = active;
        this.draft = draft;
        this.changedRules = changedRules;
        this.ports = ports;
    }

    /**
     * The changed part of {@code active} → {@code draft}. When the org's own data (labels,
     * workloads, service bindings) differ between the two, every rule may mean something else:
     * both sides are then null and every flow must be checked in full.
     */
    static ChangedPolicy of(PolicyData active, PolicyData draft) {
        return sameOrg(active, draft) ? of(active, draft, PolicyDiff.compare(active, draft, NameLookup.NONE))
                : new ChangedPolicy(null, null, -1, null);
    }

    /** The same, from the diff of the two versions already worked out ({@link PolicyDiff#compare}). */
    static ChangedPolicy of(PolicyData active, PolicyData draft, List<ObjectChange> changes) {
        if (!sameOrg(active, draft)) {
            return new ChangedPolicy(null, null, -1, null);
        }
        Set<String> refs = new HashSet<>();
        Set<String> wholeRuleSets = new HashSet<>();
        Set<String> rules = new HashSet<>();
        Set<String> boundaries = new HashSet<>();
        boolean virtualServices = false;
        Map<String, List<IngressService>> serviceDelta = new HashMap<>();
        for (ObjectChange c : changes) {
            switch (c.kind()) {
                case RULE_SET -> {
                    if (c.change() != ChangeKind.MODIFIED || c.fields().stream().anyMatch(ChangedPolicy::meaningful)) {
                        wholeRuleSets.add(c.href());
                    }
                    for (ObjectChange p : c.parts()) {
                        if (p.kind() == ObjectKind.RULE && (p.change() != ChangeKind.MODIFIED
                                || p.fields().stream().anyMatch(ChangedPolicy::meaningful))) {
                            rules.add(p.href());
                        }
                    }
                }
                case ENFORCEMENT_BOUNDARY -> boundaries.add(c.href());
                case SERVICE -> serviceDelta.put(c.href(), portDelta(c.href(), active, draft));
                case VIRTUAL_SERVICE -> {
                    virtualServices = true;
                    refs.add(c.href());
                }
                default -> refs.add(c.href());
            }
        }
        // A virtual service that names a changed service means something else too.
        for (PolicyData p : List.of(active, draft)) {
            for (VirtualService v : p.virtualServices()) {
                if (v.service() != null && serviceDelta.containsKey(Hrefs.neutral(v.service().href()))) {
                    virtualServices = true;
                    refs.add(Hrefs.neutral(v.href()));
                }
            }
        }
        closeOverGroups(refs, active.labelGroups());
        closeOverGroups(refs, draft.labelGroups());
        Filter f = new Filter(refs, serviceDelta, wholeRuleSets, rules, virtualServices);
        PolicyData a = f.keep(active, boundaries);
        PolicyData d = f.keep(draft, boundaries);
        return new ChangedPolicy(a, d, f.kept, f.anyPort.get() || !a.enforcementBoundaries().isEmpty()
                || !d.enforcementBoundaries().isEmpty() ? null : List.copyOf(f.ports));
    }

    /**
     * The port entries of a changed service that only one version has: a flow whose port no such
     * entry covers is covered by the service in both versions or in neither.
     */
    private static List<IngressService> portDelta(String href, PolicyData active, PolicyData draft) {
        Set<List<Integer>> a = ports(href, active);
        Set<List<Integer>> d = ports(href, draft);
        Set<List<Integer>> delta = new LinkedHashSet<>(a);
        delta.addAll(d);
        Set<List<Integer>> both = new HashSet<>(a);
        both.retainAll(d);
        delta.removeAll(both);
        List<IngressService> out = new ArrayList<>();
        for (List<Integer> p : delta) {
            out.add(new IngressService(null, p.get(1), p.get(2), p.get(0), null, null, null));
        }
        return out;
    }

    /** The service's port entries in one version as (proto, port, to_port); none when it is absent there. */
    private static Set<List<Integer>> ports(String href, PolicyData p) {
        Set<List<Integer>> out = new HashSet<>();
        for (Service s : p.services()) {
            if (s.href() != null && Hrefs.neutral(s.href()).equals(href) && !s.pendingDeletion()) {
                for (ServicePort sp : s.servicePorts()) {
                    out.add(java.util.Arrays.asList(sp.proto(), sp.port(), sp.toPort()));
                }
            }
        }
        return out;
    }

    /** Names and descriptions change no decision. */
    private static boolean meaningful(FieldChange f) {
        return !f.field().equals("name") && !f.field().equals("description");
    }

    private static boolean sameOrg(PolicyData a, PolicyData d) {
        return same(a.labels(), d.labels()) && same(a.workloads(), d.workloads())
                && same(a.serviceBindings(), d.serviceBindings());
    }

    private static boolean same(List<?> a, List<?> b) {
        return a == b || a.equals(b);
    }

    /** Adds every label group that holds a changed group as a sub-group, at any depth. */
    private static void closeOverGroups(Set<String> refs, List<LabelGroup> groups) {
        boolean grew = true;
        while (grew) {
            grew = false;
            for (LabelGroup g : groups) {
                String href = Hrefs.neutral(g.href());
                if (href == null || refs.contains(href)) {
                    continue;
                }
                for (Href sub : g.subGroups()) {
                    if (refs.contains(Hrefs.neutral(sub.href()))) {
                        grew = refs.add(href) || grew;
                        break;
                    }
                }
            }
        }
    }

    /** Which rules of a version to keep. */
    private static final class Filter {
        final Set<String> refs;
        final Map<String, List<IngressService>> serviceDelta;
        final Set<String> wholeRuleSets;
        final Set<String> rules;
        final boolean virtualServices;
        int kept;
        final AtomicBoolean anyPort = new AtomicBoolean();
        final Set<PortRange> ports = ConcurrentHashMap.newKeySet();
        /** The port entries of each service, by version-neutral href, of the version being filtered. */
        Map<String, List<ServicePort>> servicePorts = Map.of();

        Filter(Set<String> refs, Map<String, List<IngressService>> serviceDelta, Set<String> wholeRuleSets,
               Set<String> rules, boolean virtualServices) {
            this.refs = refs;
            this.serviceDelta = serviceDelta;
            this.wholeRuleSets = wholeRuleSets;
            this.rules = rules;
            this.virtualServices = virtualServices;
        }

        PolicyData keep(PolicyData p, Set<String> boundaries) {
            Map<String, List<ServicePort>> sp = new HashMap<>();
            p.services().forEach(s -> sp.put(Hrefs.neutral(s.href()), s.servicePorts()));
            servicePorts = sp;
            // Rule sets are filtered in parallel (200,000 rules), kept in their order.
            List<RuleSet> sets = p.ruleSets().parallelStream().map(this::keep).filter(Objects::nonNull).toList();
            kept += sets.stream().mapToInt(rs -> rs.rules().size()).sum();
            List<EnforcementBoundary> eb = p.enforcementBoundaries().stream()
                    .filter(b -> b.href() != null && boundaries.contains(Hrefs.neutral(b.href())) || boundaryRefers(b))
                    .toList();
            return p.withRuleSets(sets).withEnforcementBoundaries(eb);
        }

        /** The rule set with only its rules that differ, or null when none does. */
        private RuleSet keep(RuleSet rs) {
            boolean whole = wholeRuleSets.contains(Hrefs.neutral(rs.href())) || scopesRefer(rs.scopes());
            List<SecRule> keep = new ArrayList<>();
            for (SecRule r : rs.rules()) {
                if (whole || (r.href() != null && rules.contains(Hrefs.neutral(r.href()))) || refersToChange(r)) {
                    keep.add(r);
                    notePorts(r);
                } else if (!serviceDelta.isEmpty()) {
                    // Differs only through changed services: only on the ports they gained or lost.
                    List<IngressService> delta = servicesDelta(r.ingressServices());
                    if (!delta.isEmpty()) {
                        keep.add(r.withIngressServices(delta));
                        notePorts(keep.get(keep.size() - 1));
                    }
                }
            }
            return keep.isEmpty() ? null : rs.withRules(keep).withIpTablesRules(List.of());
        }

        private boolean scopesRefer(List<List<ScopeEntry>> scopes) {
            if (scopes == null || refs.isEmpty()) {
                return false;
            }
            for (List<ScopeEntry> scope : scopes) {
                for (ScopeEntry e : scope) {
                    if (e.labelGroup() != null && refs.contains(Hrefs.neutral(e.labelGroup().href()))) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean refersToChange(SecRule r) {
            if (virtualServices && r.resolveLabelsAs() != null && r.resolveLabelsAs().providers() != null
                    && r.resolveLabelsAs().providers().contains(ResolveLabelsAs.VIRTUAL_SERVICES)) {
                return true;
            }
            return !refs.isEmpty() && (actorsRefer(r.providers()) || actorsRefer(r.consumers()));
        }

        private boolean actorsRefer(List<Actor> actors) {
            if (actors == null) {
                return false;
            }
            for (Actor a : actors) {
                for (Href h : new Href[]{a.labelGroup(), a.ipList(), a.virtualService()}) {
                    if (h != null && refs.contains(Hrefs.neutral(h.href()))) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Records the ports a kept rule can allow. */
        private void notePorts(SecRule r) {
            boolean vs = r.resolveLabelsAs() != null && r.resolveLabelsAs().providers() != null
                    && r.resolveLabelsAs().providers().contains(ResolveLabelsAs.VIRTUAL_SERVICES)
                    || r.providers() != null && r.providers().stream().anyMatch(a -> a.virtualService() != null);
            if (vs || r.ingressServices() == null || r.ingressServices().isEmpty()) {
                anyPort.set(true);
                return;
            }
            for (IngressService s : r.ingressServices()) {
                if (s.href() == null) {
                    ports.add(range(s.proto(), s.port(), s.toPort()));
                } else {
                    List<ServicePort> sp = servicePorts.get(Hrefs.neutral(s.href()));
                    if (sp == null || sp.isEmpty()) {
                        anyPort.set(true); // a service this version does not know: cannot narrow
                        return;
                    }
                    sp.forEach(x -> ports.add(range(x.proto(), x.port(), x.toPort())));
                }
            }
        }

        /** A port entry as the engine reads it (see {@code PortRange}): -1 for no protocol or no port. */
        private static PortRange range(Integer proto, Integer port, Integer toPort) {
            int p = proto == null ? -1 : proto;
            if (port == null || port < 0) {
                return new PortRange(p, -1, -1);
            }
            return new PortRange(p, port, toPort == null ? port : Math.max(port, toPort));
        }

        private List<IngressService> servicesDelta(List<IngressService> services) {
            List<IngressService> out = new ArrayList<>();
            if (services != null) {
                for (IngressService s : services) {
                    List<IngressService> d = s.href() == null ? null : serviceDelta.get(Hrefs.neutral(s.href()));
                    if (d != null) {
                        out.addAll(d);
                    }
                }
            }
            return out;
        }

        /** A boundary that refers to a changed object means something else, though its record is the same. */
        boolean boundaryRefers(EnforcementBoundary b) {
            return actorsRefer(b.providers()) || actorsRefer(b.consumers()) || (b.ingressServices() != null
                    && b.ingressServices().stream().map(IngressService::href).filter(Objects::nonNull)
                    .anyMatch(h -> serviceDelta.containsKey(Hrefs.neutral(h))));
        }
    }
}
