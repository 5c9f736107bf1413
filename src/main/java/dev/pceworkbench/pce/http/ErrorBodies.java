package dev.pceworkbench.pce.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.pce.PceApiException;
import dev.pceworkbench.pce.json.PceJson;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the PCE's error bodies: usually a list of {@code {"token", "message"}}, sometimes one such
 * object, an {@code {"error": ...}} object, or plain text from a proxy or load balancer in front.
 */
final class ErrorBodies {
    private ErrorBodies() {
    }

    static PceApiException toException(int status, byte[] body, String requestId, String method, String path) {
        List<PceApiException.PceError> errors = new ArrayList<>();
        String raw = new String(body, StandardCharsets.UTF_8);
        try {
            JsonNode n = PceJson.mapper().readTree(body);
            if (n != null) {
                if (n.isArray()) {
                    for (JsonNode e : n) {
                        add(errors, e);
                    }
                } else if (n.isObject()) {
                    add(errors, n);
                }
            }
        } catch (Exception notJson) {
            // Not JSON (an HTML page from a gateway, say): the raw text goes into the message.
        }
        return new PceApiException(status, errors, requestId, method, path, errors.isEmpty() ? raw.strip() : null);
    }

    private static void add(List<PceApiException.PceError> errors, JsonNode e) {
        if (e.has("token") || e.has("message")) {
            errors.add(new PceApiException.PceError(text(e, "token"), text(e, "message")));
        } else if (e.has("error")) {
            errors.add(new PceApiException.PceError(null, e.get("error").isTextual() ? e.get("error").asText() : e.get("error").toString()));
        }
    }

    private static String text(JsonNode e, String f) {
        JsonNode v = e.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }
}
