package dev.pceworkbench.ui.labels;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The label editor (new label or rename): the dimension and the value, validated as the user types
 * the way the PCE will check them (a value, at most {@link #MAX_LENGTH} characters, not one of the
 * PCE's reserved "All ..." names, unique in its dimension ignoring case), so most refusals never
 * reach the PCE. A refusal that does keeps the editor open with what the user typed.
 */
public final class LabelEditorViewModel extends DimensionEditor {
    /** The longest value accepted (the PCE stores label values in 255 characters). */
    public static final int MAX_LENGTH = 255;

    /** The PCE keeps these values for its built-in "All" labels and refuses them for new labels. */
    private static final Map<String, String> RESERVED = Map.of(
            "app", "All Applications", "env", "All Environments", "loc", "All Locations");

    private final LabelRow original;
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final Supplier<Collection<LabelRow>> existing;

    /**
     * @param original   the label being renamed, or null for a new label
     * @param dimensions the dimensions to choose from (a rename keeps the label's own)
     * @param preset     the dimension to start with (a new label), may be null
     * @param existing   the labels to check for duplicates
     */
    LabelEditorViewModel(LabelRow original, List<DimensionChoice> dimensions, DimensionChoice preset,
                         Supplier<Collection<LabelRow>> existing) {
        super(dimensions);
        this.original = original;
        this.existing = existing;
        if (original != null) {
            startWith(original.key(), original.dimension());
            value.set(original.value());
        } else {
            startWith(preset);
        }
        dimensionProperty().addListener((o, a, b) -> validate());
        value.addListener((o, a, b) -> validate());
        validate();
    }

    public boolean renaming() {
        return original != null;
    }

    /** The label being renamed, or null. */
    public LabelRow original() {
        return original;
    }

    public String title() {
        return original == null ? "New label" : "Rename label " + original.display();
    }

    public StringProperty valueProperty() {
        return value;
    }

    /** The value to send: what was typed without surrounding spaces. */
    public String trimmedValue() {
        return value.get() == null ? "" : value.get().strip();
    }

    @Override
    String problem() {
        DimensionChoice d = dimensionProperty().get();
        if (d == null || d.key() == null) {
            return "Choose the label's dimension (role, application, environment, location...).";
        }
        String v = trimmedValue();
        if (v.isEmpty()) {
            return "Enter a value for the label, for example Production.";
        }
        if (v.length() > MAX_LENGTH) {
            return "The value has " + v.length() + " characters; the PCE accepts at most " + MAX_LENGTH
                    + ". Shorten it.";
        }
        String reserved = RESERVED.get(d.key());
        if (reserved != null && reserved.equalsIgnoreCase(v)) {
            return "'" + reserved + "' is reserved for the PCE's built-in label. Choose another value.";
        }
        if (original != null && original.value().equals(v)) {
            return "Type the new value for the label.";
        }
        String lower = v.toLowerCase(Locale.ROOT);
        for (LabelRow r : existing.get()) {
            if (r.key().equals(d.key()) && r.value() != null && r.value().toLowerCase(Locale.ROOT).equals(lower)
                    && (original == null || !r.href().equals(original.href()))) {
                return "There is already a label '" + r.value() + "' in " + d.displayName()
                        + " (the PCE ignores case). Choose another value or use the existing label.";
            }
        }
        return "";
    }
}
