package dev.pceworkbench.policy;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.policy.names.Names;
import dev.pceworkbench.policy.names.ObjectKind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The attribute texts of a rule that basic search looks in, lower-cased: its description, its rule
 * set's name, the names of its actors on both sides as {@link Names} writes them ({@code role: web},
 * a label also as {@code role web}, {@code label group lg-data},
 * {@code ip list ipl-corp}, {@code all workloads}...) and of its services (a service's name, an
 * inline port as {@code 5432 tcp}). A query matches a rule when one of these texts contains it.
 */
final class RuleTexts {
    private RuleTexts() {
    }

    /** The texts of {@code r}; the maps cache per shared side and service list. */
    static List<String> of(PolicyModel m, CompiledRule r, Map<Side, String[]> sides, Map<PortRange[], String[]> services) {
        List<String> out = new ArrayList<>();
        String d = description(r);
        if (!d.isEmpty()) {
            out.add(d);
        }
        if (r.ruleSet.record.name() != null) {
            out.add(lower(r.ruleSet.record.name()));
        }
        for (Side s : new Side[]{r.providers, r.consumers}) {
            for (String t : sides.computeIfAbsent(s, x -> actorTexts(m, x))) {
                out.add(t);
            }
        }
        for (String t : services.computeIfAbsent(r.services, x -> serviceTexts(m, r.record.ingressServices()))) {
            out.add(t);
        }
        return out;
    }

    static String description(CompiledRule r) {
        return r.record.description() == null ? "" : lower(r.record.description());
    }

    private static String[] actorTexts(PolicyModel m, Side s) {
        Set<String> out = new LinkedHashSet<>();
        for (Actor a : s.actors) {
            Name n = Names.actor(a, m.names);
            out.add(lower(n.display()));
            if (n.kind() == ObjectKind.LABEL && n.key() != null) {
                // The older way of writing a label ("role web") still finds it.
                out.add(lower(n.key() + " " + n.text()));
            }
        }
        return out.toArray(new String[0]);
    }

    private static String[] serviceTexts(PolicyModel m, List<IngressService> list) {
        Set<String> out = new LinkedHashSet<>();
        for (IngressService s : list) {
            if (s.serviceRef()) {
                String name = m.serviceNames.get(Hrefs.neutral(s.href()));
                if (name != null) {
                    out.add(lower(name));
                }
            } else {
                out.add(lower(PortRange.of(s).toString()));
            }
        }
        return out.toArray(new String[0]);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
