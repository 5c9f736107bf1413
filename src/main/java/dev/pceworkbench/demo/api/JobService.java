package dev.pceworkbench.demo.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.http.ApiRequest;
import dev.pceworkbench.demo.http.ApiResponse;
import dev.pceworkbench.demo.http.PceApiException;
import dev.pceworkbench.demo.http.Router;
import dev.pceworkbench.demo.server.Faults;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.pce.json.PceJson;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asynchronous collection requests ({@code Prefer: respond-async}): each becomes a job under
 * {@code /orgs/{id}/jobs/{uuid}} that is {@code pending}, then {@code running}, then {@code done}
 * with {@code result.href} naming a datafile that holds the whole collection, or {@code failed}
 * with {@code result.message} when a fault is injected. The collection is captured when the job is
 * created, so the datafile is a consistent snapshot.
 */
public final class JobService {
    private record Job(String uuid, String description, String requestedBy, Instant requestedAt,
                       boolean fails, ApiResponse.JsonWriter result) {
    }

    private final DemoState state;
    private final Faults faults;
    private final Duration pendingFor;
    private final Duration runningFor;
    private final int retryAfterSeconds;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

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
            if (jobs.remove(req.pathParam("job")) == null) {
                throw PceApiException.notFound("Job " + req.pathParam("job"));
            }
            return ApiResponse.noContent();
        });
        r.get(org + "/datafiles/{file}", this::download);
    }

    /** Starts a job whose datafile is written by {@code result}; answers 202 with Location. */
    ApiResponse submit(ApiRequest request, ApiResponse.JsonWriter result) {
        String uuid = state.uuid();
        Job job = new Job(uuid, request.path(), request.caller().userHref(), state.now(),
                faults.take(Faults.Kind.JOBFAIL), result);
        jobs.put(uuid, job);
        return ApiResponse.empty(202)
                .header("Location", state.orgPrefix() + "/jobs/" + uuid)
                .header("Retry-After", Integer.toString(retryAfterSeconds));
    }

    int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    private Job job(String uuid) {
        Job j = jobs.get(uuid);
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
        List<Job> all = new ArrayList<>(jobs.values());
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

    private ApiResponse download(ApiRequest req) {
        Job j = job(req.pathParam("file"));
        if (!"done".equals(status(j))) {
            throw PceApiException.notFound("Datafile " + j.uuid() + " (the job is " + status(j) + ")");
        }
        return ApiResponse.stream(200, j.result());
    }
}
