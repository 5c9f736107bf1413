package dev.pceworkbench.ui.common;

import atlantafx.base.theme.Styles;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.CompoundValidationDecoration;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;

import java.util.Objects;
import java.util.function.Function;

/**
 * Shows a form's validation on its controls with ControlsFX decorations (an error mark with the
 * message as tooltip, and an error style class) plus AtlantaFX's danger state, and, where a form
 * wants it, the message itself in a label under the field. The validators do not validate anything
 * themselves: they read the view model's messages per field, which stay the only source of truth,
 * and every change of the view model's messages re-decorates all fields (a field can become invalid
 * because another one changed).
 *
 * @param <F> the form's field type (an enum of the view model)
 */
public final class ValidationDecorations<F> {
    private final ValidationSupport support = new ValidationSupport();
    private final Function<F, ReadOnlyStringProperty> messages;

    /**
     * @param errors   the view model's messages of the invalid fields (any change re-decorates)
     * @param messages the view model's message property of a field ("" while it is valid)
     */
    public ValidationDecorations(ObservableMap<F, String> errors, Function<F, ReadOnlyStringProperty> messages) {
        this.messages = Objects.requireNonNull(messages);
        support.setValidationDecorator(new CompoundValidationDecoration(new GraphicValidationDecoration(),
                new StyleClassValidationDecoration()));
        errors.addListener((MapChangeListener<F, String>) c -> support.revalidate());
    }

    /** Decorates {@code control} with the messages of {@code field}. */
    public void register(Control control, F field) {
        ReadOnlyStringProperty message = messages.apply(field);
        support.registerValidator(control, false, (Control c, Object value) -> {
            String m = message.get();
            return ValidationResult.fromErrorIf(c, m, m != null && !m.isEmpty());
        });
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(message);
        // The validator reads the message: decorate again whenever it changes, so a fixed field loses its mark at once.
        message.addListener((o, a, b) -> {
            apply(control, b, tip);
            support.revalidate();
        });
        apply(control, message.get(), tip);
    }

    /** A label under a field that shows its message (hidden while there is none). */
    public Label messageLabel(F field, String id) {
        ReadOnlyStringProperty message = messages.apply(field);
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.DANGER);
        l.textProperty().bind(message);
        l.visibleProperty().bind(message.isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private static void apply(Control control, String message, Tooltip tip) {
        boolean invalid = message != null && !message.isEmpty();
        control.pseudoClassStateChanged(Styles.STATE_DANGER, invalid);
        control.setTooltip(invalid ? tip : null);
    }
}
