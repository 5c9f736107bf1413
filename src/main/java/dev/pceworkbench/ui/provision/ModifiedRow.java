package dev.pceworkbench.ui.provision;

import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.ModifiedObject;
import dev.pceworkbench.policy.diff.ChangeKind;

/** One object a provisioned version changed, named like the pending list (never as an href). */
public record ModifiedRow(String type, ChangeKind kind, String typeText, String name) {
    static ModifiedRow of(ModifiedObject m) {
        String type = m.type() != null ? m.type() : ChangeTypes.typeOf(m.href());
        String typeText = type == null ? "Object" : ChangeTypes.singular(type);
        String name = m.name() != null && !m.name().isBlank() ? m.name()
                : "firewall_settings".equals(type) ? ChangeTypes.heading(type) // one per policy: named by its type, as pending
                : m.href() == null ? typeText : typeText + " " + Hrefs.shortId(m.href());
        return new ModifiedRow(type, ChangeTypes.kind(m.updateType()), typeText, name);
    }
}
