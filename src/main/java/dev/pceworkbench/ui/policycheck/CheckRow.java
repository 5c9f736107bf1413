package dev.pceworkbench.ui.policycheck;

import dev.pceworkbench.policy.CheckResult;
import dev.pceworkbench.policy.PolicyCheck;
import dev.pceworkbench.policy.PolicyModel;

/**
 * One rule that allows the checked connection in the active policy, the draft, or both: its rule
 * set and number, the href to open (the active rule's when it is active), whether it allows the
 * connection now and after provisioning, and why (which scope and which actors matched).
 */
public record CheckRow(String ruleSet, int number, String href, boolean allowedNow, boolean allowedAfterProvisioning,
                       String reason) {

    /** "Yes" or "No", as the table and the bulk answers say it. */
    public String allowedNowText() {
        return allowedNow ? "Yes" : "No";
    }

    public String allowedAfterProvisioningText() {
        return allowedAfterProvisioning ? "Yes" : "No";
    }

    static CheckRow of(PolicyCheck.Comparison.Row row, PolicyModel active, PolicyModel draft) {
        CheckResult.Allow shown = row.active() != null ? row.active() : row.draft();
        PolicyModel model = row.active() != null ? active : draft;
        return new CheckRow(shown.hit().ruleSet().name(), model.ruleNumber(shown.hit().index()),
                shown.hit().href(), row.allowedNow(), row.allowedAfterProvisioning(), shown.reason().text());
    }
}
