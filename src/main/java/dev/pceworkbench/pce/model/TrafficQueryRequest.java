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

    @Override
    public TrafficQueryRequest withExtra(Map<String, JsonNode> extra) {
        return new TrafficQueryRequest(queryName, startDate, endDate, sourcesDestinationsQueryOp, sources,
                destinations, services, policyDecisions, maxResults, excludeWorkloadsFromIpListQuery, extra);
    }
}
