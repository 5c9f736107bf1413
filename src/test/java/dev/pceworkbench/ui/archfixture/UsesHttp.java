package dev.pceworkbench.ui.archfixture;

/** The UI on the HTTP transport, on purpose; only ArchitectureTest imports it. */
public final class UsesHttp {
    public dev.pceworkbench.pce.http.PceRequest request;
}
