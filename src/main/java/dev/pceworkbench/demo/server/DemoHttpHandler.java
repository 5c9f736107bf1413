package dev.pceworkbench.demo.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.pceworkbench.demo.http.ApiRequest;
import dev.pceworkbench.demo.http.ApiResponse;
import dev.pceworkbench.demo.http.PceApiException;
import dev.pceworkbench.demo.http.Router;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.store.Users;
import dev.pceworkbench.pce.json.PceJson;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The front door of the demo PCE: request id, injected faults, HTTP Basic authentication, the
 * per-credential rate limit, routing, and writing JSON answers and the PCE's error lists. It never
 * logs credentials or the Authorization header.
 */
public final class DemoHttpHandler implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(DemoHttpHandler.class.getName());
    private static final String API_PREFIX = "/api/v2";

    private final DemoState state;
    private final Router router;
    private final Faults faults;
    private final RateLimiter limiter;

    public DemoHttpHandler(DemoState state, Router router, Faults faults, RateLimiter limiter) {
        this.state = state;
        this.router = router;
        this.faults = faults;
        this.limiter = limiter;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String requestId = UUID.randomUUID().toString();
        try {
            long latency = faults.latencyMillis();
            if (latency > 0) {
                Thread.sleep(latency);
            }
            if (faults.take(Faults.Kind.DROP)) {
                // Close the socket with no answer: what a dropped connection looks like to a client.
                ex.getRequestBody().close();
                ex.close();
                return;
            }
            respond(ex, requestId, dispatch(ex, requestId));
        } catch (PceApiException e) {
            error(ex, requestId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Demo PCE failed on " + ex.getRequestMethod() + " " + ex.getRequestURI().getPath(), e);
            error(ex, requestId, new PceApiException(500, "internal_server_error",
                    "The demo PCE failed to handle the request: " + e));
        } finally {
            ex.close();
        }
    }

    private ApiResponse dispatch(HttpExchange ex, String requestId) throws Exception {
        String fullPath = ex.getRequestURI().getPath();
        if (!fullPath.startsWith(API_PREFIX + "/")) {
            throw new PceApiException(404, "not_found", "No such API endpoint: " + fullPath + " (the API is under " + API_PREFIX + ")");
        }
        ApiRequest req = new ApiRequest(ex, fullPath.substring(API_PREFIX.length()), requestId);
        req.caller(authenticate(ex));
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

    private ApiRequest.Caller authenticate(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    var who = state.users().authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
                    if (who.isPresent()) {
                        Users.User u = who.get().getKey();
                        return new ApiRequest.Caller(u.id(), u.username(), who.get().getValue());
                    }
                }
            } catch (IllegalArgumentException ignored) {
                // Not base64: same answer as wrong credentials.
            }
        }
        throw new PceApiException(401, List.of(new PceApiException.ErrorItem("authentication_failed",
                "Authentication failed: send HTTP Basic credentials (API key and secret, or email and password)")),
                Map.of("WWW-Authenticate", "Basic realm=\"PCE\""));
    }

    private void respond(HttpExchange ex, String requestId, ApiResponse r) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("X-Request-Id", requestId);
        h.set("Cache-Control", "no-cache");
        r.headers().forEach(h::set);
        if (r.json() == null && r.writer() == null) {
            ex.sendResponseHeaders(r.status(), -1);
            return;
        }
        h.set("Content-Type", "application/json");
        boolean malformed = faults.take(Faults.Kind.MALFORMED);
        boolean truncate = !malformed && faults.take(Faults.Kind.TRUNCATE);
        if (r.writer() != null && !malformed && !truncate) {
            ex.sendResponseHeaders(r.status(), 0);
            try (OutputStream out = ex.getResponseBody();
                 JsonGenerator g = PceJson.mapper().getFactory().createGenerator(out)) {
                r.writer().write(g);
            }
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
            ex.sendResponseHeaders(r.status(), body.length);
            OutputStream out = ex.getResponseBody();
            out.write(body, 0, Math.max(1, body.length / 2));
            out.flush();
            return;
        }
        ex.sendResponseHeaders(r.status(), body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] bytes(ApiResponse r) throws IOException {
        if (r.json() != null) {
            return PceJson.mapper().writeValueAsBytes(r.json());
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (JsonGenerator g = PceJson.mapper().getFactory().createGenerator(buf)) {
            r.writer().write(g);
        }
        return buf.toByteArray();
    }

    private void error(HttpExchange ex, String requestId, PceApiException e) {
        try {
            ArrayNode body = PceJson.mapper().createArrayNode();
            for (PceApiException.ErrorItem item : e.errors()) {
                body.addObject().put("token", item.token()).put("message", item.message());
            }
            byte[] bytes = PceJson.mapper().writeValueAsBytes(body);
            var h = ex.getResponseHeaders();
            h.set("X-Request-Id", requestId);
            h.set("Content-Type", "application/json");
            e.headers().forEach(h::set);
            ex.sendResponseHeaders(e.status(), bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException io) {
            // The client went away or headers were already sent (a stream failed half-way).
            LOG.log(Level.FINE, "Could not send error response", io);
        }
    }
}
