package dev.pceworkbench.ui.provision;

import dev.pceworkbench.policy.impact.ImpactGroup;
import dev.pceworkbench.policy.impact.ImpactKind;
import dev.pceworkbench.ui.common.Verdict;

/** One group of flows whose decision the checked changes would change, as the Impact table shows it. */
public record ImpactRow(ImpactKind kind, String source, String destination, String port, int flows, long connections,
                        String decisions) {
    static ImpactRow of(ImpactGroup g) {
        return new ImpactRow(g.kind(), g.sourceText(), g.destinationText(), String.valueOf(g.service()), g.flows(),
                g.connections(), g.before().text() + " → " + g.after().text());
    }

    /** The verdict whose colour and icon the kind's chip borrows: what the flows become. */
    public Verdict verdict() {
        return switch (kind) {
            case NEWLY_ALLOWED -> Verdict.ALLOWED;
            case NEWLY_BLOCKED -> Verdict.BLOCKED;
            case NEWLY_POTENTIALLY_BLOCKED -> Verdict.POTENTIALLY_BLOCKED;
            case NO_LONGER_REPORTED -> Verdict.UNKNOWN;
        };
    }
}
