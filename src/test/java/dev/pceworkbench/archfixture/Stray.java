package dev.pceworkbench.archfixture;

/** A class outside every layer, on purpose; only ArchitectureTest imports it. */
public final class Stray {
}
