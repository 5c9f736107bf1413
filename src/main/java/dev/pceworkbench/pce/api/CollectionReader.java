package dev.pceworkbench.pce.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
        boolean explicitLimit = request.query().containsKey("max_results");
        PceResponse first = transport.send(request, token);
        ArrayNode page = AsyncJobs.asArray(first.json(), request);
        long total = first.totalCount().orElse((long) page.size());
        if (explicitLimit || total <= page.size()) {
            return page;
        }
        progress.onProgress(Progress.phase("pending", "The PCE holds " + total + " objects; fetching all through an async job"));
        return jobs.collect(request, token, progress);
    }

    /** Only the count ({@code max_results=0} with {@code X-Total-Count}). */
    public long count(PceRequest request, CancellationToken token) {
        PceResponse r = transport.send(request.withoutQuery("max_results").withQuery("max_results", 0), token);
        return r.totalCount().orElseGet(() -> (long) r.json().size());
    }
}
