package dev.pceworkbench.task.archfixture;

/** Touches a Stage below the UI on purpose (fully qualified, no import); only ArchitectureTest imports it. */
public final class TouchesStage {
    public void close(Object window) {
        ((javafx.stage.Stage) window).close();
    }
}
