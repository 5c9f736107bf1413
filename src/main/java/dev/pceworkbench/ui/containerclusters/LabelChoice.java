package dev.pceworkbench.ui.containerclusters;

import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.policy.names.Names;

/** A label offered in the profile editor: its href, key and the name {@link Names} gives it. */
public record LabelChoice(String href, String key, String text) {
    static LabelChoice of(Label l) {
        return new LabelChoice(l.href(), l.key(), Names.label(l).text());
    }

    @Override
    public String toString() {
        return text;
    }
}
