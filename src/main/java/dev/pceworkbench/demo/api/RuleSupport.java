package dev.pceworkbench.demo.api;

import dev.pceworkbench.pce.model.Hrefs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.http.ApiRequest;
import dev.pceworkbench.demo.http.PceApiException;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.store.PolicyHrefs;
import dev.pceworkbench.demo.store.PolicyType;
import dev.pceworkbench.pce.json.PceJson;

import java.util.Set;

/**
 * Rules, custom iptables rules, actors and services as the PCE checks them: every reference
 * must resolve in the draft, actors are exactly one kind each, services are a service href or an
 * inline port/protocol, and the PCE's allowed iptables tables and chains.
 */
final class RuleSupport {
    static final Set<String> ACTOR_KEYS = Set.of("actors", "label", "label_group", "workload", "virtual_service",
            "virtual_server", "ip_list", "container_workload", "kubernetes_workload");
    static final Set<String> RESOLVE_AS = Set.of("workloads", "virtual_services");

    private final DemoState state;

    RuleSupport(DemoState state) {
        this.state = state;
    }

    /** Gives new rules hrefs and audit fields and fills the PCE's defaults. */
    ArrayNode normalizeRules(String rulesetHref, JsonNode rules, ApiRequest req, String now) {
        ArrayNode out = PceJson.mapper().createArrayNode();
        if (rules == null || rules.isNull() || rules.isMissingNode()) {
            return out;
        }
        if (!rules.isArray()) {
            throw PceApiException.invalid("Property 'rules' must be an array");
        }
        int index = 0;
        for (JsonNode r : rules) {
            if (!r.isObject()) {
                throw PceApiException.invalid("Property 'rules[" + index + "]' must be an object");
            }
            index++;
            out.add(normalizeRule(rulesetHref, (ObjectNode) r, null, req, now));
        }
        return out;
    }

    /** A rule as stored: {@code existing} is the rule it replaces (null for a new one). */
    ObjectNode normalizeRule(String rulesetHref, ObjectNode input, ObjectNode existing, ApiRequest req, String now) {
        ObjectNode r = PceJson.mapper().createObjectNode();
        if (existing != null) {
            r.setAll(existing);
        } else {
            String href = input.path("href").asText("");
            if (href.startsWith(rulesetHref + "/sec_rules/")) {
                // A PUT of the whole ruleset echoes its rules back: keep their identity.
                r.put("href", href);
            } else {
                r.put("href", rulesetHref + "/sec_rules/" + state.nextId("sec_rules"));
            }
            r.put("enabled", true);
            r.putNull("description");
            r.putArray("consuming_security_principals");
            r.put("sec_connect", false);
            r.put("stateless", false);
            r.put("machine_auth", false);
            r.put("unscoped_consumers", false);
            r.put("network_type", "brn");
            r.putArray("use_workload_subnets");
            r.putArray("egress_services");
            r.put("created_at", input.path("created_at").asText(now));
            r.set("created_by", input.has("created_by") ? input.get("created_by") : by(req));
            r.putNull("deleted_at");
            r.putNull("deleted_by");
        }
        ObjectNode body = input.deepCopy();
        body.remove(Validation.SERVER_MANAGED);
        r.setAll(body);
        r.put("updated_at", now);
        r.set("updated_by", by(req));
        validateRule(r);
        return r;
    }

