package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.policy.names.Names;

import java.util.List;
import java.util.Locale;

/**
 * One row of the rule sets table: the rule set, its scopes' names (each scope a list of labels and
 * label groups), their text ({@code app: CRM + env: Prod | app: ERP}, from {@link Names}), its rule
 * counts (intra-scope, extra-scope, custom iptables), whether it has a pending draft change (a
 * deletion included: the PCE keeps a rule set deleted in the draft readable there, with
 * {@code update_type} "delete", until the deletion is provisioned), and the lower-case text the
 * name / scope filter looks in.
 */
public record RuleSetRow(RuleSet ruleSet, List<List<Name>> scopes, String scopeText, int intraRules, int extraRules,
                         int ipTablesRules, boolean pending, String searchText) {

    static RuleSetRow of(RuleSet rs, ActorNames names, boolean pending) {
        int extra = 0;
        for (SecRule r : rs.rules()) {
            if (Boolean.TRUE.equals(r.unscopedConsumers())) {
                extra++;
            }
        }
        List<List<Name>> scopes = rs.scopes().stream().map(names::scope).toList();
        String scopeText = Names.scopesText(rs.scopes(), names.lookup());
        StringBuilder text = new StringBuilder(rs.name() == null ? "" : rs.name());
        for (List<Name> scope : scopes) {
            for (Name n : scope) {
                text.append('\n').append(n.display());
            }
        }
        return new RuleSetRow(rs, scopes, scopeText, rs.rules().size() - extra, extra, rs.ipTablesRules().size(), pending,
                text.toString().toLowerCase(Locale.ROOT));
    }

    /** Whether the row passes the filter: {@code query} (lower case) in its name or scope, and the state. */
    boolean matches(String query, RuleSetsViewModel.StateFilter state) {
        boolean text = query.isEmpty() || searchText.contains(query);
        return text && switch (state) {
            case ALL -> true;
            case ENABLED -> enabled();
            case DISABLED -> !enabled();
            case PENDING -> pending;
        };
    }

    public String name() {
        return ruleSet.name();
    }

    public String href() {
        return ruleSet.href();
    }

    /** Whether the rule set is deleted in the draft (pending deletion until provisioned). */
    public boolean deleted() {
        return ruleSet.pendingDeletion();
    }

    /** The badge text: "pending deletion", "pending" or null (no draft change). */
    public String status() {
        return deleted() ? "pending deletion" : pending ? "pending" : null;
    }

    public boolean enabled() {
        return !Boolean.FALSE.equals(ruleSet.enabled());
    }

    /** All rules: intra-scope, extra-scope and custom iptables. */
    public int totalRules() {
        return intraRules + extraRules + ipTablesRules;
    }

    /** The names the table's scope cell shows: one scope's entries, or every scope's in a row. */
    public List<Name> scopeCell() {
        return scopes.size() == 1 ? scopes.get(0) : scopes.stream().flatMap(List::stream).toList();
    }
}
