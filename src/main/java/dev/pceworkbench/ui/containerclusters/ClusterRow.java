package dev.pceworkbench.ui.containerclusters;

import dev.pceworkbench.pce.model.ContainerCluster;
import dev.pceworkbench.ui.common.Verdict;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * One container cluster as the list shows it: name, status (word and tone, never colour alone),
 * when it last connected, its nodes, Kubelink version, manager, runtime and errors, and whether
 * the PCE lets the user change it ({@code caps}).
 */
public record ClusterRow(String href, String name, String description, Status status, String lastConnected,
                         int nodes, String kubelinkVersion, String managerType, String containerRuntime, int errors,
                         boolean writable) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** What the PCE says of the cluster's Kubelink connection. */
    public enum Status {
        ONLINE("Online", Verdict.Tone.SUCCESS),
        OFFLINE("Offline", Verdict.Tone.DANGER),
        NEVER_CONNECTED("Not yet connected", Verdict.Tone.WARNING);

        private final String word;
        private final Verdict.Tone tone;

        Status(String word, Verdict.Tone tone) {
            this.word = word;
            this.tone = tone;
        }

        public String word() {
            return word;
        }

        public Verdict.Tone tone() {
            return tone;
        }
    }

    static ClusterRow of(ContainerCluster c) {
        Status s = Boolean.TRUE.equals(c.online()) ? Status.ONLINE
                : c.lastConnected() == null || c.lastConnected().isBlank() ? Status.NEVER_CONNECTED : Status.OFFLINE;
        List<String> caps = c.caps();
        return new ClusterRow(c.href(), c.name() == null ? "" : c.name(), c.description() == null ? "" : c.description(),
                s, when(c.lastConnected()), c.nodes() == null ? 0 : c.nodes().size(), orDash(c.kubelinkVersion()), orDash(c.managerType()),
                orDash(c.containerRuntime()), c.errors() == null ? 0 : c.errors().size(), caps == null || caps.contains("write"));
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    /** The local time to the minute; "Never" when absent; the PCE's text when unreadable. */
    static String when(String iso) {
        if (iso == null || iso.isBlank()) {
            return "Never";
        }
        try {
            return WHEN.format(Instant.parse(iso).atZone(ZoneId.systemDefault()));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
