package dev.pceworkbench.ui.labels;

import dev.pceworkbench.pce.model.Label;

import java.util.Locale;

/**
 * One row of the labels table: the label's value, key and the key's display name, how many
 * workloads carry it, its external data and timestamps (and their texts, to the minute, for the
 * table). {@link #matches} is what the filter field asks (value, key, dimension name or href
 * contain the text, ignoring case).
 */
public record LabelRow(String href, String key, String dimension, String value, int workloads,
                       String externalDataSet, String externalDataReference, String createdAt, String updatedAt) {

    static LabelRow of(Label l, String dimension, int workloads) {
        return new LabelRow(l.href(), l.key(), dimension, l.value(), workloads, l.externalDataSet(),
                l.externalDataReference(), l.createdAt(), l.updatedAt());
    }

    /** "set / reference", or empty when the label has no external data. */
    public String externalData() {
        if (externalDataSet == null && externalDataReference == null) {
            return "";
        }
        return (externalDataSet == null ? "" : externalDataSet) + " / "
                + (externalDataReference == null ? "" : externalDataReference);
    }

    /** Whether the value, key, dimension name or href contains {@code lowerCaseText} (already lower case). */
    public boolean matches(String lowerCaseText) {
        return lowerCaseText.isEmpty() || contains(value, lowerCaseText) || contains(key, lowerCaseText)
                || contains(dimension, lowerCaseText) || contains(href, lowerCaseText);
    }

    private static boolean contains(String s, String lowerCaseText) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(lowerCaseText);
    }

    /** When the label was created, to the minute ("2026-01-05 14:23"). */
    public String createdText() {
        return minutes(createdAt);
    }

    /** When the label was last updated, to the minute. */
    public String updatedText() {
        return minutes(updatedAt);
    }

    /** "2026-01-05T14:23:11.123Z" as "2026-01-05 14:23": seconds and zone only widen the column. */
    static String minutes(String timestamp) {
        if (timestamp == null) {
            return "";
        }
        return timestamp.length() >= 16 && timestamp.charAt(10) == 'T'
                ? timestamp.substring(0, 10) + " " + timestamp.substring(11, 16) : timestamp;
    }

    /** "Environment: Prod", for headings and messages. */
    public String display() {
        return dimension + ": " + value;
    }
}
