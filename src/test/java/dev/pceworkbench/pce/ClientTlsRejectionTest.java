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
 * Issue 17: the client's TLS floor and certificate checks in the cases the other TLS tests miss —
 * a not-yet-valid certificate, a CN-only certificate without a SAN, a non-CA intermediate, and a
 * server that offers only TLS 1.1. Each server runs on 127.0.0.1 only.
 */
class ClientTlsRejectionTest {
    static final ConnectionCheck CHECK = new ConnectionCheck(Map.of());
    static final HeldCertificate CA = new HeldCertificate.Builder().commonName("Test Lab CA").certificateAuthority(1).build();

    private static ServerSocket tlsServer(HeldCertificate cert, String[] protocols, java.security.cert.X509Certificate... chain)
            throws IOException {
        HandshakeCertificates hc = new HandshakeCertificates.Builder().heldCertificate(cert, chain).build();
        SSLServerSocket server = (SSLServerSocket) hc.sslContext().getServerSocketFactory()
                .createServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
        if (protocols != null) {
            server.setEnabledProtocols(protocols);
        }
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    s.setSoTimeout(5000);
                    ((SSLSocket) s).startHandshake();
                    OutputStream out = s.getOutputStream();
                    out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException | IllegalArgumentException ignored) {
                    // The client refused the handshake, or the server was closed.
                }
            }
        }, "test-tls-server");
        t.setDaemon(true);
        t.start();
        return server;
    }

    private static ConnectionDiagnosis check(ServerSocket server) {
        ConnectionSettings s = ConnectionSettings.of("https://127.0.0.1:" + server.getLocalPort(), 0, 1,
                new Credentials.ApiKey("api_x", "y")).withTls(TlsSettings.verifying().withCaBundlePem(CA.certificatePem()))
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
        return CHECK.run(s);
    }

    private static void assertRefused(ConnectionDiagnosis d) {
        assertEquals(Status.FAILED, d.step(StepName.TLS).status(), d.report());
    }

    @Test
    void aTrustedCertificateForTheRightNamePassesTheSameSetUp() throws IOException {
        HeldCertificate good = new HeldCertificate.Builder().commonName("lab-pce").addSubjectAlternativeName("127.0.0.1")
                .signedBy(CA).build();
        try (ServerSocket server = tlsServer(good, null, CA.certificate())) {
            ConnectionDiagnosis d = check(server);
            assertEquals(Status.OK, d.step(StepName.TLS).status(), d.report());
        }
    }

    @Test
    void notYetValidCertificate() throws IOException {
        long now = System.currentTimeMillis();
        HeldCertificate future = new HeldCertificate.Builder().commonName("future-pce").addSubjectAlternativeName("127.0.0.1")
                .validityInterval(now + Duration.ofDays(30).toMillis(), now + Duration.ofDays(60).toMillis()).signedBy(CA).build();
        try (ServerSocket server = tlsServer(future, null, CA.certificate())) {
            assertRefused(check(server));
        }
    }

    @Test
    void commonNameOnlyCertificateWithoutSan() throws IOException {
        HeldCertificate cnOnly = new HeldCertificate.Builder().commonName("127.0.0.1").signedBy(CA).build();
        try (ServerSocket server = tlsServer(cnOnly, null, CA.certificate())) {
            assertRefused(check(server));
        }
    }

    @Test
    void intermediateThatIsNotACertificateAuthority() throws IOException {
        HeldCertificate notCa = new HeldCertificate.Builder().commonName("Not A CA").signedBy(CA).build();
        HeldCertificate leaf = new HeldCertificate.Builder().commonName("leaf-pce").addSubjectAlternativeName("127.0.0.1")
                .signedBy(notCa).build();
        try (ServerSocket server = tlsServer(leaf, null, notCa.certificate(), CA.certificate())) {
            assertRefused(check(server));
        }
    }

    @Test
    void serverOfferingOnlyTls11() throws IOException {
        HeldCertificate good = new HeldCertificate.Builder().commonName("old-tls-pce").addSubjectAlternativeName("127.0.0.1")
                .signedBy(CA).build();
        try (ServerSocket server = tlsServer(good, new String[]{"TLSv1.1"}, CA.certificate())) {
            assertRefused(check(server));
        }
    }

    @Test
    void certificateForAnotherNameOnLocalhost() throws IOException {
        HeldCertificate other = new HeldCertificate.Builder().commonName("pce.other.example")
                .addSubjectAlternativeName("pce.other.example").signedBy(CA).build();
        try (ServerSocket server = tlsServer(other, null, CA.certificate())) {
            assertRefused(check(server));
        }
    }
}
