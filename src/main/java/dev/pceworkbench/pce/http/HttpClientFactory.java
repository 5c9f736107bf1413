package dev.pceworkbench.pce.http;

import dev.pceworkbench.pce.ConnectionSettings;
import dev.pceworkbench.pce.PceConfigurationException;
import okhttp3.Authenticator;
import okhttp3.Challenge;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;

import java.net.ProxySelector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Builds the OkHttp client for one PCE connection from its {@link ConnectionSettings}: timeouts,
 * no automatic retries (the transport retries what is idempotent), TLS from {@link TlsMaterial}
 * (verification and host-name checks on unless turned off, CA bundles, client certificates), and
 * the proxy from {@link ProxyResolver} with Basic proxy authentication answered on a 407. Nothing
 * here logs; credentials only travel in headers. Pass a base client to share its connection pool
 * and dispatcher between connections.
 */
public final class HttpClientFactory {
    private HttpClientFactory() {
    }

    /**
     * A configured client and what it was configured with.
     *
     * @param client the OkHttp client
     * @param tls    the TLS material it uses
     * @param proxy  the proxy it uses
     */
    public record Built(OkHttpClient client, TlsMaterial tls, EffectiveProxy proxy) {
        /** True when certificate verification is off. */
        public boolean insecure() {
            return tls.insecure();
        }

        /** E.g. {@code "HTTP proxy proxy.corp:3128 from HTTPS_PROXY"} or {@code "direct (no proxy)"}. */
        public String proxyDescription() {
            return proxy.description();
        }

        /** E.g. {@code "verifying with the system trust plus 1 CA certificate from ca.pem"}. */
        public String tlsDescription() {
            return tls.description();
        }
    }

    /** A new client (own pool and dispatcher) for the settings, honouring the process environment. */
    public static OkHttpClient create(ConnectionSettings s) {
        return build(s, null, System.getenv()).client();
    }

    /** A client derived from {@code base}, sharing its connection pool and dispatcher. */
    public static OkHttpClient create(ConnectionSettings s, OkHttpClient base) {
        return build(s, base, System.getenv()).client();
    }

    /** As {@link #build(ConnectionSettings, OkHttpClient, Map, ProxySelector)} with the JVM's default selector. */
    public static Built build(ConnectionSettings s, OkHttpClient base, Map<String, String> environment) {
        return build(s, base, environment, ProxySelector.getDefault());
    }

    /**
     * Builds the client.
     *
     * @param base        a client to derive from (sharing its pool and dispatcher), or null for a fresh one
     * @param environment the environment variables for proxy resolution ({@code HTTPS_PROXY}, ...)
     * @param jvmSelector the system proxy selector for {@code SYSTEM} mode, may be null
     * @throws PceConfigurationException when a CA bundle, client certificate or proxy setting is unusable
     */
    public static Built build(ConnectionSettings s, OkHttpClient base, Map<String, String> environment,
                              ProxySelector jvmSelector) {
        URI target;
        try {
            target = s.baseUri();
        } catch (IllegalArgumentException e) {
            throw new PceConfigurationException(e.getMessage(), e);
        }
        TlsMaterial tls = TlsMaterial.load(s.tls());
        EffectiveProxy proxy = ProxyResolver.resolve(s.proxy(), target, environment, jvmSelector);

        OkHttpClient.Builder b = base == null ? new OkHttpClient.Builder() : base.newBuilder();
        b.connectTimeout(s.connectTimeout())
                .readTimeout(s.readTimeout())
                .writeTimeout(s.readTimeout())
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false);
        if (target.getScheme().equals("https")) {
            b.sslSocketFactory(tls.sslContext().getSocketFactory(), tls.trustManager());
            // OkHttp's own verifier checks host names (and IP addresses) against the certificate's SANs.
            b.hostnameVerifier(tls.hostnameVerifier(okHttpHostnameVerifier()));
        }
        b.proxy(proxy.proxy());
        b.proxyAuthenticator(proxy.hasAuthentication() ? basicProxyAuthenticator(proxy.username(), proxy.password())
                : Authenticator.NONE);
        return new Built(b.build(), tls, proxy);
    }

    /** OkHttp's default verifier (a base client might carry a custom one, so it is not taken from there). */
    public static javax.net.ssl.HostnameVerifier okHttpHostnameVerifier() {
        return DefaultVerifier.INSTANCE;
    }

    private static final class DefaultVerifier {
        static final javax.net.ssl.HostnameVerifier INSTANCE = new OkHttpClient.Builder().build().hostnameVerifier();
    }

    /**
     * Answers a proxy's 407 with {@code Proxy-Authorization: Basic ...}: once (a second 407 means
     * the credentials were refused), only when the proxy offers Basic (or names no scheme), and not
     * pre-emptively.
     */
    public static Authenticator basicProxyAuthenticator(String username, String password) {
        String header = Credentials.basic(username, password == null ? "" : password, StandardCharsets.UTF_8);
        return (route, response) -> {
            if (response.code() != 407) {
                return null;
            }
            boolean offered = response.challenges().isEmpty();
            for (Challenge c : response.challenges()) {
                if (c.scheme().equalsIgnoreCase("Basic")) {
                    offered = true;
                }
            }
            Request request = response.request();
            if (!offered || request.header("Proxy-Authorization") != null) {
                return null;
            }
            return request.newBuilder().header("Proxy-Authorization", header).build();
        };
    }
}
