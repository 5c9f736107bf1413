package dev.pceworkbench.ui.policycheck;

import dev.pceworkbench.policy.CheckResult;
import dev.pceworkbench.policy.PolicyCheck;
import dev.pceworkbench.policy.PolicyModel;
import dev.pceworkbench.policy.RuleState;

/**
 * One rule that allows the checked connection in the active policy, the draft, or both: its rule
 * set and number, the href to open (the active rule's when it is active), whether it allows the
 * connection now and after provisioning, and why (which scope and which actors matched). A rule
 * that would allow it but is disabled (or in a disabled rule set) is a row too, with its
 * {@link RuleState}, so the answer shows why nothing allows it.
 */
public record CheckRow(String ruleSet, int number, String href, boolean allowedNow, boolean allowedAfterProvisioning,
                       String reason, RuleState state) {

    /** "Yes" or "No", as the table and the bulk answers say it ("No: Disabled (rule set)" for a disabled rule). */
    public String allowedNowText() {
        return allowedNow ? "Yes" : state.enabled() ? "No" : "No: " + state.text();
    }

    public String allowedAfterProvisioningText() {
        return allowedAfterProvisioning ? "Yes" : state.enabled() ? "No" : "No: " + state.text();
    }

    static CheckRow of(PolicyCheck.Comparison.Row row, PolicyModel active, PolicyModel draft) {
        CheckResult.Allow shown = row.active() != null ? row.active() : row.draft();
        PolicyModel model = row.active() != null ? active : draft;
        return new CheckRow(shown.hit().ruleSet().name(), model.ruleNumber(shown.hit().index()),
                shown.hit().href(), row.allowedNow(), row.allowedAfterProvisioning(), shown.reason().text(),
                RuleState.ENABLED);
    }

    /** A rule of {@code model} that would allow the connection if it (and its rule set) were enabled. */
    static CheckRow disabled(CheckResult.Allow a, PolicyModel model) {
        RuleState s = RuleState.of(a.hit());
        return new CheckRow(a.hit().ruleSet().name(), model.ruleNumber(a.hit().index()), a.hit().href(), false, false,
                "Would allow it if enabled (" + s.text() + "): " + a.reason().text(), s);
    }

    /** "'RS-Web' rule 3", for answers. */
    String rule() {
        return "'" + ruleSet + "' rule " + number;
    }
}
