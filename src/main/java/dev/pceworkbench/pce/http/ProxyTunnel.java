package dev.pceworkbench.pce.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks an HTTP proxy, over an already connected socket, for a {@code CONNECT} tunnel to the PCE,
 * sending {@code Proxy-Authorization: Basic ...} when the proxy has credentials, and explains the
 * answer: tunnel open, authentication required or refused (and which schemes the proxy wants),
 * target forbidden or unreachable. Used by {@code ConnectionCheck}; OkHttp does its own tunnelling.
 */
public final class ProxyTunnel {
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private ProxyTunnel() {
    }

    /**
     * The proxy's answer to CONNECT.
     *
     * @param status             the HTTP status, e.g. 200 or 407
     * @param statusLine         the whole status line
     * @param proxyAuthenticate  the {@code Proxy-Authenticate} challenges
     * @param sentCredentials    whether the request carried {@code Proxy-Authorization}
     * @param message            what it means and what to do
     */
    public record Answer(int status, String statusLine, List<String> proxyAuthenticate, boolean sentCredentials,
                         String message) {
        public boolean tunnelOpen() {
            return status >= 200 && status < 300;
        }
    }

    /** Sends CONNECT for {@code host:port} on {@code socket} (connected to the proxy) and reads the answer. */
    public static Answer connect(Socket socket, String host, int port, EffectiveProxy proxy) throws IOException {
        String authority = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        StringBuilder req = new StringBuilder()
                .append("CONNECT ").append(authority).append(" HTTP/1.1\r\n")
                .append("Host: ").append(authority).append("\r\n")
                .append("User-Agent: PCE-Workbench\r\n")
                .append("Proxy-Connection: Keep-Alive\r\n");
        boolean creds = proxy.hasAuthentication();
        if (creds) {
            req.append("Proxy-Authorization: ").append(okhttp3.Credentials.basic(proxy.username(),
                    proxy.password() == null ? "" : proxy.password(), StandardCharsets.UTF_8)).append("\r\n");
        }
        req.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();

        List<String> lines = readHead(socket.getInputStream());
        String statusLine = lines.get(0);
        String[] parts = statusLine.split(" ", 3);
        int status;
        try {
            status = Integer.parseInt(parts.length > 1 ? parts[1] : "");
        } catch (NumberFormatException e) {
            throw new IOException("The proxy did not answer CONNECT with HTTP: '" + statusLine + "'");
        }
        List<String> challenges = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Proxy-Authenticate")) {
                challenges.add(line.substring(colon + 1).trim());
            }
        }
        return new Answer(status, statusLine, List.copyOf(challenges), creds,
                explain(status, statusLine, challenges, proxy, authority));
    }

    private static String explain(int status, String statusLine, List<String> challenges, EffectiveProxy proxy, String target) {
        String proxyName = proxy.host() + ":" + proxy.port();
        if (status >= 200 && status < 300) {
            return "The proxy " + proxyName + " opened a tunnel to " + target
                    + (proxy.hasAuthentication() ? " (authenticated as '" + proxy.username() + "')" : "");
        }
        if (status == 407) {
            boolean basic = challenges.isEmpty();
            List<String> schemes = new ArrayList<>();
            for (String c : challenges) {
                String scheme = c.split("\\s", 2)[0];
                schemes.add(scheme);
                basic |= scheme.equalsIgnoreCase("Basic");
            }
            if (!basic) {
                return "The proxy " + proxyName + " requires " + String.join("/", schemes) + " authentication, which PCE "
                        + "Workbench does not support (only Basic): ask for a Basic-auth proxy or a proxy exception for the PCE";
            }
            if (!proxy.hasAuthentication()) {
                return "The proxy " + proxyName + " requires authentication (HTTP 407"
                        + (challenges.isEmpty() ? "" : ", Proxy-Authenticate: " + String.join(", ", challenges))
                        + "): enter the proxy user name and password in the proxy settings";
            }
            return "The proxy " + proxyName + " refused the user name '" + proxy.username() + "' or its password (HTTP 407): "
                    + "check the proxy credentials";
        }
        if (status == 403) {
            return "The proxy " + proxyName + " forbids tunnels to " + target + " (" + statusLine + "): ask the proxy "
                    + "administrators to allow the PCE's host and port, or bypass the proxy for the PCE (NO_PROXY)";
        }
        if (status == 502 || status == 503 || status == 504) {
            return "The proxy " + proxyName + " could not reach " + target + " (" + statusLine + "): check the PCE address "
                    + "and port; the PCE may be unreachable from the proxy";
        }
        return "The proxy " + proxyName + " did not open a tunnel to " + target + ": it answered '" + statusLine + "'";
    }

    /** Reads the status line and headers byte by byte, so nothing after them (the TLS handshake) is consumed. */
    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException(lines.isEmpty() && line.size() == 0
                        ? "The proxy closed the connection without answering CONNECT"
                        : "The proxy closed the connection in the middle of its answer to CONNECT");
            }
            if (++total > MAX_HEADER_BYTES) {
                throw new IOException("The proxy's answer to CONNECT is too long to be HTTP headers");
            }
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1);
                if (s.endsWith("\r")) {
                    s = s.substring(0, s.length() - 1);
                }
                line.reset();
                if (s.isEmpty()) {
                    if (lines.isEmpty()) {
                        continue;
                    }
                    return lines;
                }
                lines.add(s);
            } else {
                line.write(b);
            }
        }
    }
}
