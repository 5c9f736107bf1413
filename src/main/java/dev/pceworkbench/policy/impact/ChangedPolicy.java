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
import dev.pceworkbench.policy.PolicyData;
import dev.pceworkbench.policy.diff.ChangeKind;
import dev.pceworkbench.policy.diff.FieldChange;
import dev.pceworkbench.policy.diff.ObjectChange;
import dev.pceworkbench.policy.diff.PolicyDiff;
import dev.pceworkbench.policy.names.NameLookup;
import dev.pceworkbench.policy.names.ObjectKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The part of two policy versions that can make a flow's decision differ between them, as two
 * small policies (one per version) to test flows against before checking them in full. Rules only
 * allow, so a rule that means the same in both versions allows a flow in both or in neither: only
 * a rule that differs can change a decision. A rule differs when it was added, removed or changed
 * (other than its description), when its rule set's scopes or enabled flag changed, or when it
 * refers (in its actors, services or its rule set's scopes) to a label group, IP list, service or
 * virtual service that changed (label groups also through changed sub-groups; a changed virtual
 * service makes every rule that resolves providers as virtual services differ). Enforcement
 * boundaries that changed are kept too. Everything else of each version is kept whole (labels,
 * groups, IP lists, services, virtual services, workloads, bindings), so a kept rule means in the
 * small policy exactly what it means in its own version.
 */
final class ChangedPolicy {
    /** The small policy of each version, or null when anything may have changed (no shortcut). */
    final PolicyData active;
    final PolicyData draft;
    final int changedRules;

    private ChangedPolicy(PolicyData active, PolicyData draft, int changedRules) {
        this.active = active;
        this.draft = draft;
        this.changedRules = changedRules;
    }

    /**
     * The changed part of {@code active} → {@code draft}. When the org's own data (labels,
     * workloads, service bindings) differ between the two, every rule may mean something else:
     * both sides are then null and every flow must be checked in full.
     */
    static ChangedPolicy of(PolicyData active, PolicyData draft) {
        return sameOrg(active, draft) ? of(active, draft, PolicyDiff.compare(active, draft, NameLookup.NONE))
                : new ChangedPolicy(null, null, -1);
    }

    /** The same, from the diff of the two versions already worked out ({@link PolicyDiff#compare}). */
    static ChangedPolicy of(PolicyData active, PolicyData draft, List<ObjectChange> changes) {
        if (!sameOrg(active, draft)) {
            return new ChangedPolicy(null, null, -1);
        }
        Set<String> refs = new HashSet<>();
        Set<String> wholeRuleSets = new HashSet<>();
        Set<String> rules = new HashSet<>();
        Set<String> boundaries = new HashSet<>();
        boolean virtualServices = false;
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
                case VIRTUAL_SERVICE -> {
                    virtualServices = true;
                    refs.add(c.href());
                }
                default -> refs.add(c.href());
            }
        }
        closeOverGroups(refs, active.labelGroups());
        closeOverGroups(refs, draft.labelGroups());
        Filter f = new Filter(refs, wholeRuleSets, rules, virtualServices);
        PolicyData a = f.keep(active, boundaries);
        PolicyData d = f.keep(draft, boundaries);
        return new ChangedPolicy(a, d, f.kept);
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
        final Set<String> wholeRuleSets;
        final Set<String> rules;
        final boolean virtualServices;
        int kept;

        Filter(Set<String> refs, Set<String> wholeRuleSets, Set<String> rules, boolean virtualServices) {
            this.refs = refs;
            this.wholeRuleSets = wholeRuleSets;
            this.rules = rules;
            this.virtualServices = virtualServices;
        }

        PolicyData keep(PolicyData p, Set<String> boundaries) {
            // Rule sets are filtered in parallel (200,000 rules), kept in their order.
            List<RuleSet> sets = p.ruleSets().parallelStream().map(this::keep).filter(Objects::nonNull).toList();
            kept += sets.stream().mapToInt(rs -> rs.rules().size()).sum();
            List<EnforcementBoundary> eb = p.enforcementBoundaries().stream()
                    .filter(b -> b.href() != null && boundaries.contains(Hrefs.neutral(b.href()))).toList();
            return p.withRuleSets(sets).withEnforcementBoundaries(eb);
        }

        /** The rule set with only its rules that differ, or null when none does. */
        private RuleSet keep(RuleSet rs) {
            boolean whole = wholeRuleSets.contains(Hrefs.neutral(rs.href())) || scopesRefer(rs.scopes());
            List<SecRule> keep = new ArrayList<>();
            for (SecRule r : rs.rules()) {
                if (whole || (r.href() != null && rules.contains(Hrefs.neutral(r.href()))) || refersToChange(r)) {
                    keep.add(r);
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
            return !refs.isEmpty() && (actorsRefer(r.providers()) || actorsRefer(r.consumers())
                    || servicesRefer(r.ingressServices()));
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

        private boolean servicesRefer(List<IngressService> services) {
            if (services == null) {
                return false;
            }
            return services.stream().map(IngressService::href).filter(Objects::nonNull)
                    .anyMatch(h -> refs.contains(Hrefs.neutral(h)));
        }
    }
}
