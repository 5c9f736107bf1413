package dev.pceworkbench.demo.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.http.ApiRequest;
import dev.pceworkbench.demo.http.ApiResponse;
import dev.pceworkbench.demo.http.Datafile;
import dev.pceworkbench.demo.http.PceApiException;
import dev.pceworkbench.demo.http.Router;
import dev.pceworkbench.demo.server.Faults;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.pce.json.PceJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Asynchronous collection requests ({@code Prefer: respond-async}): each becomes a job under
 * {@code /orgs/{id}/jobs/{uuid}} that is {@code pending}, then {@code running}, then {@code done}
 * with {@code result.href} naming a datafile that holds the whole collection, or {@code failed}
 * with {@code result.message} when a fault is injected. As on a real PCE, the job writes its
 * datafile once, in the background from the moment it is created (the collection is captured
 * then, so the datafile is a consistent snapshot; rendering takes the state's read lock), as a
 * gzip-compressed {@link Datafile} in the state's spool; the job is {@code done} once its time has
 * passed and the file is written, and every download is a read of that file without any lock:
 * the stored gzip stream to clients that accept gzip, inflated on the fly for the others. Jobs
 * expire with their datafiles (the files are deleted): after {@link DemoState#jobRetention()}'s
 * time to live, and the oldest first beyond its count, so memory and disk stay bounded.
 */
public final class JobService {
    private static final Logger LOG = Logger.getLogger(JobService.class.getName());
    /** How long a job poll waits for a datafile still being written before it answers running. */
    private static final Duration WAIT_FOR_DATAFILE = Duration.ofSeconds(5);
    private static final class Job {
        final String uuid;
        final String description;
        final String requestedBy;
        final Instant requestedAt;
        final boolean fails;
        /** The datafile being written, then written (or the failure); null for a job made to fail. */
        final CompletableFuture<Datafile> datafile = new CompletableFuture<>();

        Job(String uuid, String description, String requestedBy, Instant requestedAt, boolean fails) {
            this.uuid = uuid;
            this.description = description;
            this.requestedBy = requestedBy;
            this.requestedAt = requestedAt;
            this.fails = fails;
        }

        String uuid() {
            return uuid;
        }

        String description() {
            return description;
        }

        String requestedBy() {
            return requestedBy;
        }

        Instant requestedAt() {
            return requestedAt;
        }

        boolean fails() {
            return fails;
        }
    }

    private final DemoState state;
    private final Faults faults;
    private final Duration pendingFor;
    private final Duration runningFor;
    private final int retryAfterSeconds;
    /** In creation order; guarded by itself. */
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    /** Writes datafiles in the background, two at a time (daemon threads that end when idle). */
    private final ExecutorService writers;

    public JobService(DemoState state, Faults faults, Duration pendingFor, Duration runningFor, int retryAfterSeconds) {
        this.state = state;
        this.faults = faults;
        this.pendingFor = pendingFor;
        this.runningFor = runningFor;
        this.retryAfterSeconds = retryAfterSeconds;
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "demo-pce-datafiles");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        this.writers = pool;
    }

    /** Makes the datafile named {@code name} (unique in the state's spool, such as the job's uuid). */
    @FunctionalInterface
    interface Making {
        Datafile make(String name) throws IOException;
    }

    /**
     * Makes a new datafile of the state's spool in the background; the future completes with the
     * file (or the failure). For anything served as a job's result.
     */
    private CompletableFuture<Datafile> materialise(String name, Making making) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return making.make(name);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, writers);
    }

    void routes(Router r, String org) {
        r.get(org + "/jobs", this::list);
        r.get(org + "/jobs/{job}", req -> ApiResponse.ok(render(job(req.pathParam("job")))));
        r.delete(org + "/jobs/{job}", req -> {
            Job gone;
            synchronized (jobs) {
                expire();
                gone = jobs.remove(req.pathParam("job"));
            }
            if (gone == null) {
                throw PceApiException.notFound("Job " + req.pathParam("job"));
            }
            discard(gone);
            return ApiResponse.noContent();
        });
        r.get(org + "/datafiles/{file}", this::download);
    }

    /**
     * Starts a job whose datafile is the JSON array of {@code count} elements {@code elements}
     * writes, rendered on every core under the state's read lock (so all of it is one moment's
     * state); answers 202 with Location.
     */
    ApiResponse submitArray(ApiRequest request, int count, Datafile.Elements elements) {
        return start(request, name -> state.readIo(() -> Datafile.writeArray(state.spool(), name, count, elements)));
    }

    private ApiResponse start(ApiRequest request, Making making) {
        String uuid = state.uuid();
        Job job = new Job(uuid, request.path(), request.caller().userHref(), state.now(),
                faults.take(Faults.Kind.JOBFAIL));
        synchronized (jobs) {
            jobs.put(uuid, job);
            expire();
        }
        if (!job.fails()) {
            materialise(uuid, making).whenComplete((d, e) -> {
                if (e != null) {
                    LOG.log(Level.WARNING, "Datafile of job " + uuid + " failed", e);
                    job.datafile.completeExceptionally(e);
                } else if (!job.datafile.complete(d)) {
                    d.discard(); // the job was deleted or expired meanwhile
                }
            });
        }
        return ApiResponse.empty(202)
                .header("Location", state.orgPrefix() + "/jobs/" + uuid)
                .header("Retry-After", Integer.toString(retryAfterSeconds));
    }

    int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Removes jobs past their time to live, then the oldest beyond the count (call holding {@code jobs}). */
    private void expire() {
        DemoState.JobRetention keep = state.jobRetention();
        Instant cutoff = state.now().minus(keep.ttl());
        var it = jobs.values().iterator();
        int excess = jobs.size() - Math.max(0, keep.max());
        while (it.hasNext()) {
            Job j = it.next();
            if (excess > 0 || !j.requestedAt().isAfter(cutoff)) {
                it.remove();
                excess--;
                discard(j);
            }
        }
    }

    private static void discard(Job j) {
        // Ends the job's datafile: deleted now if written, else as soon as it is.
        if (!j.datafile.cancel(false)) {
            Datafile d = j.datafile.getNow(null);
            if (d != null) {
                d.discard();
            }
        }
    }

    private Job job(String uuid) {
        Job j;
        synchronized (jobs) {
            expire();
            j = jobs.get(uuid);
        }
        if (j == null) {
            throw PceApiException.notFound("Job " + uuid);
        }
        return j;
    }

    /**
     * Pending, then running for the configured times; then done once the datafile is written. A
     * poll that comes while it is still being written waits for it a little (small collections are
     * written in milliseconds, so tests and clients see {@code done} as soon as the time is up),
     * then says {@code running}.
     */
    private String status(Job j) {
        return status(j, WAIT_FOR_DATAFILE);
    }

    private String status(Job j, Duration wait) {
        Duration age = Duration.between(j.requestedAt(), state.now());
        if (age.compareTo(pendingFor) < 0) {
            return "pending";
        }
        if (age.compareTo(pendingFor.plus(runningFor)) < 0) {
            return "running";
        }
        if (j.fails()) {
            return "failed";
        }
        try {
            j.datafile.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return "done";
        } catch (TimeoutException e) {
            return "running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "running";
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            return "failed";
        }
    }

    private ObjectNode render(Job j) {
        return render(j, WAIT_FOR_DATAFILE);
    }

    private ObjectNode render(Job j, Duration wait) {
        ObjectNode o = PceJson.mapper().createObjectNode();
        o.put("href", state.orgPrefix() + "/jobs/" + j.uuid());
        o.put("job_type", ":illumio/async_requests");
        o.put("description", j.description());
        String status = status(j, wait);
        ObjectNode result = o.putObject("result");
        if (status.equals("done")) {
            result.put("href", state.orgPrefix() + "/datafiles/" + j.uuid());
        } else if (status.equals("failed")) {
            result.put("message", "The asynchronous request failed: the PCE could not build the collection for "
                    + j.description() + (j.fails() ? " (injected fault)" : ""));
        }
        o.put("status", status);
        o.put("requested_at", DemoState.format(j.requestedAt()));
        if (status.equals("done") || status.equals("failed")) {
            o.put("terminated_at", DemoState.format(j.requestedAt().plus(pendingFor).plus(runningFor)));
        } else {
            o.putNull("terminated_at");
        }
        o.putObject("requested_by").put("href", j.requestedBy());
        return o;
    }

    private ApiResponse list(ApiRequest req) {
        List<Job> all;
        synchronized (jobs) {
            expire();
            all = new ArrayList<>(jobs.values());
        }
        all.sort((a, b) -> a.requestedAt().compareTo(b.requestedAt()));
        ArrayNode out = PceJson.mapper().createArrayNode();
        String type = req.param("job_type").orElse(null);
        for (Job j : all) {
            if (type == null || type.equals(":illumio/async_requests")) {
                out.add(render(j, Duration.ZERO)); // a listing waits for no datafile
            }
        }
        return ApiResponse.ok(out).header("X-Total-Count", Integer.toString(out.size()));
    }

    private ApiResponse download(ApiRequest req) {
        Job j = job(req.pathParam("file"));
        String status = status(j);
        if (!"done".equals(status)) {
            throw PceApiException.notFound("Datafile " + j.uuid() + " (the job is " + status + ")");
        }
        Datafile d = j.datafile.getNow(null);
        if (d == null) {
            throw PceApiException.notFound("Datafile " + j.uuid());
        }
        return ApiResponse.datafile(200, d);
    }
}
