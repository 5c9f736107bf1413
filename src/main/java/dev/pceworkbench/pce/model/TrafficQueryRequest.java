package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * The body of a traffic query ({@code POST /traffic_flows/async_queries}, also the older
 * {@code traffic_analysis_queries}): dates, {@code sources} and {@code destinations} (include is a
 * list of lists: inner lists AND-ed, outer OR-ed; exclude is flat), {@code services},
 * {@code policy_decisions} ({@code allowed}, {@code blocked}, {@code potentially_blocked},
 * {@code unknown}), {@code max_results} and how sources and destinations combine.
 */
@PceRecord
public record TrafficQueryRequest(
        @JsonProperty("query_name") String queryName,
        @JsonProperty("start_date") String startDate,
        @JsonProperty("end_date") String endDate,
        @JsonProperty("sources_destinations_query_op") String sourcesDestinationsQueryOp,
        @JsonProperty("sources") Endpoints sources,
        @JsonProperty("destinations") Endpoints destinations,
        @JsonProperty("services") Services services,
        @JsonProperty("policy_decisions") List<String> policyDecisions,
        @JsonProperty("max_results") Integer maxResults,
        @JsonProperty("exclude_workloads_from_ip_list_query") Boolean excludeWorkloadsFromIpListQuery,
        @Extra Map<String, JsonNode> extra) implements PceJsonObject<TrafficQueryRequest> {

    public TrafficQueryRequest {
        policyDecisions = Extras.list(policyDecisions);
        extra = Extras.copy(extra);
    }

    /**
     * A query over all traffic between two dates (ISO 8601, e.g. {@code 2022-02-01T00:00:00Z}),
     * with the defaults of the PCE's own clients: everything included, nothing excluded, any
     * decision, up to 100,000 results, {@code and}, workloads excluded from IP list matches.
     */
    public static TrafficQueryRequest of(String queryName, String startDate, String endDate) {
        return new TrafficQueryRequest(queryName, startDate, endDate, "and", Endpoints.all(), Endpoints.all(),
                new Services(List.of(), List.of(), null), List.of(), 100_000, true, null);
    }

    /** Sources or destinations: {@code include} (OR of AND-lists) and {@code exclude}. */
    @PceRecord
    public record Endpoints(
            @JsonProperty("include") List<List<TrafficEndpointFilter>> include,
            @JsonProperty("exclude") List<TrafficEndpointFilter> exclude,
            @Extra Map<String, JsonNode> extra) implements PceJsonObject<Endpoints> {

        public Endpoints {
            include = Extras.lists(include);
            exclude = Extras.list(exclude);
            extra = Extras.copy(extra);
        }

        /** {@code {"include": [[]], "exclude": []}}: anything. */
        public static Endpoints all() {
            return new Endpoints(List.of(List.of()), List.of(), null);
        }

        @Override
        public Endpoints withExtra(Map<String, JsonNode> extra) {
            return new Endpoints(include, exclude, extra);
        }
    }

    /** Services to include (any of) and exclude. */
    @PceRecord
    public record Services(
            @JsonProperty("include") List<TrafficServiceFilter> include,
            @JsonProperty("exclude") List<TrafficServiceFilter> exclude,
            @Extra Map<String, JsonNode> extra) implements PceJsonObject<Services> {

        public Services {
            include = Extras.list(include);
            exclude = Extras.list(exclude);
            extra = Extras.copy(extra);
        }

        @Override
        public Services withExtra(Map<String, JsonNode> extra) {
            return new Services(include, exclude, extra);
        }
    }

    public TrafficQueryRequest withQueryName(String queryName) {
        return new TrafficQueryRequest(queryName, startDate, endDate, sourcesDestinationsQueryOp, sources,
                destinations, services, policyDecisions, maxResults, excludeWorkloadsFromIpListQuery, extra);
    }

    public TrafficQueryRequest withDates(String startDate, String endDate) {
        return new TrafficQueryRequest(queryName, startDate, endDate, sourcesDestinationsQueryOp, sources,
                destinations, services, policyDecisions, maxResults, excludeWorkloadsFromIpListQuery, extra);
    }

    public TrafficQueryRequest withSources(Endpoints sources) {
        return new TrafficQueryRequest(queryName, startDate, endDate, sourcesDestinationsQueryOp, sources,
                destinations, services, policyDecisions, maxResults, excludeWorkloadsFromIpListQuery, extra);
    }

    public TrafficQueryRequest withDestinations(Endpoints destinations) {
        return new TrafficQueryRequest(queryName, startDate, endDate, sourcesDestinationsQueryOp, sources,
                destinations, services, policyDecisions, maxResults, excludeWorkloadsFromIpListQuery, extra);
    }

    public TrafficQueryRequest withServices(Services services) {
        return new TrafficQueryRequest(queryName, startDate, endDate, sourcesDestinationsQueryOp, sources,
                destinations, services, policyDecisions, maxResults, excludeWorkloadsFromIpListQuery, extra);
    }

    public TrafficQueryRequest withPolicyDecisions(List<String> policyDecisions) {
        return new TrafficQueryRequest(queryName, startDate, endDate, sourcesDestinationsQueryOp, sources,
                destinations, services, policyDecisions, maxResults, excludeWorkloadsFromIpListQuery, extra);
    }

    public TrafficQueryRequest withMaxResults(Integer maxResults) {
        return new TrafficQueryRequest(queryName, startDate, endDate, sourcesDestinationsQueryOp, sources,
                destinations, services, policyDecisions, maxResults, excludeWorkloadsFromIpListQuery, extra);
    }

    public TrafficQueryRequest withSourcesDestinationsQueryOp(String op) {
        return new TrafficQueryRequest(queryName, startDate, endDate, op, sources,
                destinations, services, policyDecisions, maxResults, excludeWorkloadsFromIpListQuery, extra);
    }

    public TrafficQueryRequest withExcludeWorkloadsFromIpListQuery(Boolean exclude) {
        return new TrafficQueryRequest(queryName, startDate, endDate, sourcesDestinationsQueryOp, sources,
                destinations, services, policyDecisions, maxResults, exclude, extra);
    }

    /** The most flows one query may return. */
    public static final int MAX_RESULTS_LIMIT = 200_000;

    /**
     * What the PCE would refuse in this query, each as "field: reason" (empty when none), so a form
     * can refuse it before sending: dates (ISO 8601, start not after end), {@code max_results} (1 to
     * 200,000), the combining operator, each filter item (exactly one kind; an IP address or CIDR
     * block that parses), each service (port 0-65535, a range's {@code to_port} not below its port,
     * protocol 0-255, something to match) and each policy decision.
     */
    public java.util.List<String> problems() {
        java.util.List<String> out = new java.util.ArrayList<>();
        java.time.Instant from = date(startDate, "start_date", out);
        java.time.Instant to = date(endDate, "end_date", out);
        if (from != null && to != null && from.isAfter(to)) {
            out.add("end_date: " + endDate + " is before start_date " + startDate);
        }
        if (maxResults != null && (maxResults < 1 || maxResults > MAX_RESULTS_LIMIT)) {
            out.add("max_results: must be from 1 to " + MAX_RESULTS_LIMIT + ", not " + maxResults);
        }
        if (sourcesDestinationsQueryOp != null && !"and".equals(sourcesDestinationsQueryOp)
                && !"or".equals(sourcesDestinationsQueryOp)) {
            out.add("sources_destinations_query_op: must be and or or, not " + sourcesDestinationsQueryOp);
        }
        endpoints(sources, "sources", out);
        endpoints(destinations, "destinations", out);
        if (services != null) {
            services(services.include(), "services.include", out);
            services(services.exclude(), "services.exclude", out);
        }
        for (String d : policyDecisions) {
            if (!java.util.Set.of("allowed", "potentially_blocked", "blocked", "unknown").contains(d)) {
                out.add("policy_decisions: unknown decision " + d + " (allowed, potentially_blocked, blocked, unknown)");
            }
        }
        return out;
    }

    private static java.time.Instant date(String text, String field, java.util.List<String> out) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.strip().length() == 10 ? java.time.LocalDate.parse(text.strip()).atStartOfDay()
                    .toInstant(java.time.ZoneOffset.UTC) : java.time.OffsetDateTime.parse(text.strip()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            out.add(field + ": " + text + " is not a date (2024-01-31) or a timestamp (2024-01-31T00:00:00Z)");
            return null;
        }
    }

    private static void endpoints(Endpoints e, String field, java.util.List<String> out) {
        if (e == null) {
            return;
        }
        for (java.util.List<TrafficEndpointFilter> row : e.include()) {
            for (TrafficEndpointFilter f : row) {
                item(f, field + ".include", out);
            }
        }
        for (TrafficEndpointFilter f : e.exclude()) {
            item(f, field + ".exclude", out);
        }
    }

    private static void item(TrafficEndpointFilter f, String field, java.util.List<String> out) {
        int kinds = (f.actors() != null ? 1 : 0) + (f.label() != null ? 1 : 0) + (f.labelGroup() != null ? 1 : 0)
                + (f.workload() != null ? 1 : 0) + (f.ipList() != null ? 1 : 0) + (f.ipAddress() != null ? 1 : 0)
                + (f.fqdn() != null ? 1 : 0) + (f.transmission() != null ? 1 : 0);
        if (kinds != 1) {
            out.add(field + ": each item names exactly one label, label group, workload, IP list, IP address or "
                    + "transmission, not " + kinds);
            return;
        }
        if (f.ipAddress() != null) {
            String ip = f.ipAddress().isTextual() ? f.ipAddress().asText() : f.ipAddress().path("value").asText("");
            if (!ipOrCidr(ip)) {
                out.add(field + ": " + ip + " is not an IP address or CIDR block");
            }
        }
        if (f.transmission() != null && !java.util.Set.of("unicast", "broadcast", "multicast").contains(f.transmission())) {
            out.add(field + ": transmission must be unicast, broadcast or multicast, not " + f.transmission());
        }
    }

    private static boolean ipOrCidr(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        String ip = slash < 0 ? t : t.substring(0, slash);
        boolean v6 = ip.contains(":");
        if (slash >= 0) {
            try {
                int bits = Integer.parseInt(t.substring(slash + 1));
                if (bits < 0 || bits > (v6 ? 128 : 32)) {
                    return false;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (v6) {
            return ip.matches("[0-9a-fA-F:.]+") && ip.chars().filter(c -> c == ':').count() >= 2;
        }
        String[] parts = ip.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (!p.matches("[0-9]{1,3}") || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    private static void services(java.util.List<TrafficServiceFilter> list, String field, java.util.List<String> out) {
        for (TrafficServiceFilter s : list) {
            if (s.port() == null && s.proto() == null && s.processName() == null && s.windowsServiceName() == null
                    && s.extra().get("href") == null) {
                out.add(field + ": each service names a port, protocol, process or Windows service");
            }
            if (s.port() != null && (s.port() < 0 || s.port() > 65535)) {
                out.add(field + ": port " + s.port() + " is not from 0 to 65535");
            }
            if (s.toPort() != null && s.port() == null) {
                out.add(field + ": to_port " + s.toPort() + " needs a port");
            } else if (s.toPort() != null && (s.toPort() < s.port() || s.toPort() > 65535)) {
                out.add(field + ": to_port " + s.toPort() + " must be from port " + s.port() + " to 65535");
            }
            if (s.proto() != null && (s.proto() < 0 || s.proto() > 255)) {
                out.add(field + ": proto " + s.proto() + " is not from 0 to 255");
            }
        }
    }

    @Override
    public TrafficQueryRequest withExtra(Map<String, JsonNode> extra) {
        return new TrafficQueryRequest(queryName, startDate, endDate, sourcesDestinationsQueryOp, sources,
                destinations, services, policyDecisions, maxResults, excludeWorkloadsFromIpListQuery, extra);
    }
}
