package dev.pceworkbench.ui.policycheck;

import dev.pceworkbench.ui.common.Verdict;

/**
 * The answer to one row of a bulk policy check: the CSV line, what it asked (as typed), whether the
 * connection is allowed now and after provisioning, the allowing rules (by rule set and number, and
 * by href), or why the row could not be checked; and the verdicts the table draws (unknown when it
 * could not be checked).
 */
public record BulkRow(int line, String consumer, String provider, String service, String allowedNow,
                      String allowedAfterProvisioning, String rules, String ruleHrefs, String error,
                      Verdict verdictNow, Verdict verdictAfter) {

    static BulkRow failed(int line, String consumer, String provider, String service, String error) {
        return new BulkRow(line, consumer, provider, service, "", "", "", "", error, Verdict.UNKNOWN, Verdict.UNKNOWN);
    }
}
