package dev.pceworkbench.connection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pceworkbench.pce.model.TrafficQueryRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * A traffic query kept locally (saved by name, or one of the last ten run): the query body, and
 * for a query over a time range preset ("last 24 hours") that range, so that running it again asks
 * for the last 24 hours from then, not the same dates.
 *
 * @param name          the name it was saved under (for recent queries, the query in words)
 * @param query         the body as sent to the PCE
 * @param relativeRange the preset's length (ISO 8601, e.g. {@code PT24H}, {@code P7D}), or null for fixed dates
 * @param savedAt       when it was saved or run (ISO instant)
 * @param form          what the user typed in the query builder beyond the body (the texts of the
 *                      services, dates and limit fields, the time preset, the query in words), so
 *                      that loading it restores the form exactly; null when not known. Never a secret.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SavedTrafficQuery(@JsonProperty("name") String name,
                                @JsonProperty("query") TrafficQueryRequest query,
                                @JsonProperty("relative_range") String relativeRange,
                                @JsonProperty("saved_at") String savedAt,
                                @JsonProperty("form") Map<String, String> form) {
    public SavedTrafficQuery {
        Objects.requireNonNull(query, "query");
        if (relativeRange != null) {
            Duration.parse(relativeRange); // refuse what cannot be run again
        }
        form = form == null ? null : Map.copyOf(form);
    }

    public static SavedTrafficQuery of(String name, TrafficQueryRequest query, Duration relativeRange, Instant at) {
        return of(name, query, relativeRange, at, null);
    }

    public static SavedTrafficQuery of(String name, TrafficQueryRequest query, Duration relativeRange, Instant at,
                                       Map<String, String> form) {
        return new SavedTrafficQuery(name, query, relativeRange == null ? null : relativeRange.toString(),
                DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS)), form);
    }

    /** The same query under another name. */
    public SavedTrafficQuery withName(String newName) {
        return new SavedTrafficQuery(newName, query, relativeRange, savedAt, form);
    }

    /** One of the {@link #form} texts, or "" when not kept. */
    public String formText(String key) {
        return form == null ? "" : form.getOrDefault(key, "");
    }

    /** The query to run at {@code now}: a relative one ends at {@code now}; fixed dates stay. */
    public TrafficQueryRequest requestAt(Instant now) {
        if (relativeRange == null) {
            return query;
        }
        Instant end = now.truncatedTo(ChronoUnit.SECONDS);
        return query.withDates(DateTimeFormatter.ISO_INSTANT.format(end.minus(Duration.parse(relativeRange))),
                DateTimeFormatter.ISO_INSTANT.format(end));
    }
}
