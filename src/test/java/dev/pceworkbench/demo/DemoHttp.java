package dev.pceworkbench.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.pce.json.PceJson;
import okhttp3.Credentials;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * A deliberately plain HTTP client for the demo PCE's integration tests: raw requests, Basic
 * auth, the demo CA trusted, no retries, so that tests see exactly what the server sends.
 */
public final class DemoHttp {
    private static final MediaType JSON = MediaType.get("application/json");

    /** One answer: status, headers, body text and (when JSON) the parsed body. */
    public record Reply(int status, Headers headers, String body) {
        public JsonNode json() {
            try {
                return PceJson.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.get(name);
        }

        /** The first error token of a PCE error list. */
        public String token() {
            return json().get(0).get("token").asText();
        }
    }

    private final OkHttpClient client;
    private final String base;
    private final String auth;

    public DemoHttp(OkHttpClient client, String base, String user, String password) {
        this.client = client;
        this.base = base;
        this.auth = user == null ? null : Credentials.basic(user, password);
    }

    /** A client for {@code pce} using its API key, trusting its CA. */
    public static DemoHttp forPce(DemoPce pce) {
        return new DemoHttp(clientFor(pce, null), pce.baseUrl() + "/api/v2",
                pce.credentials().authUsername(), pce.credentials().secret());
    }

    /** An OkHttp client that trusts the demo CA (and presents {@code clientCert} when given). */
    public static OkHttpClient clientFor(DemoPce pce, HeldCertificate clientCert) {
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .readTimeout(Duration.ofSeconds(60))
                .retryOnConnectionFailure(false);
        if (pce.certificates() != null) {
            HandshakeCertificates.Builder hc = new HandshakeCertificates.Builder()
                    .addTrustedCertificate(pce.certificates().ca().certificate());
            if (clientCert != null) {
                hc.heldCertificate(clientCert);
            }
            HandshakeCertificates certs = hc.build();
            b.sslSocketFactory(certs.sslSocketFactory(), certs.trustManager());
        }
        return b.build();
    }

    public DemoHttp as(String user, String password) {
        return new DemoHttp(client, base, user, password);
    }

    public Reply get(String path) {
        return send(new Request.Builder().url(base + path).get(), null);
    }

    public Reply getAsync(String path) {
        return send(new Request.Builder().url(base + path).header("Prefer", "respond-async").get(), null);
    }

    public Reply post(String path, Object body) {
        return send(new Request.Builder().url(base + path), r -> r.post(body(body)));
    }

    public Reply put(String path, Object body) {
        return send(new Request.Builder().url(base + path), r -> r.put(body(body)));
    }

    public Reply delete(String path) {
        return send(new Request.Builder().url(base + path).delete(), null);
    }

    /** A DELETE with a JSON body, as {@code DELETE sec_policy/pending} takes a change subset. */
    public Reply delete(String path, Object body) {
        return send(new Request.Builder().url(base + path), r -> r.delete(body(body)));
    }

    private static RequestBody body(Object body) {
        try {
            String text = body instanceof String s ? s : PceJson.mapper().writeValueAsString(body);
            return RequestBody.create(text, JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply send(Request.Builder rb, java.util.function.Consumer<Request.Builder> method) {
        if (method != null) {
            method.accept(rb);
        }
        if (auth != null) {
            rb.header("Authorization", auth);
        }
        rb.header("Accept", "application/json");
        try (Response r = client.newCall(rb.build()).execute()) {
            return new Reply(r.code(), r.headers(), r.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses JSON text (for request bodies written inline in tests). */
    public static JsonNode json(String text) {
        try {
            return PceJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
