package dev.pceworkbench.policy.traffic;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.ScopeEntry;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.pce.model.TrafficFlow;
import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.policy.names.NameLookup;
import dev.pceworkbench.policy.names.Names;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A rule proposed from selected flows, as a plain value the rule editor opens prefilled (in draft):
 * the rule set scope is the labels of the scope keys (app, env, loc by default) that every provider
 * (destination workload) has; providers and consumers are the other labels of the workloads (the
 * role, by default), a workload itself when it has none, and for addresses the IP lists the PCE
 * reported them in; services are the flows' ports and protocols. When every consumer shares the
 * scope the rule is intra-scope; otherwise it is extra-scope and its consumers also carry their own
 * scope labels. {@link #ruleSet} is an existing rule set with exactly that scope when one is given,
 * else a new one ({@link #newRuleSet}). What could not be expressed is said in {@link #notes}.
 *
 * @param scope         the rule set's scope (one scope)
 * @param rule          the rule: providers, consumers, ingress services, unscoped_consumers when extra-scope
 * @param extraScope    whether the consumers lie outside the scope
 * @param ruleSet       an existing rule set whose scopes include exactly {@code scope}, or null
 * @param newRuleSet    a new rule set with that scope, named from it, for when there is none
 * @param scopeNames    names of the scope, for the form
 * @param providerNames names of the providers
 * @param consumerNames names of the consumers
 * @param notes         what was left out and why (addresses in no IP list, non-workload providers...)
 */
public record RuleProposal(List<ScopeEntry> scope, SecRule rule, boolean extraScope, RuleSet ruleSet,
                           RuleSet newRuleSet, List<Name> scopeNames, List<Name> providerNames,
                           List<Name> consumerNames, List<String> notes) {
    /** The scope keys of {@link #propose(List, List, NameLookup)}. */
    public static final List<String> DEFAULT_SCOPE_KEYS = List.of("app", "env", "loc");

    public RuleProposal {
        scope = List.copyOf(scope);
        scopeNames = List.copyOf(scopeNames);
        providerNames = List.copyOf(providerNames);
        consumerNames = List.copyOf(consumerNames);
        notes = List.copyOf(notes);
    }

    /** {@link #propose(List, List, List, NameLookup)} with the default scope keys. */
    public static RuleProposal propose(List<TrafficFlow> flows, List<RuleSet> ruleSets, NameLookup lookup) {
        return propose(flows, DEFAULT_SCOPE_KEYS, ruleSets, lookup);
    }

    /**
     * Proposes one rule allowing {@code flows}.
     *
     * @param scopeKeys label keys that make a scope (others make actors)
     * @param ruleSets  existing rule sets (draft) to find one with the proposed scope; may be empty
     * @throws IllegalArgumentException when no flow is given
     */
    public static RuleProposal propose(List<TrafficFlow> flows, List<String> scopeKeys, List<RuleSet> ruleSets,
                                       NameLookup lookup) {
        if (flows.isEmpty()) {
            throw new IllegalArgumentException("Select at least one flow to propose a rule from");
        }
        Set<String> keys = new HashSet<>(scopeKeys);
        List<String> notes = new ArrayList<>();
        // Scope: the scope labels every destination workload has.
        Map<String, Href> common = null;
        for (TrafficFlow f : flows) {
            TrafficFlow.FlowWorkload w = f.dst() == null ? null : f.dst().workload();
            if (w == null) {
                continue;
            }
            Map<String, Href> mine = new LinkedHashMap<>();
            for (Href h : w.labels()) {
                String key = key(h, lookup);
                if (key != null && keys.contains(key)) {
                    mine.put(h.href(), h);
                }
            }
            if (common == null) {
                common = mine;
            } else {
                common.keySet().retainAll(mine.keySet());
            }
        }
        if (common == null) {
            common = new LinkedHashMap<>();
            notes.add("No destination is a workload: a rule's providers must be workloads, so the rule is empty");
        }
        List<Href> scopeLabels = new ArrayList<>(common.values());
        scopeLabels.sort(Comparator.comparing((Href h) -> scopeKeys.indexOf(key(h, lookup))).thenComparing(Href::href));
        Set<String> scopeHrefs = new HashSet<>(common.keySet());
        List<ScopeEntry> scope = scopeLabels.stream().map(h -> ScopeEntry.label(h.href())).toList();

        // Intra-scope when every source is a workload inside the scope.
        boolean extra = false;
        for (TrafficFlow f : flows) {
            TrafficFlow.FlowWorkload w = f.src() == null ? null : f.src().workload();
            if (w == null || !w.labels().stream().map(Href::href).toList().containsAll(scopeHrefs)) {
                extra = true;
                break;
            }
        }

        Set<String> seenProviders = new LinkedHashSet<>();
        List<Actor> providers = new ArrayList<>();
        Set<String> seenConsumers = new LinkedHashSet<>();
        List<Actor> consumers = new ArrayList<>();
        Set<String> unlisted = new TreeSet<>();
        Set<String> nonWorkloadDestinations = new TreeSet<>();
        for (TrafficFlow f : flows) {
            TrafficFlow.FlowWorkload dw = f.dst() == null ? null : f.dst().workload();
            if (dw == null) {
                nonWorkloadDestinations.add(f.dst() == null ? "?" : f.dst().ip());
            } else {
                actors(dw, keys, false, lookup, seenProviders, providers);
            }
            TrafficFlow.Endpoint src = f.src();
            if (src != null && src.workload() != null) {
                actors(src.workload(), keys, extra, lookup, seenConsumers, consumers);
            } else if (src != null && !src.ipLists().isEmpty()) {
                for (Href l : src.ipLists()) {
                    if (seenConsumers.add("ip_list:" + l.href())) {
                        consumers.add(Actor.ipList(l.href()));
                    }
                }
            } else if (src != null) {
                unlisted.add(src.ip());
            }
        }
        if (!nonWorkloadDestinations.isEmpty()) {
            notes.add("Left out destinations that are not workloads (a rule cannot provide them): "
                    + String.join(", ", limit(nonWorkloadDestinations)));
        }
        if (!unlisted.isEmpty()) {
            notes.add("Left out sources in no IP list (add them to an IP list to allow them): "
                    + String.join(", ", limit(unlisted)));
        }
        if (providers.isEmpty() && !scope.isEmpty()) {
            providers.add(Actor.allWorkloads()); // every provider is the scope itself
        }
        if (consumers.isEmpty() && !extra && !scope.isEmpty()) {
            consumers.add(Actor.allWorkloads());
        }

        TreeSet<int[]> ports = new TreeSet<>(Comparator.<int[]>comparingInt(p -> p[1]).thenComparingInt(p -> p[0]));
        for (TrafficFlow f : flows) {
            TrafficFlow.FlowService s = f.service();
            if (s == null || s.proto() == null) {
                continue;
            }
            ports.add(new int[]{s.port() == null ? -1 : s.port(), s.proto()});
        }
        List<IngressService> services = new ArrayList<>();
        for (int[] p : ports) {
            services.add(p[0] < 0 ? new IngressService(null, null, null, p[1], null, null, null)
                    : IngressService.port(p[0], p[1]));
        }

        SecRule rule = SecRule.of(providers, consumers, services).withUnscopedConsumers(extra)
                .withDescription("Proposed from " + flows.size() + (flows.size() == 1 ? " flow" : " flows"));
        List<Name> scopeNames = scopeLabels.stream().map(h -> Names.label(h, lookup)).toList();
        RuleSet existing = null;
        for (RuleSet rs : ruleSets) {
            for (List<ScopeEntry> s : rs.scopes()) {
                if (sameScope(s, scopeHrefs)) {
                    existing = rs;
                    break;
                }
            }
            if (existing != null) {
                break;
            }
        }
        String name = scopeNames.isEmpty() ? "Proposed rules" : "RS-" + String.join("-",
                scopeNames.stream().map(Name::text).toList());
        RuleSet fresh = RuleSet.of(name, List.of(scope));
        return new RuleProposal(scope, rule, extra, existing, fresh, scopeNames, Names.actors(providers, lookup),
                Names.actors(consumers, lookup), notes);
    }

    /** The actor labels of a workload (scope labels too for extra-scope consumers), else the workload itself. */
    private static void actors(TrafficFlow.FlowWorkload w, Set<String> scopeKeys, boolean withScope, NameLookup lookup,
                               Set<String> seen, List<Actor> out) {
        boolean any = false;
        for (Href h : w.labels()) {
            String key = key(h, lookup);
            if (key != null && (withScope || !scopeKeys.contains(key))) {
                any = true;
                if (seen.add("label:" + h.href())) {
                    out.add(Actor.label(h.href()));
                }
            }
        }
        if (!any && w.href() != null && seen.add("workload:" + w.href())) {
            out.add(Actor.workload(w.href()));
        }
    }

    private static String key(Href h, NameLookup lookup) {
        if (h.key() != null) {
            return h.key();
        }
        var l = lookup.label(h.href());
        return l == null ? null : l.key();
    }

    private static boolean sameScope(List<ScopeEntry> s, Set<String> hrefs) {
        if (s.size() != hrefs.size()) {
            return false;
        }
        for (ScopeEntry e : s) {
            if (e.label() == null || Boolean.TRUE.equals(e.exclusion()) || !hrefs.contains(e.label().href())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> limit(Set<String> s) {
        List<String> out = new ArrayList<>();
        for (String x : s) {
            if (out.size() == 5) {
                out.add("and " + (s.size() - 5) + " more");
                break;
            }
            out.add(x);
        }
        return out;
    }
}
