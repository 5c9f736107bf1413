package dev.pceworkbench.demo.policy;

import dev.pceworkbench.pce.model.Hrefs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.http.PceApiException;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.store.PolicyHrefs;
import dev.pceworkbench.demo.store.PolicySnapshot;
import dev.pceworkbench.demo.store.PolicyType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * {@code POST /sec_policy/{pv}/rule_search}: which rules of a policy version fit the given
 * criteria. All criteria must hold; a list criterion holds when any of its items does. Actors match
 * literally (same kind, same object) unless {@code resolve_actors} asks for the deep search, where
 * a label also finds rules naming label groups that contain it (recursively) and rules naming All
 * Workloads, and a workload also finds rules naming its labels (deeply). Port criteria find rules
 * whose services overlap them, through service objects, ranges and "All Services"; a service href
 * finds rules naming that service. Build with {@link #parse}, which validates like the PCE (unknown
 * properties are refused: the schema has {@code additionalProperties: false}).
 */
public final class RuleSearch {
    private static final List<String> KEYS = List.of("enabled", "description", "ingress_services", "sec_connect",
            "machine_auth", "stateless", "unscoped_consumers", "providers", "consumers", "consuming_security_principals",
            "update_type", "resolve_actors", "rule_types", "providers_or_consumers", "max_results");
    private static final List<String> FLAGS = List.of("enabled", "sec_connect", "machine_auth", "stateless", "unscoped_consumers");
    private static final Set<String> ACTOR_KEYS = Set.of("actors", "label", "label_group", "workload", "virtual_service",
            "ip_list", "container_workload", "kubernetes_workload", "virtual_server");

    /** A matching rule and the (draft) href of its rule set. */
    public record Hit(String rulesetHref, ObjectNode rule) {
    }

    /** A service criterion: a service href, or protocol (-1 any) and ports (-1 any). */
    private record ServiceQuery(String href, int proto, int from, int to) {
    }

    private final ObjectNode body;
    private final Map<String, Boolean> flags = new HashMap<>();
    private final boolean deep;
    private final int maxResults;
    private final List<ServiceQuery> services = new ArrayList<>();

    private RuleSearch(ObjectNode body) {
        this.body = body;
        for (String f : FLAGS) {
            if (body.hasNonNull(f)) {
                flags.put(f, bool(body, f));
            }
        }
        this.deep = body.hasNonNull("resolve_actors") && bool(body, "resolve_actors");
        this.maxResults = body.hasNonNull("max_results") ? nonNegative(body.get("max_results")) : Integer.MAX_VALUE;
        for (String side : List.of("providers", "consumers", "providers_or_consumers")) {
            validateActors(body.get(side), side);
        }
        if (body.hasNonNull("description") && !body.get("description").isTextual()) {
            throw PceApiException.invalid("Property 'description' must be a string");
        }
        if (body.hasNonNull("update_type") && !Set.of("create", "update", "delete").contains(body.get("update_type").asText())) {
            throw PceApiException.invalid("Property 'update_type' must be one of create, update, delete");
        }
        for (JsonNode t : array(body, "rule_types")) {
            if (!Set.of("sec_rules", "deny_rules", "override_deny_rules", "ip_tables_rules").contains(t.asText())) {
                throw PceApiException.invalid("Unknown rule type '" + t.asText() + "' in rule_types "
                        + "(sec_rules, deny_rules, override_deny_rules, ip_tables_rules)");
            }
        }
        for (JsonNode s : array(body, "ingress_services")) {
            if (!s.isObject()) {
                throw PceApiException.invalid("Each of ingress_services must be an object: {\"href\"} or {\"port\", \"proto\"}");
            }
            if (s.hasNonNull("href")) {
                services.add(new ServiceQuery(PolicyHrefs.toDraft(s.get("href").asText()), 0, 0, 0));
            } else if (s.hasNonNull("port") || s.hasNonNull("proto")) {
                int port = s.hasNonNull("port") ? intIn(s.get("port"), "ingress_services port", 0, 65535) : -1;
                int to = s.hasNonNull("to_port") ? intIn(s.get("to_port"), "ingress_services to_port", port, 65535) : port;
                int proto = s.hasNonNull("proto") ? intIn(s.get("proto"), "ingress_services proto", -1, 255) : -1;
                services.add(new ServiceQuery(null, proto, port, to));
            }
            // An item naming only a process or Windows service cannot match the demo's rules; it is ignored.
        }
    }

