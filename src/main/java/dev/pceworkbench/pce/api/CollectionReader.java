package dev.pceworkbench.pce.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.ArrayList;
import java.util.List;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.Progress;
import dev.pceworkbench.pce.http.PceRequest;
import dev.pceworkbench.pce.http.PceResponse;
import dev.pceworkbench.pce.http.PceTransport;

/**
 * Reads whole collections. A plain GET returns at most {@code max_results} (500 by default); when
 * the caller set no limit and {@code X-Total-Count} says there are more, the read switches to the
 * async job flow by itself, so callers always get the whole collection.
 */
public final class CollectionReader {
    private final PceTransport transport;
    private final AsyncJobs jobs;

    public CollectionReader(PceTransport transport, AsyncJobs jobs) {
        this.transport = transport;
        this.jobs = jobs;
    }

    public AsyncJobs jobs() {
        return jobs;
    }

    /**
     * @param request a collection GET; a {@code max_results} in its query is honoured as the
     *                caller's explicit limit (no switch to async then)
     */
    public ArrayNode read(PceRequest request, CancellationToken token, Progress.Listener progress) {
        ArrayNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        out.addAll(read(request, JsonNode.class, token, progress));
        return out;
    }

    /**
     * The whole collection as {@code type}. Without an explicit {@code max_results}, it first asks
     * only for the count ({@code max_results=0}, as the illumio library does): a small collection
     * then comes in one plain GET, a large one through the async job, and no 500-object page is
     * downloaded only to be thrown away.
     */
    public <T> List<T> read(PceRequest request, Class<T> type, CancellationToken token, Progress.Listener progress) {
        if (request.query().containsKey("max_results")) {
            return convert(AsyncJobs.asArray(transport.send(request, token).json(), request), type);
        }
        PceResponse probe = transport.send(request.withQuery("max_results", 0), token);
        java.util.Optional<Long> total = probe.totalCount();
        if (total.isPresent() && total.get() > SYNC_LIMIT) {
            progress.onProgress(Progress.phase("pending", "The PCE holds " + total.get()
                    + " objects; fetching all through an async job"));
            return jobs.collect(request, type, token, progress);
        }
        PceResponse page = transport.send(request, token);
        List<T> items = convert(AsyncJobs.asArray(page.json(), request), type);
        long reported = page.totalCount().orElse((long) items.size());
        if (reported > items.size()) {
            // The collection grew past the page between the two requests: fetch it whole.
            return jobs.collect(request, type, token, progress);
        }
        return items;
    }

    /** What a plain GET returns at most when no max_results is given. */
    static final int SYNC_LIMIT = 500;

    static <T> List<T> convert(ArrayNode array, Class<T> type) {
        if (type == JsonNode.class) {
            @SuppressWarnings("unchecked")
            List<T> same = (List<T>) new ArrayList<>(toList(array));
            return same;
        }
        com.fasterxml.jackson.databind.ObjectReader reader = dev.pceworkbench.pce.json.PceJson.mapper().readerFor(type);
        List<T> out = new ArrayList<>(array.size());
        for (JsonNode n : array) {
            try {
                out.add(reader.readValue(n));
            } catch (java.io.IOException e) {
                throw new dev.pceworkbench.pce.PceException("Cannot read " + type.getSimpleName()
                        + " from the PCE's answer: " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static List<JsonNode> toList(ArrayNode a) {
        List<JsonNode> out = new ArrayList<>(a.size());
        a.forEach(out::add);
        return out;
    }

    /** Only the count ({@code max_results=0} with {@code X-Total-Count}). */
    public long count(PceRequest request, CancellationToken token) {
        PceResponse r = transport.send(request.withoutQuery("max_results").withQuery("max_results", 0), token);
        return r.totalCount().orElseGet(() -> (long) r.json().size());
    }
}
