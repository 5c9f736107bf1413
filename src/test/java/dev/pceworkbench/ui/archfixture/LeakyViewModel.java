package dev.pceworkbench.ui.archfixture;

import javafx.scene.control.Label;

/** A view model that holds a control, on purpose; only ArchitectureTest imports it. */
public final class LeakyViewModel {
    public final Label status = null;
    public final WindowHelper helper = new WindowHelper();
}
