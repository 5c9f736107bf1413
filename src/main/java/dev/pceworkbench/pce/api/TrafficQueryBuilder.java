package dev.pceworkbench.pce.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.pce.json.PceJson;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the body of an Explorer traffic query ({@code POST traffic_flows/async_queries}).
 * Sources and destinations are included as groups (the actors of one group must all match; any
 * group may) and excluded individually, by label, label group, workload, IP list, IP address or
 * All Workloads; services by port and protocol, port range or service href; plus policy
 * decisions, the time window, the result limit (at most 200,000) and a query name.
 */
public final class TrafficQueryBuilder {
    /** The most flows one query may ask for. */
    public static final int MAX_RESULTS_LIMIT = 200_000;
    private static final Set<String> DECISIONS = Set.of("allowed", "potentially_blocked", "blocked", "unknown");

    /** One source or destination filter, as the Explorer API spells it. */
    public record Filter(ObjectNode json) {
        private static Filter ref(String kind, String href) {
            ObjectNode o = PceJson.mapper().createObjectNode();
            o.putObject(kind).put("href", Refs.href(href));
            return new Filter(o);
        }

        public static Filter label(String href) {
            return ref("label", href);
        }

        public static Filter labelGroup(String href) {
            return ref("label_group", href);
        }

        public static Filter workload(String href) {
            return ref("workload", href);
        }

        public static Filter ipList(String href) {
            return ref("ip_list", href);
        }

        public static Filter ipAddress(String ip) {
            ObjectNode o = PceJson.mapper().createObjectNode();
            o.put("ip_address", ip);
            return new Filter(o);
        }

        public static Filter allWorkloads() {
            ObjectNode o = PceJson.mapper().createObjectNode();
            o.put("actors", "ams");
            return new Filter(o);
        }

        public static Filter transmission(String kind) {
            ObjectNode o = PceJson.mapper().createObjectNode();
            o.put("transmission", kind);
            return new Filter(o);
        }
    }

    private final List<List<Filter>> sourcesInclude = new ArrayList<>();
    private final List<Filter> sourcesExclude = new ArrayList<>();
    private final List<List<Filter>> destinationsInclude = new ArrayList<>();
    private final List<Filter> destinationsExclude = new ArrayList<>();
    private final ArrayNode servicesInclude = PceJson.mapper().createArrayNode();
    private final ArrayNode servicesExclude = PceJson.mapper().createArrayNode();
    private final Set<String> decisions = new LinkedHashSet<>();
    private String name = "";
    private Instant start = Instant.now().minusSeconds(86_400L * 30);
    private Instant end = Instant.now();
    private int maxResults = 100_000;
    private boolean or;
    private boolean excludeWorkloadsFromIpListQuery = true;

    public static TrafficQueryBuilder named(String queryName) {
        TrafficQueryBuilder b = new TrafficQueryBuilder();
        b.name = queryName == null ? "" : queryName;
        return b;
    }

    /** Adds a group of source filters that must all match (groups are alternatives). */
    public TrafficQueryBuilder sources(Filter... allOf) {
        sourcesInclude.add(List.of(allOf));
        return this;
    }

    public TrafficQueryBuilder excludeSources(Filter... any) {
        sourcesExclude.addAll(List.of(any));
        return this;
    }

    public TrafficQueryBuilder destinations(Filter... allOf) {
        destinationsInclude.add(List.of(allOf));
        return this;
    }

    public TrafficQueryBuilder excludeDestinations(Filter... any) {
        destinationsExclude.addAll(List.of(any));
        return this;
    }

    public TrafficQueryBuilder service(int port, int proto) {
        servicesInclude.add(port(port, null, proto));
        return this;
    }

    public TrafficQueryBuilder serviceRange(int fromPort, int toPort, int proto) {
        servicesInclude.add(port(fromPort, toPort, proto));
        return this;
    }

    /** A protocol without ports (ICMP 1, GRE 47, IPIP 4...). */
    public TrafficQueryBuilder protocol(int proto) {
        servicesInclude.addObject().put("proto", proto);
        return this;
    }