    ArrayNode normalizeIpTablesRules(String rulesetHref, JsonNode rules, ApiRequest req, String now) {
        ArrayNode out = PceJson.mapper().createArrayNode();
        if (rules == null || rules.isNull() || rules.isMissingNode()) {
            return out;
        }
        if (!rules.isArray()) {
            throw PceApiException.invalid("Property 'ip_tables_rules' must be an array");
        }
        int index = 0;
        for (JsonNode in : rules) {
            if (!in.isObject()) {
                throw PceApiException.invalid("Property 'ip_tables_rules[" + index + "]' must be an object");
            }
            index++;
            ObjectNode r = PceJson.mapper().createObjectNode();
            String href = in.path("href").asText("");
            r.put("href", href.startsWith(rulesetHref + "/ip_tables_rules/") ? href
                    : rulesetHref + "/ip_tables_rules/" + state.nextId("ip_tables_rules"));
            r.put("enabled", true);
            r.put("description", "");
            r.put("ip_version", "4");
            ObjectNode body = ((ObjectNode) in).deepCopy();
            body.remove(Validation.SERVER_MANAGED);
            r.setAll(body);
            r.put("created_at", in.path("created_at").asText(now));
            r.set("created_by", in.has("created_by") ? in.get("created_by") : by(req));
            r.put("updated_at", now);
            r.set("updated_by", by(req));
            r.putNull("deleted_at");
            r.putNull("deleted_by");
            validateIpTablesRule(r);
            out.add(r);
        }
        return out;
    }

    private static ObjectNode by(ApiRequest req) {
        return PceJson.mapper().createObjectNode().put("href", req.caller().userHref());
    }

    void validateRule(ObjectNode r) {
        validateActors(r.get("providers"), "providers", true);
        validateActors(r.get("consumers"), "consumers", true);
        JsonNode resolve = r.get("resolve_labels_as");
        if (resolve == null || !resolve.isObject()) {
            throw PceApiException.invalid("Required property 'resolve_labels_as' is missing");
        }
        for (String side : new String[]{"providers", "consumers"}) {
            JsonNode list = resolve.get(side);
            if (list == null || !list.isArray() || list.isEmpty()) {
                throw PceApiException.invalid("resolve_labels_as." + side + " must be a non-empty array of workloads and/or virtual_services");
            }
            for (JsonNode v : list) {
                if (!RESOLVE_AS.contains(v.asText())) {
                    throw PceApiException.invalid("resolve_labels_as." + side + " may hold only 'workloads' and 'virtual_services', not '" + v.asText() + "'");
                }
            }
        }
        boolean providersAreVirtualServicesOnly = true;
        for (JsonNode p : r.path("providers")) {
            providersAreVirtualServicesOnly &= p.has("virtual_service") || p.has("virtual_server");
        }
        JsonNode services = r.get("ingress_services");
        if (services == null || !services.isArray()) {
            throw PceApiException.invalid("Required property 'ingress_services' is missing or not an array");
        }
        if (services.isEmpty() && !providersAreVirtualServicesOnly
                && !(resolve.path("providers").size() == 1 && "virtual_services".equals(resolve.path("providers").get(0).asText()))) {
            throw new PceApiException(406, "rule_ingress_services_empty",
                    "ingress_services must not be empty unless the providers are virtual services");
        }
        validateServices(services, "ingress_services");
        for (String b : new String[]{"enabled", "stateless", "unscoped_consumers", "sec_connect", "machine_auth"}) {
            JsonNode v = r.get(b);
            if (v != null && !v.isNull() && !v.isBoolean()) {
                throw PceApiException.invalid("Property '" + b + "' must be a boolean");
            }
        }
    }

    /** Actors: non-empty list, one kind per item, each reference resolvable. */
    void validateActors(JsonNode actors, String field, boolean required) {
        if (actors == null || actors.isNull()) {
            if (required) {
                throw PceApiException.invalid("Required property '" + field + "' is missing");
            }
            return;
        }
        if (!actors.isArray() || (required && actors.isEmpty())) {
            throw PceApiException.invalid("Property '" + field + "' must be a non-empty array of actors");
        }
        for (JsonNode a : actors) {
            if (!a.isObject() || a.size() != 1) {
                throw PceApiException.invalid("Each of " + field + " must name exactly one actor, e.g. {\"label\": {\"href\": ...}}: " + a);
            }
            String key = a.fieldNames().next();
            if (!ACTOR_KEYS.contains(key)) {
                throw PceApiException.invalid("Unknown actor type '" + key + "' in " + field);
            }
            if (key.equals("actors")) {
                if (!"ams".equals(a.get("actors").asText())) {
                    throw PceApiException.invalid("The only value of 'actors' is \"ams\" (All Workloads), not " + a.get("actors"));
                }
                continue;
            }
            String href = a.get(key).path("href").asText("");
            if (!exists(key, href)) {
                throw new PceApiException(406, "invalid_actor", "The " + key.replace('_', ' ') + " " + href
                        + " referenced in " + field + " does not exist");
            }
        }
    }

