package dev.pceworkbench.ui.common;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A field's error mark follows its message: it appears with the message and goes as soon as the
 * message is empty, whichever the view model updates first, its map of errors or the message.
 * (ControlsFX marks a control only once its value has changed, so the field is typed in first.
 * This guards the behaviour; it does not reproduce the stale mark seen in the rule editor, which
 * RuleEditorFixesTest pins on the view model's side: the messages are new when the map changes.)
 */
@ExtendWith(ApplicationExtension.class)
class ValidationDecorationsTest {
    enum F { A }

    final ObservableMap<F, String> errors = FXCollections.observableHashMap();
    final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    TextField field;

    @Start
    void start(Stage stage) {
        field = new TextField();
        ValidationDecorations<F> deco = new ValidationDecorations<>(errors, f -> message.getReadOnlyProperty());
        deco.register(field, F.A);
        stage.setScene(new Scene(new StackPane(field), 300, 100));
        stage.show();
    }

    /** Whether the field's mark becomes {@code expected} (ControlsFX decorates a moment later; a stale mark never goes). */
    private boolean becomes(boolean expected) {
        try {
            dev.pceworkbench.testing.FxTests.waitFor(5, () -> field.getStyleClass().contains("error") == expected);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    @Test
    void theMarkGoesAsSoonAsTheErrorIsFixedWhicheverIsUpdatedFirst(FxRobot robot) {
        // The map first, then the message (the stale order).
        robot.interact(() -> field.setText("typed"));
        robot.interact(() -> {
            errors.put(F.A, "bad");
            message.set("bad");
        });
        assertTrue(becomes(true), "invalid: marked");
        robot.interact(() -> {
            errors.remove(F.A);
            message.set("");
        });
        assertTrue(becomes(false), "fixed: the mark is gone");
        assertNull(field.getTooltip());
        // The message first, then the map.
        robot.interact(() -> {
            message.set("bad again");
            errors.put(F.A, "bad again");
        });
        assertTrue(becomes(true));
        robot.interact(() -> {
            message.set("");
            errors.remove(F.A);
        });
        assertTrue(becomes(false));
    }
}