    public TrafficQueryBuilder service(String serviceHref) {
        servicesInclude.addObject().put("href", Refs.href(serviceHref));
        return this;
    }

    public TrafficQueryBuilder excludeService(int port, int proto) {
        servicesExclude.add(port(port, null, proto));
        return this;
    }

    public TrafficQueryBuilder excludeServiceRange(int fromPort, int toPort, int proto) {
        servicesExclude.add(port(fromPort, toPort, proto));
        return this;
    }

    public TrafficQueryBuilder excludeService(String serviceHref) {
        servicesExclude.addObject().put("href", Refs.href(serviceHref));
        return this;
    }

    /** {@code allowed}, {@code potentially_blocked}, {@code blocked}, {@code unknown}. */
    public TrafficQueryBuilder policyDecisions(String... values) {
        for (String v : values) {
            String d = v.toLowerCase(Locale.ROOT);
            if (!DECISIONS.contains(d)) {
                throw new IllegalArgumentException("Unknown policy decision '" + v + "': use one of " + DECISIONS);
            }
            decisions.add(d);
        }
        return this;
    }

    public TrafficQueryBuilder between(Instant from, Instant to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("The query starts (" + from + ") after it ends (" + to + ")");
        }
        this.start = from;
        this.end = to;
        return this;
    }

    public TrafficQueryBuilder maxResults(int n) {
        if (n < 1 || n > MAX_RESULTS_LIMIT) {
            throw new IllegalArgumentException("max results must be between 1 and " + MAX_RESULTS_LIMIT + ", not " + n);
        }
        this.maxResults = n;
        return this;
    }

    /** Whether sources OR destinations must match (default: both must). */
    public TrafficQueryBuilder sourcesOrDestinations(boolean orMatch) {
        this.or = orMatch;
        return this;
    }

    public TrafficQueryBuilder excludeWorkloadsFromIpListQuery(boolean exclude) {
        this.excludeWorkloadsFromIpListQuery = exclude;
        return this;
    }

    private static ObjectNode port(int port, Integer to, int proto) {
        if (port < 0 || port > 65535 || (to != null && (to < port || to > 65535))) {
            throw new IllegalArgumentException("Invalid port " + port + (to == null ? "" : "-" + to));
        }
        ObjectNode o = PceJson.mapper().createObjectNode();
        o.put("port", port);
        if (to != null) {
            o.put("to_port", to);
        }
        o.put("proto", proto);
        return o;
    }

    /** The JSON body; empty include lists are sent as {@code [[]]}, as the PCE expects. */
    public ObjectNode build() {
        ObjectNode q = PceJson.mapper().createObjectNode();
        q.set("sources", side(sourcesInclude, sourcesExclude));
        q.set("destinations", side(destinationsInclude, destinationsExclude));
        ObjectNode services = q.putObject("services");
        services.set("include", servicesInclude.deepCopy());
        services.set("exclude", servicesExclude.deepCopy());
        ArrayNode pd = q.putArray("policy_decisions");
        decisions.forEach(pd::add);
        q.put("start_date", DateTimeFormatter.ISO_INSTANT.format(start));
        q.put("end_date", DateTimeFormatter.ISO_INSTANT.format(end));
        q.put("sources_destinations_query_op", or ? "or" : "and");
        q.put("max_results", maxResults);
        q.put("query_name", name);
        q.put("exclude_workloads_from_ip_list_query", excludeWorkloadsFromIpListQuery);
        return q;
    }

    private static ObjectNode side(List<List<Filter>> include, List<Filter> exclude) {
        ObjectNode s = PceJson.mapper().createObjectNode();
        ArrayNode inc = s.putArray("include");
        if (include.isEmpty()) {
            inc.addArray();
        }
        for (List<Filter> group : include) {
            ArrayNode g = inc.addArray();
            group.forEach(f -> g.add(f.json().deepCopy()));
        }
        ArrayNode exc = s.putArray("exclude");
        exclude.forEach(f -> exc.add(f.json().deepCopy()));
        return s;
    }
}
