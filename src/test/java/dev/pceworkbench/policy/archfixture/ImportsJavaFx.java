package dev.pceworkbench.policy.archfixture;

import javafx.beans.property.SimpleStringProperty;

/** JavaFX in the policy engine, on purpose; only ArchitectureTest imports it. */
public final class ImportsJavaFx {
    public final SimpleStringProperty name = new SimpleStringProperty();
}
