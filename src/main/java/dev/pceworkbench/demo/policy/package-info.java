/**
 * The demo PCE's own policy semantics: how it decides which rules allow a connection and which
 * rules a rule search returns. This is deliberately an independent second implementation of what
 * the engine in {@code dev.pceworkbench.policy} does, written from the Illumio rule model rather
 * than from that engine; agreement tests ({@code policy/DemoAgreementTest}, over the demo PCE's
 * API) run both over the same data and so check {@code policy/} against it. It therefore never
 * uses {@code dev.pceworkbench.policy}, and the demo shares no model records with the client.
 * Never merge the two: a shared bug would then agree with itself. {@code arch/ArchitectureTest}
 * enforces the separation.
 */
package dev.pceworkbench.demo.policy;
