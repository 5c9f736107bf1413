package dev.pceworkbench.pce.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.pce.ConnectionSettings;
import dev.pceworkbench.pce.Credentials;
import dev.pceworkbench.pce.TlsSettings;
import dev.pceworkbench.pce.json.PceJson;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared helpers for the connection-layer tests: settings for a demo PCE and one authenticated GET. */
public final class PceTestSupport {
    private PceTestSupport() {
    }

    /** Settings for the demo PCE with its API key and the given TLS settings. */
    public static ConnectionSettings settings(DemoPce pce, TlsSettings tls) {
        return ConnectionSettings.of(pce.baseUrl(), 0, pce.credentials().orgId(),
                new Credentials.ApiKey(pce.credentials().authUsername(), pce.credentials().secret())).withTls(tls);
    }

    /** Settings trusting the demo CA (given as PEM text). */
    public static ConnectionSettings trusting(DemoPce pce) {
        return settings(pce, TlsSettings.verifying().withCaBundlePem(pce.caPem()));
    }

    /** GETs {@code /api/v2/product_version} and returns the parsed answer; throws on non-200. */
    public static JsonNode productVersion(OkHttpClient client, ConnectionSettings s) throws IOException {
        Request req = new Request.Builder().url(s.apiBase() + "/product_version")
                .header("Authorization", s.credentials().basicHeader()).build();
        try (Response r = client.newCall(req).execute()) {
            String body = r.body().string();
            if (r.code() != 200) {
                throw new IOException("HTTP " + r.code() + ": " + body);
            }
            return PceJson.mapper().readTree(body);
        }
    }

    public static Path write(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.US_ASCII);
        return p;
    }

    /** Closes the client's threads and connections. */
    public static void shutdown(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
