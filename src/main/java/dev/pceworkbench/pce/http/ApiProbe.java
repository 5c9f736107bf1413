package dev.pceworkbench.pce.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.ConnectionSettings;
import dev.pceworkbench.pce.json.PceJson;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One raw, authenticated GET under {@code /api/v2} for {@code ConnectionCheck}: no retries, no
 * error translation, the status, JSON (when the body is JSON), the start of the body and the
 * PCE's request id, so that the check can explain exactly what the PCE answered. Cancelling the
 * token cancels the call.
 */
public final class ApiProbe {
    private static final int MAX_BODY = 256 * 1024;

    private ApiProbe() {
    }

    /**
     * The answer to a probe.
     *
     * @param status    the HTTP status
     * @param json      the parsed body, or null when it is empty or not JSON
     * @param body      the start of the body as text
     * @param request   e.g. {@code GET /api/v2/product_version}
     * @param requestId the PCE's {@code X-Request-Id}, or null
     */
    public record Answer(int status, JsonNode json, String body, String request, String requestId) {
        /** The PCE's own error message (the first of its error list), else the start of the body. */
        public String pceMessage() {
            JsonNode first = json != null && json.isArray() && json.size() > 0 ? json.get(0) : json;
            if (first != null && first.isObject()) {
                String m = text(first, "message");
                String t = text(first, "token");
                if (m != null || t != null) {
                    return m != null ? m : t;
                }
            }
            String t = body.strip();
            return t.isEmpty() ? "no details" : (t.length() > 200 ? t.substring(0, 200) + "…" : t);
        }

        /** A string field of the JSON object answer, or null. */
        public String field(String name) {
            return text(json, name);
        }

        /** Lines for a diagnosis: the request, the status and, for errors, the answer. */
        public List<String> details() {
            List<String> d = new ArrayList<>();
            d.add(request + " → HTTP " + status + (requestId == null ? "" : " (request id " + requestId + ")"));
            if (status >= 300) {
                d.add("Answer: " + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
            }
            return d;
        }
    }

    /** GETs {@code path} (below {@code /api/v2}) with the settings' credentials. */
    public static Answer get(OkHttpClient client, ConnectionSettings s, String path, CancellationToken cancel) throws IOException {
        Request req = new Request.Builder().url(s.apiBase() + path)
                .header("Authorization", s.credentials().basicHeader())
                .header("Accept", "application/json")
                .get().build();
        Call call = client.newCall(req);
        try (AutoCloseable ignored = cancel.onCancel(call::cancel); Response r = call.execute()) {
            byte[] body = r.peekBody(MAX_BODY).bytes();
            JsonNode json = null;
            try {
                json = body.length == 0 ? null : PceJson.mapper().readTree(body);
            } catch (IOException notJson) {
                // Not JSON (an HTML page from a portal, say): the caller reports it.
            }
            String text = new String(body, 0, Math.min(body.length, 1000), StandardCharsets.UTF_8);
            return new Answer(r.code(), json, text, "GET /api/v2" + path, r.header("X-Request-Id"));
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /** A field of a JSON object as text, or null when absent. */
    public static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
