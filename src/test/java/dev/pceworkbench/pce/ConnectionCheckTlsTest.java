package dev.pceworkbench.pce;

import dev.pceworkbench.pce.ConnectionDiagnosis.Status;
import dev.pceworkbench.pce.ConnectionDiagnosis.StepName;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS failures the demo PCE cannot produce, against small local servers: an expired certificate,
 * a self-signed one, a certificate for another host name, and a plain-HTTP server on the TLS port.
 */
class ConnectionCheckTlsTest {
    static final ConnectionCheck CHECK = new ConnectionCheck(Map.of());
    static final HeldCertificate CA = new HeldCertificate.Builder().commonName("Test Lab CA").certificateAuthority(0).build();

    /** A TLS server on 127.0.0.1 presenting {@code cert} (and the lab CA when it signed it), answering 404 to anything. */
    private static ServerSocket tlsServer(HeldCertificate cert, boolean withCa) throws IOException {
        HandshakeCertificates hc = withCa
                ? new HandshakeCertificates.Builder().heldCertificate(cert, CA.certificate()).build()
                : new HandshakeCertificates.Builder().heldCertificate(cert).build();
        SSLServerSocket server = (SSLServerSocket) hc.sslContext().getServerSocketFactory()
                .createServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
        serve(server, s -> {
            ((SSLSocket) s).startHandshake();
            answer404(s);
        });
        return server;
    }

    private interface Handler {
        void handle(Socket s) throws IOException;
    }

    private static void serve(ServerSocket server, Handler handler) {
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    s.setSoTimeout(5000);
                    handler.handle(s);
                } catch (IOException ignored) {
                    // The client gave up on the handshake, or the server was closed.
                }
            }
        }, "test-tls-server");
        t.setDaemon(true);
        t.start();
    }

    private static void answer404(Socket s) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static ConnectionDiagnosis check(ServerSocket server, boolean trustLabCa) {
        TlsSettings tls = trustLabCa ? TlsSettings.verifying().withCaBundlePem(CA.certificatePem()) : TlsSettings.verifying();
        ConnectionSettings s = ConnectionSettings.of("https://127.0.0.1:" + server.getLocalPort(), 0, 1,
                new Credentials.ApiKey("api_x", "y")).withTls(tls).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
        return CHECK.run(s);
    }

    @Test
    void expiredServerCertificate() throws IOException {
        long now = System.currentTimeMillis();
        HeldCertificate expired = new HeldCertificate.Builder().commonName("old-pce").addSubjectAlternativeName("127.0.0.1")
                .validityInterval(now - Duration.ofDays(60).toMillis(), now - Duration.ofDays(30).toMillis()).signedBy(CA).build();
        try (ServerSocket server = tlsServer(expired, true)) {
            ConnectionDiagnosis d = check(server, true);
            assertEquals(Status.FAILED, d.step(StepName.TLS).status(), d.report());
            String m = d.step(StepName.TLS).message();
            assertTrue(m.contains("'old-pce'") && m.contains("expired on") && m.contains("renew"), d.report());
        }
    }

    @Test
    void selfSignedServerCertificate() throws IOException {
        HeldCertificate self = new HeldCertificate.Builder().commonName("pce.lab.example").addSubjectAlternativeName("127.0.0.1").build();
        try (ServerSocket server = tlsServer(self, false)) {
            ConnectionDiagnosis d = check(server, false);
            String m = d.step(StepName.TLS).message();
            assertTrue(m.contains("'pce.lab.example' is self-signed") && m.contains("TLS settings"), d.report());
            assertTrue(d.step(StepName.TLS).details().stream().anyMatch(l -> l.contains("[0] subject 'CN=pce.lab.example'")));
        }
    }

    @Test
    void certificateForAnotherHostName() throws IOException {
        HeldCertificate other = new HeldCertificate.Builder().commonName("pce.other.example")
                .addSubjectAlternativeName("pce.other.example").signedBy(CA).build();
        try (ServerSocket server = tlsServer(other, true)) {
            ConnectionDiagnosis d = check(server, true);
            assertEquals(Status.FAILED, d.step(StepName.TLS).status(), d.report());
            String m = d.step(StepName.TLS).message();
            assertTrue(m.contains("is for 'pce.other.example', not '127.0.0.1'"), d.report());
        }
    }

    @Test
    void trustedCertificateForTheRightNamePasses() throws IOException {
        HeldCertificate good = new HeldCertificate.Builder().commonName("lab-pce").addSubjectAlternativeName("127.0.0.1")
                .signedBy(CA).build();
        try (ServerSocket server = tlsServer(good, true)) {
            ConnectionDiagnosis d = check(server, true);
            assertEquals(Status.OK, d.step(StepName.TLS).status(), d.report());
            assertTrue(d.step(StepName.TLS).details().stream().anyMatch(l -> l.contains("HTTP/1.1 404")), d.report());
            // The lab server is no PCE: the authentication step says so.
            assertEquals(Status.FAILED, d.step(StepName.AUTHENTICATION).status(), d.report());
            assertTrue(d.step(StepName.AUTHENTICATION).message().contains("HTTP 404"), d.report());
        }
    }

    @Test
    void plainHttpServerOnTheTlsPort() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            serve(server, s -> {
                s.getInputStream().read(new byte[512]);
                answer404(s);
            });
            ConnectionDiagnosis d = check(server, false);
            assertEquals(Status.FAILED, d.step(StepName.TLS).status(), d.report());
            assertTrue(d.step(StepName.TLS).message().contains("does not speak TLS"), d.report());
        }
    }
}
