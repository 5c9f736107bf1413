/**
 * The workbench's one vocabulary for PCE objects. {@link dev.pceworkbench.policy.names.Names} writes
 * every label, label group, workload, IP list, virtual service, user group, service, port, scope and
 * actor list; {@link dev.pceworkbench.policy.names.ObjectKind} is the one list of object kinds;
 * {@link dev.pceworkbench.policy.names.ObjectNames} resolves hrefs to the objects they name. Views,
 * exports and the engine's explanations all write through here, so one object reads the same
 * everywhere. Hrefs themselves are read and rewritten by {@link dev.pceworkbench.pce.model.Hrefs}.
 * Depends only on {@code pce.model}.
 */
package dev.pceworkbench.policy.names;
