package dev.pceworkbench.pce.http;

import dev.pceworkbench.pce.PceConfigurationException;
import dev.pceworkbench.pce.ProxySettings;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides which proxy reaches a given PCE: {@code NONE} is always direct; {@code SYSTEM} takes
 * {@code https_proxy}/{@code HTTPS_PROXY} (https targets) or {@code http_proxy}/{@code HTTP_PROXY}
 * (http targets), then {@code all_proxy}, honouring {@code no_proxy}/{@code NO_PROXY} (comma- or
 * space-separated host names and domain suffixes, {@code *}, optional {@code :port}, IPv4 CIDR
 * blocks), else the JVM's {@link ProxySelector}; {@code MANUAL} uses the given HTTP proxy unless
 * {@code environmentOverrides} is set and the environment names a proxy for the scheme, in which
 * case the environment decides (its proxy, or direct when {@code NO_PROXY} matches), as the illumio
 * library does through requests. Lower-case variables win over upper-case ones, as in requests.
 * The environment is a plain map so that tests inject their own.
 */
public final class ProxyResolver {
    private ProxyResolver() {
    }

    /** Resolves against the process environment and the JVM's default proxy selector. */
    public static EffectiveProxy resolve(ProxySettings settings, URI target) {
        return resolve(settings, target, System.getenv(), ProxySelector.getDefault());
    }

