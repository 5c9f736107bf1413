package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.pce.json.PceJson;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A policy version's {@code object_counts}: how many objects the version holds. Some PCE versions
 * send a per-type object ({@code {"rule_sets": 41, "ip_lists": 17, ...}}), others one integer; both
 * are read, {@link #total()} is always there and {@link #byType()} only when the PCE gave it. The
 * value is written back in the form it was read.
 */
public final class ObjectCounts {
    private final int total;
    private final Map<String, Integer> byType;

    private ObjectCounts(int total, Map<String, Integer> byType) {
        this.total = total;
        this.byType = byType;
    }

    /** Counts given per type; the total is their sum. */
    public static ObjectCounts of(Map<String, Integer> byType) {
        Map<String, Integer> copy = new LinkedHashMap<>();
        int sum = 0;
        for (Map.Entry<String, Integer> e : byType.entrySet()) {
            int n = e.getValue() == null ? 0 : e.getValue();
            copy.put(e.getKey(), n);
            sum += n;
        }
        return new ObjectCounts(sum, Collections.unmodifiableMap(copy));
    }

    /** Only a total, as PCE versions that send a plain integer give it. */
    public static ObjectCounts ofTotal(int total) {
        return new ObjectCounts(total, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ObjectCounts fromJson(JsonNode json) {
        if (json == null || json.isNull()) {
            return null;
        }
        if (json.isNumber()) {
            return ofTotal(json.asInt());
        }
        if (json.isObject()) {
            Map<String, Integer> m = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNumber()) {
                    m.put(e.getKey(), e.getValue().asInt());
                }
            }
            return of(m);
        }
        throw new IllegalArgumentException("object_counts must be an integer or an object of integers, not " + json);
    }

    @JsonValue
    JsonNode toJson() {
        if (byType == null) {
            return PceJson.mapper().getNodeFactory().numberNode(total);
        }
        ObjectNode o = PceJson.mapper().createObjectNode();
        byType.forEach(o::put);
        return o;
    }

    /** The number of objects over every type. */
    public int total() {
        return total;
    }

    /** Per-type counts ({@code "rule_sets"} → 41...), when the PCE sent them per type. */
    public Optional<Map<String, Integer>> byType() {
        return Optional.ofNullable(byType);
    }

    /** The count of one type, when the PCE sent counts per type and included that type. */
    public Optional<Integer> of(String type) {
        return byType == null ? Optional.empty() : Optional.ofNullable(byType.get(type));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectCounts c && c.total == total && Objects.equals(c.byType, byType);
    }

    @Override
    public int hashCode() {
        return 31 * total + Objects.hashCode(byType);
    }

    @Override
    public String toString() {
        return byType == null ? Integer.toString(total) : byType + " (total " + total + ")";
    }
}
