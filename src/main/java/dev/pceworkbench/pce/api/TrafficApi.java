package dev.pceworkbench.pce.api;

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
        Duration pause = Duration.ZERO;
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
                token.sleep(pause, "waiting for traffic query " + q.href());
                pause = nextPause(pause);
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
        List<TrafficFlow> parsed = AsyncJobs.streamArray(transport, path, TrafficFlow.class, "flows",
                "the flows at " + path, "downloading the flows of " + completed.href(), token, progress);
        Shared shared = new Shared();
        List<TrafficFlow> flows = new ArrayList<>(parsed.size());
        for (TrafficFlow f : parsed) {
            flows.add(shared.flow(f));
        }
        return flows;
    }

    /**
     * Shares equal parts between the flows of one download: each end's workload becomes the first
     * equal one (a workload is in many flows, and one record, with its href string, keeps 200,000
     * flows small and makes later lookups by href cheap), and equal ends, services and timestamp
     * ranges become one record each. Records are immutable and compared by value, so a flow reads
     * exactly as before.
     */
    private static final class Shared {
        private final java.util.Map<String, TrafficFlow.FlowWorkload> workloads = new java.util.HashMap<>();
        private final java.util.Map<Object, Object> parts = new java.util.HashMap<>();

        TrafficFlow flow(TrafficFlow f) {
            TrafficFlow.Endpoint src = endpoint(f.src());
            TrafficFlow.Endpoint dst = endpoint(f.dst());
            TrafficFlow.FlowService service = one(f.service());
            TrafficFlow.TimestampRange range = one(f.timestampRange());
            if (src == f.src() && dst == f.dst() && service == f.service() && range == f.timestampRange()) {
                return f;
            }
            return new TrafficFlow(src, dst, service, f.numConnections(), f.policyDecision(), f.flowDirection(),
                    f.state(), f.transmission(), range, f.dstBi(), f.dstBo(), f.icmpType(), f.icmpCode(),
                    f.network(), f.draftPolicyDecision(), f.boundaryDecision(), f.rules(), f.denyRules(), f.extra());
        }

        @SuppressWarnings("unchecked")
        private <T> T one(T part) {
            if (part == null) {
                return null;
            }
            Object first = parts.putIfAbsent(part, part);
            return first == null ? part : (T) first;
        }

        private TrafficFlow.Endpoint endpoint(TrafficFlow.Endpoint e) {
            if (e == null) {
                return null;
            }
            TrafficFlow.FlowWorkload w = e.workload();
            if (w != null && w.href() != null) {
                TrafficFlow.FlowWorkload first = workloads.putIfAbsent(w.href(), w);
                if (first != null && first != w && first.equals(w)) {
                    e = new TrafficFlow.Endpoint(e.ip(), first, e.ipLists(), e.fqdn(), e.virtualService(), e.extra());
                }
            }
            return one(e);
        }
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
        Duration pause = nextPause(Duration.ZERO);
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
            token.sleep(pause, "waiting for the draft rules of " + href);
            pause = nextPause(pause);
        }
    }

    /**
     * The pause before the next poll: at once, then 20 ms doubling (as {@link AsyncJobs} polls a
     * job), never more than the poll interval; a short query is seen done within milliseconds.
     */
    private Duration nextPause(Duration previous) {
        Duration next = AsyncJobs.nextBackoff(previous);
        return next.compareTo(pollInterval) > 0 ? pollInterval : next;
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
