package dev.pceworkbench.ui.containerclusters;

import dev.pceworkbench.pce.model.ContainerWorkloadProfile;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.policy.names.NameLookup;
import dev.pceworkbench.policy.names.Names;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One container workload profile as the list shows it: namespace, name, enforcement mode in
 * words, managed, and its labels ("app: Payments" for an assignment, "env: one of Prod, Staging"
 * for a restriction), named through {@link Names}.
 */
public record ProfileRow(String href, String namespace, String name, String enforcement, String managed,
                         String labels, ContainerWorkloadProfile profile, boolean writable) {

    static ProfileRow of(ContainerWorkloadProfile p, NameLookup names) {
        List<String> parts = new ArrayList<>();
        for (ContainerWorkloadProfile.LabelRule r : p.labels() == null ? List.<ContainerWorkloadProfile.LabelRule>of() : p.labels()) {
            if (r.assignment() != null) {
                parts.add(Names.label(r.assignment(), names).display());
            } else if (r.restriction() != null) {
                parts.add(r.key() + ": one of " + r.restriction().stream()
                        .map(h -> Names.label(h, names).text()).collect(Collectors.joining(Names.LIST_SEPARATOR)));
            }
        }
        if (parts.isEmpty() && p.assignLabels() != null) {
            // The deprecated flat form, as older PCEs and Kubelink-made profiles carry it.
            for (Href h : p.assignLabels()) {
                parts.add(Names.label(h, names).display());
            }
        }
        List<String> caps = p.caps();
        return new ProfileRow(p.href(), p.namespace() == null ? "(default)" : p.namespace(),
                p.name() == null ? "" : p.name(), Enforcement.words(p.enforcementMode()),
                Boolean.TRUE.equals(p.managed()) ? "Managed" : "Unmanaged", String.join("; ", parts), p,
                caps == null || caps.contains("write"));
    }
}
