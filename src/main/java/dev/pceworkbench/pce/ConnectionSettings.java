package dev.pceworkbench.pce;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything needed to reach one PCE org: the target as an FQDN ({@code pce.example.com}; the
 * scheme defaults to https) or a full URL ({@code https://pce.example.com:8443}), the port used
 * when the target names none, the org id, credentials, proxy, TLS, timeouts and the client-side
 * request budget (the PCE allows 500 requests per minute per credential).
 */
public record ConnectionSettings(String target, int port, int orgId, Credentials credentials, ProxySettings proxy,
                                 TlsSettings tls, Duration connectTimeout, Duration readTimeout,
                                 int requestsPerMinute) {
    public static final int DEFAULT_PORT = 8443;
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 500;

    public ConnectionSettings {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(credentials, "credentials");
        proxy = proxy == null ? ProxySettings.none() : proxy;
        tls = tls == null ? TlsSettings.verifying() : tls;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(15) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(120) : readTimeout;
        if (orgId <= 0) {
            throw new IllegalArgumentException("org id must be a positive number, not " + orgId);
        }
    }

    /** Settings with the defaults: verified TLS, no proxy, standard timeouts and budget. */
    public static ConnectionSettings of(String target, int port, int orgId, Credentials credentials) {
        return new ConnectionSettings(target, port, orgId, credentials, ProxySettings.none(), TlsSettings.verifying(),
                null, null, DEFAULT_REQUESTS_PER_MINUTE);
    }

    public ConnectionSettings withProxy(ProxySettings p) {
        return new ConnectionSettings(target, port, orgId, credentials, p, tls, connectTimeout, readTimeout, requestsPerMinute);
    }

    public ConnectionSettings withTls(TlsSettings t) {
        return new ConnectionSettings(target, port, orgId, credentials, proxy, t, connectTimeout, readTimeout, requestsPerMinute);
    }

    public ConnectionSettings withCredentials(Credentials c) {
        return new ConnectionSettings(target, port, orgId, c, proxy, tls, connectTimeout, readTimeout, requestsPerMinute);
    }

    public ConnectionSettings withTimeouts(Duration connect, Duration read) {
        return new ConnectionSettings(target, port, orgId, credentials, proxy, tls, connect, read, requestsPerMinute);
    }

    public ConnectionSettings withRequestsPerMinute(int perMinute) {
        return new ConnectionSettings(target, port, orgId, credentials, proxy, tls, connectTimeout, readTimeout, perMinute);
    }

    /**
     * The server root, e.g. {@code https://pce.example.com:8443}: a URL target keeps its scheme and
     * port (the port field fills in a missing one); a bare FQDN gets https and the port field.
     */
    public URI baseUri() {
        String t = target.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("The PCE address is empty");
        }
        if (t.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("'" + t + "' contains a space: the PCE address is a host name such as "
                    + "pce.example.com, or a URL such as https://pce.example.com:8443");
        }
        boolean hasScheme = t.toLowerCase(Locale.ROOT).matches("^[a-z][a-z0-9+.-]*://.*");
        URI u;
        try {
            u = new URI(hasScheme ? t : "https://" + t);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + t + "' is not a host name or URL: " + e.getReason()
                    + (e.getIndex() >= 0 ? " at \"" + (hasScheme ? t : "https://" + t).substring(e.getIndex()) + "\"" : ""));
        }
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("The PCE address must use https:// (or http://), not " + scheme + "://");
        }
        if (u.getRawUserInfo() != null) {
            // Requests would use only the host, and the address is saved in plain text: a secret there leaks.
            throw new IllegalArgumentException("The PCE address must not contain a user name or secret: enter the "
                    + "address alone, and the API key and secret (or user name and password) in their own fields");
        }
        if (u.getHost() == null) {
            throw new IllegalArgumentException("'" + target + "' is not a host name or URL");
        }
        if (u.getPort() == 0 || u.getPort() > 65535) {
            throw new IllegalArgumentException("The port in the PCE address must be a number from 1 to 65535, not "
                    + u.getPort());
        }
        int p = u.getPort() > 0 ? u.getPort() : (port > 0 ? port : (scheme.equals("https") ? 443 : 80));
        String host = u.getHost();
        return URI.create(scheme + "://" + host + ":" + p);
    }

    /** The API root, e.g. {@code https://pce.example.com:8443/api/v2}. */
    public String apiBase() {
        return baseUri() + "/api/v2";
    }

    public String orgPrefix() {
        return "/orgs/" + orgId;
    }
}
