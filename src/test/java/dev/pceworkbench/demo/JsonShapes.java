package dev.pceworkbench.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Compares the shape of JSON documents, for fidelity tests of the demo PCE against the PCE's own
 * sample responses. A shape maps every path in a document to the set of JSON types seen there,
 * merged over all elements of arrays: in {@code [{"a":{"b":1}},{"a":null}]} the path {@code [].a}
 * has types {object, null} and {@code [].a.b} has {number}. Paths use {@code .name} for object
 * fields and {@code []} for array elements; the root is the empty path, so a field of a root
 * object is just {@code name} and of a root array {@code [].name}. Types are {@code string,
 * number, boolean, object, array, null} (integers and floats are both {@code number}).
 *
 * <p>{@link #missingOrMismatched} checks that "ours" has at least everything the sample has:
 * every sample path must occur in ours, with a compatible type. {@code null} is compatible with
 * anything on either side (a sample's null says nothing about the type; ours may leave a field
 * null). Extra paths in ours are fine: the PCE adds fields over time and the samples are partial.
 */
public final class JsonShapes {
    private JsonShapes() {
    }

    /** The shape of a document (usually a collection array or one object): path to types seen. */
    public static Map<String, Set<String>> shapes(JsonNode arrayOrObject) {
        Map<String, Set<String>> out = new TreeMap<>();
        walk(arrayOrObject, "", out);
        return out;
    }

    /** The JSON type name of a node: string, number, boolean, object, array or null. */
    public static String type(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "null";
        }
        if (n.isTextual()) {
            return "string";
        }
        if (n.isNumber()) {
            return "number";
        }
        if (n.isBoolean()) {
            return "boolean";
        }
        if (n.isArray()) {
            return "array";
        }
        if (n.isObject()) {
            return "object";
        }
        return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static void walk(JsonNode n, String path, Map<String, Set<String>> out) {
        out.computeIfAbsent(path, k -> new LinkedHashSet<>()).add(type(n));
        if (n.isArray()) {
            for (JsonNode e : n) {
                walk(e, path + "[]", out);
            }
        } else if (n.isObject()) {
            for (Map.Entry<String, JsonNode> f : n.properties()) {
                walk(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), out);
            }
        }
    }

    /**
     * Every path of {@code sample} that {@code ours} lacks or has with an incompatible type, as
     * human-readable lines ({@code "[].agent.href: missing"}, {@code "[].port: sample [number],
     * ours [string]"}). Empty when ours covers the sample.
     */
    public static List<String> missingOrMismatched(JsonNode sample, JsonNode ours) {
        return missingOrMismatched(sample, ours, p -> false);
    }

    /**
     * As {@link #missingOrMismatched(JsonNode, JsonNode)}, skipping sample paths for which
     * {@code skip} is true (and everything below them). Callers should say why in a comment.
     */
    public static List<String> missingOrMismatched(JsonNode sample, JsonNode ours, Predicate<String> skip) {
        Map<String, Set<String>> s = shapes(sample);
        Map<String, Set<String>> o = shapes(ours);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : s.entrySet()) {
            String path = e.getKey();
            if (skipped(path, skip)) {
                continue;
            }
            Set<String> oursTypes = o.get(path);
            if (oursTypes == null) {
                problems.add((path.isEmpty() ? "(root)" : path) + ": missing");
                continue;
            }
            if (!compatible(e.getValue(), oursTypes)) {
                problems.add((path.isEmpty() ? "(root)" : path) + ": sample " + e.getValue() + ", ours " + oursTypes);
            }
        }
        return problems;
    }

    /**
     * Compatible when either side is only ever null, or when every non-null type ours uses also
     * occurs in the sample (so a client that parses the sample can parse ours).
     */
    static boolean compatible(Set<String> sample, Set<String> ours) {
        Set<String> s = new LinkedHashSet<>(sample);
        Set<String> o = new LinkedHashSet<>(ours);
        s.remove("null");
        o.remove("null");
        return s.isEmpty() || o.isEmpty() || s.containsAll(o);
    }

    private static boolean skipped(String path, Predicate<String> skip) {
        // A path is skipped when it or any ancestor path is.
        String p = path;
        while (true) {
            if (skip.test(p)) {
                return true;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.endsWith("[]") ? p.length() - 2 : -1);
            if (cut <= 0) {
                return cut == 0 && skip.test("");
            }
            p = p.substring(0, cut);
        }
    }
}
