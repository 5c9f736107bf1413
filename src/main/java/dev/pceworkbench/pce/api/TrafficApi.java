package dev.pceworkbench.pce.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceException;
import dev.pceworkbench.pce.Progress;
import dev.pceworkbench.pce.http.PceRequest;
import dev.pceworkbench.pce.http.PceTransport;
import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.pce.model.TrafficFlow;
import dev.pceworkbench.pce.model.TrafficQuery;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Explorer traffic queries: submit a query ({@link TrafficQueryBuilder}), poll it from
 * {@code queued} through {@code working} to {@code completed} (or {@code failed}), and download its
 * flows as typed records, with progress (query state, bytes downloaded) and cancellation (which
 * asks the PCE to cancel the query).
 */
public final class TrafficApi {
    private static final Duration POLL = Duration.ofSeconds(1);

    private final PceTransport transport;
    private final String org;
    private final Duration timeout;
    private final Duration pollInterval;

    public TrafficApi(PceTransport transport, String orgPrefix, Duration timeout, Duration pollInterval) {
        this.transport = transport;
        this.org = orgPrefix;
        this.timeout = timeout;
        this.pollInterval = pollInterval == null ? POLL : pollInterval;
    }

    public TrafficQuery submit(JsonNode query, CancellationToken token) {
        return ProvisioningApi.read(transport.send(PceRequest.of("POST", org + "/traffic_flows/async_queries")
                .withBody(ProvisioningApi.bytes(query)), token).json(), TrafficQuery.class);
    }

    public TrafficQuery status(String href, CancellationToken token) {
        return ProvisioningApi.read(transport.send(PceRequest.of("GET", href), token).json(), TrafficQuery.class);
    }

    public List<TrafficQuery> queries(CancellationToken token) {
        List<TrafficQuery> out = new ArrayList<>();
        for (JsonNode q : transport.send(PceRequest.of("GET", org + "/traffic_flows/async_queries"), token).json()) {
            out.add(ProvisioningApi.read(q, TrafficQuery.class));
        }
        return out;
    }

    /** Polls until the query completes; a failed query throws with the PCE's message. */
    public TrafficQuery await(TrafficQuery query, CancellationToken token, Progress.Listener progress) {
        Instant deadline = Instant.now().plus(timeout);
        TrafficQuery q = query;
        try {
            while (!q.completed()) {
                if ("failed".equals(q.status()) || "killed".equals(q.status()) || "cancelled".equals(q.status())) {
                    throw new PceException("The traffic query " + q.href() + " " + q.status() + ": "
                            + (q.errorMessage() == null ? "no reason given" : q.errorMessage()));
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new PceException("The traffic query " + q.href() + " did not complete within "
                            + timeout.toSeconds() + " s (status " + q.status() + ")");
                }
                progress.onProgress(Progress.phase(q.status(), "Traffic query " + q.status()));
                token.sleep(pollInterval, "waiting for traffic query " + q.href());
                q = status(q.href(), token);
            }
            return q;
        } catch (dev.pceworkbench.pce.PceCancelledException e) {
            cancelQuietly(q.href());
            throw e;
        }
    }

    /** Streams the flows of a completed query into typed records. */
    public List<TrafficFlow> download(TrafficQuery completed, CancellationToken token, Progress.Listener progress) {
        String path = AsyncJobs.relative(completed.resultPath());
        return transport.stream(PceRequest.of("GET", path), token, progress, (in, len) -> {
            List<TrafficFlow> flows = new ArrayList<>();
            try (JsonParser p = PceJson.mapper().getFactory().createParser(in)) {
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw new IOException("the flows at " + path + " are not a JSON array");
                }
                var reader = PceJson.mapper().readerFor(TrafficFlow.class);
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    flows.add(reader.readValue(p));
                }
            }
            return flows;
        }).value();
    }

    /** Submit, wait and download in one call. */
    public List<TrafficFlow> run(JsonNode query, CancellationToken token, Progress.Listener progress) {
        TrafficQuery q = submit(query, token);
        return download(await(q, token, progress), token, progress);
    }

    private void cancelQuietly(String href) {
        try {
            transport.sendAllowingErrors(PceRequest.of("PUT", href)
                    .withBody("{\"status\":\"cancel_requested\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    CancellationToken.none());
        } catch (RuntimeException ignored) {
            // Best effort: an abandoned query expires on the PCE.
        }
    }
}
