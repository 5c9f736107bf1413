package dev.pceworkbench.pce.http;

import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.ConnectionSettings;
import dev.pceworkbench.pce.PceApiException;
import dev.pceworkbench.pce.PceCancelledException;
import dev.pceworkbench.pce.PceConnectionException;
import dev.pceworkbench.pce.Progress;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import javax.net.ssl.SSLException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends requests to one PCE: builds URLs under {@code /api/v2}, authenticates with HTTP Basic,
 * keeps within the request budget, retries what is safe to retry (see {@link RetryPolicy}), turns
 * PCE errors into {@link PceApiException} with the PCE's own messages and network failures into
 * {@link PceConnectionException}, and closes the call when the caller cancels. It logs method,
 * path, status and time only: never headers, credentials or bodies.
 */
public final class PceTransport {
    private static final System.Logger LOG = System.getLogger(PceTransport.class.getName());
    private static final MediaType JSON = MediaType.get("application/json");

    /** Reads a streamed body; the stream counts bytes into the progress listener. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(InputStream in, long contentLength) throws IOException;
    }

    /** A streamed answer: status, headers and what the reader made of the body. */
    public record Streamed<T>(int status, Map<String, List<String>> headers, T value) {
    }

    private final ConnectionSettings settings;
    private final OkHttpClient client;
    private final RetryPolicy retry;
    private final RequestLimiter limiter;
    private final HttpUrl apiBase;

    public PceTransport(ConnectionSettings settings, OkHttpClient client, RetryPolicy retry, RequestLimiter limiter) {
        this.settings = settings;
        this.client = client;
        this.retry = retry;
        this.limiter = limiter;
        this.apiBase = HttpUrl.get(settings.apiBase());
    }

    public ConnectionSettings settings() {
        return settings;
    }

    public OkHttpClient client() {
        return client;
    }

    public RequestLimiter limiter() {
        return limiter;
    }

    public RetryPolicy retryPolicy() {
        return retry;
    }

    /** Sends the request and reads the whole body; error statuses throw {@link PceApiException}. */
    public PceResponse send(PceRequest request, CancellationToken token) {
        if (!RetryPolicy.idempotent(request.method())) {
            return toResponse(exchange(request, token, Progress.Listener.NONE, (in, len) -> in.readAllBytes(), true));
        }
        // A garbled answer to a GET is transient: parse inside the retry loop so it is retried.
        Streamed<Parsed> s = exchange(request, token, Progress.Listener.NONE, (in, len) -> Parsed.read(in), true);
        return new PceResponse(s.status(), s.headers(), s.value().bytes(), s.value().json());
    }

    /** A body and its JSON tree (null when it is not JSON). */
    private record Parsed(byte[] bytes, com.fasterxml.jackson.databind.JsonNode json) {
        static Parsed read(InputStream in) throws IOException {
            byte[] bytes = in.readAllBytes();
            int i = 0;
            while (i < bytes.length && Character.isWhitespace(bytes[i])) {
                i++;
            }
            if (i == bytes.length || (bytes[i] != '[' && bytes[i] != '{')) {
                return new Parsed(bytes, null);
            }
            try {
                return new Parsed(bytes, dev.pceworkbench.pce.json.PceJson.mapper().readTree(bytes));
            } catch (IOException e) {
                throw new PceConnectionException(PceConnectionException.Kind.MALFORMED_RESPONSE,
                        "The PCE sent a response that is not valid JSON (" + bytes.length + " bytes): " + e.getMessage(), e);
            }
        }
    }

    /** Like {@link #send} but hands error statuses back as responses instead of throwing. */
    public PceResponse sendAllowingErrors(PceRequest request, CancellationToken token) {
        return toResponse(exchange(request, token, Progress.Listener.NONE, (in, len) -> in.readAllBytes(), false));
    }

    /**
     * Sends the request and gives the body stream to {@code reader}, reporting bytes read. The body
     * is read ahead on a second thread (network, TLS, gzip) while {@code reader} parses it.
     */
    public <T> Streamed<T> stream(PceRequest request, CancellationToken token, Progress.Listener progress,
                                  BodyReader<T> reader) {
        return exchange(request, token, progress, reader, true, true);
    }

    private static PceResponse toResponse(Streamed<byte[]> s) {
        return new PceResponse(s.status(), s.headers(), s.value());
    }

