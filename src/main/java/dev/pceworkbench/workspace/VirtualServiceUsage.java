package dev.pceworkbench.workspace;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.ResolveLabelsAs;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.ScopeEntry;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.pce.model.VirtualService;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a virtual service is used: the rules that name it as a provider or consumer, and the rules
 * whose label actors resolve to it ({@code resolve_labels_as} includes {@code virtual_services} on
 * that side, the virtual service carries the label, and a scope of the rule set covers it), per the
 * Rules guide. Label groups in actors and scopes are not expanded here.
 */
public final class VirtualServiceUsage {
    /** One rule that uses the virtual service: its rule set, its 1-based number, the side, and whether by name or by labels. */
    public record Use(String ruleSetHref, String ruleSetName, int rule, String side, boolean direct) {
        public String describe() {
            return ruleSetName + ", rule " + rule + ": " + side + (direct ? "" : " (by labels)");
        }
    }

    private VirtualServiceUsage() {
    }

    public static List<Use> of(VirtualService vs, List<RuleSet> ruleSets) {
        String subject = Hrefs.neutral(vs.href());
        Set<String> labels = new HashSet<>();
        for (Href l : vs.labels()) {
            labels.add(l.href());
        }
        List<Use> out = new ArrayList<>();
        for (RuleSet rs : ruleSets) {
            if (rs.rules() == null || rs.pendingDeletion()) {
                continue;
            }
            boolean inScope = inScope(rs, labels);
            for (int i = 0; i < rs.rules().size(); i++) {
                SecRule r = rs.rules().get(i);
                ResolveLabelsAs as = r.resolveLabelsAs();
                side(out, rs, i, "provider", r.providers(), subject, labels, inScope,
                        as != null && as.providers() != null && as.providers().contains(ResolveLabelsAs.VIRTUAL_SERVICES));
                side(out, rs, i, "consumer", r.consumers(), subject, labels, inScope,
                        as != null && as.consumers() != null && as.consumers().contains(ResolveLabelsAs.VIRTUAL_SERVICES));
            }
        }
        return out;
    }

    private static void side(List<Use> out, RuleSet rs, int i, String side, List<Actor> actors, String subject,
                             Set<String> labels, boolean inScope, boolean resolvesToVirtualServices) {
        if (actors == null) {
            return;
        }
        for (Actor a : actors) {
            if (a.virtualService() != null && a.virtualService().href() != null
                    && Hrefs.neutral(a.virtualService().href()).equals(subject)) {
                out.add(new Use(rs.href(), rs.name(), i + 1, side, true));
                return;
            }
        }
        if (!resolvesToVirtualServices || !inScope) {
            return;
        }
        for (Actor a : actors) {
            if (a.allWorkloadsActor() || a.label() != null && labels.contains(a.label().href())) {
                out.add(new Use(rs.href(), rs.name(), i + 1, side, false));
                return;
            }
        }
    }

    /** Whether one of the rule set's scopes holds only labels the virtual service carries (an empty scope holds all). */
    private static boolean inScope(RuleSet rs, Set<String> labels) {
        if (rs.scopes() == null || rs.scopes().isEmpty()) {
            return true;
        }
        for (List<ScopeEntry> scope : rs.scopes()) {
            boolean all = true;
            for (ScopeEntry e : scope) {
                boolean excluded = Boolean.TRUE.equals(e.exclusion());
                boolean has = e.label() != null && labels.contains(e.label().href());
                if (e.labelGroup() != null || has == excluded) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }
}
