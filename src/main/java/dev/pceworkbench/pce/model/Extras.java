package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.pceworkbench.pce.json.PceJson;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers behind {@link PceJsonObject}: immutable copies for record components, the filter that
 * lets non-null components shadow {@code extra}, and typed reads of members kept in {@code extra}.
 */
final class Extras {
    /**
     * The JSON name given to every record's {@code extra} component. Jackson would otherwise bind a
     * PCE member literally called {@code "extra"} to the any-setter parameter itself.
     */
    static final String NAME = "\u0000extra";

    private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> out = new HashMap<>();
            RecordComponent[] components = type.getRecordComponents();
            if (components != null) {
                for (RecordComponent c : components) {
                    JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
                    if (p != null && !p.value().equals(NAME)) {
                        out.put(p.value(), c.getAccessor());
                    }
                }
            }
            return out;
        }
    };

    private Extras() {
    }

    /** An unmodifiable, order-keeping copy; Java nulls become JSON nulls. */
    static Map<String, JsonNode> copy(Map<String, JsonNode> m) {
        if (m == null || m.isEmpty()) {
            return Map.of();
        }
        if (m instanceof ArrayMap already) {
            return already; // immutable, nulls already JSON nulls
        }
        // A compact, ordered, immutable map: most records carry a handful of extra members, and a
        // large PCE loads hundreds of thousands of records.
        String[] keys = new String[m.size()];
        JsonNode[] values = new JsonNode[m.size()];
        int i = 0;
        for (Map.Entry<String, JsonNode> e : m.entrySet()) {
            keys[i] = e.getKey();
            values[i] = e.getValue() == null ? NullNode.instance : e.getValue();
            i++;
        }
        return new ArrayMap(keys, values);
    }

    /** An unmodifiable copy that keeps null elements; null stays null (the member is absent). */
    static <E> List<E> list(List<E> l) {
        if (l == null) {
            return null;
        }
        if (l instanceof ArrayListView<E> already) {
            return already;
        }
        return l.isEmpty() ? List.of() : new ArrayListView<>(l.toArray());
    }

    /** {@link #list} for a list of lists, e.g. rule set scopes. */
    static <E> List<List<E>> lists(List<List<E>> l) {
        if (l == null) {
            return null;
        }
        List<List<E>> out = new ArrayList<>(l.size());
        for (List<E> e : l) {
            out.add(list(e));
        }
        return Collections.unmodifiableList(out);
    }

    /** An unmodifiable, order-keeping copy of a map; null stays null. */
    static <V> Map<String, V> map(Map<String, V> m) {
        return m == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** {@code extra} without the members whose record component is non-null. */
    static Map<String, JsonNode> forWriting(PceJsonObject<?> o) {
        Map<String, JsonNode> extra = o.extra();
        if (extra.isEmpty()) {
            return extra;
        }
        Map<String, Method> modelled = ACCESSORS.get(o.getClass());
        Map<String, JsonNode> out = null;
        for (String name : extra.keySet()) {
            Method accessor = modelled.get(name);
            if (accessor != null && value(accessor, o) != null) {
                if (out == null) {
                    out = new LinkedHashMap<>(extra);
                }
                out.remove(name);
            }
        }
        return out == null ? extra : out;
    }

    /** {@code o} with a JSON null in {@code extra} for each name (explicit nulls seen while reading). */
    static Object withNulls(Object o, Collection<String> names) {
        if (!(o instanceof PceJsonObject<?> p) || p.extra().keySet().containsAll(names)) {
            return o; // unknown members that are null are already in extra (via the any-setter)
        }
        Map<String, JsonNode> m = new LinkedHashMap<>(p.extra());
        for (String n : names) {
            m.putIfAbsent(n, NullNode.instance);
        }
        return p.withExtra(m);
    }

    private static Object value(Method accessor, Object o) {
        try {
            return accessor.invoke(o);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + accessor, e);
        }
    }

    static String text(Map<String, JsonNode> extra, String name) {
        JsonNode n = extra.get(name);
        return n == null || n.isNull() ? null : n.asText();
    }

    static Href ref(Map<String, JsonNode> extra, String name) {
        JsonNode n = extra.get(name);
        return n == null || !n.isObject() ? null : PceJson.mapper().convertValue(n, Href.class);
    }

    static List<String> strings(Map<String, JsonNode> extra, String name) {
        JsonNode n = extra.get(name);
        if (n == null || !n.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        n.forEach(e -> out.add(e.isNull() ? null : e.asText()));
        return Collections.unmodifiableList(out);
    }
}
