package dev.pceworkbench.demo.traffic;

import dev.pceworkbench.pce.model.Hrefs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.http.PceApiException;
import dev.pceworkbench.demo.policy.IpAddress;
import dev.pceworkbench.demo.policy.IpRangeSet;
import dev.pceworkbench.demo.policy.PortRange;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.store.PolicyHrefs;
import dev.pceworkbench.demo.store.PolicySnapshot;
import dev.pceworkbench.demo.store.PolicyType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An Explorer query body, validated the way the PCE does (406 with the offending part named) and
 * turned into filters. Sources and destinations have an {@code include} list of lists (items of
 * an inner list must all hold, one inner list is enough; empty means everything) and a flat
 * {@code exclude} list. References are resolved when the query is created, against the labels and
 * workloads of the org and the ACTIVE policy (IP lists and label groups), as the PCE does.
 */
public final class FlowQuery {
    public static final int MAX_RESULTS_LIMIT = 200_000;
    static final int DEFAULT_MAX_RESULTS = 100_000;
    static final Set<String> DECISIONS = Set.of("allowed", "blocked", "potentially_blocked", "unknown");

    /** One filter item; exactly one of its parts is set. */
    record Item(String label, String labelGroup, String workload, IpRangeSet ipList, IpAddress[] block, boolean ams,
                Boolean constant) {
    }

    /**
     * One service filter: ports (null for any), and/or a process name or Windows service name
     * (compared case-insensitively, as Windows names are); all given parts must hold.
     */
    record Svc(PortRange ports, String process, String windowsService) {
    }

    /** Filters of one side of the flow. */
    record Side(List<List<Item>> include, List<Item> exclude) {
        boolean includesAll() {
            return include.isEmpty();
        }
    }

    final Side sources;
    final Side destinations;
    final List<Svc> servicesInclude = new ArrayList<>();
    final List<Svc> servicesExclude = new ArrayList<>();
    final Set<String> decisions;
    final Instant start;
    final Instant end;
    final boolean or;
    final int maxResults;
    final boolean excludeWorkloadsFromIpLists;

    private final DemoState state;
    private final PolicySnapshot active;

    private FlowQuery(ObjectNode body, DemoState state) {
        this.state = state;
        this.active = state.policy().active();
        this.sources = side(body.get("sources"), "sources");
        this.destinations = side(body.get("destinations"), "destinations");
        JsonNode services = body.get("services");
        if (services != null && !services.isNull()) {
            if (!services.isObject()) {
                throw PceApiException.invalid("'services' must be an object with 'include' and 'exclude' lists");
            }
            services(services.get("include"), "services.include", servicesInclude);
            services(services.get("exclude"), "services.exclude", servicesExclude);
        }
        List<String> ds = new ArrayList<>();
        for (JsonNode d : list(body.get("policy_decisions"), "policy_decisions")) {
            if (!DECISIONS.contains(d.asText())) {
                throw PceApiException.invalid("Unknown policy decision '" + d.asText() + "' in policy_decisions; use "
                        + "allowed, blocked, potentially_blocked or unknown");
            }
            ds.add(d.asText());
        }
        this.decisions = Set.copyOf(ds);
        this.start = date(body.get("start_date"), "start_date", false);
        this.end = date(body.get("end_date"), "end_date", true);
        if (start != null && end != null && start.isAfter(end)) {
            throw PceApiException.invalid("start_date " + body.get("start_date").asText() + " is after end_date "
                    + body.get("end_date").asText());
        }
        String op = body.path("sources_destinations_query_op").asText("and");
        if (!op.equals("and") && !op.equals("or")) {
            throw PceApiException.invalid("sources_destinations_query_op must be \"and\" or \"or\", not \"" + op + "\"");
        }
        this.or = op.equals("or");
        JsonNode max = body.get("max_results");
        if (max != null && !max.isNull() && (!max.isIntegralNumber() || max.asLong() < 0 || max.asLong() > MAX_RESULTS_LIMIT)) {
            throw PceApiException.invalid("max_results must be an integer from 0 to " + MAX_RESULTS_LIMIT + ", got " + max);
        }
        this.maxResults = max == null || max.isNull() ? DEFAULT_MAX_RESULTS : max.asInt();
        JsonNode ex = body.get("exclude_workloads_from_ip_list_query");
        if (ex != null && !ex.isNull() && !ex.isBoolean()) {
            throw PceApiException.invalid("exclude_workloads_from_ip_list_query must be a boolean");
        }
        this.excludeWorkloadsFromIpLists = ex == null || ex.isNull() || ex.asBoolean();
        JsonNode name = body.get("query_name");
        if (name != null && !name.isNull() && !name.isTextual()) {
            throw PceApiException.invalid("query_name must be a string");
        }
    }

