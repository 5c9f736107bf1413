package dev.pceworkbench.demo.archfixture;

/** The demo PCE on the client's model records, on purpose; only ArchitectureTest imports it. */
public final class SharesModel {
    public dev.pceworkbench.pce.model.Actor actor;
}
