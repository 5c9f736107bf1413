package dev.pceworkbench.policy;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.EnforcementBoundary;
import dev.pceworkbench.pce.model.ScopeEntry;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The answer to a policy check in one policy version: every rule that allows the connection, each
 * with its {@link Reason} (which scope and which actors matched, on which service entry), in rule
 * order; and the enforcement boundaries the connection crosses. A connection no rule allows is
 * reported as {@value #NO_RULES}, as the PCE console words it.
 */
public record CheckResult(String version, Endpoint consumer, Endpoint provider, PortRange service, List<Allow> allows,
                          List<EnforcementBoundary> boundaries) {
    public static final String NO_RULES = "No rules exist to allow that connection";

    public CheckResult {
        allows = List.copyOf(allows);
        boundaries = List.copyOf(boundaries);
    }

    /**
     * One allowing rule and why it allows the connection. The reason is worked out when first asked
     * for: a check with dozens of allowing rules stays cheap until someone reads the explanations.
     */
    public static final class Allow {
        private final RuleHit hit;
        private Supplier<Reason> explain;
        private Reason reason;

        Allow(RuleHit hit, Supplier<Reason> explain) {
            this.hit = hit;
            this.explain = explain;
        }

        public RuleHit hit() {
            return hit;
        }

        public synchronized Reason reason() {
            if (reason == null) {
                reason = explain.get();
                explain = null;
            }
            return reason;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Allow a && hit.equals(a.hit) && reason().equals(a.reason());
        }

        @Override
        public int hashCode() {
            return hit.hashCode();
        }

        @Override
        public String toString() {
            return hit.href() + ": " + reason().text();
        }
    }

    /**
     * Why a rule allows a connection.
     *
     * @param scopeIndex       the rule set scope both ends were found in (the provider only for an
     *                         extra-scope rule), or -1 when no scope was needed (IP lists on both ends)
     * @param scope            that scope's entries (empty for the global scope or -1)
     * @param extraScope       the rule has {@code unscoped_consumers}: the scope applied to providers only
     * @param providerActors   the provider actors the provider matched
     * @param viaVirtualService the virtual service (bound to the provider workload) that matched, or null
     * @param consumerActors   the consumer actors the consumer matched
     * @param service          the rule's (or the virtual service's) service entry that covers the port
     * @param text             all of it in one sentence, for people
     */
    public record Reason(int scopeIndex, List<ScopeEntry> scope, boolean extraScope, List<Actor> providerActors,
                         String viaVirtualService, List<Actor> consumerActors, PortRange service, String text) {
    }

    public boolean allowed() {
        return !allows.isEmpty();
    }

    /** The hrefs of the allowing rules, in rule order. */
    public Set<String> ruleHrefs() {
        Set<String> out = new LinkedHashSet<>();
        allows.forEach(a -> out.add(a.hit().href()));
        return out;
    }

    /** One line: the number of allowing rules, or {@value #NO_RULES} (and the boundaries crossed). */
    public String summary() {
        if (allowed()) {
            return "Allowed by " + allows.size() + (allows.size() == 1 ? " rule" : " rules");
        }
        if (boundaries.isEmpty()) {
            return NO_RULES;
        }
        StringBuilder b = new StringBuilder(NO_RULES).append("; enforcement boundary ");
        for (int i = 0; i < boundaries.size(); i++) {
            b.append(i == 0 ? "" : ", ").append('\'').append(boundaries.get(i).name()).append('\'');
        }
        return b.append(" blocks it").toString();
    }
}
