package dev.pceworkbench.demo.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.pceworkbench.demo.http.ApiRequest;
import dev.pceworkbench.demo.http.ApiResponse;
import dev.pceworkbench.demo.http.Datafile;
import dev.pceworkbench.demo.http.PceApiException;
import dev.pceworkbench.demo.http.Router;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.store.Users;
import dev.pceworkbench.pce.json.PceJson;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The front door of the demo PCE: request id, injected faults, the brake on failed logins, HTTP
 * Basic authentication, the per-credential rate limit, routing, and writing JSON answers and the
 * PCE's error lists. Answers are rendered first (under the state's lock, into memory or a temporary
 * file) and sent afterwards without any lock, asynchronously, so a client that reads slowly holds
 * neither the lock nor a thread. A request body that an early answer (401, 429) leaves unread is
 * drained when small, else the answer says {@code Connection: close}: a keep-alive connection is
 * never left out of step. It never logs credentials or the Authorization header.
 */
public final class DemoHttpHandler extends Handler.Abstract {
    private static final Logger LOG = Logger.getLogger(DemoHttpHandler.class.getName());
    private static final String API_PREFIX = "/api/v2";
    /** Unread request bodies up to this size are drained so that the connection stays usable. */
    private static final long DRAIN_LIMIT = 64 * 1024;

    private final DemoState state;
    private final Router router;
    private final Faults faults;
    private final RateLimiter limiter;
    private final LoginBrake brake;
    private final Path spool;

    public DemoHttpHandler(DemoState state, Router router, Faults faults, RateLimiter limiter, LoginBrake brake,
                           Path spool) {
        this.state = state;
        this.router = router;
        this.faults = faults;
        this.limiter = limiter;
        this.brake = brake;
        this.spool = spool;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String requestId = UUID.randomUUID().toString();
        try {
            long latency = faults.latencyMillis();
            if (latency > 0) {
                Thread.sleep(latency);
            }
            if (faults.take(Faults.Kind.DROP)) {
                // Close the socket with no answer: what a dropped connection looks like to a client.
                drop(request, callback, "dropped (injected fault)");
                return true;
            }
            ApiResponse answer = dispatch(request, requestId);
            respond(request, response, callback, requestId, answer);
        } catch (PceApiException e) {
            error(request, response, callback, requestId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drop(request, callback, "interrupted");
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Demo PCE failed on " + request.getMethod() + " " + request.getHttpURI().getPath()
                    + " (request " + requestId + ")", e);
            error(request, response, callback, requestId, PceApiException.internal(requestId));
        }
        return true;
    }

    private static void drop(Request request, Callback callback, String why) {
        request.getConnectionMetaData().getConnection().getEndPoint().close();
        callback.failed(new EofException(why));
    }

    private ApiResponse dispatch(Request request, String requestId) throws Exception {
        String fullPath = request.getHttpURI().getDecodedPath();
        if (fullPath == null || !fullPath.startsWith(API_PREFIX + "/")) {
            throw new PceApiException(404, "not_found", "No such API endpoint: " + fullPath + " (the API is under " + API_PREFIX + ")");
        }
        ApiRequest req = new ApiRequest(new JettyRequestSource(request), fullPath.substring(API_PREFIX.length()), requestId);
        req.caller(authenticate(request));
        OptionalLong wait = limiter.acquire(req.caller().credential(), System.nanoTime());
        if (wait.isPresent()) {
            throw tooMany(wait.getAsLong(), "API rate limit of " + limiter.perMinute()
                    + " requests per minute exceeded for " + req.caller().credential());
        }
        if (faults.take(Faults.Kind.HTTP429)) {
            throw tooMany(1, "Too many requests (injected fault)");
        }
        if (faults.take(Faults.Kind.HTTP5XX)) {
            throw new PceApiException(503, List.of(new PceApiException.ErrorItem("service_unavailable",
                    "The PCE is temporarily unavailable (injected fault)")), Map.of("Retry-After", "1"));
        }
        String[] parts = req.path().split("/");
        if (parts.length > 2 && parts[1].equals("orgs") && !parts[2].equals(Integer.toString(state.orgId()))) {
            throw new PceApiException(404, "not_found", "Organization " + parts[2] + " not found");
        }
        return router.resolve(req).handle(req);
    }

