package dev.pceworkbench.demo.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.http.ApiRequest;
import dev.pceworkbench.demo.http.ApiResponse;
import dev.pceworkbench.demo.http.PceApiException;
import dev.pceworkbench.demo.http.Router;
import dev.pceworkbench.demo.server.Faults;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.pce.json.PceJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asynchronous collection requests ({@code Prefer: respond-async}): each becomes a job under
 * {@code /orgs/{id}/jobs/{uuid}} that is {@code pending}, then {@code running}, then {@code done}
 * with {@code result.href} naming a datafile that holds the whole collection, or {@code failed}
 * with {@code result.message} when a fault is injected. The collection is captured when the job is
 * created, so the datafile is a consistent snapshot; it is written to a file once, the first time
 * it is downloaded (under the state's read lock, at disk speed), and served from that file without
 * any lock. Jobs expire with their datafiles: after {@link DemoState#jobRetention()}'s time to live,
 * and the oldest first beyond its count, so memory and disk stay bounded.
 */
public final class JobService {
    private static final class Job {
        final String uuid;
        final String description;
        final String requestedBy;
        final Instant requestedAt;
        final boolean fails;
        /** Writes the datafile; dropped once the file exists. */
        ApiResponse.JsonWriter result;
        Path file;

        Job(String uuid, String description, String requestedBy, Instant requestedAt, boolean fails,
            ApiResponse.JsonWriter result) {
            this.uuid = uuid;
            this.description = description;
            this.requestedBy = requestedBy;
            this.requestedAt = requestedAt;
            this.fails = fails;
            this.result = result;
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

    public JobService(DemoState state, Faults faults, Duration pendingFor, Duration runningFor, int retryAfterSeconds) {
        this.state = state;
        this.faults = faults;
        this.pendingFor = pendingFor;
        this.runningFor = runningFor;
        this.retryAfterSeconds = retryAfterSeconds;
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

    /** Starts a job whose datafile is written by {@code result}; answers 202 with Location. */
    ApiResponse submit(ApiRequest request, ApiResponse.JsonWriter result) {
        String uuid = state.uuid();
        Job job = new Job(uuid, request.path(), request.caller().userHref(), state.now(),
                faults.take(Faults.Kind.JOBFAIL), result);
        synchronized (jobs) {
            jobs.put(uuid, job);
            expire();
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
        synchronized (j) {
            j.result = null;
            if (j.file != null) {
                try {
                    Files.deleteIfExists(j.file);
                } catch (IOException ignored) {
                    // In the spool directory, removed when the server stops.
                }
                j.file = null;
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

    private String status(Job j) {
        Duration age = Duration.between(j.requestedAt(), state.now());
        if (age.compareTo(pendingFor) < 0) {
            return "pending";
        }
        if (age.compareTo(pendingFor.plus(runningFor)) < 0) {
            return "running";
        }
        return j.fails() ? "failed" : "done";
    }

    private ObjectNode render(Job j) {
        ObjectNode o = PceJson.mapper().createObjectNode();
        o.put("href", state.orgPrefix() + "/jobs/" + j.uuid());
        o.put("job_type", ":illumio/async_requests");
        o.put("description", j.description());
        String status = status(j);
        ObjectNode result = o.putObject("result");
        if (status.equals("done")) {
            result.put("href", state.orgPrefix() + "/datafiles/" + j.uuid());
        } else if (status.equals("failed")) {
            result.put("message", "The asynchronous request failed: the PCE could not build the collection for "
                    + j.description() + " (injected fault)");
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
                out.add(render(j));
            }
        }
        return ApiResponse.ok(out).header("X-Total-Count", Integer.toString(out.size()));
    }

    private ApiResponse download(ApiRequest req) throws IOException {
        Job j = job(req.pathParam("file"));
        if (!"done".equals(status(j))) {
            throw PceApiException.notFound("Datafile " + j.uuid() + " (the job is " + status(j) + ")");
        }
        return ApiResponse.file(200, datafile(j));
    }

    /** The job's datafile, written the first time it is asked for. */
    private Path datafile(Job j) throws IOException {
        synchronized (j) {
            if (j.file == null) {
                if (j.result == null) {
                    throw PceApiException.notFound("Datafile " + j.uuid());
                }
                Path f = state.spool().resolve("datafile-" + j.uuid() + ".json");
                try (JsonGenerator g = PceJson.mapper().getFactory().createGenerator(Files.newOutputStream(f))) {
                    j.result.write(g);
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(f);
                    throw e;
                }
                j.file = f;
                j.result = null;
            }
            return j.file;
        }
    }
}
