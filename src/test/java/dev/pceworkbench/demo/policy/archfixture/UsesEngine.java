package dev.pceworkbench.demo.policy.archfixture;

/** The demo's evaluator on the engine it is meant to check, on purpose; only ArchitectureTest imports it. */
public final class UsesEngine {
    public dev.pceworkbench.policy.PolicyCheck check;
}