    boolean exists(String key, String href) {
        return switch (key) {
            case "label" -> state.collection("labels").get(href) != null;
            case "workload" -> state.collection("workloads").get(href) != null;
            case "label_group" -> draft(PolicyType.LABEL_GROUPS, href);
            case "ip_list" -> draft(PolicyType.IP_LISTS, href);
            case "virtual_service" -> draft(PolicyType.VIRTUAL_SERVICES, href);
            default -> !href.isEmpty();
        };
    }

    private boolean draft(PolicyType t, String href) {
        return state.policy().draft().of(t).containsKey(PolicyHrefs.toDraft(href));
    }

    /** Services: a {@code {href}} of a draft service, or an inline {@code {port, to_port, proto}}. */
    void validateServices(JsonNode services, String field) {
        for (JsonNode s : services) {
            if (s.has("href")) {
                if (!draft(PolicyType.SERVICES, s.get("href").asText())) {
                    throw new PceApiException(406, "invalid_service", "Service " + s.get("href").asText()
                            + " referenced in " + field + " does not exist");
                }
                continue;
            }
            validatePortProto(s, field);
        }
    }

    static void validatePortProto(JsonNode s, String field) {
        JsonNode proto = s.get("proto");
        if (proto == null || !proto.isIntegralNumber() || !proto.canConvertToInt() || proto.asInt() < 0 || proto.asInt() > 255) {
            throw PceApiException.invalid(field + " entries need an integer 'proto' (6 TCP, 17 UDP, 1 ICMP...): " + s);
        }
        Validation.checkPort(s.get("port"), field + " port");
        Validation.checkPort(s.get("to_port"), field + " to_port");
        if (s.has("to_port") && !s.get("to_port").isNull()) {
            if (!s.has("port") || s.get("port").isNull()) {
                throw PceApiException.invalid(field + ": to_port needs a port");
            }
            if (s.get("to_port").asInt() < s.get("port").asInt()) {
                throw PceApiException.invalid(field + ": to_port " + s.get("to_port") + " is below port " + s.get("port"));
            }
        }
        if (s.has("port") && !s.get("port").isNull() && proto.asInt() != 6 && proto.asInt() != 17) {
            throw PceApiException.invalid(field + ": a port is only allowed with TCP (6) or UDP (17), not protocol " + proto.asInt());
        }
    }

    void validateIpTablesRule(ObjectNode r) {
        validateActors(r.get("actors"), "ip_tables_rules.actors", true);
        JsonNode statements = r.get("statements");
        if (statements == null || !statements.isArray() || statements.isEmpty()) {
            throw PceApiException.invalid("Custom iptables rules need a non-empty 'statements' array");
        }
        for (JsonNode st : statements) {
            String table = st.path("table_name").asText();
            String chain = st.path("chain_name").asText();
            String params = st.path("parameters").asText("");
            Set<String> chains = switch (table) {
                case "filter" -> Set.of("INPUT", "OUTPUT", "FORWARD");
                case "nat" -> Set.of("PREROUTING", "POSTROUTING", "OUTPUT", "INPUT");
                case "mangle" -> Set.of("PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING");
                default -> throw PceApiException.invalid("iptables table must be mangle, nat or filter, not '" + table + "'");
            };
            if (!chains.contains(chain)) {
                throw PceApiException.invalid("Chain '" + chain + "' is not allowed in the " + table + " table (allowed: " + chains + ")");
            }
            if (params.isBlank() || params.contains(";")) {
                throw PceApiException.invalid("iptables parameters must be non-empty and must not contain ';'");
            }
        }
    }
}
