package dev.pceworkbench.ui.rulesets;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A form's validation state: the message of each invalid field (several findings on one field are
 * joined), a message property per field for binding, and {@code valid}. The form's view model
 * recomputes it on every change; the view only shows it.
 */
public final class FormMessages {
    private final ObservableMap<FormField, String> errors = FXCollections.observableMap(new EnumMap<>(FormField.class));
    private final Map<FormField, ReadOnlyStringWrapper> messages = new EnumMap<>(FormField.class);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);

    FormMessages() {
        for (FormField f : FormField.values()) {
            messages.put(f, new ReadOnlyStringWrapper(this, f.name(), ""));
        }
    }

    /** Replaces every message with {@code found} (field to message). */
    void set(Map<FormField, String> found) {
        // The messages first: whoever listens to the map (the decorations) reads them, and must read the new ones.
        for (FormField f : FormField.values()) {
            messages.get(f).set(found.getOrDefault(f, ""));
        }
        errors.keySet().retainAll(found.keySet());
        errors.putAll(found);
        valid.set(found.isEmpty());
    }

    /** Collects findings per field, joining several on one field with a space. */
    static final class Builder {
        private final Map<FormField, String> found = new LinkedHashMap<>();

        Builder add(FormField f, String message) {
            found.merge(f, message, (a, b) -> a.contains(b) ? a : a + " " + b);
            return this;
        }

        Map<FormField, String> build() {
            return found;
        }
    }

    public ObservableMap<FormField, String> errors() {
        return FXCollections.unmodifiableObservableMap(errors);
    }

    public ReadOnlyStringProperty messageProperty(FormField f) {
        return messages.get(f).getReadOnlyProperty();
    }

    public String message(FormField f) {
        return messages.get(f).get();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public boolean isValid() {
        return valid.get();
    }
}
