package dev.pceworkbench.workspace;

import dev.pceworkbench.pce.model.Href;

import java.util.List;

/**
 * Something a virtual service can be bound to: a workload or a container workload, with what the
 * binding wizard searches by (name, hostname, labels).
 */
public record BindTarget(String href, String name, String hostname, List<Href> labels, boolean container) {
    public BindTarget {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
