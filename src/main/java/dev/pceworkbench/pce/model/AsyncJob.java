package dev.pceworkbench.pce.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * An asynchronous job, {@code /orgs/1/jobs/<uuid>}, polled after a collection GET with
 * {@code Prefer: respond-async}: {@code status} {@code pending}/{@code running}/{@code done}/
 * {@code failed}; when done, {@code result.href} is the datafile holding the collection, when
 * failed {@code result.message} says why.
 */
@PceRecord
public record AsyncJob(
        @JsonProperty("href") String href,
        @JsonProperty("job_type") String jobType,
        @JsonProperty("description") String description,
        @JsonProperty("status") String status,
        @JsonProperty("result") Result result,
        @JsonProperty("requested_at") String requestedAt,
        @JsonProperty("terminated_at") String terminatedAt,
        @JsonProperty("requested_by") Href requestedBy,
        @Extra Map<String, JsonNode> extra) implements PceResource<AsyncJob> {

    public AsyncJob {
        extra = Extras.copy(extra);
    }

    /** A job's {@code result}: {@code {}} while running, {@code {"href"}} when done, {@code {"message"}} on failure. */
    @PceRecord
    public record Result(
            @JsonProperty("href") String href,
            @JsonProperty("message") String message,
            @Extra Map<String, JsonNode> extra) implements PceJsonObject<Result> {

        public Result {
            extra = Extras.copy(extra);
        }

        @Override
        public Result withExtra(Map<String, JsonNode> extra) {
            return new Result(href, message, extra);
        }
    }

    /** Whether the job finished successfully ({@code status} {@code done}). */
    public boolean done() {
        return "done".equals(status);
    }

    /** Whether the job failed. */
    public boolean failed() {
        return "failed".equals(status);
    }

    /** The datafile path of a finished job's result, or null. */
    public String resultHref() {
        return result == null ? null : result.href();
    }

    @Override
    public AsyncJob withExtra(Map<String, JsonNode> extra) {
        return new AsyncJob(href, jobType, description, status, result, requestedAt, terminatedAt, requestedBy, extra);
    }
}
