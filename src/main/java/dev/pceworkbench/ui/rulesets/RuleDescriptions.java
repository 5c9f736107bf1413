package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.pce.model.IpTablesRule;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.policy.names.Names;

import java.util.List;

/**
 * Rules named in a sentence, for the confirmations that ask before a delete: rules have no name,
 * so the user recognises one by its description, providers, services and consumers.
 */
final class RuleDescriptions {
    private RuleDescriptions() {
    }

    /** {@code 'Cluster replication' (providers role: App; services 7800-7900 TCP; consumers role: App)}. */
    static String describe(SecRule r, ActorNames names) {
        String parts = "providers " + join(names.actors(r.providers()))
                + "; services " + join(names.services(r.ingressServices()))
                + "; consumers " + join(names.actors(r.consumers()));
        return r.description() == null || r.description().isBlank() ? "(" + parts + ")"
                : "'" + r.description() + "' (" + parts + ")";
    }

    /** {@code 'Legacy app port' (filter INPUT -p tcp --dport 8080 -j ACCEPT)}. */
    static String describe(IpTablesRule r) {
        String statements = r.statements().isEmpty() ? "no statements" : statements(r, "; ");
        return r.description() == null || r.description().isBlank() ? "(" + statements + ")"
                : "'" + r.description() + "' (" + statements + ")";
    }

    /** An iptables rule's statements, one {@code table chain parameters} each, joined with {@code separator}. */
    static String statements(IpTablesRule r, String separator) {
        return String.join(separator, r.statements().stream()
                .map(s -> s.tableName() + " " + s.chainName() + " " + s.parameters()).toList());
    }

    private static String join(List<Name> names) {
        return names.isEmpty() ? "none" : Names.list(names);
    }
}
