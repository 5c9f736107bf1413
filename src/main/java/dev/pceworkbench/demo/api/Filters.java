package dev.pceworkbench.demo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.http.ApiRequest;
import dev.pceworkbench.demo.http.PceApiException;
import dev.pceworkbench.pce.json.PceJson;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The PCE's collection query parameters: partial (case-insensitive substring) matches on names,
 * exact matches on keys and enums, booleans, hrefs and the {@code labels} list of lists. Each
 * collection declares the parameters it supports; others are ignored as the PCE ignores them.
 */
final class Filters {
    /** One supported query parameter: does this object match the given value? */
    interface Filter extends BiPredicate<ObjectNode, String> {
    }

    private final Map<String, Filter> supported = new LinkedHashMap<>();

    Filters partial(String param, String field) {
        supported.put(param, (o, v) -> text(o, field).toLowerCase(Locale.ROOT).contains(v.toLowerCase(Locale.ROOT)));
        return this;
    }

    Filters exact(String param, String field) {
        supported.put(param, (o, v) -> text(o, field).equals(v));
        return this;
    }

    Filters bool(String param, Predicate<ObjectNode> property) {
        supported.put(param, (o, v) -> property.test(o) == parseBool(param, v));
        return this;
    }

    Filters custom(String param, Filter f) {
        supported.put(param, f);
        return this;
    }

    /** {@code labels=[["/orgs/1/labels/1","/orgs/1/labels/2"],["/orgs/1/labels/3"]]}: inner AND, outer OR. */
    Filters labels(Function<ObjectNode, Set<String>> labelHrefs) {
        supported.put("labels", (o, v) -> {
            List<List<String>> groups = parseLabelLists(v);
            Set<String> have = labelHrefs.apply(o);
            for (List<String> group : groups) {
                if (have.containsAll(group)) {
                    return true;
                }
            }
            return groups.isEmpty();
        });
        return this;
    }

    /** The predicate for this request's supported parameters. */
    Predicate<ObjectNode> predicate(ApiRequest request) {
        List<Predicate<ObjectNode>> parts = new ArrayList<>();
        for (Map.Entry<String, Filter> e : supported.entrySet()) {
            request.param(e.getKey()).ifPresent(v -> {
                if (!v.isEmpty()) {
                    Filter f = e.getValue();
                    parts.add(o -> f.test(o, v));
                }
            });
        }
        return o -> {
            for (Predicate<ObjectNode> p : parts) {
                if (!p.test(o)) {
                    return false;
                }
            }
            return true;
        };
    }

    static List<List<String>> parseLabelLists(String v) {
        try {
            JsonNode n = PceJson.mapper().readTree(v);
            List<List<String>> out = new ArrayList<>();
            if (!n.isArray()) {
                throw new IllegalArgumentException();
            }
            for (JsonNode group : n) {
                List<String> g = new ArrayList<>();
                if (group.isArray()) {
                    group.forEach(x -> g.add(x.isObject() ? x.path("href").asText() : x.asText()));
                } else {
                    g.add(group.isObject() ? group.path("href").asText() : group.asText());
                }
                out.add(g);
            }
            return out;
        } catch (Exception e) {
            throw PceApiException.invalid("Invalid value for 'labels': expected a JSON list of lists of label hrefs, got " + v);
        }
    }

    static boolean parseBool(String param, String v) {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw PceApiException.invalid("Invalid value for '" + param + "': " + v + " is not a boolean");
        };
    }

    /** The text at a dotted path ({@code agent.status.status}), or "" when absent or null. */
    static String text(JsonNode o, String dottedPath) {
        JsonNode n = o;
        for (String part : dottedPath.split("\\.")) {
            n = n.path(part);
        }
        return n.isValueNode() ? n.asText() : "";
    }

    /** The hrefs of a {@code labels} array of {@code {href}} references. */
    static Set<String> labelHrefs(ObjectNode o) {
        Set<String> out = new HashSet<>();
        for (JsonNode l : o.path("labels")) {
            out.add(l.path("href").asText());
        }
        return out;
    }
}
