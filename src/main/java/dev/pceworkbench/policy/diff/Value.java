package dev.pceworkbench.policy.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A field's value as the diff compares it: nothing, one text, a set of entries (order carries no
 * meaning: labels of a scope, actors, IP ranges) or a list (order matters: iptables statements).
 * Entries have an identity (a version-neutral href, or the text itself) and a text as the
 * workbench writes it, so two IP lists of the same name stay two entries.
 */
sealed interface Value {
    /** One entry of a set or list. */
    record Entry(String id, String text) {
    }

    Value NONE = new None();

    record None() implements Value {
    }

    record Text(String text) implements Value {
    }

    record Set(Map<String, String> entries) implements Value {
    }

    record Seq(List<Entry> entries) implements Value {
    }

    static Value text(Object v) {
        return v == null ? NONE : new Text(String.valueOf(v));
    }

    static Value yesNo(Boolean b) {
        return b == null ? NONE : new Text(b ? "Yes" : "No");
    }

    static Value set(List<Entry> entries) {
        if (entries == null) {
            return NONE;
        }
        Map<String, String> m = new LinkedHashMap<>();
        entries.stream().sorted(java.util.Comparator.comparing(Entry::text).thenComparing(Entry::id))
                .forEach(e -> m.putIfAbsent(e.id(), e.text()));
        return new Set(m);
    }

    static Value seq(List<Entry> entries) {
        return entries == null ? NONE : new Seq(List.copyOf(entries));
    }

    /** Whether the field is absent or an empty list (the PCE treats {@code []} and a missing list alike). */
    default boolean isNone() {
        return this instanceof None || this instanceof Set s && s.entries().isEmpty()
                || this instanceof Seq q && q.entries().isEmpty();
    }

    /** The whole value as one text, or null for none. */
    default String render() {
        if (this instanceof Text t) {
            return t.text();
        }
        if (this instanceof Set s) {
            return String.join(", ", s.entries().values());
        }
        if (this instanceof Seq q) {
            return String.join("; ", q.entries().stream().map(Entry::text).toList());
        }
        return null;
    }

    /** The change from {@code before} to {@code after} of the field {@code name}, or null when they are the same. */
    static FieldChange compare(String name, Value before, Value after) {
        before = before.isNone() ? NONE : before;
        after = after.isNone() ? NONE : after;
        if (before instanceof Set a && after instanceof Set b) {
            if (a.entries().keySet().equals(b.entries().keySet())) {
                // The same objects (a renamed one reads differently on both sides alike): no change.
                return null;
            }
            List<String> added = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            b.entries().forEach((id, text) -> {
                if (!a.entries().containsKey(id)) {
                    added.add(text);
                }
            });
            a.entries().forEach((id, text) -> {
                if (!b.entries().containsKey(id)) {
                    removed.add(text);
                }
            });
            return new FieldChange(name, before.render(), after.render(), added, removed);
        }
        if (before instanceof Seq a && after instanceof Seq b) {
            List<String> ia = a.entries().stream().map(Entry::id).toList();
            List<String> ib = b.entries().stream().map(Entry::id).toList();
            if (ia.equals(ib)) {
                return null;
            }
            List<String> added = b.entries().stream().filter(e -> !ia.contains(e.id())).map(Entry::text).toList();
            List<String> removed = a.entries().stream().filter(e -> !ib.contains(e.id())).map(Entry::text).toList();
            return new FieldChange(name, before.render(), after.render(), added, removed);
        }
        if (Objects.equals(before.render(), after.render())) {
            return null;
        }
        // A set that appeared or went away lists its entries as added or removed.
        List<String> added = after instanceof Set s && before instanceof None ? List.copyOf(s.entries().values()) : List.of();
        List<String> removed = before instanceof Set s && after instanceof None ? List.copyOf(s.entries().values()) : List.of();
        return new FieldChange(name, before.render(), after.render(), added, removed);
    }
}
