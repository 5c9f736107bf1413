package dev.pceworkbench.ui.rulesearch;

import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.policy.PolicyModel;
import dev.pceworkbench.policy.RuleHit;
import dev.pceworkbench.policy.RuleState;
import dev.pceworkbench.policy.names.NameLookup;
import dev.pceworkbench.policy.names.Names;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rule found by a search, as the results table and the exports show it: its rule set, number
 * and href (in the searched version), both sides, services and the rule set's scopes written by
 * {@link Names} ({@code role: Web, IP list Corp}; {@code app: CRM + env: Prod | app: ERP}), its flags and
 * kind (intra-scope, or extra-scope when consumers are unscoped), and its effective {@link RuleState}
 * ({@code enabled} only when the rule and its rule set both are: a rule of a disabled rule set is
 * shown "Disabled (rule set)", never "Enabled"). Keeps the {@link RuleHit} for the
 * JSON export and for opening the rule.
 */
public record RuleRow(RuleHit hit, String ruleSet, int number, String href, String providers, String consumers,
                      String services, String scope, boolean enabled, boolean stateless, String description,
                      String kind, RuleState state) {
    public static final String INTRA = "Intra-scope";
    public static final String EXTRA = "Extra-scope";

    /** What a rule without services shows: a rule on virtual services takes their ports. */
    public static final String NO_SERVICES = "None (virtual service ports)";

    /** The rows of {@code hits} of {@code model}; scopes are named once per rule set. */
    public static List<RuleRow> of(List<RuleHit> hits, PolicyModel model) {
        NameLookup names = model.objectNames();
        Map<RuleSet, String> scopes = new IdentityHashMap<>();
        List<RuleRow> out = new ArrayList<>(hits.size());
        for (RuleHit h : hits) {
            RuleSet rs = h.ruleSet();
            SecRule r = h.rule();
            String services = Names.list(Names.services(r.ingressServices(), names));
            out.add(new RuleRow(h, rs.name(), model.ruleNumber(h.index()), r.href(),
                    Names.list(Names.actors(r.providers(), names)), Names.list(Names.actors(r.consumers(), names)),
                    services.isEmpty() ? NO_SERVICES : services,
                    scopes.computeIfAbsent(rs, x -> Names.scopesText(x.scopes(), names)),
                    RuleState.of(h).enabled(), Boolean.TRUE.equals(r.stateless()),
                    r.description() == null ? "" : r.description(),
                    Boolean.TRUE.equals(r.unscopedConsumers()) ? EXTRA : INTRA, RuleState.of(h)));
        }
        return out;
    }
}
