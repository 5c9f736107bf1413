package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.pce.json.PceJson;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One policy object that a provisioned version changed, from
 * {@code GET sec_policy/{n}/modified_objects}: its type ({@code "rule_sets"}...), {@code href},
 * {@code name}, how it changed ({@code update_type}: create, update or delete) and when and by whom
 * it was last changed. The answer is read keyed by type, like {@code sec_policy/pending} (a singleton
 * type such as {@code firewall_settings} as one object), or as a plain list whose items' types come
 * from their hrefs.
 */
public record ModifiedObject(String type, String href, String name, String updateType, String updatedAt,
                             Href updatedBy) {
    private static final Pattern TYPE = Pattern.compile("/sec_policy/(?:draft|active|\\d+)/([a-z_]+)");

    /** Reads a {@code modified_objects} answer in either shape. */
    public static List<ModifiedObject> listFromJson(JsonNode answer) {
        List<ModifiedObject> out = new ArrayList<>();
        if (answer == null || answer.isNull()) {
            return out;
        }
        if (answer.isArray()) {
            for (JsonNode item : answer) {
                Matcher m = TYPE.matcher(item.path("href").asText(""));
                String type = item.path("object_type").isTextual() ? item.get("object_type").asText()
                        : m.find() ? m.group(1) : null;
                out.add(of(type, item));
            }
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = answer.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isObject()) {
                out.add(of(e.getKey(), e.getValue()));
            } else {
                for (JsonNode item : e.getValue()) {
                    out.add(of(e.getKey(), item));
                }
            }
        }
        return out;
    }

    private static ModifiedObject of(String type, JsonNode item) {
        PendingChange c = PceJson.mapper().convertValue(item, PendingChange.class);
        return new ModifiedObject(type, c.href(), c.name(), c.updateType(), c.updatedAt(), c.updatedBy());
    }
}
