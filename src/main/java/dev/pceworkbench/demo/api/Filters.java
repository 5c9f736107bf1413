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
    private final Map<String, java.util.function.Consumer<String>> checks = new LinkedHashMap<>();

    /** Refuses a bad value of {@code param} up front (406 naming it), whatever the collection holds. */
    Filters check(String param, java.util.function.Consumer<String> check) {
        checks.put(param, check);
        return this;
    }

    /**
     * {@code timestamp[gte]} / {@code timestamp[lte]}: an ISO 8601 date or date-time compared with
     * the object's {@code field}; anything else is the PCE's 406 naming the parameter.
     */
    Filters timestamp(String param, String field, boolean atLeast) {
        check(param, v -> instant(param, v));
        supported.put(param, (o, v) -> {
            String have = text(o, field);
            if (have.isEmpty()) {
                return false;
            }
            int c;
            try {
                c = instant(field, have).compareTo(instant(param, v));
            } catch (PceApiException e) {
                return false;
            }
            return atLeast ? c >= 0 : c <= 0;
        });
        return this;
    }

    static java.time.Instant instant(String param, String v) {
        String t = v.trim();
        try {
            return java.time.OffsetDateTime.parse(t).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(t).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (java.time.format.DateTimeParseException e2) {
                throw PceApiException.invalid("Invalid value for '" + param + "': '" + (t.length() > 64 ? t.substring(0, 64) + "..." : t)
                        + "' is not an ISO 8601 date or date-time such as 2024-01-31T00:00:00Z");
            }
        }
    }

    /** Checks an integer parameter in [{@code min}, {@code max}]. */
    static void integer(String param, String v, long min, long max) {
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw PceApiException.invalid("Invalid value for '" + param + "': '" + v + "' is not an integer");
        }
        if (n < min || n > max) {
            throw PceApiException.invalid("Invalid value for '" + param + "': " + n + " is not from " + min + " to " + max);
        }
    }

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
        for (Map.Entry<String, java.util.function.Consumer<String>> c : checks.entrySet()) {
            request.param(c.getKey()).filter(v -> !v.isEmpty()).ifPresent(c.getValue());
        }
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
