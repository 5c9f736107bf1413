package dev.pceworkbench.pce.archfixture;

/** Violates the layer order on purpose (pce/ uses policy/, a layer above it); only ArchitectureTest imports it. */
public final class ReachesUp {
    public dev.pceworkbench.policy.PolicyCheck check;
}
