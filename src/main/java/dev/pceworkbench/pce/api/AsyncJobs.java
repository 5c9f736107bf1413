package dev.pceworkbench.pce.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceException;
import dev.pceworkbench.pce.Progress;
import dev.pceworkbench.pce.http.PceRequest;
import dev.pceworkbench.pce.http.PceResponse;
import dev.pceworkbench.pce.http.PceTransport;
import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.pce.model.AsyncJob;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * The PCE's asynchronous collection flow: a GET with {@code Prefer: respond-async} answers 202
 * with a job {@code Location} and {@code Retry-After}; the job is polled, paced by Retry-After (when
 * the PCE asks for no wait, the first poll goes at once and the next ones back off from 20 ms to 1 s), until
 * {@code done} (then {@code result.href} is downloaded: the whole collection as one JSON array) or
 * {@code failed} (its {@code result.message} becomes a {@link JobFailedException}). Polling stops
 * on cancellation (the job is then deleted on the PCE, best effort) and after a timeout.
 */
public final class AsyncJobs {
    /** The PCE reported the job failed; the message is the PCE's. */
    public static final class JobFailedException extends PceException {
        private final String jobHref;

        public JobFailedException(String jobHref, String message) {
            super(message);
            this.jobHref = jobHref;
        }

        public String jobHref() {
            return jobHref;
        }
    }

    /** The longest pause between polls when the PCE asks for none. */
    private static final Duration DEFAULT_POLL = Duration.ofSeconds(1);
    /** The first pause after an immediate poll when the PCE asks for none; it doubles up to {@link #DEFAULT_POLL}. */
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(20);
    private static final Duration MAX_POLL = Duration.ofSeconds(30);

    private final PceTransport transport;
    private final Duration timeout;

    public AsyncJobs(PceTransport transport, Duration timeout) {
        this.transport = transport;
        this.timeout = timeout;
    }

    /** Runs {@code get} (a collection GET) as an async job and returns the whole collection. */
    public ArrayNode collect(PceRequest get, CancellationToken token, Progress.Listener progress) {
        ArrayNode out = PceJson.mapper().createArrayNode();
        out.addAll(collect(get, JsonNode.class, token, progress));
        return out;
    }

    /** Runs {@code get} as an async job and parses the whole collection into {@code type} while downloading. */
    public <T> java.util.List<T> collect(PceRequest get, Class<T> type, CancellationToken token, Progress.Listener progress) {
        PceResponse accepted = transport.send(get.withHeader("Prefer", "respond-async"), token);
        if (accepted.status() != 202) {
            // Some endpoints answer synchronously despite Prefer: take the answer as it is.
            return CollectionReader.convert(asArray(accepted.json(), get), type);
        }
        String location = accepted.header("Location").orElseThrow(() -> new PceException(
                "The PCE accepted the async request " + get.describe() + " but sent no Location header"));
        String jobPath = relative(location);
        Duration asked = retryAfter(accepted).orElse(Duration.ZERO);
        Duration backoff = Duration.ZERO;
        Instant deadline = Instant.now().plus(timeout);
        progress.onProgress(Progress.phase("pending", "Job queued on the PCE"));
        try {
            while (true) {
                token.sleep(asked.isZero() ? backoff : asked, "waiting for job " + jobPath);
                backoff = nextBackoff(backoff);
                PceResponse poll = transport.send(PceRequest.of("GET", jobPath), token);
                AsyncJob job = readJob(poll, jobPath);
                String status = job.status() == null ? "" : job.status();
                asked = retryAfter(poll).orElse(asked);
                if (job.done()) {
                    String href = job.resultHref();
                    if (href == null || href.isEmpty()) {
                        throw new PceException("Job " + jobPath + " is done but names no result");
                    }
                    progress.onProgress(new Progress("downloading", 0, -1, "Downloading the result"));
                    return download(relative(href), type, token, progress);
                }
                if (job.failed()) {
                    String message = job.result() == null ? null : job.result().message();
                    throw new JobFailedException(jobPath, "The PCE job for " + get.describe() + " failed: "
                            + (message == null || message.isEmpty() ? "no reason given" : message));
                }
                progress.onProgress(Progress.phase(status.isEmpty() ? "running" : status,
                        "Job " + (status.isEmpty() ? "running" : status) + " on the PCE"));
                if (Instant.now().isAfter(deadline)) {
                    throw new PceException("Job " + jobPath + " for " + get.describe() + " did not finish within "
                            + timeout.toSeconds() + " s (last status: " + status + ")");
                }
            }
        } catch (dev.pceworkbench.pce.PceCancelledException e) {
            deleteQuietly(jobPath);
            throw e;
        }
    }

