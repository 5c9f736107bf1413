package dev.pceworkbench.ui.rulesets;

import atlantafx.base.theme.Styles;
import javafx.collections.MapChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.CompoundValidationDecoration;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;

/**
 * Shows a form's validation on its fields, as the connections form does: a ControlsFX error mark
 * with the message as tooltip and AtlantaFX's danger state on the control, plus the message itself
 * in a label under the field (a rule's violations are sentences worth reading). The messages come
 * only from the form's view model.
 */
final class FieldDecorations {
    private final ValidationSupport support = new ValidationSupport();
    private final FormMessages messages;

    FieldDecorations(FormMessages messages) {
        this.messages = messages;
        support.setValidationDecorator(new CompoundValidationDecoration(new GraphicValidationDecoration(),
                new StyleClassValidationDecoration()));
        messages.errors().addListener((MapChangeListener<FormField, String>) c -> support.revalidate());
    }

    /** Decorates the search field of an {@link ActorPicker} with the messages of {@code field}. */
    void registerPicker(javafx.scene.layout.HBox picker, FormField field) {
        register((Control) picker.getChildren().get(0), field);
    }

    /** Decorates {@code control} with the messages of {@code field}. */
    void register(Control control, FormField field) {
        support.registerValidator(control, false, (Control c, Object value) -> {
            String m = messages.message(field);
            return ValidationResult.fromErrorIf(c, m, !m.isEmpty());
        });
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(messages.messageProperty(field));
        messages.messageProperty(field).addListener((o, a, b) -> apply(control, b, tip));
        apply(control, messages.message(field), tip);
    }

    /** The label under a field that shows its message (hidden while there is none). */
    Label messageLabel(FormField field, String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.DANGER);
        l.textProperty().bind(messages.messageProperty(field));
        l.visibleProperty().bind(messages.messageProperty(field).isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private static void apply(Node control, String message, Tooltip tip) {
        boolean invalid = message != null && !message.isEmpty();
        control.pseudoClassStateChanged(Styles.STATE_DANGER, invalid);
        if (control instanceof Control c) {
            c.setTooltip(invalid ? tip : null);
        }
    }
}
