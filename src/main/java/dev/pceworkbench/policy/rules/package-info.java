/**
 * The Rules guide's constraints on draft rules, checked before anything is sent to the PCE:
 * {@link dev.pceworkbench.policy.rules.RuleConstraints} (permitted provider / service / consumer
 * combinations, {@code resolve_labels_as}, extra-scope rules and the stateless caveats) and
 * {@link dev.pceworkbench.policy.rules.IpTablesRuleCheck} (custom iptables statements). Each finding
 * is a {@link dev.pceworkbench.policy.rules.Violation} naming the rule field it belongs to, so a
 * form can show it on that field. Pure Java over the client's records; no I/O, no JavaFX.
 */
package dev.pceworkbench.policy.rules;
