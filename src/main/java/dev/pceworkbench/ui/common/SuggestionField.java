package dev.pceworkbench.ui.common;

import impl.org.controlsfx.skin.AutoCompletePopup;
import impl.org.controlsfx.skin.AutoCompletePopupSkin;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;

import java.util.Collection;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one keyboard behaviour of the workbench's suggestion fields, around ControlsFX's
 * {@link TextFields#bindAutoCompletion}: no suggestion is preselected (Down selects the first), Enter
 * on a selected suggestion picks it and hands it to {@code onPick} (which adds it), and Enter with no
 * suggestion selected hands what was typed to {@code onEnter} (which adds it if it resolves, or says
 * why not). The pick's own Enter never reaches {@code onEnter} as well.
 */
public final class SuggestionField<T> {
    private final AutoCompletionBinding<T> binding;
    private boolean justPicked;

    private SuggestionField(TextField field, Function<String, Collection<T>> suggest, Consumer<T> onPick,
                            Runnable onEnter) {
        binding = TextFields.bindAutoCompletion(field, req -> suggest.apply(req.getUserText()));
        binding.setOnAutoCompleted(e -> {
            justPicked = true;
            Platform.runLater(() -> justPicked = false);
            onPick.accept(e.getCompletion());
        });
        field.setOnAction(e -> {
            if (!justPicked) {
                onEnter.run();
            }
        });
        AutoCompletePopup<T> popup = binding.getAutoCompletionPopup();
        // ControlsFX selects the first suggestion each time it shows them: undo that once it has.
        popup.getSuggestions().addListener((ListChangeListener<T>) c -> Platform.runLater(this::clearSelection));
        popup.showingProperty().addListener((o, a, b) -> {
            if (b) {
                Platform.runLater(this::clearSelection);
            }
        });
    }

    /**
     * Binds suggestions to {@code field}: {@code suggest} runs off the FX thread for what was typed;
     * {@code onPick} gets a suggestion chosen (Enter or click); {@code onEnter} runs for Enter without one.
     */
    public static <T> SuggestionField<T> bind(TextField field, Function<String, Collection<T>> suggest,
                                              Consumer<T> onPick, Runnable onEnter) {
        return new SuggestionField<>(field, suggest, onPick, onEnter);
    }

    private void clearSelection() {
        if (binding.getAutoCompletionPopup().getSkin() instanceof AutoCompletePopupSkin<?> skin
                && skin.getNode() instanceof ListView<?> list) {
            list.getSelectionModel().clearSelection();
            list.getFocusModel().focus(-1);
        }
    }

    /** The ControlsFX binding (for its pop-up in tests). */
    public AutoCompletionBinding<T> binding() {
        return binding;
    }
}