    /** Validates a request body into a search; 406 (naming the property) when it is not valid. */
    public static RuleSearch parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw PceApiException.invalid("The rule search body must be a JSON object");
        }
        List<String> unknown = new ArrayList<>();
        body.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                unknown.add(k);
            }
        });
        if (!unknown.isEmpty()) {
            throw PceApiException.invalid("Rule search does not accept the propert" + (unknown.size() == 1 ? "y '" : "ies '")
                    + String.join("', '", unknown) + "'; allowed: " + String.join(", ", KEYS));
        }
        return new RuleSearch((ObjectNode) body);
    }

    /**
     * Runs the search over {@code snap} (call under the read lock).
     *
     * @param updateType a rule's update type in the searched version (rule node, rule set href)
     */
    public List<Hit> run(DemoState state, PolicySnapshot snap, BiFunction<ObjectNode, String, String> updateType) {
        List<Hit> out = new ArrayList<>();
        JsonNode types = body.get("rule_types");
        if (types != null && types.isArray() && !types.isEmpty() && !types.toString().contains("\"sec_rules\"")) {
            return out; // only security rules are searched
        }
        ActorExpansion expand = new ActorExpansion(state, snap);
        Set<String> providers = expand.all(body.get("providers"), deep);
        Set<String> consumers = expand.all(body.get("consumers"), deep);
        Set<String> either = expand.all(body.get("providers_or_consumers"), deep);
        String description = body.hasNonNull("description") ? body.get("description").asText().toLowerCase(Locale.ROOT) : null;
        Set<String> principals = new HashSet<>();
        array(body, "consuming_security_principals").forEach(p -> principals.add(p.path("href").asText(p.asText())));
        for (ObjectNode rs : snap.all(PolicyType.RULE_SETS)) {
            String rsHref = rs.path("href").asText();
            for (JsonNode r : rs.path("rules")) {
                if (out.size() >= maxResults) {
                    return out;
                }
                if (!flagsMatch(r)
                        || (description != null && !r.path("description").asText("").toLowerCase(Locale.ROOT).contains(description))
                        || (providers != null && !anyActor(r.path("providers"), providers))
                        || (consumers != null && !anyActor(r.path("consumers"), consumers))
                        || (either != null && !anyActor(r.path("providers"), either) && !anyActor(r.path("consumers"), either))
                        || (!principals.isEmpty() && !anyPrincipal(r, principals))
                        || (!services.isEmpty() && !servicesMatch(r, snap))
                        || (body.hasNonNull("update_type")
                        && !body.get("update_type").asText().equals(updateType.apply((ObjectNode) r, rsHref)))) {
                    continue;
                }
                out.add(new Hit(rsHref, (ObjectNode) r));
            }
        }
        return out;
    }

    private boolean flagsMatch(JsonNode r) {
        for (Map.Entry<String, Boolean> f : flags.entrySet()) {
            boolean dflt = f.getKey().equals("enabled");
            if (r.path(f.getKey()).asBoolean(dflt) != f.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyActor(JsonNode actors, Set<String> wanted) {
        for (JsonNode a : actors) {
            if (wanted.contains(ActorExpansion.key(a))) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyPrincipal(JsonNode r, Set<String> wanted) {
        for (JsonNode p : r.path("consuming_security_principals")) {
            if (wanted.contains(p.path("href").asText())) {
                return true;
            }
        }
        return false;
    }

    private boolean servicesMatch(JsonNode rule, PolicySnapshot snap) {
        for (JsonNode s : rule.path("ingress_services")) {
            String href = s.hasNonNull("href") ? PolicyHrefs.toDraft(s.get("href").asText()) : null;
            List<PortRange> entries = new ArrayList<>();
            if (href == null) {
                entries.add(PortRange.of(s));
            } else {
                ObjectNode svc = snap.of(PolicyType.SERVICES).get(href);
                if (svc != null) {
                    svc.path("service_ports").forEach(p -> entries.add(PortRange.of(p)));
                }
            }
            for (ServiceQuery q : services) {
                if (q.href() != null) {
                    if (q.href().equals(href)) {
                        return true;
                    }
                    continue;
                }
                for (PortRange e : entries) {
                    boolean proto = e.proto() == -1 || q.proto() == -1 || e.proto() == q.proto();
                    boolean ports = e.from() < 0 || q.from() < 0 || (e.from() <= q.to() && q.from() <= e.to());
                    if (proto && ports) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void validateActors(JsonNode actors, String field) {
        if (actors == null || actors.isNull()) {
            return;
        }
        if (!actors.isArray() || actors.isEmpty()) {
            throw PceApiException.invalid("Property '" + field + "' must be a non-empty array of actors");
        }
        for (JsonNode a : actors) {
            if (!a.isObject() || a.size() != 1 || !ACTOR_KEYS.contains(a.fieldNames().next())) {
                throw PceApiException.invalid("Each of " + field + " must be one actor such as {\"label\": {\"href\": ...}} "
                        + "or {\"actors\": \"ams\"}, not " + a);
            }
            String k = a.fieldNames().next();
            if (k.equals("actors") ? !"ams".equals(a.get(k).asText()) : !a.get(k).path("href").isTextual()) {
                throw PceApiException.invalid("Invalid actor in " + field + ": " + a);
            }
        }
    }

    private static Iterable<JsonNode> array(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw PceApiException.invalid("Property '" + field + "' must be an array");
        }
        return v;
    }

    private static boolean bool(ObjectNode body, String field) {
        if (!body.get(field).isBoolean()) {
            throw PceApiException.invalid("Property '" + field + "' must be a boolean");
        }
        return body.get(field).asBoolean();
    }

    private static int nonNegative(JsonNode v) {
        return intIn(v, "max_results", 0, Integer.MAX_VALUE);
    }

    private static int intIn(JsonNode v, String what, int min, int max) {
        if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
            throw PceApiException.invalid("Property '" + what + "' must be an integer from " + min + " to " + max + ", got " + v);
        }
        return v.asInt();
    }
}
