package dev.pceworkbench.ui.provision;

import dev.pceworkbench.policy.diff.ChangeKind;
import dev.pceworkbench.policy.diff.FieldChange;
import dev.pceworkbench.policy.diff.ObjectChange;

import java.util.ArrayList;
import java.util.List;

/**
 * The diff engine's object changes as lines: each object with its change, its changed fields (for
 * an added object its values, for a deleted one what it had), then its rules with theirs. Names
 * come from the engine, which writes them with the workbench's one vocabulary.
 */
final class DiffLines {
    private DiffLines() {
    }

    static List<DiffLine> of(List<ObjectChange> changes) {
        List<DiffLine> out = new ArrayList<>();
        for (ObjectChange c : changes) {
            add(out, c, 0, true);
        }
        return out;
    }

    /** One object's lines; {@code withHeading} false leaves out its own heading (the view names it above). */
    static List<DiffLine> of(ObjectChange c, boolean withHeading) {
        List<DiffLine> out = new ArrayList<>();
        add(out, c, 0, withHeading);
        return out;
    }

    private static void add(List<DiffLine> out, ObjectChange c, int depth, boolean heading) {
        int d = depth;
        if (heading) {
            out.add(new DiffLine(depth, c.change(), heading(c)));
            d++;
        }
        for (FieldChange f : c.fields()) {
            // An added or deleted object's empty fields ("consuming_security_principals: ") say nothing.
            String value = c.change() == ChangeKind.ADDED ? f.after() : c.change() == ChangeKind.REMOVED ? f.before() : "x";
            if (value != null && !value.isBlank()) {
                out.add(new DiffLine(d, null, field(f, c.change())));
            }
        }
        for (ObjectChange p : c.parts()) {
            add(out, p, d, true);
        }
    }

    /** "RS-Web (rule set): modified". */
    static String heading(ObjectChange c) {
        String kind = c.kind().singular();
        String name = c.name();
        // Rules are named by their place ("rule 3: description"): the name already says the kind.
        String text = name.toLowerCase(java.util.Locale.ROOT).startsWith(kind.toLowerCase(java.util.Locale.ROOT))
                ? capitalize(name) : name + " (" + kind + ")";
        return text + ": " + c.change().word();
    }

    /** "enabled: Yes → No"; for an added object "name: RS-Web", for a deleted one "name was RS-Web". */
    static String field(FieldChange f, ChangeKind objectChange) {
        if (objectChange == ChangeKind.ADDED && f.before() == null && f.after() != null) {
            return f.field() + ": " + f.after();
        }
        if (objectChange == ChangeKind.REMOVED && f.after() == null && f.before() != null) {
            return f.field() + " was " + f.before();
        }
        return f.summary();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + s.substring(1);
    }
}
