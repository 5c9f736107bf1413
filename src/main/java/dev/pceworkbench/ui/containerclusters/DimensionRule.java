package dev.pceworkbench.ui.containerclusters;

import dev.pceworkbench.pce.model.ContainerWorkloadProfile.LabelRule;
import dev.pceworkbench.pce.model.Href;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The profile editor's choice for one label dimension: nothing, an assignment (the one label the
 * namespace's pods get) or a restriction (the labels they may bring), with the labels of that
 * dimension to choose from.
 */
public final class DimensionRule {
    /** What the profile does with this dimension. */
    public enum Mode {
        NONE("No label"), ASSIGN("Assign"), RESTRICT("Restrict to");

        private final String text;

        Mode(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final String key;
    private final String title;
    private final List<LabelChoice> choices;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.NONE);
    private final ObjectProperty<LabelChoice> assignment = new SimpleObjectProperty<>(this, "assignment");
    private final ObservableList<LabelChoice> restriction = FXCollections.observableArrayList();

    DimensionRule(String key, String title, List<LabelChoice> choices) {
        this.key = key;
        this.title = title;
        this.choices = List.copyOf(choices);
    }

    /** Sets the choice from a profile's rule for this key (null: none). */
    void load(LabelRule rule) {
        assignment.set(null);
        restriction.clear();
        if (rule == null) {
            mode.set(Mode.NONE);
        } else if (rule.assignment() != null) {
            assignment.set(find(rule.assignment().href()));
            mode.set(Mode.ASSIGN);
        } else {
            java.util.Objects.requireNonNullElse(rule.restriction(), List.<Href>of()).forEach(h -> restriction.add(find(h.href())));
            mode.set(Mode.RESTRICT);
        }
    }

    private LabelChoice find(String href) {
        return choices.stream().filter(c -> c.href().equals(href)).findFirst()
                .orElse(new LabelChoice(href, key, href));
    }

    /** What is missing, in words naming the dimension; null when the choice is complete. */
    String problem() {
        return switch (mode.get()) {
            case NONE -> null;
            case ASSIGN -> assignment.get() == null ? title + ": choose the label to assign" : null;
            case RESTRICT -> restriction.isEmpty() ? title + ": choose at least one label to allow" : null;
        };
    }

    /** The PCE's rule for this dimension, or null for none. */
    LabelRule toRule() {
        return switch (mode.get()) {
            case NONE -> null;
            case ASSIGN -> assignment.get() == null ? null : new LabelRule(key, Href.of(assignment.get().href()), null, null);
            case RESTRICT -> restriction.isEmpty() ? null : new LabelRule(key, null,
                    restriction.stream().map(c -> Href.of(c.href())).toList(), null);
        };
    }

    Observable[] dependencies() {
        return new Observable[]{mode, assignment, restriction};
    }

    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    public List<LabelChoice> choices() {
        return choices;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public ObjectProperty<LabelChoice> assignmentProperty() {
        return assignment;
    }

    public ObservableList<LabelChoice> restriction() {
        return restriction;
    }
}
