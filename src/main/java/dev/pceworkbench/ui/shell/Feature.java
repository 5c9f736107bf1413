package dev.pceworkbench.ui.shell;

import org.kordamp.ikonli.Ikon;

/**
 * One view in the sidebar, as the shell's model knows it: a stable id (remembered as the last
 * view), the label and its icon. How its content is built is the shell view's business
 * ({@link FeatureView}), so the model never holds a node.
 */
public record Feature(String id, String title, Ikon icon) {
}