    private static PceApiException tooMany(long seconds, String message) {
        return new PceApiException(429, List.of(new PceApiException.ErrorItem("too_many_requests", message)),
                Map.of("Retry-After", Long.toString(seconds)));
    }

    private ApiRequest.Caller authenticate(Request request) {
        String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            String user = "";
            String secret = null;
            try {
                String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    user = decoded.substring(0, colon);
                    secret = decoded.substring(colon + 1);
                }
            } catch (IllegalArgumentException ignored) {
                // Not base64: a failed login like wrong credentials.
            }
            String address = Request.getRemoteAddr(request);
            OptionalLong wait = brake.check(address, user, System.nanoTime());
            if (wait.isPresent()) {
                throw tooMany(wait.getAsLong(), "Too many failed logins from " + address
                        + " for this user name: wait before trying again");
            }
            var who = secret == null ? java.util.Optional.<Map.Entry<Users.User, String>>empty()
                    : state.users().authenticate(user, secret);
            if (who.isPresent()) {
                brake.succeeded(address, user);
                Users.User u = who.get().getKey();
                return new ApiRequest.Caller(u.id(), u.username(), who.get().getValue());
            }
            brake.failed(address, user, System.nanoTime());
        }
        throw new PceApiException(401, List.of(new PceApiException.ErrorItem("authentication_failed",
                "Authentication failed: send HTTP Basic credentials (API key and secret, or email and password)")),
                Map.of("WWW-Authenticate", "Basic realm=\"PCE\""));
    }

    /**
     * Reads what is left of the request body when it is small, so the connection can carry the next
     * request; when it is large or does not come, the answer closes the connection instead.
     */
    private static void settleRequestBody(Request request, Response response) {
        long length = request.getLength();
        boolean drained;
        if (length > 0 && length <= DRAIN_LIMIT) {
            try {
                Content.Source.consumeAll(request);
                drained = true;
            } catch (IOException e) {
                drained = false;
            }
        } else {
            drained = request.consumeAvailable();
        }
        if (!drained) {
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
    }

    private void respond(Request request, Response response, Callback callback, String requestId, ApiResponse r)
            throws IOException {
        var h = response.getHeaders();
        h.put("X-Request-Id", requestId);
        h.put("Cache-Control", "no-cache");
        r.headers().forEach(h::put);
        if (r.json() == null && r.writer() == null && r.datafile() == null) {
            settleRequestBody(request, response);
            response.setStatus(r.status());
            response.write(true, null, callback);
            return;
        }
        boolean malformed = faults.take(Faults.Kind.MALFORMED);
        boolean truncate = !malformed && faults.take(Faults.Kind.TRUNCATE);
        if (!malformed && !truncate && r.datafile() != null) {
            sendDatafile(request, response, callback, r.status(), r.datafile());
            return;
        }
        if (!malformed && !truncate && r.writer() != null) {
            Spool rendered = render(r.writer());
            if (rendered.file() != null) {
                settleRequestBody(request, response);
                h.put(HttpHeader.CONTENT_TYPE, "application/json");
                h.put(HttpHeader.CONTENT_LENGTH, rendered.size());
                response.setStatus(r.status());
                Content.copy(Content.Source.from(rendered.file()), response, andThen(callback, rendered::discard));
                return;
            }
            send(request, response, callback, r.status(), rendered.bytes());
            return;
        }
        byte[] body = bytes(r);
        if (malformed) {
            // Break the document right after its opening bracket, so every parser rejects it.
            byte[] broken = new byte[body.length + 2];
            broken[0] = body[0];
            broken[1] = ',';
            broken[2] = ',';
            System.arraycopy(body, 1, broken, 3, body.length - 1);
            body = broken;
        }
        if (truncate) {
            // Announce the full length, send half, then drop the connection.
            settleRequestBody(request, response);
            h.put(HttpHeader.CONTENT_TYPE, "application/json");
            h.put(HttpHeader.CONTENT_LENGTH, body.length);
            response.setStatus(r.status());
            response.write(false, ByteBuffer.wrap(body, 0, Math.max(1, body.length / 2)),
                    Callback.from(() -> drop(request, callback, "truncated (injected fault)"), callback::failed));
            return;
        }
        send(request, response, callback, r.status(), body);
    }

    /**
     * A datafile as a real PCE serves it: the stored gzip stream as it is, with
     * {@code Content-Encoding: gzip}, to a client that accepts gzip (the GzipHandler leaves an
     * answer that already has a Content-Encoding alone), else inflated on the fly; the length is
     * known either way.
     */
    private static void sendDatafile(Request request, Response response, Callback callback, int status, Datafile d)
            throws IOException {
        settleRequestBody(request, response);
        var h = response.getHeaders();
        h.put(HttpHeader.CONTENT_TYPE, "application/json");
        h.put(HttpHeader.VARY, HttpHeader.ACCEPT_ENCODING.asString());
        response.setStatus(status);
        ByteBufferPool.Sized buffers = new ByteBufferPool.Sized(request.getComponents().getByteBufferPool(), false, 64 * 1024);
        if (Datafile.acceptsGzip(request.getHeaders().getValuesList(HttpHeader.ACCEPT_ENCODING))) {
            h.put(HttpHeader.CONTENT_ENCODING, "gzip");
            h.put(HttpHeader.CONTENT_LENGTH, d.compressedLength());
            // Opened now, so that the job's expiry deleting the file cannot cut this download.
            var channel = Files.newByteChannel(d.gzipFile());
            Content.copy(Content.Source.from(buffers, channel), response, andThen(callback, () -> closeQuietly(channel)));
        } else {
            h.put(HttpHeader.CONTENT_LENGTH, d.length());
            InputStream in = d.openPlain();
            Content.copy(Content.Source.from(buffers, in), response, andThen(callback, () -> closeQuietly(in)));
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // Read to the end or abandoned: nothing left to do.
        }
    }

    private static void send(Request request, Response response, Callback callback, int status, byte[] body) {
        settleRequestBody(request, response);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.setStatus(status);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private Spool render(ApiResponse.JsonWriter writer) throws IOException {
        Spool out = new Spool(spool);
        try (JsonGenerator g = PceJson.mapper().getFactory().createGenerator(out)) {
            writer.write(g);
        } catch (IOException | RuntimeException e) {
            out.discard();
            throw e;
        }
        return out;
    }

    private static Callback andThen(Callback callback, Runnable cleanup) {
        return new Callback() {
            @Override
            public void succeeded() {
                cleanup.run();
                callback.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                cleanup.run();
                callback.failed(x);
            }
        };
    }

    private byte[] bytes(ApiResponse r) throws IOException {
        if (r.json() != null) {
            return PceJson.mapper().writeValueAsBytes(r.json());
        }
        if (r.datafile() != null) {
            return r.datafile().readAll();
        }
        Spool s = render(r.writer());
        try {
            return s.bytes() != null ? s.bytes() : Files.readAllBytes(s.file());
        } finally {
            s.discard();
        }
    }

    /** The PCE's error list, {@code [{"token": ..., "message": ...}]}. */
    static byte[] errorBody(List<PceApiException.ErrorItem> errors) {
        ArrayNode body = PceJson.mapper().createArrayNode();
        for (PceApiException.ErrorItem item : errors) {
            body.addObject().put("token", item.token()).put("message", item.message());
        }
        try {
            return PceJson.mapper().writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void error(Request request, Response response, Callback callback, String requestId, PceApiException e) {
        if (response.isCommitted()) {
            callback.failed(e);
            return;
        }
        response.reset();
        response.getHeaders().put("X-Request-Id", requestId);
        e.headers().forEach(response.getHeaders()::put);
        send(request, response, callback, e.status(), errorBody(e.errors()));
    }
}
