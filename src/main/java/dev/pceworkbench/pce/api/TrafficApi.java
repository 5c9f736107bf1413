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
import dev.pceworkbench.pce.model.TrafficQueryRequest;

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

    /** Submits a typed query ({@link TrafficQueryRequest}). */
    public TrafficQuery submit(TrafficQueryRequest query, CancellationToken token) {
        return submit(PceJson.mapper().valueToTree(query), token);
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
                if (q.ended()) {
                    throw new TrafficQueryFailedException(q.href(), q.status(), q.errorMessage());
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new PceException("The traffic query " + q.href() + " did not complete within "
                            + timeout.toSeconds() + " s (status " + q.status() + ")");
                }
                progress.onProgress(Progress.phase(q.status(), "Traffic query " + q.status().replace('_', ' ')
                        + " on the PCE"));
                token.sleep(pollInterval, "waiting for traffic query " + q.href());
                q = status(q.href(), token);
            }
            return q;
        } catch (dev.pceworkbench.pce.PceCancelledException e) {
            cancelQuietly(q.href());
            throw e;
        }
    }

    /**
     * Streams the flows of a completed query into typed records, reporting "Downloading N MB" (phase
     * {@code downloading}) and "Parsing N flows" (phase {@code parsing}) as it goes.
     */
    public List<TrafficFlow> download(TrafficQuery completed, CancellationToken token, Progress.Listener progress) {
        if (completed.resultPath() == null) {
            throw new PceException("The traffic query " + completed.href() + " is " + completed.status()
                    + " and has no results to download");
        }
        String path = AsyncJobs.relative(completed.resultPath());
        long[] bytes = {0};
        Progress.Listener bytesSeen = p -> {
            bytes[0] = p.bytes();
            progress.onProgress(p);
        };
        return transport.stream(PceRequest.of("GET", path), token, bytesSeen, (in, len) -> {
            List<TrafficFlow> flows = new ArrayList<>();
            try (JsonParser p = PceJson.mapper().getFactory().createParser(in)) {
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw new IOException("the flows at " + path + " are not a JSON array");
                }
                var reader = PceJson.mapper().readerFor(TrafficFlow.class);
                java.util.Map<String, TrafficFlow.FlowWorkload> workloads = new java.util.HashMap<>();
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    flows.add(shared((TrafficFlow) reader.readValue(p), workloads));
                    if (flows.size() % 10_000 == 0) {
                        token.throwIfCancelled("downloading the flows of " + completed.href());
                        progress.onProgress(new Progress("parsing", bytes[0], len,
                                String.format("Downloading %.1f MB, parsing %,d flows", bytes[0] / 1_048_576.0,
                                        flows.size())));
                    }
                }
            }
            return flows;
        }).value();
    }

    /**
     * The flow with each end's workload replaced by the first equal one of the download: a workload
     * is in many flows, and sharing one record (and its href string) keeps 200,000 flows small and
     * makes later lookups by href cheap.
     */
    private static TrafficFlow shared(TrafficFlow f, java.util.Map<String, TrafficFlow.FlowWorkload> seen) {
        TrafficFlow.Endpoint src = shared(f.src(), seen);
        TrafficFlow.Endpoint dst = shared(f.dst(), seen);
        if (src == f.src() && dst == f.dst()) {
            return f;
        }
        return new TrafficFlow(src, dst, f.service(), f.numConnections(), f.policyDecision(), f.flowDirection(),
                f.state(), f.transmission(), f.timestampRange(), f.dstBi(), f.dstBo(), f.icmpType(), f.icmpCode(),
                f.network(), f.draftPolicyDecision(), f.boundaryDecision(), f.rules(), f.denyRules(), f.extra());
    }

    private static TrafficFlow.Endpoint shared(TrafficFlow.Endpoint e, java.util.Map<String, TrafficFlow.FlowWorkload> seen) {
        if (e == null || e.workload() == null || e.workload().href() == null) {
            return e;
        }
        TrafficFlow.FlowWorkload w = e.workload();
        TrafficFlow.FlowWorkload first = seen.putIfAbsent(w.href(), w);
        if (first == null || first == w || !first.equals(w)) {
            return e;
        }
        return new TrafficFlow.Endpoint(e.ip(), first, e.ipLists(), e.fqdn(), e.virtualService(), e.extra());
    }

    /** Submit, wait and download in one call. */
    public List<TrafficFlow> run(JsonNode query, CancellationToken token, Progress.Listener progress) {
        TrafficQuery q = submit(query, token);
        return download(await(q, token, progress), token, progress);
    }

    /**
     * Asks the PCE to cancel a queued or working query ({@code PUT} with
     * {@code {"status": "cancel_requested"}}); the query then reads {@code cancel_requested} and
     * ends {@code killed}. A PCE refusal (the query already ended) throws with its message.
     */
    public void cancel(String href, CancellationToken token) {
        transport.send(PceRequest.of("PUT", href)
                .withBody("{\"status\":\"cancel_requested\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)), token);
    }

    /** Deletes a query and its results on the PCE. */
    public void delete(String href, CancellationToken token) {
        transport.send(PceRequest.of("DELETE", href), token);
    }

    /**
     * Asks the PCE for the draft decisions of a completed query's flows
     * ({@code PUT .../update_rules?label_based_rules=false}): the query's {@code rules} status then
     * goes queued, working, completed, and its download carries {@code draft_policy_decision}.
     */
    public void updateRules(String href, CancellationToken token) {
        transport.send(PceRequest.of("PUT", href + "/update_rules?label_based_rules=false")
                .withBody("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)), token);
    }

    /**
     * Polls the query until its {@code rules} status (after {@link #updateRules}) is completed; a
     * failed computation throws with the PCE's message.
     */
    public TrafficQuery awaitRules(String href, CancellationToken token, Progress.Listener progress) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            TrafficQuery q = status(href, token);
            String rules = q.rulesStatus();
            if ("completed".equals(rules)) {
                return q;
            }
            if ("failed".equals(rules)) {
                JsonNode m = q.rules() == null ? null : q.rules().get("message");
                throw new TrafficQueryFailedException(href, "failed to update its rules",
                        m == null || m.isNull() ? null : m.asText());
            }
            if (q.ended()) {
                throw new TrafficQueryFailedException(href, q.status(), q.errorMessage());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new PceException("The draft rules of traffic query " + href + " were not updated within "
                        + timeout.toSeconds() + " s (rules " + rules + ")");
            }
            progress.onProgress(Progress.phase("rules " + rules, "Draft decisions " + (rules == null ? "requested"
                    : rules) + " on the PCE"));
            token.sleep(pollInterval, "waiting for the draft rules of " + href);
        }
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
