package dev.pceworkbench.ui.connections;

import atlantafx.base.theme.Styles;
import dev.pceworkbench.ui.connections.ProfileEditorViewModel.Field;
import javafx.collections.MapChangeListener;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.CompoundValidationDecoration;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;

/**
 * Shows the form's validation on its controls with ControlsFX decorations (an error mark with the
 * message as tooltip, and an error style class) plus AtlantaFX's danger state. The validators do
 * not validate anything themselves: they read the view model's messages, which stay the only
 * source of truth, and every change of the view model's messages re-decorates all fields (a field
 * can become invalid because another one changed, such as the credential type).
 */
final class ValidationDecorations {
    private final ValidationSupport support = new ValidationSupport();
    private final ProfileEditorViewModel editor;

    ValidationDecorations(ProfileEditorViewModel editor) {
        this.editor = editor;
        support.setValidationDecorator(new CompoundValidationDecoration(new GraphicValidationDecoration(),
                new StyleClassValidationDecoration()));
        editor.errors().addListener((MapChangeListener<Field, String>) c -> support.revalidate());
    }

    /** Decorates {@code control} with the messages of {@code field}. */
    void register(Control control, Field field) {
        support.registerValidator(control, false, (Control c, Object value) -> {
            String m = editor.message(field);
            return ValidationResult.fromErrorIf(c, m, !m.isEmpty());
        });
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(editor.messageProperty(field));
        editor.messageProperty(field).addListener((o, a, b) -> apply(control, b, tip));
        apply(control, editor.message(field), tip);
    }

    private static void apply(Control control, String message, Tooltip tip) {
        boolean invalid = message != null && !message.isEmpty();
        control.pseudoClassStateChanged(Styles.STATE_DANGER, invalid);
        control.setTooltip(invalid ? tip : null);
    }
}
