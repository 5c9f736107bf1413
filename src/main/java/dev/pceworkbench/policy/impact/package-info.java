/**
 * The impact of provisioning on observed traffic: flows evaluated under the active policy and the
 * draft ({@link dev.pceworkbench.policy.impact.TrafficImpact}), the flows whose decision changes and
 * their groups by source labels, destination labels and port. Pure: no I/O.
 */
package dev.pceworkbench.policy.impact;
