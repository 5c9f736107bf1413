package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.pce.json.PceJson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code GET /orgs/1/sec_policy/pending}: per object type ({@code rule_sets},
 * {@code ip_lists}, {@code services}, {@code label_groups}, {@code virtual_services},
 * {@code firewall_settings}, {@code enforcement_boundaries}...) the draft objects with
 * unprovisioned changes; {@code {}} when nothing is pending. A type whose value arrives as a single
 * object instead of an array (reported for {@code firewall_settings}) is read as a one-element list
 * and written back as an object; values of any other shape are kept in {@code extra}.
 */
public record PendingChanges(
        Map<String, List<PendingChange>> changes,
        Set<String> singleObjectTypes,
        Map<String, JsonNode> extra) {

    public PendingChanges {
        Map<String, List<PendingChange>> c = new LinkedHashMap<>();
        if (changes != null) {
            changes.forEach((k, v) -> c.put(k, Extras.list(v)));
        }
        changes = Collections.unmodifiableMap(c);
        singleObjectTypes = singleObjectTypes == null ? Set.of()
                : Collections.unmodifiableSet(new LinkedHashSet<>(singleObjectTypes));
        extra = Extras.copy(extra);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static PendingChanges fromJson(Map<String, JsonNode> json) {
        Map<String, List<PendingChange>> changes = new LinkedHashMap<>();
        Set<String> single = new LinkedHashSet<>();
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        json.forEach((type, value) -> {
            if (value != null && value.isArray()) {
                List<PendingChange> l = new ArrayList<>();
                value.forEach(e -> l.add(PceJson.mapper().convertValue(e, PendingChange.class)));
                changes.put(type, l);
            } else if (value != null && value.isObject()) {
                changes.put(type, List.of(PceJson.mapper().convertValue(value, PendingChange.class)));
                single.add(type);
            } else {
                extra.put(type, value);
            }
        });
        return new PendingChanges(changes, single, extra);
    }

    @JsonValue
    Map<String, Object> toJsonValue() {
        Map<String, Object> out = new LinkedHashMap<>();
        changes.forEach((type, list) -> out.put(type,
                singleObjectTypes.contains(type) && list.size() == 1 ? list.get(0) : list));
        out.putAll(extra);
        return out;
    }

    /** The pending objects of one type ({@code "rule_sets"}...), empty when none. */
    public List<PendingChange> of(String type) {
        return changes.getOrDefault(type, List.of());
    }

    /** How many objects have pending changes, over all types. */
    public int count() {
        return changes.values().stream().mapToInt(List::size).sum();
    }

    /** Whether nothing is pending. */
    public boolean isEmpty() {
        return count() == 0;
    }

    /**
     * All pending objects as a {@code change_subset} for provisioning or reverting:
     * {@code {"rule_sets": [{"href": ...}], ...}}.
     */
    public Map<String, List<Href>> changeSubset() {
        Map<String, List<Href>> out = new LinkedHashMap<>();
        changes.forEach((type, list) -> {
            List<Href> refs = new ArrayList<>();
            list.forEach(c -> refs.add(Href.of(c.href())));
            if (!refs.isEmpty()) {
                out.put(type, List.copyOf(refs));
            }
        });
        return Collections.unmodifiableMap(out);
    }
}
