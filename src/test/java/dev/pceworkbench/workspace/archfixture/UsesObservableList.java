package dev.pceworkbench.workspace.archfixture;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Uses JavaFX collections in the workspace on purpose; only ArchitectureTest imports it. */
public final class UsesObservableList {
    public final ObservableList<String> names = FXCollections.observableArrayList();
}
