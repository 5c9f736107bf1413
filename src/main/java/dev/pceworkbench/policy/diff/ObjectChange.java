package dev.pceworkbench.policy.diff;

import dev.pceworkbench.policy.names.ObjectKind;

import java.util.List;

/**
 * One object that differs between two policy versions: its kind, its version-neutral href, its
 * name as the workbench writes it, whether it was added, deleted or modified, the fields that
 * differ (for a modified object; for an added or deleted one, every field it has), and the changes
 * of its parts (a rule set's rules and custom iptables rules, matched by href).
 */
public record ObjectChange(ObjectKind kind, String href, String name, ChangeKind change, List<FieldChange> fields,
                           List<ObjectChange> parts) {
    public ObjectChange {
        fields = List.copyOf(fields);
        parts = List.copyOf(parts);
    }

    /** The change of the field named {@code field}, if it differs. */
    public java.util.Optional<FieldChange> field(String field) {
        return fields.stream().filter(f -> f.field().equals(field)).findFirst();
    }
}
