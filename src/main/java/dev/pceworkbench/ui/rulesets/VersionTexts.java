package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.PolicyVersion;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * How the policy version choice reads a numbered version: {@code 12 — Open 443 to the web tier
 * (by user 1, 2026-12-05 09:14)}, from what the PCE gives (commit message, creator, creation time),
 * leaving out what it does not. The choice's value stays the version's number.
 */
final class VersionTexts {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private VersionTexts() {
    }

    static String of(PolicyVersion v) {
        String n = String.valueOf(v.version());
        List<String> about = new ArrayList<>(2);
        if (v.createdBy() != null) {
            String by = v.createdBy().name() != null && !v.createdBy().name().isBlank() ? v.createdBy().name()
                    : v.createdBy().href() != null ? "user " + Hrefs.id(v.createdBy().href()) : null;
            if (by != null) {
                about.add("by " + by);
            }
        }
        if (v.createdAt() != null && !v.createdAt().isBlank()) {
            about.add(when(v.createdAt()));
        }
        String message = v.commitMessage() == null || v.commitMessage().isBlank() ? null : v.commitMessage().strip();
        StringBuilder b = new StringBuilder(n);
        if (message != null) {
            b.append(" — ").append(message);
        }
        if (!about.isEmpty()) {
            b.append(message == null ? " — " : " ").append('(').append(String.join(", ", about)).append(')');
        }
        return b.toString();
    }

    /** The time in the local zone to the minute; the PCE's text when it cannot be read. */
    private static String when(String iso) {
        try {
            return WHEN.format(Instant.parse(iso).atZone(ZoneId.systemDefault()));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
