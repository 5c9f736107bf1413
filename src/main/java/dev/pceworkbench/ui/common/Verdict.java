package dev.pceworkbench.ui.common;

/**
 * What a view says about a connection, in one word every view shares: allowed (a rule allows it),
 * blocked (nothing allows it and the provider enforces, or an enforcement boundary denies it),
 * potentially blocked (nothing allows it; the provider only watches, so it would be blocked once
 * enforced), not allowed (nothing allows it; no enforcement known on the provider) and unknown
 * (not answered). The word carries the meaning; {@link StatusChips} adds the icon and colour.
 */
public enum Verdict {
    ALLOWED("Allowed", Tone.SUCCESS),
    BLOCKED("Blocked", Tone.DANGER),
    POTENTIALLY_BLOCKED("Potentially blocked", Tone.WARNING),
    NOT_ALLOWED("Not allowed", Tone.DANGER),
    UNKNOWN("Unknown", Tone.NEUTRAL);

    /** The colour family of a chip, as a style class ({@code tone-success} …) defined in workbench.css. */
    public enum Tone {
        SUCCESS, DANGER, WARNING, NEUTRAL;

        public String styleClass() {
            return "tone-" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String word;
    private final Tone tone;

    Verdict(String word, Tone tone) {
        this.word = word;
        this.tone = tone;
    }

    /** "Allowed", "Blocked", "Potentially blocked", "Not allowed" or "Unknown". */
    public String word() {
        return word;
    }

    public Tone tone() {
        return tone;
    }

    @Override
    public String toString() {
        return word;
    }
}
