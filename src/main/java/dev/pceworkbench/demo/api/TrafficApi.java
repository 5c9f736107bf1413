package dev.pceworkbench.demo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.http.ApiRequest;
import dev.pceworkbench.demo.http.ApiResponse;
import dev.pceworkbench.demo.http.Datafile;
import dev.pceworkbench.demo.http.PceApiException;
import dev.pceworkbench.demo.http.Router;
import dev.pceworkbench.demo.policy.PolicyModel;
import dev.pceworkbench.demo.policy.PolicyModelCache;
import dev.pceworkbench.demo.server.Faults;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.traffic.AsyncQuery;
import dev.pceworkbench.demo.traffic.FlowGenerator;
import dev.pceworkbench.demo.traffic.FlowJson;
import dev.pceworkbench.demo.traffic.FlowQuery;
import dev.pceworkbench.demo.traffic.FlowQueryRunner;
import dev.pceworkbench.demo.traffic.FlowStore;
import dev.pceworkbench.pce.json.PceJson;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Traffic Explorer: {@code /orgs/{id}/traffic_flows/async_queries} (create, list, status, download,
 * cancel, delete) and the older synchronous {@code traffic_analysis_queries}. Flows come from a
 * deterministic {@link FlowGenerator} history built on first use; each query runs in the
 * background against the ACTIVE policy, and its status follows the configured duration (see
 * {@link AsyncQuery}). A JOBFAIL fault, consumed when a query is created, makes it fail.
 */
public final class TrafficApi {
    private static final Logger LOG = Logger.getLogger(TrafficApi.class.getName());
    /** Results are kept in memory; beyond this many queries the oldest are forgotten. */
    private static final int KEEP_QUERIES = 100;

    private final DemoState state;
    private final Faults faults;
    private final Duration duration;
    private final String fqdn;
    private final long seed;
    private final Map<String, AsyncQuery> queries = new LinkedHashMap<>();
    /** Each completed query's download, written once when it completes (guarded by {@code queries}). */
    private final Map<String, Datafile> downloads = new java.util.HashMap<>();
    private final ExecutorService runner;
    private FlowStore flows;

    TrafficApi(DemoState state, Faults faults, Duration duration, String fqdn) {
        this(state, faults, duration, fqdn, 0x7AFF1CL);
    }

