package dev.pceworkbench.pce.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small forwarding proxy for tests, on 127.0.0.1: answers {@code CONNECT host:port} by opening a
 * tunnel and copying bytes both ways; optionally requires {@code Proxy-Authorization: Basic} and
 * answers 407 with {@code Proxy-Authenticate: Basic realm="test"} otherwise (keeping the connection
 * open for the retry). Counts tunnels and challenges and records the CONNECT targets.
 */
public final class TestForwardProxy implements AutoCloseable {
    private final ServerSocket server;
    private final String expectedAuthorization;
    private final AtomicInteger tunnels = new AtomicInteger();
    private final AtomicInteger challenges = new AtomicInteger();
    private final List<String> targets = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private TestForwardProxy(String user, String password) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        this.expectedAuthorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        Thread t = new Thread(this::acceptLoop, "test-proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    /** A proxy without authentication. */
    public static TestForwardProxy start() throws IOException {
        return new TestForwardProxy(null, null);
    }

    /** A proxy that requires Basic authentication with these credentials. */
    public static TestForwardProxy requiringAuth(String user, String password) throws IOException {
        return new TestForwardProxy(user, password);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** E.g. {@code http://127.0.0.1:40000}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** Tunnels opened so far. */
    public int tunnels() {
        return tunnels.get();
    }

    /** 407 answers sent so far. */
    public int challenges() {
        return challenges.get();
    }

    /** The {@code host:port} of every accepted CONNECT, in order. */
    public List<String> targets() {
        return new ArrayList<>(targets);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Thread t = new Thread(() -> serve(client), "test-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                List<String> head = readHead(in);
                if (head == null) {
                    client.close();
                    return;
                }
                String[] request = head.get(0).split(" ");
                if (request.length < 3 || !request[0].equals("CONNECT")) {
                    out.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.ISO_8859_1));
                    client.close();
                    return;
                }
                if (expectedAuthorization != null && !expectedAuthorization.equals(header(head, "Proxy-Authorization"))) {
                    challenges.incrementAndGet();
                    out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                            + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    continue;
                }
                tunnel(client, request[1]);
                return;
            }
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void tunnel(Socket client, String target) throws IOException {
        int colon = target.lastIndexOf(':');
        String host = target.substring(0, colon).replace("[", "").replace("]", "");
        Socket upstream = new Socket();
        sockets.add(upstream);
        try {
            upstream.connect(new InetSocketAddress(host, Integer.parseInt(target.substring(colon + 1))), 5000);
        } catch (IOException e) {
            client.getOutputStream().write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            client.close();
            return;
        }
        targets.add(target);
        tunnels.incrementAndGet();
        client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        client.getOutputStream().flush();
        Thread up = new Thread(() -> pipe(client, upstream), "test-proxy-up");
        up.setDaemon(true);
        up.start();
        pipe(upstream, client);
    }

    private static void pipe(Socket from, Socket to) {
        byte[] buf = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1).replace("\r", "");
                line.reset();
                if (s.isEmpty()) {
                    if (!lines.isEmpty()) {
                        return lines;
                    }
                } else {
                    lines.add(s);
                }
            } else {
                line.write(b);
            }
        }
        return null;
    }

    private static String header(List<String> head, String name) {
        for (String l : head.subList(1, head.size())) {
            int colon = l.indexOf(':');
            if (colon > 0 && l.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return l.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // Already closed.
        }
        sockets.forEach(TestForwardProxy::closeQuietly);
    }
}
