package dev.pceworkbench.ui.provision;

/**
 * One object that must go along with the selection: its name and type as the view writes them,
 * why (which selected objects need it), and whether it is in the selection yet.
 */
public record DependencyRow(String key, String name, String type, String why, boolean pending) {
}
