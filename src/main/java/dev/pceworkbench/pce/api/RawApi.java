package dev.pceworkbench.pce.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.http.PceRequest;
import dev.pceworkbench.pce.http.PceResponse;
import dev.pceworkbench.pce.http.PceTransport;

import java.util.Map;

/**
 * Raw requests for endpoints the client does not model: GET, POST, PUT and DELETE on any path
 * below {@code /api/v2}, with the org prefix added ({@code orgScoped}) or not, returning status,
 * headers and body. Error statuses come back as responses, not exceptions, so callers can inspect
 * them; authentication, the request budget and retries apply as for every other call.
 */
public final class RawApi {
    private final PceTransport transport;
    private final String orgPrefix;

    public RawApi(PceTransport transport, String orgPrefix) {
        this.transport = transport;
        this.orgPrefix = orgPrefix;
    }

    public PceResponse get(String path, boolean orgScoped, Map<String, ?> query, CancellationToken token) {
        return send("GET", path, orgScoped, query, null, token);
    }

    /**
     * Any object by its href ({@code /orgs/1/...}, as the PCE writes it), as JSON. Unlike the other
     * methods, an error status throws {@link dev.pceworkbench.pce.PceApiException} with the PCE's
     * own message, token and request id; GETs are retried as usual.
     */
    public JsonNode object(String href, CancellationToken token) {
        String p = href.startsWith("/") ? href : "/" + href;
        return transport.send(PceRequest.of("GET", p), token).json();
    }

    public PceResponse post(String path, boolean orgScoped, Object body, CancellationToken token) {
        return send("POST", path, orgScoped, null, body, token);
    }

    public PceResponse put(String path, boolean orgScoped, Object body, CancellationToken token) {
        return send("PUT", path, orgScoped, null, body, token);
    }

    public PceResponse delete(String path, boolean orgScoped, CancellationToken token) {
        return send("DELETE", path, orgScoped, null, null, token);
    }

    /** Any method; {@code body} is a record, map, JSON node or JSON text (sent as is). */
    public PceResponse send(String method, String path, boolean orgScoped, Map<String, ?> query, Object body,
                            CancellationToken token) {
        String p = path.startsWith("/") ? path : "/" + path;
        if (orgScoped && !p.startsWith(orgPrefix + "/") && !p.equals(orgPrefix)) {
            p = orgPrefix + p;
        }
        PceRequest r = PceRequest.of(method.toUpperCase(java.util.Locale.ROOT), p).withQuery(query);
        if (body != null) {
            r = r.withBody(body instanceof String s ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    : rawBytes(body));
        }
        return transport.sendAllowingErrors(r, token);
    }

    private static byte[] rawBytes(Object body) {
        try {
            return dev.pceworkbench.pce.json.PceJson.mapper().writeValueAsBytes(body);
        } catch (java.io.IOException e) {
            throw new dev.pceworkbench.pce.PceException("Cannot write the request body: " + e.getMessage(), e);
        }
    }
}