    /** @param seed mixed with the data set's first workload href, so the history follows the data seed */
    TrafficApi(DemoState state, Faults faults, Duration duration, String fqdn, long seed) {
        this.state = state;
        this.faults = faults;
        this.duration = duration;
        this.fqdn = fqdn;
        this.seed = seed;
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "demo-pce-traffic");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        this.runner = pool;
    }

    void routes(Router r, String org) {
        String base = org + "/traffic_flows/async_queries";
        r.post(base, this::create);
        r.get(base, this::list);
        r.get(base + "/{uuid}", req -> ApiResponse.ok(render(query(req))));
        r.put(base + "/{uuid}", this::cancel);
        r.delete(base + "/{uuid}", req -> {
            synchronized (queries) {
                if (queries.remove(req.pathParam("uuid")) == null) {
                    throw PceApiException.notFound("Traffic query " + req.pathParam("uuid"));
                }
                forget(req.pathParam("uuid"));
            }
            return ApiResponse.noContent();
        });
        r.get(base + "/{uuid}/download", this::download);
        r.put(base + "/{uuid}/update_rules", this::updateRules);
        r.post(org + "/traffic_flows/traffic_analysis_queries", this::synchronous);
    }

    /** The traffic history, generated on first use from the current data set. */
    synchronized FlowStore flows() {
        if (flows == null) {
            flows = state.read(() -> {
                String first = state.collection("workloads").all().stream().findFirst().map(w -> w.path("href").asText()).orElse("");
                return FlowGenerator.generate(state, seed * 31 + first.hashCode());
            });
        }
        return flows;
    }

    private ApiResponse create(ApiRequest req) {
        JsonNode body = Validation.objectBody(req, "traffic_query");
        FlowQuery query = state.read(() -> FlowQuery.parse(body, state));
        String uuid = state.uuid();
        AsyncQuery q = new AsyncQuery(uuid, ((ObjectNode) body).deepCopy(), state.now(), req.caller().userHref(),
                faults.take(Faults.Kind.JOBFAIL), query);
        synchronized (queries) {
            queries.put(uuid, q);
            while (queries.size() > KEEP_QUERIES) {
                forget(queries.keySet().iterator().next());
                queries.remove(queries.keySet().iterator().next());
            }
        }
        if (!q.injectedFailure()) {
            runner.execute(() -> runInBackground(q));
        }
        return ApiResponse.json(202, render(q));
    }

    private void runInBackground(AsyncQuery q) {
        try {
            FlowQueryRunner.Result r = run(q.query(), q::killed);
            // As a real PCE: the download is written once, when the query completes.
            FlowStore store = flows();
            FlowJson json = new FlowJson(state, store);
            Datafile d = state.readIo(() -> Datafile.writeArray(state.spool(), q.uuid(), r.flows().length,
                    (g, from, to) -> json.writeFlows(g, r, null, from, to)));
            synchronized (queries) {
                if (queries.get(q.uuid()) == q) {
                    downloads.put(q.uuid(), d);
                } else {
                    d.discard();
                }
            }
            q.completed(r, state.now());
        } catch (java.io.IOException e) {
            LOG.log(Level.WARNING, "Traffic query " + q.uuid() + " failed", e);
            q.broke("The traffic query failed: " + e.getMessage());
        } catch (CancellationException e) {
            // Killed while running: nothing to keep.
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Traffic query " + q.uuid() + " failed", e);
            q.broke("The traffic query failed: " + e.getMessage());
        }
    }

    /** Runs a query: the active model is taken under the read lock, the scan needs no lock (both are immutable). */
    private FlowQueryRunner.Result run(FlowQuery query, java.util.function.BooleanSupplier cancelled) {
        FlowStore store = flows();
        PolicyModel model = state.read(() -> PolicyModelCache.of(state).get(state, state.policy().active()));
        return FlowQueryRunner.run(store, query, model, cancelled);
    }

    private AsyncQuery query(ApiRequest req) {
        synchronized (queries) {
            AsyncQuery q = queries.get(req.pathParam("uuid"));
            if (q == null) {
                throw PceApiException.notFound("Traffic query " + state.orgPrefix() + "/traffic_flows/async_queries/"
                        + req.pathParam("uuid"));
            }
            return q;
        }
    }

    /** Deletes a forgotten query's download (call holding {@code queries}). */
    private void forget(String uuid) {
        Datafile d = downloads.remove(uuid);
        if (d != null) {
            d.discard();
        }
    }

    private String href(AsyncQuery q) {
        return state.orgPrefix() + "/traffic_flows/async_queries/" + q.uuid();
    }

    private ObjectNode render(AsyncQuery q) {
        Instant now = state.now();
        String status = q.status(now, duration);
        ObjectNode o = PceJson.mapper().createObjectNode();
        o.put("href", href(q));
        o.put("status", status);
        o.set("query_parameters", q.parameters());
        o.put("created_at", DemoState.format(q.createdAt()));
        o.put("updated_at", DemoState.format(q.updatedAt(now, duration)));
        o.putObject("created_by").put("href", q.createdBy());
        if (status.equals("completed")) {
            FlowQueryRunner.Result r = q.result();
            o.put("result", href(q) + "/download");
            o.put("flows_count", r.flowsCount());
            o.put("matches_count", r.matches());
            o.putArray("regions").addObject().put("pce_fqdn", fqdn).put("responded", true)
                    .put("flows_count", r.flowsCount()).put("matches_count", r.matches());
        } else if (status.equals("failed")) {
            o.putObject("result").put("message", q.error());
        }
        String rules = q.rulesStatus(now, duration);
        if (rules != null) {
            o.putObject("rules").put("status", rules);
        }
        return o;
    }

    private ApiResponse list(ApiRequest req) {
        List<AsyncQuery> all;
        synchronized (queries) {
            all = new ArrayList<>(queries.values());
        }
        all.sort(Comparator.comparing(AsyncQuery::createdAt));
        ArrayNode out = PceJson.mapper().createArrayNode();
        all.forEach(q -> out.add(render(q)));
        return ApiResponse.ok(out).header("X-Total-Count", Integer.toString(out.size()));
    }

    private ApiResponse cancel(ApiRequest req) {
        AsyncQuery q = query(req);
        JsonNode body = Validation.objectBody(req, "traffic_query_update");
        if (!body.isObject() || !"cancel_requested".equals(body.path("status").asText())) {
            throw PceApiException.invalid("A traffic query can only be updated with {\"status\": \"cancel_requested\"}");
        }
        String status = q.status(state.now(), duration);
        if (!status.equals("queued") && !status.equals("working")) {
            throw new PceApiException(406, "async_query_not_cancellable",
                    "Traffic query " + href(q) + " is " + status + " and can no longer be cancelled");
        }
        q.kill(state.now());
        return ApiResponse.noContent();
    }

    private ApiResponse download(ApiRequest req) {
        AsyncQuery q = query(req);
        String status = q.status(state.now(), duration);
        if (!status.equals("completed")) {
            throw new PceApiException(406, "async_query_not_completed",
                    "Traffic query " + href(q) + " is " + status + "; its results can be downloaded once it is completed");
        }
        FlowQueryRunner.Result r = q.result();
        FlowStore store = flows();
        FlowQueryRunner.Draft draft = "completed".equals(q.rulesStatus(state.now(), duration)) ? q.draft() : null;
        Datafile written;
        synchronized (queries) {
            written = downloads.get(q.uuid());
        }
        if (draft == null && written != null) {
            return ApiResponse.datafile(200, written);
        }
        return ApiResponse.stream(200, g -> state.readIo(() -> new FlowJson(state, store).write(g, r, draft)));
    }

    /**
     * {@code PUT .../async_queries/{uuid}/update_rules?label_based_rules=false&offset=0&limit=N}: 202,
     * then the query's {@code rules} status goes queued, working, completed (same timing as a query),
     * and the download carries each flow's {@code draft_policy_decision} and draft {@code rules}
     * (for the flows in [offset, offset + limit), all when no limit), computed by the demo's policy
     * engine on the DRAFT policy. Only a completed query can be updated.
     */
    private ApiResponse updateRules(ApiRequest req) {
        AsyncQuery q = query(req);
        int offset = req.intParam("offset").orElse(0);
        int limit = req.intParam("limit").orElse(Integer.MAX_VALUE);
        req.boolParam("label_based_rules");
        if (offset < 0 || limit < 0) {
            throw PceApiException.invalid("offset and limit must not be negative");
        }
        String status = q.status(state.now(), duration);
        if (!status.equals("completed")) {
            throw new PceApiException(406, "async_query_not_completed",
                    "Traffic query " + href(q) + " is " + status + "; its rules can be updated once it is completed");
        }
        Object token = q.rulesRequested(state.now());
        runner.execute(() -> {
            try {
                FlowStore store = flows();
                PolicyModel draftModel = state.read(() -> PolicyModelCache.of(state).get(state, state.policy().draft()));
                FlowQueryRunner.Draft d = FlowQueryRunner.draft(store, q.result(), draftModel, q::killed);
                long end = Math.min((long) offset + limit, d.decisions().length);
                for (int i = 0; i < d.decisions().length; i++) {
                    if (i < offset || i >= end) {
                        d.decisions()[i] = null;
                    }
                }
                q.draftComputed(token, d, state.now());
            } catch (CancellationException e) {
                // Killed meanwhile: nothing to keep.
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Draft rules of traffic query " + q.uuid() + " failed", e);
                q.rulesBroke(token, "Updating the rules failed: " + e.getMessage());
            }
        });
        return ApiResponse.empty(202);
    }

    /** The pre-21.2 synchronous query: same body, the flows in the answer. */
    private ApiResponse synchronous(ApiRequest req) {
        JsonNode body = Validation.objectBody(req, "traffic_query");
        FlowQuery query = state.read(() -> FlowQuery.parse(body, state));
        FlowQueryRunner.Result r = run(query, () -> false);
        FlowStore store = flows();
        return ApiResponse.stream(200, g -> state.readIo(() -> new FlowJson(state, store).write(g, r)));
    }
}
