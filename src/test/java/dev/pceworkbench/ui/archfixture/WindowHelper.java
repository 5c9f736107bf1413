package dev.pceworkbench.ui.archfixture;

/** Not named a model, but used by one, and it reaches a Stage, on purpose; only ArchitectureTest imports it. */
public final class WindowHelper {
    public void close(Object window) {
        ((javafx.stage.Stage) window).close();
    }
}
