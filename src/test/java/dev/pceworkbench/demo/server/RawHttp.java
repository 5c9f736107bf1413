package dev.pceworkbench.demo.server;

import dev.pceworkbench.demo.DemoPce;
import okhttp3.tls.HandshakeCertificates;

import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a raw (TLS) socket, for tests that must control exactly what the server gets and
 * when: half-sent records and headers, bodies sent after the headers, answers left unread.
 */
final class RawHttp {
    /** One answer: status, headers (lower-case names) and body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        boolean closes() {
            return "close".equalsIgnoreCase(headers.getOrDefault("connection", ""));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private RawHttp() {
    }

    /** A TCP connection to the demo PCE; a TLS one (handshake done) when it serves HTTPS. */
    static Socket connect(DemoPce pce, int soTimeoutMillis, int receiveBuffer) throws IOException {
        URI uri = URI.create(pce.baseUrl());
        Socket plain = new Socket();
        if (receiveBuffer > 0) {
            plain.setReceiveBufferSize(receiveBuffer);
        }
        plain.setTcpNoDelay(true);
        plain.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
        plain.setSoTimeout(soTimeoutMillis);
        if (pce.certificates() == null) {
            return plain;
        }
        HandshakeCertificates trust = new HandshakeCertificates.Builder()
                .addTrustedCertificate(pce.certificates().ca().certificate()).build();
        SSLSocket tls = (SSLSocket) trust.sslSocketFactory().createSocket(plain, uri.getHost(), uri.getPort(), true);
        tls.startHandshake();
        return tls;
    }

    /** A TCP connection that has not started TLS (for half-sent records). */
    static Socket connectPlain(DemoPce pce, int soTimeoutMillis) throws IOException {
        URI uri = URI.create(pce.baseUrl());
        Socket s = new Socket();
        s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
        s.setSoTimeout(soTimeoutMillis);
        return s;
    }

    static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a request; the body, when there is one, goes in a second write after the headers. */
    static void send(Socket s, String method, String path, String authorization, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nAccept: application/json\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        OutputStream out = s.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        if (body != null) {
            out.write(body);
            out.flush();
        }
    }

    /** Reads one answer (Content-Length or chunked); the socket's timeout is the hang detector. */
    static Answer read(InputStream in) throws IOException {
        String status = line(in);
        if (status == null) {
            throw new EOFException("connection closed before an answer");
        }
        int code = Integer.parseInt(status.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int n = Integer.parseInt(line(in).trim(), 16); n > 0; n = Integer.parseInt(line(in).trim(), 16)) {
                body.write(in.readNBytes(n));
                line(in);
            }
            line(in);
        }
        return new Answer(code, headers, body.toByteArray());
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') {
                return b.toString().replace("\r", "");
            }
            b.append((char) c);
        }
        return b.length() == 0 ? null : b.toString();
    }

    /**
     * Reads until the server closes the connection; false when it is still open after the socket's
     * timeout (the hang detector).
     */
    static boolean closedByServer(Socket s) {
        byte[] buf = new byte[16 * 1024];
        try {
            InputStream in = s.getInputStream();
            for (int i = 0; i < 1_000; i++) {
                if (in.read(buf) < 0) {
                    return true;
                }
            }
            return false;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset, or the TLS layer saw the close
        }
    }
}
