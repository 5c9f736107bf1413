package dev.pceworkbench.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

import java.util.Objects;

/**
 * Applies AtlantaFX's Primer light or dark theme to the whole application, plus the workbench's
 * own stylesheet, which also maps the Modena colour names ControlsFX's CSS expects onto
 * AtlantaFX's colours.
 */
public final class Themes {
    public static final String LIGHT = "light";
    public static final String DARK = "dark";

    private Themes() {
    }

    public static void apply(String theme) {
        Application.setUserAgentStylesheet(DARK.equals(theme)
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    /** Adds the workbench stylesheet to a scene. */
    public static void style(Scene scene) {
        scene.getStylesheets().add(Objects.requireNonNull(Themes.class.getResource("/dev/pceworkbench/ui/workbench.css"),
                "workbench.css").toExternalForm());
    }
}
