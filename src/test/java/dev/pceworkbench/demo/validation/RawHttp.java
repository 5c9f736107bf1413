package dev.pceworkbench.demo.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.demo.DemoHttp;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.pce.json.PceJson;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Sends raw bytes as request bodies (invalid UTF-8, truncated JSON) to the demo PCE. */
final class RawHttp {
    private static final MediaType JSON = MediaType.get("application/json");

    /** One answer: status and body text. */
    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return PceJson.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }

        String token() {
            return json().path(0).path("token").asText();
        }

        String message() {
            return json().path(0).path("message").asText();
        }
    }

    private final OkHttpClient client;
    private final String base;
    private final String auth;

    RawHttp(DemoPce pce) {
        this.client = DemoHttp.clientFor(pce, null);
        this.base = pce.baseUrl() + "/api/v2";
        this.auth = Credentials.basic(pce.credentials().authUsername(), pce.credentials().secret());
    }

    Reply send(String method, String path, byte[] body) {
        Request.Builder rb = new Request.Builder().url(base + path).header("Authorization", auth)
                .header("Accept", "application/json");
        rb.method(method, body == null ? null : RequestBody.create(body, JSON));
        try (Response r = client.newCall(rb.build()).execute()) {
            return new Reply(r.code(), r.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reply send(String method, String path, String body) {
        return send(method, path, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    Reply get(String path) {
        return send("GET", path, (byte[]) null);
    }
}
