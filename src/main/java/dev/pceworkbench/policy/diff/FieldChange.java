package dev.pceworkbench.policy.diff;

import java.util.List;

/**
 * One field that differs between two versions of an object: its name (the PCE's field name, e.g.
 * {@code providers}), its whole value before and after as the workbench writes it (null when the
 * field is absent), and for fields that are sets or lists the entries only one side has (for
 * lists whose order matters, a moved entry makes the field differ with nothing added or removed).
 */
public record FieldChange(String field, String before, String after, List<String> added, List<String> removed) {
    public FieldChange {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /** "providers: + role: Web, − IP list Corp" or "enabled: Yes → No". */
    public String summary() {
        if (!added.isEmpty() || !removed.isEmpty()) {
            StringBuilder b = new StringBuilder(field).append(": ");
            added.forEach(a -> b.append(b.charAt(b.length() - 2) == ':' ? "" : ", ").append("+ ").append(a));
            removed.forEach(r -> b.append(b.charAt(b.length() - 2) == ':' ? "" : ", ").append("− ").append(r));
            return b.toString();
        }
        return field + ": " + (before == null ? "(none)" : before) + " → " + (after == null ? "(none)" : after);
    }
}