    /** Validates {@code body}; call under the state's read lock. */
    public static FlowQuery parse(JsonNode body, DemoState state) {
        if (body == null || !body.isObject()) {
            throw PceApiException.invalid("The traffic query must be a JSON object");
        }
        return new FlowQuery((ObjectNode) body, state);
    }

    public int maxResults() {
        return maxResults;
    }

    private Side side(JsonNode n, String field) {
        if (n == null || n.isNull()) {
            return new Side(List.of(), List.of());
        }
        if (!n.isObject()) {
            throw PceApiException.invalid("'" + field + "' must be an object with 'include' (a list of lists) and 'exclude'");
        }
        List<List<Item>> include = new ArrayList<>();
        for (JsonNode group : list(n.get("include"), field + ".include")) {
            List<Item> items = new ArrayList<>();
            // A bare item instead of an inner list is taken as a list of one.
            for (JsonNode item : group.isArray() ? group : List.of(group)) {
                items.add(item(item, field + ".include"));
            }
            if (!items.isEmpty()) {
                include.add(items);
            }
        }
        if (include.size() < list(n.get("include"), field).size()) {
            include.clear(); // an empty inner list ([[]]) matches everything, so the whole include does
        }
        List<Item> exclude = new ArrayList<>();
        for (JsonNode item : list(n.get("exclude"), field + ".exclude")) {
            for (JsonNode x : item.isArray() ? item : List.of(item)) {
                exclude.add(item(x, field + ".exclude"));
            }
        }
        return new Side(include, exclude);
    }

