package dev.pceworkbench.ui.traffic;

import java.time.Duration;

/** The query builder's time ranges: the usual look-backs, or a custom start and end. */
public enum TimePreset {
    LAST_HOUR("Last hour", Duration.ofHours(1)),
    LAST_DAY("Last 24 hours", Duration.ofDays(1)),
    LAST_WEEK("Last 7 days", Duration.ofDays(7)),
    LAST_MONTH("Last 30 days", Duration.ofDays(30)),
    CUSTOM("Custom…", null);

    private final String text;
    private final Duration span;

    TimePreset(String text, Duration span) {
        this.text = text;
        this.span = span;
    }

    /** How far back the range starts; null for {@link #CUSTOM}. */
    public Duration span() {
        return span;
    }

    @Override
    public String toString() {
        return text;
    }
}
