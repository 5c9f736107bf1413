package dev.pceworkbench.ui.provision;

import dev.pceworkbench.pce.model.PolicyVersion;

import java.util.ArrayList;
import java.util.List;

/** One policy version as the history lists it: number, description, who, when, workloads affected, object counts. */
public record HistoryRow(PolicyVersion version) {
    /** "12". */
    public String number() {
        return version.version() == null ? "" : String.valueOf(version.version());
    }

    public String description() {
        return version.commitMessage() == null ? "" : version.commitMessage().strip();
    }

    public String who() {
        return Texts.who(version.createdBy());
    }

    public String when() {
        return Texts.when(version.createdAt());
    }

    /** "14", or "" when the PCE does not say. */
    public String workloadsAffected() {
        return version.workloadsAffected() == null ? "" : String.valueOf(version.workloadsAffected());
    }

    /** "12 rule sets, 3 IP lists" from the version's object counts ("" when the PCE gives none). */
    public String counts() {
        List<String> parts = new ArrayList<>();
        version.objectCounts().entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue() > 0)
                .sorted(java.util.Comparator.comparingInt(e -> ChangeTypes.rank(e.getKey())))
                .forEach(e -> parts.add(ChangeTypes.count(e.getKey(), e.getValue())));
        return String.join(", ", parts);
    }

    /** "12 — Open 443 to the web tier": the version's text in the comparison choices. */
    public String choiceText() {
        String d = description();
        return d.isEmpty() ? "Version " + number() : "Version " + number() + " — " + d;
    }
}
