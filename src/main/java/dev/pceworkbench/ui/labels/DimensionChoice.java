package dev.pceworkbench.ui.labels;

/**
 * An entry of the dimension selector: a label dimension's key and display name, or {@link #ALL}
 * (key {@code null}) for every dimension.
 */
public record DimensionChoice(String key, String displayName) {
    public static final DimensionChoice ALL = new DimensionChoice(null, "All dimensions");

    public boolean all() {
        return key == null;
    }

    public boolean includes(String labelKey) {
        return key == null || key.equals(labelKey);
    }

    @Override
    public String toString() {
        return displayName;
    }
}
