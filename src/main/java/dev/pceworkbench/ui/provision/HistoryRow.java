package dev.pceworkbench.ui.provision;

import dev.pceworkbench.pce.model.ObjectCounts;
import dev.pceworkbench.pce.model.PolicyVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * "12 rule sets, 3 IP lists" from the version's object counts; "15 objects" when the PCE gives
     * only a total (some PCE versions send a plain integer); "" when it gives none.
     */
    public String counts() {
        ObjectCounts counts = version.objectCounts();
        if (counts == null) {
            return "";
        }
        Optional<Map<String, Integer>> byType = counts.byType();
        if (byType.isEmpty()) {
            return counts.total() == 1 ? "1 object" : counts.total() + " objects";
        }
        List<String> parts = new ArrayList<>();
        byType.get().entrySet().stream()
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
