package dev.pceworkbench.ui.labels;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * What the label editor and the label group editor share: the dimension chosen among those offered
 * (never an "all" pseudo-dimension), the first problem in the form and whether there is none, and
 * the saving flag. Each editor says what its problem is.
 */
public abstract class DimensionEditor {
    private final ObservableList<DimensionChoice> dimensions = FXCollections.observableArrayList();
    private final ObjectProperty<DimensionChoice> dimension = new SimpleObjectProperty<>(this, "dimension");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final BooleanProperty saving = new SimpleBooleanProperty(this, "saving");

    DimensionEditor(List<DimensionChoice> dimensions) {
        this.dimensions.setAll(dimensions.stream().filter(d -> !d.all()).toList());
    }

    /** Starts an edit with the object's dimension {@code key} (one named {@code name} when it is not offered). */
    void startWith(String key, String name) {
        dimension.set(dimensions.stream().filter(d -> d.key().equals(key)).findFirst()
                .orElse(new DimensionChoice(key, name)));
    }

    /** Starts a new object with {@code preset}, unless it is null or an "all" pseudo-dimension. */
    void startWith(DimensionChoice preset) {
        if (preset != null && !preset.all()) {
            dimension.set(preset);
        }
    }

    /** The first problem in the form, or empty. */
    abstract String problem();

    /** Checks the form again (also after what it is checked against, such as the existing labels, changed). */
    public void validate() {
        String problem = problem();
        error.set(problem);
        valid.set(problem.isEmpty());
    }

    public ObservableList<DimensionChoice> dimensions() {
        return dimensions;
    }

    public ObjectProperty<DimensionChoice> dimensionProperty() {
        return dimension;
    }

    /** The first problem in the form, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** True while the PCE is asked; the form is read-only meanwhile. */
    public BooleanProperty savingProperty() {
        return saving;
    }

    /** The chosen dimension's key, or null. */
    public String key() {
        return dimension.get() == null ? null : dimension.get().key();
    }
}
