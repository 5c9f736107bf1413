package dev.pceworkbench.policy.archfixture;

/** Violates the layer order on purpose (policy/ uses demo/, which sits beside it); only ArchitectureTest imports it. */
public final class UsesDemo {
    public dev.pceworkbench.demo.policy.PolicyEvaluator evaluator;
}