    HttpUrl url(PceRequest request) {
        String path = request.path().startsWith("/") ? request.path().substring(1) : request.path();
        String inlineQuery = null;
        int q = path.indexOf('?');
        if (q >= 0) {
            inlineQuery = path.substring(q + 1);
            path = path.substring(0, q);
        }
        HttpUrl.Builder b = apiBase.newBuilder();
        if (inlineQuery != null && !inlineQuery.isEmpty()) {
            // A query written into the path (as callers of raw requests do) is kept, encoded properly.
            b.encodedQuery(inlineQuery);
        }
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                b.addPathSegment(segment);
            }
        }
        request.query().forEach((k, vs) -> vs.forEach(v -> b.addQueryParameter(k, v)));
        return b.build();
    }

    private <T> Streamed<T> exchange(PceRequest request, CancellationToken token, Progress.Listener progress,
                                     BodyReader<T> reader, boolean throwOnError) {
        return exchange(request, token, progress, reader, throwOnError, false);
    }

    private <T> Streamed<T> exchange(PceRequest request, CancellationToken token, Progress.Listener progress,
                                     BodyReader<T> reader, boolean throwOnError, boolean readAhead) {
        String what = request.describe();
        for (int attempt = 1; ; attempt++) {
            token.throwIfCancelled(what);
            limiter.acquire(token);
            Request.Builder rb = new Request.Builder().url(url(request))
                    .header("Authorization", settings.credentials().basicHeader())
                    .header("Accept", "application/json")
                    .header("User-Agent", "pce-workbench");
            request.headers().forEach(rb::header);
            RequestBody body = request.body() == null
                    ? (request.method().equals("GET") || request.method().equals("DELETE") ? null : RequestBody.create(new byte[0], JSON))
                    : RequestBody.create(request.body(), JSON);
            rb.method(request.method(), body);
            Call call = client.newCall(rb.build());
            long t0 = System.nanoTime();
            try (AutoCloseable ignored = token.onCancel(call::cancel); Response resp = call.execute()) {
                int status = resp.code();
                Map<String, List<String>> headers = resp.headers().toMultimap();
                LOG.log(System.Logger.Level.DEBUG, () -> what + " -> " + status + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                ResponseBody rbody = resp.body();
                if (status >= 400) {
                    byte[] bytes = rbody.bytes();
                    if (retry.retryableStatus(request.method(), status) && attempt < retry.maxAttempts()) {
                        Duration wait = retry.delay(attempt, retryAfter(resp));
                        LOG.log(System.Logger.Level.INFO, () -> what + " answered " + status + "; retrying in " + wait.toMillis() + " ms");
                        token.sleep(wait, what);
                        continue;
                    }
                    if (throwOnError) {
                        throw ErrorBodies.toException(status, bytes, resp.header("X-Request-Id"), request.method(), request.path());
                    }
                    return new Streamed<>(status, headers, reader.read(new java.io.ByteArrayInputStream(bytes), bytes.length));
                }
                long length = rbody.contentLength();
                InputStream counted = new Counting(rbody.byteStream(), length, progress, token, what);
                if (!readAhead) {
                    return new Streamed<>(status, headers, reader.read(counted, length));
                }
                ReadAhead ahead = ReadAhead.start(counted);
                try {
                    return new Streamed<>(status, headers, reader.read(ahead, length));
                } catch (Exception | Error e) {
                    call.cancel(); // unblocks the reading thread at once
                    throw e;
                } finally {
                    ahead.close();
                }
            } catch (PceApiException | PceCancelledException e) {
                throw e;
            } catch (Exception e) {
                if (token.isCancelled()) {
                    throw new PceCancelledException("Cancelled: " + what);
                }
                PceConnectionException ce = classify(e, what);
                if (RetryPolicy.idempotent(request.method()) && attempt < retry.maxAttempts()
                        && (ce.kind() == PceConnectionException.Kind.DROPPED || ce.kind() == PceConnectionException.Kind.TIMEOUT
                        || ce.kind() == PceConnectionException.Kind.MALFORMED_RESPONSE)) {
                    Duration wait = retry.delay(attempt, null);
                    LOG.log(System.Logger.Level.INFO, () -> what + " failed (" + ce.getMessage() + "); retrying in " + wait.toMillis() + " ms");
                    token.sleep(wait, what);
                    continue;
                }
                throw ce;
            }
        }
    }

    private static Duration retryAfter(Response resp) {
        String h = resp.header("Retry-After");
        if (h == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(h.trim())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Names what went wrong on the wire, for messages, diagnosis and retry decisions. */
    static PceConnectionException classify(Exception e, String what) {
        if (e instanceof PceConnectionException ce) {
            return ce;
        }
        Throwable root = e;
        List<Throwable> chain = new ArrayList<>();
        while (root != null && !chain.contains(root)) {
            chain.add(root);
            root = root.getCause();
        }
        for (Throwable t : chain) {
            if (t instanceof UnknownHostException) {
                return new PceConnectionException(PceConnectionException.Kind.DNS,
                        "Cannot resolve the PCE host name (" + t.getMessage() + ") for " + what, e);
            }
            if (t instanceof SSLException) {
                return new PceConnectionException(PceConnectionException.Kind.TLS,
                        "TLS failed for " + what + ": " + t.getMessage(), e);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new PceConnectionException(PceConnectionException.Kind.CONNECT,
                        "Cannot connect to the PCE for " + what + ": " + t.getMessage(), e);
            }
            if (t instanceof SocketTimeoutException) {
                return new PceConnectionException(PceConnectionException.Kind.TIMEOUT, "Timed out: " + what, e);
            }
        }
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (msg.toLowerCase(java.util.Locale.ROOT).contains("proxy")) {
            return new PceConnectionException(PceConnectionException.Kind.PROXY, "Proxy failure for " + what + ": " + msg, e);
        }
        return new PceConnectionException(PceConnectionException.Kind.DROPPED,
                "The connection broke during " + what + ": " + msg, e);
    }

    /** Counts bytes into the progress listener and stops reading when cancelled. */
    private static final class Counting extends FilterInputStream {
        private final long total;
        private final Progress.Listener progress;
        private final CancellationToken token;
        private final String what;
        private long count;
        private long lastReport;

        Counting(InputStream in, long total, Progress.Listener progress, CancellationToken token, String what) {
            super(in);
            this.total = total;
            this.progress = progress;
            this.token = token;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        private void advance(long n) {
            token.throwIfCancelled(what);
            count += n;
            if (progress != Progress.Listener.NONE && count - lastReport >= 256 * 1024) {
                lastReport = count;
                progress.onProgress(new Progress("downloading", count, total,
                        String.format("Downloading %.1f MB", count / 1_048_576.0)));
            }
        }
    }
}
