/**
 * "Where used" for labels and label groups: {@link dev.pceworkbench.policy.usage.WhereUsed} finds
 * the rule sets, rules, label groups, virtual services, enforcement boundaries and workloads of one
 * policy version that reference a label or group, directly or through containing groups, in one
 * pass over the version's records.
 */
package dev.pceworkbench.policy.usage;
