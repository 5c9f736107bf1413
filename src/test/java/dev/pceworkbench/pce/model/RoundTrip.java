package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pceworkbench.pce.json.PceJson;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Test helpers: read JSON into a model type, write it back, and compare the trees. */
final class RoundTrip {
    static final ObjectMapper M = PceJson.mapper();

    private RoundTrip() {
    }

    static JsonNode tree(String json) {
        try {
            return M.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** JSON written with single quotes, for readable inline samples. */
    static String q(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    /**
     * Reads {@code json} as {@code type} twice (from text, and from a tree, so both the streaming
     * and the tree parser are exercised), writes each back and asserts the JSON trees equal the
     * original. Returns the value read from text.
     */
    static <T> T assertRoundTrip(String json, JavaType type, String what) {
        try {
            JsonNode original = M.readTree(json);
            T fromText = M.readValue(json, type);
            assertSame(original, M.readTree(M.writeValueAsString(fromText)), what + " (from text)");
            T fromTree = M.readerFor(type).readValue(original);
            assertSame(original, M.readTree(M.writeValueAsString(fromTree)), what + " (from tree)");
            assertEquals(fromText, fromTree, what + ": text and tree give the same records");
            return fromText;
        } catch (java.io.IOException e) {
            throw new AssertionError(what + ": " + e, e);
        }
    }

    static <T> T assertRoundTrip(String json, Class<T> type, String what) {
        return assertRoundTrip(json, M.constructType(type), what);
    }

    static <T> List<T> assertListRoundTrip(String json, Class<T> type, String what) {
        return assertRoundTrip(json, M.getTypeFactory().constructCollectionType(List.class, type), what);
    }

    static void assertSame(JsonNode expected, JsonNode actual, String what) {
        if (!expected.equals(actual)) {
            List<String> d = new ArrayList<>();
            diff("", expected, actual, d);
            fail(what + ": JSON differs after the round trip at " + d.subList(0, Math.min(20, d.size())));
        }
    }

    /** Paths where two trees differ, with both values; for readable failures. */
    static void diff(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a == null || b == null) {
            out.add(path + ": " + (a == null ? "absent" : a) + " vs " + (b == null ? "absent" : b));
        } else if (a.isObject() && b.isObject()) {
            Set<String> names = new HashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                diff(path + "." + n, a.get(n), b.get(n), out);
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                diff(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else if (!a.equals(b)) {
            out.add(path + ": " + a + " (" + a.getNodeType() + ") vs " + b + " (" + b.getNodeType() + ")");
        }
    }

    /** Every PceJsonObject in a value graph (records, lists, maps), for checks over all of them. */
    static List<PceJsonObject<?>> allObjects(Object root) {
        List<PceJsonObject<?>> out = new ArrayList<>();
        walk(root, out);
        return out;
    }

    private static void walk(Object o, List<PceJsonObject<?>> out) {
        if (o instanceof PceJsonObject<?> p) {
            out.add(p);
            for (var c : o.getClass().getRecordComponents()) {
                try {
                    walk(c.getAccessor().invoke(o), out);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        } else if (o instanceof List<?> l) {
            l.forEach(e -> walk(e, out));
        } else if (o instanceof Map<?, ?> m) {
            m.values().forEach(e -> walk(e, out));
        } else if (o instanceof PendingChanges pc) {
            walk(pc.changes(), out);
        }
    }
}
