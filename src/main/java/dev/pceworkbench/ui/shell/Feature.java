package dev.pceworkbench.ui.shell;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

import java.util.function.Supplier;

/**
 * One view in the sidebar: a stable id (remembered as the last view), the label, its icon, and how
 * to build its content (built once, on first visit).
 */
public record Feature(String id, String title, Ikon icon, Supplier<Node> view) {
}
