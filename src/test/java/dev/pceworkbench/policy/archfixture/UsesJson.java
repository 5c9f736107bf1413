package dev.pceworkbench.policy.archfixture;

/** The policy engine on pce's JSON codec (not a model record), on purpose; only ArchitectureTest imports it. */
public final class UsesJson {
    public dev.pceworkbench.pce.json.PceJson json;
}
