package dev.pceworkbench.ui.labels;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * A label or label group the group editor offers as a member, with a tick box state: its href, its
 * key (members must be of the group's key) and the text shown.
 */
public final class MemberChoice {
    private final String href;
    private final String key;
    private final String text;
    private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected");

    public MemberChoice(String href, String key, String text, boolean selected) {
        this.href = href;
        this.key = key;
        this.text = text;
        this.selected.set(selected);
    }

    public String href() {
        return href;
    }

    public String key() {
        return key;
    }

    public String text() {
        return text;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean isSelected() {
        return selected.get();
    }

    @Override
    public String toString() {
        return text;
    }
}