    /**
     * Downloads a datafile, parsing its elements into {@code type} while it streams in (no
     * intermediate tree of the whole document; bytes are counted as they arrive): the body is read
     * ahead on its own thread and the elements are parsed on every core, in order.
     */
    public <T> java.util.List<T> download(String path, Class<T> type, CancellationToken token, Progress.Listener progress) {
        return streamArray(transport, path, type, "objects", "the job result at " + path, "downloading " + path,
                token, progress);
    }

    /**
     * GETs the JSON array at {@code path} and parses its elements into {@code type} on every core
     * while the bytes stream in, reporting both as they go ("Downloading N MB, parsing N
     * {@code elements}", phase {@code parsing}); {@code what} names the document in errors and
     * {@code cancelled} the step a cancellation stops.
     */
    static <T> java.util.List<T> streamArray(PceTransport transport, String path, Class<T> type, String elements,
                                             String what, String cancelled, CancellationToken token,
                                             Progress.Listener progress) {
        long[] bytes = {0};
        Progress.Listener bytesSeen = p -> {
            bytes[0] = p.bytes();
            progress.onProgress(p);
        };
        return transport.stream(PceRequest.of("GET", path), token, bytesSeen, (in, len) ->
                dev.pceworkbench.pce.json.ParallelArrayReader.read(in, type, what, n -> {
                    token.throwIfCancelled(cancelled);
                    progress.onProgress(new Progress("parsing", bytes[0], len,
                            String.format("Downloading %.1f MB, parsing %,d %s", bytes[0] / 1_048_576.0, n, elements)));
                })).value();
    }

    /** The job as the PCE describes it; an answer that is not a job object is an error naming the job. */
    static AsyncJob readJob(PceResponse poll, String jobPath) {
        JsonNode json = poll.json();
        if (json == null || !json.isObject()) {
            throw new PceException("Job " + jobPath + " answered with something other than a job: "
                    + (json == null ? "nothing" : json.getNodeType()));
        }
        try {
            return PceJson.mapper().treeToValue(json, AsyncJob.class);
        } catch (IOException e) {
            throw new PceException("Cannot read job " + jobPath + ": " + e.getMessage(), e);
        }
    }

    private void deleteQuietly(String jobPath) {
        try {
            transport.sendAllowingErrors(PceRequest.of("DELETE", jobPath), CancellationToken.none());
        } catch (RuntimeException ignored) {
            // Best effort: the PCE expires abandoned jobs itself.
        }
    }

    /** Immediately, then 20 ms, doubling up to the default poll interval. */
    static Duration nextBackoff(Duration previous) {
        if (previous.isZero()) {
            return FIRST_BACKOFF;
        }
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(DEFAULT_POLL) > 0 ? DEFAULT_POLL : doubled;
    }

    private static java.util.Optional<Duration> retryAfter(PceResponse r) {
        return r.header("Retry-After").flatMap(v -> {
            try {
                long s = Long.parseLong(v.trim());
                return java.util.Optional.of(Duration.ofSeconds(Math.max(0, s)).compareTo(MAX_POLL) > 0 ? MAX_POLL : Duration.ofSeconds(Math.max(0, s)));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        });
    }

    /** Job and result locations come as paths below /api/v2 (or, from some PCEs, absolute URLs). */
    static String relative(String location) {
        String l = location.trim();
        int api = l.indexOf("/api/v2/");
        if (api >= 0) {
            return l.substring(api + "/api/v2".length());
        }
        return l.startsWith("/") ? l : "/" + l;
    }

    static ArrayNode asArray(JsonNode n, PceRequest r) {
        if (n instanceof ArrayNode a) {
            return a;
        }
        throw new PceException("Expected a JSON array from " + r.describe() + " but got " + n.getNodeType());
    }
}
