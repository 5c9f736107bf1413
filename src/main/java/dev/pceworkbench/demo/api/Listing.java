package dev.pceworkbench.demo.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.http.ApiRequest;
import dev.pceworkbench.demo.http.ApiResponse;
import dev.pceworkbench.demo.http.PceApiException;
import dev.pceworkbench.demo.store.DemoState;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * GET on a collection, as the PCE does it: filter, count the matches into {@code X-Total-Count},
 * return at most {@code max_results} (default 500; 0 returns none, only the count), or, with
 * {@code Prefer: respond-async}, start a job whose datafile holds every match.
 */
final class Listing {
    static final int DEFAULT_MAX_RESULTS = 500;

    private Listing() {
    }

    /**
     * @param source  the stored collection, read under the state's read lock
     * @param render  turns a stored node into the served one (called under the read lock)
     * @param version the policy version to rewrite hrefs to, or null for org-level objects
     */
    static ApiResponse list(ApiRequest request, DemoState state, JobService jobs, Supplier<Collection<ObjectNode>> source,
                            Predicate<ObjectNode> filter, UnaryOperator<JsonNode> render, String version) {
        int max = request.intParam("max_results").orElse(DEFAULT_MAX_RESULTS);
        if (max < 0) {
            throw PceApiException.invalid("Invalid value for 'max_results': must not be negative");
        }
        List<ObjectNode> matches = state.read(() -> {
            List<ObjectNode> out = new ArrayList<>();
            for (ObjectNode n : source.get()) {
                if (filter.test(n)) {
                    out.add(n);
                }
            }
            return out;
        });
        if (request.prefersAsync()) {
            return jobs.submitArray(request, matches.size(), (g, from, to) -> {
                JsonGenerator out = JsonOut.forVersion(g, version);
                for (int i = from; i < to; i++) {
                    JsonOut.write(out, render.apply(matches.get(i)));
                }
            });
        }
        List<ObjectNode> page = matches.size() > max ? matches.subList(0, max) : matches;
        return ApiResponse.stream(200, g -> state.readIo(() -> JsonOut.writeArray(JsonOut.forVersion(g, version), page, render)))
                .header("X-Total-Count", Integer.toString(matches.size()));
    }
}
