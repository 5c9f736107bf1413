package dev.pceworkbench.workspace;

import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.Progress;
import dev.pceworkbench.pce.api.TrafficApi;
import dev.pceworkbench.pce.model.TrafficFlow;
import dev.pceworkbench.pce.model.TrafficQuery;
import dev.pceworkbench.pce.model.TrafficQueryRequest;
import dev.pceworkbench.policy.PolicyCheck;
import dev.pceworkbench.policy.impact.Decision;
import dev.pceworkbench.policy.traffic.FlowDecisions;
import dev.pceworkbench.task.TaskContext;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The Traffic explorer's work on the active connection, each method a background-task body (pass
 * the task's {@link TaskContext}): run an Explorer query with the PCE's own states as progress
 * (queued, working, "Downloading N MB", "parsing N flows"), where cancelling the task also cancels
 * the query on the PCE; list the PCE's earlier queries and open a completed one without running it
 * again; beyond the limit, re-run a query over smaller time windows until none hits
 * {@code max_results}, merging and de-duplicating ({@link #runSplit}); the engine's decisions for
 * the flows under any policy version; and the PCE's draft decisions ({@code update_rules}) compared
 * with the engine's.
 */
public final class TrafficExplorer {
    /** Windows are not halved below this many seconds. */
    public static final long SMALLEST_WINDOW_SECONDS = 2;
    static final Duration SMALLEST_WINDOW = Duration.ofSeconds(SMALLEST_WINDOW_SECONDS);

    private final PolicyWorkspace workspace;
    private final Duration timeout;
    private final Duration pollInterval;

    /** An explorer polling the PCE every second, waiting at most 30 minutes for a query. */
    public TrafficExplorer(PolicyWorkspace workspace) {
        this(workspace, Duration.ofMinutes(30), Duration.ofSeconds(1));
    }

    public TrafficExplorer(PolicyWorkspace workspace, Duration timeout, Duration pollInterval) {
        this.workspace = Objects.requireNonNull(workspace);
        this.timeout = Objects.requireNonNull(timeout);
        this.pollInterval = Objects.requireNonNull(pollInterval);
    }

    private TrafficApi api() {
        PceClient c = workspace.client();
        return c.traffic(timeout, pollInterval);
    }

    /**
     * The flows of a query: the PCE query (or queries, one per window of a split), the flows
     * (de-duplicated when split), whether a query hit its {@code max_results} (then more flows may
     * match: offer {@link #runSplit}), and notes (windows that still hit the limit at the smallest size).
     */
    public record Result(TrafficQueryRequest request, List<TrafficQuery> queries, List<TrafficFlow> flows,
                         boolean limitReached, boolean split, List<String> notes) {
        public Result {
            queries = List.copyOf(queries);
            flows = List.copyOf(flows);
            notes = List.copyOf(notes);
        }

        /** The query of an unsplit result (the first window's of a split one). */
        public TrafficQuery query() {
            return queries.get(0);
        }

        /** The query's {@code max_results}. */
        public int maxResults() {
            return request != null && request.maxResults() != null ? request.maxResults() : query().maxResults();
        }

        /** Whether some flows matched but were not returned: a window that hit its limit and could not be split. */
        public boolean complete() {
            return !limitReached;
        }
    }

    // ---- running and opening ---------------------------------------------------------------------

    /** Submits {@code request}, waits for it (PCE states as progress) and downloads its flows. */
    public Result run(TrafficQueryRequest request, TaskContext ctx) {
        TrafficApi api = api();
        ctx.message("Submitting the traffic query");
        TrafficQuery q = api.submit(request, ctx.token());
        return download(request, api.await(q, ctx.token(), ctx.pceProgress()), api, ctx);
    }

    /**
     * Opens a query the PCE already has: waits for it if it is still running (cancelling the task
     * then cancels it on the PCE), downloads it if completed; never submits it again.
     */
    public Result open(TrafficQuery query, TaskContext ctx) {
        TrafficApi api = api();
        TrafficQuery q = query.completed() ? query : api.await(api.status(query.href(), ctx.token()), ctx.token(),
                ctx.pceProgress());
        return download(q.queryParameters(), q, api, ctx);
    }

    private Result download(TrafficQueryRequest request, TrafficQuery done, TrafficApi api, TaskContext ctx) {
        List<TrafficFlow> flows = api.download(done, ctx.token(), ctx.pceProgress());
        ctx.message(String.format("%,d flows", flows.size()));
        return new Result(request, List.of(done), flows, done.limitReached(), false, List.of());
    }

    /** The PCE's traffic queries (all of this user's it keeps), newest first. */
    public List<TrafficQuery> earlierQueries(CancellationToken token) {
        List<TrafficQuery> all = new ArrayList<>(api().queries(token));
        all.sort(Comparator.comparing((TrafficQuery q) -> q.createdAt() == null ? "" : q.createdAt()).reversed());
        return all;
    }

    /** Asks the PCE to cancel a running query (the task's own cancel does this for the query it runs). */
    public void cancel(String href, CancellationToken token) {
        api().cancel(href, token);
    }

    /** Deletes a query (and its results) on the PCE. */
    public void delete(String href, CancellationToken token) {
        api().delete(href, token);
    }

    // ---- beyond the limit ---------------------------------------------------------------------------

    /**
     * Every flow of {@code request}, not only the first {@code max_results}: runs it, and while a
     * time window returns exactly {@code max_results} flows, runs that window again as two halves
     * (recursively), down to {@value #SMALLEST_WINDOW_SECONDS} s; the flows of all windows are
     * merged and de-duplicated by {@link FlowIdentity} (a flow spanning a window edge comes back in
     * both). Progress names the window; cancelling cancels the running window's query on the PCE.
     * Needs the request's start and end dates.
     */
    public Result runSplit(TrafficQueryRequest request, TaskContext ctx) {
        Instant start = instant(request.startDate(), "start_date");
        Instant end = instant(request.endDate(), "end_date");
        TrafficApi api = api();
        int max = request.maxResults() == null ? 100_000 : request.maxResults();
        Deque<Instant[]> windows = new ArrayDeque<>();
        windows.push(new Instant[]{start, end});
        List<TrafficQuery> queries = new ArrayList<>();
        List<TrafficFlow> merged = new ArrayList<>();
        Set<FlowIdentity> seen = new HashSet<>();
        List<String> notes = new ArrayList<>();
        boolean limited = false;
        int run = 0;
        while (!windows.isEmpty()) {
            Instant[] w = windows.pop();
            run++;
            String label = "Window " + run + " (" + windows.size() + " more queued): " + text(w[0]) + " – " + text(w[1]);
            ctx.message(label + ": submitting");
            TrafficQuery q = api.submit(request.withDates(text(w[0]), text(w[1])), ctx.token());
            Progress.Listener pce = ctx.pceProgress();
            TrafficQuery done = api.await(q, ctx.token(), p -> pce.onProgress(new Progress(p.phase(), p.bytes(),
                    p.totalBytes(), label + ": " + p.message())));
            boolean hit = done.flowsCount() != null && done.flowsCount() >= max;
            Duration length = Duration.between(w[0], w[1]);
            if (hit && length.compareTo(SMALLEST_WINDOW) > 0) {
                // Halve it; the later half runs first (a stack), so windows go from the end back. Nothing is downloaded.
                Instant mid = w[0].plus(length.dividedBy(2)).truncatedTo(ChronoUnit.SECONDS);
                if (!mid.isAfter(w[0])) {
                    mid = w[0].plusSeconds(1);
                }
                windows.push(new Instant[]{w[0], mid});
                windows.push(new Instant[]{mid, w[1]});
                deleteQuietly(api, done.href());
                continue;
            }
            if (hit) {
                limited = true;
                notes.add("The window " + text(w[0]) + " – " + text(w[1]) + " still returns " + max
                        + " flows at its smallest; some of its flows are missing");
            }
            queries.add(done);
            Progress.Listener pce2 = ctx.pceProgress();
            List<TrafficFlow> flows = api.download(done, ctx.token(), p -> pce2.onProgress(new Progress(p.phase(),
                    p.bytes(), p.totalBytes(), label + ": " + p.message())));
            for (TrafficFlow f : flows) {
                if (seen.add(FlowIdentity.of(f))) {
                    merged.add(f);
                }
            }
            ctx.message(String.format("%s: %,d flows, %,d distinct so far", label, flows.size(), merged.size()));
        }
        return new Result(request, queries, merged, limited, true, notes);
    }

    private static void deleteQuietly(TrafficApi api, String href) {
        try {
            api.delete(href, CancellationToken.none());
        } catch (RuntimeException ignored) {
            // A query left behind expires on the PCE.
        }
    }

    private static Instant instant(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Splitting a query by time needs its " + field);
        }
        String t = text.strip();
        if (t.length() == 10) {
            return java.time.LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC)
                    .plus(field.equals("end_date") ? Duration.ofDays(1).minusSeconds(1) : Duration.ZERO);
        }
        return OffsetDateTime.parse(t).toInstant();
    }

    private static String text(Instant i) {
        return DateTimeFormatter.ISO_INSTANT.format(i);
    }

    // ---- draft decisions --------------------------------------------------------------------------------

    /** The engine's decision for each flow under {@code version} ({@code draft}, {@code active} or a number). */
    public Decision[] localDecisions(List<TrafficFlow> flows, String version, TaskContext ctx) {
        PolicyCheck check = new PolicyCheck(workspace.index(version, ctx.token(), ctx.pceProgress()));
        ctx.message(String.format("Deciding %,d flows under the %s policy", flows.size(), version));
        return FlowDecisions.decide(flows, check, ctx::isCancelled);
    }

    /**
     * The PCE's draft decisions and the engine's for the same flows: the result's flows again, each
     * with its {@code draft_policy_decision} (and draft rules), the engine's draft decision per flow,
     * and how they compare.
     */
    public record DraftComparison(List<TrafficFlow> flows, Decision[] local, FlowDecisions.Comparison comparison) {
    }

    /**
     * Asks the PCE for the draft decisions of {@code result}'s queries ({@code update_rules}, then
     * polls their {@code rules} status until completed, and downloads them again), and compares them
     * with the engine's on the draft policy.
     */
    public DraftComparison pceDraftDecisions(Result result, TaskContext ctx) {
        TrafficApi api = api();
        List<TrafficFlow> flows = new ArrayList<>();
        Set<FlowIdentity> seen = new HashSet<>();
        int i = 0;
        for (TrafficQuery q : result.queries()) {
            i++;
            String prefix = result.queries().size() == 1 ? "" : "Window " + i + " of " + result.queries().size() + ": ";
            ctx.message(prefix + "asking the PCE for draft decisions");
            api.updateRules(q.href(), ctx.token());
            Progress.Listener pce = ctx.pceProgress();
            Progress.Listener named = p -> pce.onProgress(new Progress(p.phase(), p.bytes(), p.totalBytes(),
                    prefix + p.message()));
            TrafficQuery done = api.awaitRules(q.href(), ctx.token(), named);
            for (TrafficFlow f : api.download(done, ctx.token(), named)) {
                if (!result.split() || seen.add(FlowIdentity.of(f))) {
                    flows.add(f);
                }
            }
        }
        Decision[] local = localDecisions(flows, "draft", ctx);
        return new DraftComparison(flows, local, FlowDecisions.compare(flows, local));
    }
}
