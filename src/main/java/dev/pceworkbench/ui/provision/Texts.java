package dev.pceworkbench.ui.provision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.Hrefs;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Who and when, as the Provision view writes them: a user's name (never an href) and the local time to the minute. */
final class Texts {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Texts() {
    }

    /** The user's name or username as the PCE gives it, else "user 7"; "" when unknown. */
    static String who(Href user) {
        if (user == null) {
            return "";
        }
        if (user.name() != null && !user.name().isBlank()) {
            return user.name();
        }
        JsonNode username = user.extra().get("username");
        if (username != null && username.isTextual() && !username.asText().isBlank()) {
            return username.asText();
        }
        return user.href() == null ? "" : "user " + Hrefs.id(user.href());
    }

    /** The time in the local zone to the minute; the PCE's text when it cannot be read; "" when absent. */
    static String when(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            return WHEN.format(Instant.parse(iso).atZone(ZoneId.systemDefault()));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
