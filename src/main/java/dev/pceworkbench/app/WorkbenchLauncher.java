package dev.pceworkbench.app;

import javafx.application.Application;

/**
 * The process entry point. A plain class (not an {@code Application}) so that the workbench runs
 * from the class path, as jpackage launches it, without the JavaFX module-path check.
 */
public final class WorkbenchLauncher {
    private WorkbenchLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}
