package dev.pceworkbench.ui.rulesearch;

import dev.pceworkbench.ui.common.policy.PolicyNames;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.policy.RuleHit;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rule found by a search, as the results table and the exports show it: its rule set, number
 * and href (in the searched version), both sides, services, the rule set's scope, its flags and
 * kind (intra-scope, or extra-scope when consumers are unscoped). Keeps the {@link RuleHit} for the
 * JSON export and for opening the rule.
 */
public record RuleRow(RuleHit hit, String ruleSet, int number, String href, String providers, String consumers,
                      String services, String scope, boolean enabled, boolean stateless, String description,
                      String kind) {
    public static final String INTRA = "Intra-scope";
    public static final String EXTRA = "Extra-scope";

    /** The rows of {@code hits}; scopes are named once per rule set. */
    public static List<RuleRow> of(List<RuleHit> hits, PolicyNames names) {
        Map<RuleSet, String> scopes = new IdentityHashMap<>();
        List<RuleRow> out = new ArrayList<>(hits.size());
        for (RuleHit h : hits) {
            RuleSet rs = h.ruleSet();
            SecRule r = h.rule();
            out.add(new RuleRow(h, rs.name(), names.ruleNumber(rs, h.index()), r.href(), names.actors(r.providers()),
                    names.actors(r.consumers()), names.services(r.ingressServices()),
                    scopes.computeIfAbsent(rs, x -> names.scopes(x.scopes())),
                    !Boolean.FALSE.equals(r.enabled()), Boolean.TRUE.equals(r.stateless()),
                    r.description() == null ? "" : r.description(),
                    Boolean.TRUE.equals(r.unscopedConsumers()) ? EXTRA : INTRA));
        }
        return out;
    }
}