    /**
     * @param environment the environment variables to honour (e.g. {@link System#getenv()})
     * @param jvmSelector the selector for {@code SYSTEM} mode when the environment names no proxy; may be null
     */
    public static EffectiveProxy resolve(ProxySettings settings, URI target, Map<String, String> environment,
                                         ProxySelector jvmSelector) {
        ProxySettings p = settings == null ? ProxySettings.none() : settings;
        Map<String, String> env = environment == null ? Map.of() : environment;
        String scheme = target.getScheme().toLowerCase(Locale.ROOT);
        String host = stripBrackets(target.getHost());
        int port = target.getPort();
        switch (p.mode()) {
            case NONE:
                return EffectiveProxy.direct("no proxy");
            case MANUAL:
                if (p.environmentOverrides()) {
                    EffectiveProxy fromEnv = fromEnvironment(scheme, host, port, env);
                    if (fromEnv != null) {
                        return fromEnv;
                    }
                }
                if (p.host() == null || p.host().isBlank()) {
                    throw new PceConfigurationException("The manual proxy has no host name: enter the proxy's host and port");
                }
                if (p.port() <= 0 || p.port() > 65535) {
                    throw new PceConfigurationException("The manual proxy port " + p.port() + " is not a valid port (1-65535)");
                }
                return new EffectiveProxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.host().trim(), p.port())),
                        p.hasAuthentication() ? p.username() : null, p.hasAuthentication() ? p.password() : null,
                        "manual settings");
            case SYSTEM:
            default:
                EffectiveProxy fromEnv = fromEnvironment(scheme, host, port, env);
                if (fromEnv != null) {
                    return fromEnv;
                }
                return fromSelector(jvmSelector, target);
        }
    }

    /** The environment's choice for this target, or null when it names no proxy for the scheme. */
    static EffectiveProxy fromEnvironment(String scheme, String host, int port, Map<String, String> env) {
        String[] names = scheme.equals("https")
                ? new String[]{"https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"}
                : new String[]{"http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"};
        String name = null;
        String value = null;
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) {
                name = n;
                value = v.trim();
                break;
            }
        }
        if (value == null) {
            return null;
        }
        String noProxyName = env.get("no_proxy") != null ? "no_proxy" : "NO_PROXY";
        String noProxy = env.get(noProxyName);
        if (noProxy != null && bypasses(noProxy, host, port)) {
            return EffectiveProxy.direct(noProxyName + " matches " + host);
        }
        return parseProxyUrl(value, name);
    }

    private static EffectiveProxy fromSelector(ProxySelector selector, URI target) {
        if (selector == null) {
            return EffectiveProxy.direct("no proxy in the environment or the system settings");
        }
        List<Proxy> proxies;
        try {
            proxies = selector.select(target);
        } catch (RuntimeException e) {
            return EffectiveProxy.direct("the system proxy settings could not be read: " + e.getMessage());
        }
        for (Proxy proxy : proxies) {
            if (proxy.type() != Proxy.Type.DIRECT && proxy.address() instanceof InetSocketAddress) {
                return new EffectiveProxy(proxy, null, null, "the system proxy settings");
            }
        }
        return EffectiveProxy.direct("no proxy in the environment or the system settings");
    }

    /**
     * Parses {@code [scheme://][user:password@]host[:port][/]} as requests does; user and password
     * may be percent-encoded. An {@code https://} proxy URL is treated as a plain HTTP proxy (TLS to
     * the proxy itself is not supported), {@code socks5://}/{@code socks://} as a SOCKS proxy.
     */
    static EffectiveProxy parseProxyUrl(String url, String variable) {
        String rest = url;
        String scheme = "http";
        int sep = rest.indexOf("://");
        if (sep >= 0) {
            scheme = rest.substring(0, sep).toLowerCase(Locale.ROOT);
            rest = rest.substring(sep + 3);
        }
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            rest = rest.substring(0, slash);
        }
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String info = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = info.indexOf(':');
            user = percentDecode(colon >= 0 ? info.substring(0, colon) : info);
            password = colon >= 0 ? percentDecode(info.substring(colon + 1)) : "";
        }
        Proxy.Type type;
        int defaultPort;
        switch (scheme) {
            case "http" -> { type = Proxy.Type.HTTP; defaultPort = 80; }
            case "https" -> { type = Proxy.Type.HTTP; defaultPort = 443; }
            case "socks", "socks5", "socks5h", "socks4", "socks4a" -> { type = Proxy.Type.SOCKS; defaultPort = 1080; }
            default -> throw new PceConfigurationException(variable + " names a proxy with the unsupported scheme '" + scheme
                    + "://': use http://host:port");
        }
        String host = rest;
        int port = defaultPort;
        int close = rest.lastIndexOf(']');
        int colon = rest.lastIndexOf(':');
        if (colon > close && colon >= 0) {
            host = rest.substring(0, colon);
            try {
                port = Integer.parseInt(rest.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new PceConfigurationException(variable + " has an invalid proxy port '" + rest.substring(colon + 1) + "'");
            }
        }
        host = stripBrackets(host);
        if (host.isBlank() || port <= 0 || port > 65535) {
            throw new PceConfigurationException(variable + " does not name a usable proxy (expected http://host:port)");
        }
        boolean auth = user != null && !user.isEmpty();
        return new EffectiveProxy(new Proxy(type, InetSocketAddress.createUnresolved(host, port)),
                auth ? user : null, auth ? password : null, variable);
    }

    /** Whether a {@code NO_PROXY} value exempts {@code host} (and {@code port}) from the proxy. */
    public static boolean bypasses(String noProxy, String host, int port) {
        String h = stripBrackets(host).toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        for (String raw : noProxy.split("[,\\s]+")) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                return true;
            }
            if (entry.contains("/")) {
                if (inCidr(h, entry)) {
                    return true;
                }
                continue;
            }
            int entryPort = -1;
            int close = entry.lastIndexOf(']');
            int colon = entry.lastIndexOf(':');
            // A port only after a bracketed IPv6 address or in an entry with a single colon.
            if (colon > close && (close >= 0 || entry.indexOf(':') == colon)) {
                try {
                    entryPort = Integer.parseInt(entry.substring(colon + 1));
                    entry = entry.substring(0, colon);
                } catch (NumberFormatException ignored) {
                    // Not a port: compare the whole entry.
                }
            }
            entry = stripBrackets(entry);
            if (entry.startsWith("*.")) {
                entry = entry.substring(1);
            }
            if (entry.startsWith(".")) {
                entry = entry.substring(1);
            }
            boolean hostMatches = h.equals(entry) || h.endsWith("." + entry);
            if (hostMatches && (entryPort < 0 || entryPort == port)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inCidr(String host, String cidr) {
        int slash = cidr.indexOf('/');
        long addr = ipv4(host);
        long net = ipv4(cidr.substring(0, slash));
        if (addr < 0 || net < 0) {
            return false;
        }
        int bits;
        try {
            bits = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (bits < 0 || bits > 32) {
            return false;
        }
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (addr & mask) == (net & mask);
    }

    /** An IPv4 literal as a number, or -1 when {@code s} is not one. */
    private static long ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long v = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int b = Integer.parseInt(part);
            if (b > 255) {
                return -1;
            }
            v = (v << 8) | b;
        }
        return v;
    }

    /** {@code [::1]} → {@code ::1}; other hosts unchanged. */
    public static String stripBrackets(String host) {
        return host != null && host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                int cp = s.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                i += Character.charCount(cp) - 1;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
