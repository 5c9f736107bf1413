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
     * flows small and makes later lookups by href cheap), equal ends become one record (a large
     * query has about one distinct end in eight), and equal services one. Records are immutable and
     * compared by value, so a flow reads exactly as before. Timestamp ranges are left as they are:
     * nearly every flow has its own (199,979 distinct in 200,000 on the {@code large} data set).
     *
     * <p>Ends are found without hashing their workload's members: by the shared workload's identity
     * (an end's other members then compared with the few ends seen with it) or, with no workload,
     * by IP; a new end record is made only for an end not seen before.
     */
    static final class Shared {
        private final java.util.Map<String, TrafficFlow.FlowWorkload> workloads = new java.util.HashMap<>();
        /** The most distinct ends kept per workload or address (beyond, a new one is left unshared). */
        private static final int MOST_VARIANTS = 32;
        /** Per shared workload, the distinct ends seen with it (one, or an array when several). */
        private final java.util.Map<Object, Object> endsOf = new java.util.IdentityHashMap<>();
        /** Ends without a workload, by IP (null IP under ""): one, or an array when several. */
        private final java.util.Map<Object, Object> endsAt = new java.util.HashMap<>();
        private final java.util.Map<TrafficFlow.FlowService, TrafficFlow.FlowService> sameServices = new java.util.IdentityHashMap<>();
        private final java.util.Map<TrafficFlow.FlowService, TrafficFlow.FlowService> services = new java.util.HashMap<>();

        TrafficFlow flow(TrafficFlow f) {
            TrafficFlow.Endpoint src = endpoint(f.src());
            TrafficFlow.Endpoint dst = endpoint(f.dst());
            TrafficFlow.FlowService service = service(f.service());
            if (src == f.src() && dst == f.dst() && service == f.service()) {
                return f;
            }
            return new TrafficFlow(src, dst, service, f.numConnections(), f.policyDecision(), f.flowDirection(),
                    f.state(), f.transmission(), f.timestampRange(), f.dstBi(), f.dstBo(), f.icmpType(), f.icmpCode(),
                    f.network(), f.draftPolicyDecision(), f.boundaryDecision(), f.rules(), f.denyRules(), f.extra());
        }

        private TrafficFlow.FlowService service(TrafficFlow.FlowService s) {
            if (s == null) {
                return null;
            }
            TrafficFlow.FlowService known = sameServices.get(s);
            if (known == null) {
                known = services.putIfAbsent(s, s);
                if (known == null) {
                    known = s;
                }
                sameServices.put(s, known);
            }
            return known;
        }

        private TrafficFlow.Endpoint endpoint(TrafficFlow.Endpoint e) {
            if (e == null) {
                return null;
            }
            TrafficFlow.FlowWorkload w = e.workload();
            TrafficFlow.FlowWorkload first = w;
            if (w != null && w.href() != null) {
                first = workloads.get(w.href());
                if (first == null) {
                    workloads.put(w.href(), w);
                    first = w;
                } else if (first != w && !first.equals(w)) {
                    first = w; // the same href written differently: kept as it is
                }
            }
            java.util.Map<Object, Object> index = first != null ? endsOf : endsAt;
            Object key = first != null ? first : e.ip() == null ? "" : e.ip();
            Object seen = index.get(key);
            if (seen instanceof TrafficFlow.Endpoint one) {
                if (sameBut(one, e, first)) {
                    return one;
                }
            } else if (seen instanceof TrafficFlow.Endpoint[] several) {
                for (TrafficFlow.Endpoint one : several) {
                    if (sameBut(one, e, first)) {
                        return one;
                    }
                }
            }
            TrafficFlow.Endpoint mine = first == w ? e
                    : new TrafficFlow.Endpoint(e.ip(), first, e.ipLists(), e.fqdn(), e.virtualService(), e.extra());
            Object now;
            if (seen == null) {
                now = mine;
            } else if (seen instanceof TrafficFlow.Endpoint one) {
                now = new TrafficFlow.Endpoint[]{one, mine};
            } else {
                TrafficFlow.Endpoint[] several = (TrafficFlow.Endpoint[]) seen;
                if (several.length >= MOST_VARIANTS) {
                    return mine; // an address seen in very many forms: not worth a longer scan
                }
                TrafficFlow.Endpoint[] more = java.util.Arrays.copyOf(several, several.length + 1);
                more[several.length] = mine;
                now = more;
            }
            index.put(key, now);
            return mine;
        }

        /** Whether {@code known} equals {@code e} with {@code e}'s workload taken as {@code workload}. */
        private static boolean sameBut(TrafficFlow.Endpoint known, TrafficFlow.Endpoint e, TrafficFlow.FlowWorkload workload) {
            return known.workload() == workload
                    && java.util.Objects.equals(known.ip(), e.ip())
                    && java.util.Objects.equals(known.ipLists(), e.ipLists())
                    && java.util.Objects.equals(known.fqdn(), e.fqdn())
                    && java.util.Objects.equals(known.virtualService(), e.virtualService())
                    && java.util.Objects.equals(known.extra(), e.extra());
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
