/**
 * The policy engine: pure logic over the client's records, no I/O. {@link dev.pceworkbench.policy.PolicyModel}
 * compiles one policy version, {@link dev.pceworkbench.policy.RuleSearchIndex} indexes it,
 * {@link dev.pceworkbench.policy.RuleSearch} finds rules and {@link dev.pceworkbench.policy.PolicyCheck}
 * answers "may A reach B on this port?" with reasons; {@link dev.pceworkbench.policy.LinearScan}
 * does both the plain way, as baseline and test oracle.
 */
package dev.pceworkbench.policy;
