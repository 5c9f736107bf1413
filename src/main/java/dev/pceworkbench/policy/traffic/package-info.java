/**
 * The Traffic explorer's pure logic over downloaded flows: the engine's draft (or any version's)
 * decisions for each flow and their comparison with the PCE's ({@link
 * dev.pceworkbench.policy.traffic.FlowDecisions}), group-by summaries such as the app group summary
 * ({@link dev.pceworkbench.policy.traffic.FlowSummary}), and a rule proposed from selected flows
 * ({@link dev.pceworkbench.policy.traffic.RuleProposal}). Pure: no I/O; names only through
 * {@code policy/names}.
 */
package dev.pceworkbench.policy.traffic;
