package dev.pceworkbench.pce.http;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.Objects;

/**
 * The proxy one connection really uses once the settings, the environment ({@code HTTPS_PROXY},
 * {@code NO_PROXY}, ...) and the JVM's proxy selector have been weighed: a {@link Proxy} (maybe
 * {@link Proxy#NO_PROXY}), optional Basic credentials, and where it came from, for the user to
 * read. The password never appears in {@link #toString()} or {@link #description()}.
 *
 * @param proxy    the proxy, {@link Proxy#NO_PROXY} for a direct connection
 * @param username the proxy user, null without proxy authentication
 * @param password the proxy password, null without proxy authentication
 * @param source   where the choice came from, e.g. {@code "HTTPS_PROXY"}, {@code "manual settings"},
 *                 {@code "NO_PROXY matches pce.example.com"}
 */
public record EffectiveProxy(Proxy proxy, String username, String password, String source) {
    public EffectiveProxy {
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(source, "source");
    }

    /** A direct connection, with the reason. */
    public static EffectiveProxy direct(String source) {
        return new EffectiveProxy(Proxy.NO_PROXY, null, null, source);
    }

    public boolean isDirect() {
        return proxy.type() == Proxy.Type.DIRECT;
    }

    public boolean isHttp() {
        return proxy.type() == Proxy.Type.HTTP;
    }

    public boolean hasAuthentication() {
        return username != null && !username.isEmpty();
    }

    /** The proxy's address (maybe unresolved); null for a direct connection. */
    public InetSocketAddress address() {
        return isDirect() ? null : (InetSocketAddress) proxy.address();
    }

    /** The proxy's host as configured. */
    public String host() {
        return isDirect() ? null : address().getHostString();
    }

    public int port() {
        return isDirect() ? 0 : address().getPort();
    }

    /** E.g. {@code "HTTP proxy proxy.corp:3128 (user bob) from HTTPS_PROXY"} or {@code "direct (no proxy)"}. */
    public String description() {
        if (isDirect()) {
            return "direct (" + source + ")";
        }
        String kind = proxy.type() == Proxy.Type.SOCKS ? "SOCKS proxy " : "HTTP proxy ";
        return kind + host() + ":" + port() + (hasAuthentication() ? " (user " + username + ")" : "") + " from " + source;
    }

    @Override
    public String toString() {
        return "EffectiveProxy[" + description() + "]";
    }
}
