package dev.pceworkbench.app;

import dev.pceworkbench.ui.common.UiSettings;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Restores and remembers the main window's size and position, keeping it on a visible screen. */
final class WindowBounds {
    private WindowBounds() {
    }

    static void restore(Stage stage, UiSettings settings) {
        settings.windowBounds().ifPresent(b -> {
            boolean visible = Screen.getScreensForRectangle(new Rectangle2D(b.x(), b.y(), Math.max(1, b.width()),
                    Math.max(1, b.height()))).size() > 0;
            if (visible) {
                stage.setX(b.x());
                stage.setY(b.y());
            }
            stage.setWidth(b.width());
            stage.setHeight(b.height());
            stage.setMaximized(b.maximized());
        });
    }

    static void save(Stage stage, UiSettings settings) {
        settings.windowBounds(new UiSettings.Bounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized()));
    }
}