    private Item item(JsonNode item, String field) {
        // Keys with null values are ignored: some clients serialise every filter field.
        List<String> keys = new ArrayList<>();
        if (item.isObject()) {
            item.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    keys.add(e.getKey());
                }
            });
        }
        if (keys.size() != 1) {
            throw PceApiException.invalid("Each item of " + field + " must be an object with one key such as "
                    + "{\"label\": {\"href\": ...}}, got " + item);
        }
        String key = keys.get(0);
        JsonNode v = item.get(key);
        String href = v.path("href").asText(null);
        switch (key) {
            case "label" -> {
                if (href == null || state.collection("labels").get(href) == null) {
                    throw PceApiException.invalid("Label " + v + " in " + field + " does not exist");
                }
                return new Item(href, null, null, null, null, false, null);
            }
            case "label_group" -> {
                String draft = href == null ? null : PolicyHrefs.toDraft(href);
                if (draft == null || active.of(PolicyType.LABEL_GROUPS).get(draft) == null) {
                    throw PceApiException.invalid("Label group " + v + " in " + field + " does not exist in the active policy");
                }
                return new Item(null, draft, null, null, null, false, null);
            }
            case "workload" -> {
                if (href == null || state.collection("workloads").get(href) == null) {
                    throw PceApiException.invalid("Workload " + v + " in " + field + " does not exist");
                }
                return new Item(null, null, href, null, null, false, null);
            }
            case "ip_list" -> {
                ObjectNode list = href == null ? null : active.of(PolicyType.IP_LISTS).get(PolicyHrefs.toDraft(href));
                if (list == null) {
                    throw PceApiException.invalid("IP list " + v + " in " + field + " does not exist in the active policy");
                }
                return new Item(null, null, null, IpRangeSet.of(list), null, false, null);
            }
            case "ip_address" -> {
                // illumio-py sends a string, illumioapi {"value": ...}; both mean the same.
                String text = v.isTextual() ? v.asText() : v.path("value").asText("");
                try {
                    return new Item(null, null, null, null, IpAddress.block(text), false, null);
                } catch (IllegalArgumentException e) {
                    throw PceApiException.invalid("ip_address '" + text + "' in " + field + " is not an IP address or CIDR block");
                }
            }
            case "actors" -> {
                if (!"ams".equals(v.asText())) {
                    throw PceApiException.invalid("The only value of 'actors' is \"ams\", not " + v);
                }
                return new Item(null, null, null, null, null, true, null);
            }
            case "transmission" -> {
                String t = v.asText();
                if (!Set.of("unicast", "broadcast", "multicast").contains(t)) {
                    throw PceApiException.invalid("transmission must be unicast, broadcast or multicast, not " + v);
                }
                return new Item(null, null, null, null, null, false, t.equals("unicast")); // every demo flow is unicast
            }
            case "fqdn" -> {
                return new Item(null, null, null, null, null, false, false); // demo flows carry no FQDNs
            }
            default -> throw PceApiException.invalid("Unknown filter '" + key + "' in " + field
                    + "; use label, label_group, workload, ip_list, ip_address, actors, transmission or fqdn");
        }
    }

    private void services(JsonNode n, String field, List<Svc> out) {
        for (JsonNode s : list(n, field)) {
            if (!s.isObject()) {
                throw PceApiException.invalid("Each item of " + field + " must be an object, got " + s);
            }
            if (s.hasNonNull("href")) {
                ObjectNode svc = active.of(PolicyType.SERVICES).get(PolicyHrefs.toDraft(s.get("href").asText()));
                if (svc == null) {
                    throw PceApiException.invalid("Service " + s.get("href").asText() + " in " + field + " does not exist in the active policy");
                }
                svc.path("service_ports").forEach(p -> out.add(new Svc(PortRange.of(p), null, null)));
                svc.path("windows_services").forEach(p -> out.add(new Svc(p.hasNonNull("port") || p.hasNonNull("proto")
                        ? PortRange.of(p) : null, p.path("process_name").textValue(), p.path("service_name").textValue())));
                continue;
            }
            for (String k : List.of("port", "to_port", "proto")) {
                if (s.hasNonNull(k) && (!s.get(k).isIntegralNumber() || s.get(k).asInt() < -1 || s.get(k).asInt() > 65535)) {
                    throw PceApiException.invalid(field + " " + k + " must be an integer, got " + s.get(k));
                }
            }
            if (s.hasNonNull("to_port") && !s.hasNonNull("port")) {
                throw PceApiException.invalid(field + " to_port " + s.get("to_port") + " needs a port");
            }
            if (s.hasNonNull("to_port") && s.get("to_port").asInt() < s.get("port").asInt()) {
                throw PceApiException.invalid(field + " to_port " + s.get("to_port") + " is below port " + s.get("port"));
            }
            for (String k : List.of("process_name", "windows_service_name")) {
                if (s.hasNonNull(k) && (!s.get(k).isTextual() || s.get(k).asText().isBlank())) {
                    throw PceApiException.invalid(field + " " + k + " must be a non-empty string, got " + s.get(k));
                }
            }
            PortRange ports = s.hasNonNull("port") || s.hasNonNull("proto") ? PortRange.of(s) : null;
            String process = s.path("process_name").textValue();
            String windows = s.path("windows_service_name").textValue();
            if (ports == null && process == null && windows == null) {
                throw PceApiException.invalid("Each item of " + field + " needs a port, proto, process_name or "
                        + "windows_service_name, got " + s);
            }
            out.add(new Svc(ports, process, windows));
        }
    }

    private static List<JsonNode> list(JsonNode n, String field) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw PceApiException.invalid("'" + field + "' must be a list");
        }
        List<JsonNode> out = new ArrayList<>();
        n.forEach(out::add);
        return out;
    }

    /** An ISO instant or a plain date; a plain end date includes its whole day. */
    private static Instant date(JsonNode n, String field, boolean end) {
        if (n == null || n.isNull() || n.asText().isBlank()) {
            return null;
        }
        String t = n.asText().trim();
        try {
            if (t.length() == 10) {
                LocalDate d = LocalDate.parse(t);
                return end ? d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1)
                        : d.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw PceApiException.invalid(field + " '" + t + "' is not a date (2024-01-31) or a timestamp (2024-01-31T00:00:00Z)");
        }
    }
}
