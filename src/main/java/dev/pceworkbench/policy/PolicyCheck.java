package dev.pceworkbench.policy;

import dev.pceworkbench.pce.model.EnforcementBoundary;
import dev.pceworkbench.pce.model.Hrefs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy check: may this consumer (a workload or an IP address) reach this provider (a
 * workload or an IP address) on this port and protocol (or protocol alone, for GRE or IP-in-IP)?
 * Answers with every rule that allows it, each with its reason, or
 * {@value CheckResult#NO_RULES}. A rule allows the connection when it and its rule set are enabled,
 * one of its services covers the port, the provider matches a provider actor inside one of the
 * rule set's scopes, and the consumer matches a consumer actor inside that same scope
 * (intra-scope) or anywhere ({@code unscoped_consumers}, extra-scope). IP-list actors are never
 * scoped; on the consumer side they also match a workload by its addresses. A provider workload is
 * also matched as the virtual services bound to it (labels resolved as virtual services), on the
 * binding's ports when the rule names no service. Enforcement boundaries do not remove allowing
 * rules (a rule overrides a boundary); they are reported for connections no rule allows.
 * {@link #compare} puts the active and the draft answers side by side.
 */
public final class PolicyCheck {
    private final RuleSearchIndex index;

    public PolicyCheck(RuleSearchIndex index) {
        this.index = index;
    }

    public PolicyModel model() {
        return index.model;
    }

    /**
     * Checks one connection. {@code service} is a protocol and one port ({@link PortRange#of}), or a
     * protocol with {@code from} = -1 for protocols without ports ({@link PortRange#protocol}).
     *
     * @throws IllegalArgumentException when a workload is not in the model
     */
    public CheckResult check(Endpoint consumer, Endpoint provider, PortRange service) {
        Connection c = new Connection(index.model, consumer, provider, service);
        List<CheckResult.Allow> allows = new ArrayList<>();
        for (int id : index.providerCandidates(c)) {
            CheckResult.Allow a = c.evaluate(index.model.rules[id]);
            if (a != null) {
                allows.add(a);
            }
        }
        return result(c, allows);
    }

    /** What {@link #decide} finds: allowed by some rule, or not, and then whether it crosses a boundary. */
    public enum Outcome {
        ALLOWED, NOT_ALLOWED, NOT_ALLOWED_ACROSS_BOUNDARY;

        public boolean allowed() {
            return this == ALLOWED;
        }

        /** Allowed, or crossing an enforcement boundary: what a change of rules or boundaries can touch. */
        public boolean touched() {
            return this != NOT_ALLOWED;
        }
    }

    /**
     * {@link #check}'s verdict alone, for deciding many flows: stops at the first allowing rule,
     * names no rule and gives no reason; the boundaries are looked at only when no rule allows.
     * Agrees with {@code check}: allowed exactly when it has allows, across a boundary exactly
     * when it lists boundaries and no allows.
     *
     * @throws IllegalArgumentException when a workload is not in the model
     */
    public Outcome decide(Endpoint consumer, Endpoint provider, PortRange service) {
        Connection c = new Connection(index.model, consumer, provider, service);
        return outcome(c, index.providerCandidates(c));
    }

    /**
     * {@link #decide} for many consumers of one provider and service, in order: the provider's
     * candidate rules are looked up once for all of them.
     *
     * @throws IllegalArgumentException when a workload is not in the model
     */
    public Outcome[] decide(List<Endpoint> consumers, Endpoint provider, PortRange service) {
        Outcome[] out = new Outcome[consumers.size()];
        Connection.Target[] targets = Connection.targets(index.model, provider);
        int[] candidates = null;
        for (int i = 0; i < out.length; i++) {
            Connection c = new Connection(index.model, Connection.Consumer.of(index.model, consumers.get(i)), provider,
                    targets, service);
            if (candidates == null) {
                candidates = index.providerCandidates(c); // the provider's and the service's alone
            }
            out[i] = outcome(c, candidates);
        }
        return out;
    }

    /**
     * Deciding many connections between the classes of {@code classes} (numbered on this check's
     * model) on some {@code services}: see {@link Batch#decide}.
     *
     * @throws IllegalArgumentException when {@code classes} numbers another model's endpoints
     */
    public Batch batch(EndpointClasses classes, List<PortRange> services) {
        if (classes.model() != index.model) {
            throw new IllegalArgumentException("Endpoint classes of another policy model");
        }
        RuleSearchIndex.Covering[] covering = new RuleSearchIndex.Covering[services.size()];
        for (int i = 0; i < covering.length; i++) {
            covering[i] = index.new Covering(services.get(i));
        }
        return new Batch(classes, covering);
    }

    /**
     * Decisions between endpoint classes: the representatives are not resolved again, and the
     * candidate rules filed under labels are filtered by each service once for the whole batch.
     * Thread-safe once the classes are numbered.
     */
    public final class Batch {
        private final EndpointClasses classes;
        private final RuleSearchIndex.Covering[] covering;

        private Batch(EndpointClasses classes, RuleSearchIndex.Covering[] covering) {
            this.classes = classes;
            this.covering = covering;
        }

        /**
         * {@link #decide(List, Endpoint, PortRange)} for the representatives of consumer classes
         * {@code consumers} and of provider class {@code provider}, on the batch's service number
         * {@code service}, in order.
         */
        public Outcome[] decide(int[] consumers, int provider, int service) {
            Outcome[] out = new Outcome[consumers.length];
            Endpoint p = classes.providerRepresentative(provider);
            Connection.Target[] targets = classes.providerTargets(provider);
            RuleSearchIndex.Covering memo = covering[service];
            int[] candidates = null;
            for (int i = 0; i < out.length; i++) {
                Connection c = new Connection(index.model, classes.consumerResolved(consumers[i]), p, targets,
                        memo.service());
                if (candidates == null) {
                    candidates = index.providerCandidates(c, memo); // the provider's and the service's alone
                }
                out[i] = outcome(c, candidates);
            }
            return out;
        }
    }

    private static Outcome outcome(Connection c, int[] candidates) {
        for (int id : candidates) {
            if (c.allows(c.m.rules[id])) {
                return Outcome.ALLOWED;
            }
        }
        for (PolicyModel.Boundary b : c.m.boundaries) {
            if (c.crosses(b)) {
                return Outcome.NOT_ALLOWED_ACROSS_BOUNDARY;
            }
        }
        return Outcome.NOT_ALLOWED;
    }

    /**
     * The rules that would allow the connection were they (and their rule sets) enabled: the disabled
     * rules and the rules of disabled rule sets that match it, each with its reason, in rule order.
     * An answer of {@value CheckResult#NO_RULES} names them, so a user sees that a disabled rule (or
     * rule set) is why. Looks at every disabled rule (the index files enabled rules only).
     *
     * @throws IllegalArgumentException when a workload is not in the model
     */
    public List<CheckResult.Allow> disabledAllows(Endpoint consumer, Endpoint provider, PortRange service) {
        Connection c = new Connection(index.model, consumer, provider, service);
        List<CheckResult.Allow> out = new ArrayList<>();
        for (CompiledRule r : index.model.rules) {
            if (!r.active) {
                CheckResult.Allow a = c.evaluateIfEnabled(r);
                if (a != null) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /** The result for the allowing rules found, with the enforcement boundaries the connection crosses. */
    static CheckResult result(Connection c, List<CheckResult.Allow> allows) {
        List<EnforcementBoundary> boundaries = new ArrayList<>();
        for (PolicyModel.Boundary b : c.m.boundaries) {
            if (c.crosses(b)) {
                boundaries.add(b.record());
            }
        }
        return new CheckResult(c.m.version(), c.consumerEndpoint, c.providerEndpoint, c.service, allows, boundaries);
    }

    /**
     * The same connection in the active policy and in the draft: "allowed now" and "allowed after
     * provisioning", rule by rule (rules are matched across versions by their draft-form href).
     */
    public static Comparison compare(PolicyCheck active, PolicyCheck draft, Endpoint consumer, Endpoint provider,
                                     PortRange service) {
        return new Comparison(active.check(consumer, provider, service), draft.check(consumer, provider, service));
    }

    /** Active and draft answers to one check, side by side. */
    public record Comparison(CheckResult active, CheckResult draft) {
        /** One rule that allows the connection in either version. */
        public record Row(String ruleHref, CheckResult.Allow active, CheckResult.Allow draft) {
            public boolean allowedNow() {
                return active != null;
            }

            public boolean allowedAfterProvisioning() {
                return draft != null;
            }
        }

        public boolean allowedNow() {
            return active.allowed();
        }

        public boolean allowedAfterProvisioning() {
            return draft.allowed();
        }

        /** Every rule allowing the connection in either version (draft-form hrefs), active ones first. */
        public List<Row> rows() {
            Map<String, CheckResult.Allow[]> byRule = new LinkedHashMap<>();
            for (CheckResult.Allow a : active.allows()) {
                byRule.computeIfAbsent(Hrefs.neutral(a.hit().href()), k -> new CheckResult.Allow[2])[0] = a;
            }
            for (CheckResult.Allow a : draft.allows()) {
                byRule.computeIfAbsent(Hrefs.neutral(a.hit().href()), k -> new CheckResult.Allow[2])[1] = a;
            }
            List<Row> out = new ArrayList<>();
            byRule.forEach((href, pair) -> out.add(new Row(href, pair[0], pair[1])));
            return out;
        }

        /** "Allowed now / allowed after provisioning" in words. */
        public String summary() {
            return "Now: " + active.summary() + ". After provisioning: " + draft.summary() + ".";
        }
    }
}
