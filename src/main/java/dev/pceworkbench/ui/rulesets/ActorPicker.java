package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.policy.names.Name;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A searchable list of actors (All Workloads, labels by dimension, label groups, IP lists, virtual
 * services, workloads by hostname) with an Add button; typing narrows the list.
 */
final class ActorPicker {
    private ActorPicker() {
    }

    /** The picker with ids {@code id} (combo) and {@code id + "Add"} (button); {@code add} receives the pick. */
    static HBox of(String id, ObservableValue<ActorNames> names, Predicate<Name> which, Consumer<Name> add,
                   boolean services) {
        return of(id, names, which, new SimpleObjectProperty<>(), add, services);
    }

    /**
     * A picker whose pick is the view model's {@code choice} (so what is picked but not added is
     * not lost: the form adds it on save); Add gives it to {@code add} and clears it.
     */
    static HBox of(String id, ObservableValue<ActorNames> names, Predicate<Name> which, ObjectProperty<Name> choice,
                   Consumer<Name> add, boolean services) {
        SearchableComboBox<Name> box = new SearchableComboBox<>();
        box.valueProperty().bindBidirectional(choice);
        box.setId(id);
        box.setPromptText(services ? "Search services" : "Search labels, groups, IP lists, workloads...");
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Name n) {
                return n == null ? "" : n.display();
            }

            @Override
            public Name fromString(String s) {
                return null;
            }
        });
        Runnable fill = () -> {
            ActorNames n = names.getValue();
            List<Name> all = services ? n.serviceChoices() : n.choices();
            box.setItems(FXCollections.observableArrayList(all.stream().filter(which).toList()));
        };
        names.addListener((o, a, b) -> fill.run());
        fill.run();
        box.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(box, Priority.ALWAYS);
        Button addButton = new Button("Add");
        addButton.setId(id + "Add");
        addButton.disableProperty().bind(box.valueProperty().isNull());
        addButton.setOnAction(e -> {
            add.accept(box.getValue());
            box.setValue(null);
        });
        return new HBox(6, box, addButton);
    }

    /** The search field of a picker made by {@link #of}, for its validation decorations. */
    static Control searchField(HBox picker) {
        return (Control) picker.getChildren().get(0);
    }
}
