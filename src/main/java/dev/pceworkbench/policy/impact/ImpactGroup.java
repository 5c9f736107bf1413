package dev.pceworkbench.policy.impact;

import dev.pceworkbench.policy.PortRange;
import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.policy.names.Names;

import java.util.List;

/**
 * Changed flows that read alike: the same change of decision, between sources with the same labels
 * and destinations with the same labels, on the same port and protocol. A source or destination
 * is named by its labels (in label-key order), a workload without labels by itself, an address
 * outside the managed estate by its IP, always through {@link Names}. Counts the flows and the
 * connections they stand for.
 */
public record ImpactGroup(ImpactKind kind, Decision before, Decision after, List<Name> source, List<Name> destination,
                          PortRange service, int flows, long connections) {
    public ImpactGroup {
        source = List.copyOf(source);
        destination = List.copyOf(destination);
    }

    /** The source as every view writes it: {@code role: Web, app: CRM}, {@code 203.0.113.9}. */
    public String sourceText() {
        return Names.list(source);
    }

    public String destinationText() {
        return Names.list(destination);
    }

    /** "Newly blocked: role: Web, app: CRM → role: DB, app: CRM on 5432 TCP (3 flows, 120 connections)". */
    public String summary() {
        return kind.text() + ": " + sourceText() + " → " + destinationText() + " on " + service + " (" + flows
                + (flows == 1 ? " flow, " : " flows, ") + connections + (connections == 1 ? " connection)" : " connections)");
    }
}
