package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.PolicyVersion;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The policy version choice reads "12 — message (by user, date)" from what the PCE gives, leaving out what it does not. */
class VersionTextsTest {
    private static PolicyVersion version(int n, String message, String by, String at) {
        return new PolicyVersion("/orgs/1/sec_policy/" + n, n, message, 0, Map.of(), at, by == null ? null : Href.of(by), Map.of());
    }

    @Test
    void aNumberedVersionSaysWhatWhoAndWhen() {
        String at = "2026-12-05T09:14:00Z";
        String local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(Instant.parse(at).atZone(ZoneId.systemDefault()));
        assertEquals("12 — Open 443 to the web tier (by user 1, " + local + ")",
                VersionTexts.of(version(12, "Open 443 to the web tier", "/users/1", at)));
        assertEquals("3 — (by user 7)", VersionTexts.of(version(3, " ", "/users/7", null)));
        assertEquals("4", VersionTexts.of(version(4, null, null, null)));
        assertEquals("5 — Fix (not a date)", VersionTexts.of(version(5, "Fix", null, "not a date")), "an unreadable date as the PCE wrote it");
    }
}
