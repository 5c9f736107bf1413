package dev.pceworkbench.pce.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.pce.PceConnectionException;
import dev.pceworkbench.pce.json.PceJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A complete answer from the PCE: status, headers (case-insensitive) and the body, parsed once. */
public final class PceResponse {
    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private JsonNode json;

    public PceResponse(int status, Map<String, List<String>> headers, byte[] body) {
        this(status, headers, body, null);
    }

    /** A response whose body was already parsed (to validate it while retries were still possible). */
    public PceResponse(int status, Map<String, List<String>> headers, byte[] body, JsonNode parsed) {
        this.json = parsed;
        this.status = status;
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
        this.headers = h;
        this.body = body == null ? new byte[0] : body;
    }

    public int status() {
        return status;
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    public Optional<String> header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON (parsed once); an unparseable body is a malformed response, not an empty one. */
    public synchronized JsonNode json() {
        if (json == null) {
            if (body.length == 0) {
                json = PceJson.mapper().missingNode();
            } else {
                try {
                    json = PceJson.mapper().readTree(body);
                } catch (IOException e) {
                    throw new PceConnectionException(PceConnectionException.Kind.MALFORMED_RESPONSE,
                            "The PCE sent a response that is not valid JSON (" + body.length + " bytes): " + e.getMessage(), e);
                }
            }
        }
        return json;
    }

    /** {@code X-Total-Count}, when the PCE sent it. */
    public Optional<Long> totalCount() {
        return header("X-Total-Count").map(String::trim).map(Long::parseLong);
    }

    public boolean isJson() {
        return header("Content-Type").map(c -> c.toLowerCase(java.util.Locale.ROOT).contains("json")).orElse(false);
    }
}
