package dev.pceworkbench.pce;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.pce.ConnectionDiagnosis.Status;
import dev.pceworkbench.pce.ConnectionDiagnosis.Step;
import dev.pceworkbench.pce.ConnectionDiagnosis.StepName;
import dev.pceworkbench.pce.http.PceTestSupport;
import dev.pceworkbench.pce.http.TestForwardProxy;
import dev.pceworkbench.pce.http.TlsProbe;
import dev.pceworkbench.testing.Threads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The step-by-step connection check against the demo PCE, one failure per test, over real sockets. */
class ConnectionCheckTest {
    static DemoPce pce;
    static final ConnectionCheck CHECK = new ConnectionCheck(Map.of());

    @BeforeAll
    static void start() throws IOException {
        pce = DemoPce.start(DemoPceOptions.defaults().withRateLimit(0));
    }

    @AfterAll
    static void stop() {
        pce.close();
    }

    private static void assertSkippedAfter(ConnectionDiagnosis d, StepName failed) {
        assertEquals(Status.FAILED, d.step(failed).status(), d.report());
        for (Step s : d.steps()) {
            if (s.name().ordinal() > failed.ordinal()) {
                assertEquals(Status.SKIPPED, s.status(), d.report());
            }
        }
        assertFalse(d.ok());
    }

    @Test
    void successListsEveryStepInOrder() {
        List<Step> seen = new ArrayList<>();
        ConnectionDiagnosis d = CHECK.run(PceTestSupport.trusting(pce), CancellationToken.none(), seen::add);
        assertTrue(d.ok(), d.report());
        assertEquals(List.of(StepName.values()), d.steps().stream().map(Step::name).toList());
        assertEquals(d.steps(), seen, "the listener sees each step as it completes");
        for (Step s : d.steps()) {
            assertEquals(s.name() == StepName.PROXY ? Status.SKIPPED : Status.OK, s.status(), d.report());
        }
        assertEquals("23.2.10", d.pceVersion());
        assertEquals("23.2.10-100", d.pceLongVersion());
        assertFalse(d.insecure());
        assertTrue(d.step(StepName.DNS).details().get(0).contains("127.0.0.1"), d.report());
        assertTrue(d.step(StepName.TLS).details().stream().anyMatch(l -> l.contains("CN=localhost")), d.report());
        assertTrue(d.step(StepName.PCE_VERSION).message().contains("23.2.10"));
        assertTrue(d.summary().startsWith("Connected to PCE 23.2.10"), d.summary());
    }

    @Test
    void wrongSecretFailsAuthenticationWithThePcesMessage() {
        ConnectionSettings s = PceTestSupport.trusting(pce)
                .withCredentials(new Credentials.ApiKey(pce.credentials().authUsername(), "not-the-secret"));
        ConnectionDiagnosis d = CHECK.run(s);
        assertSkippedAfter(d, StepName.AUTHENTICATION);
        String m = d.step(StepName.AUTHENTICATION).message();
        assertTrue(m.contains("HTTP 401") && m.contains("Authentication failed") && m.contains(pce.credentials().authUsername()), m);
        assertFalse(d.report().contains("not-the-secret"), "the secret never appears");
        assertEquals(Status.OK, d.step(StepName.TLS).status());
    }

    @Test
    void wrongOrgFailsOrgAccess() {
        ConnectionSettings p = PceTestSupport.trusting(pce);
        ConnectionSettings s = new ConnectionSettings(p.target(), p.port(), 7, p.credentials(), p.proxy(), p.tls(),
                null, null, 500);
        ConnectionDiagnosis d = CHECK.run(s);
        assertSkippedAfter(d, StepName.ORG_ACCESS);
        String m = d.step(StepName.ORG_ACCESS).message();
        assertTrue(m.contains("Org 7") && m.contains("HTTP 404") && m.contains("Organization 7 not found"), m);
        assertEquals("23.2.10", d.pceVersion(), "the version is known from the authentication step");
    }

    @Test
    void unknownHostFailsDns() {
        ConnectionSettings s = ConnectionSettings.of("nonexistent.invalid", 8443, 1, new Credentials.ApiKey("api_x", "y"));
        ConnectionDiagnosis d = CHECK.run(s);
        assertSkippedAfter(d, StepName.DNS);
        assertTrue(d.step(StepName.DNS).message().contains("'nonexistent.invalid' could not be resolved"), d.report());
        assertEquals(PceConnectionException.Kind.DNS, d.failureKind().orElseThrow());
    }

    @Test
    void closedPortFailsTcp() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }
        ConnectionSettings s = ConnectionSettings.of("127.0.0.1", port, 1, new Credentials.ApiKey("api_x", "y"));
        ConnectionDiagnosis d = CHECK.run(s);
        assertSkippedAfter(d, StepName.TCP);
        assertTrue(d.step(StepName.TCP).message().contains("connection refused"), d.report());
        assertEquals(PceConnectionException.Kind.CONNECT, d.failureKind().orElseThrow());
    }

    @Test
    void missingCaFailsTlsAndListsThePresentedChain() {
        ConnectionDiagnosis d = CHECK.run(PceTestSupport.settings(pce, TlsSettings.verifying()));
        assertSkippedAfter(d, StepName.TLS);
        Step tls = d.step(StepName.TLS);
        assertTrue(tls.message().contains("signed by 'PCE Workbench Demo CA', which this connection does not trust")
                && tls.message().contains("CA bundle"), tls.message());
        assertTrue(tls.details().stream().anyMatch(l -> l.startsWith("  [0] subject 'CN=localhost")), d.report());
        assertTrue(tls.details().stream().anyMatch(l -> l.contains("issued by 'CN=PCE Workbench Demo CA")), d.report());
        assertEquals(PceConnectionException.Kind.TLS, d.failureKind().orElseThrow());
    }

    @Test
    void verificationOffWarnsButConnects() {
        ConnectionDiagnosis d = CHECK.run(PceTestSupport.settings(pce, TlsSettings.insecure()));
        assertTrue(d.ok(), d.report());
        assertTrue(d.insecure());
        assertEquals(Status.WARNING, d.step(StepName.TLS).status());
        assertTrue(d.step(StepName.TLS).message().contains("verification is OFF"));
        assertTrue(d.summary().contains("verification is OFF"), d.summary());
    }

    @Test
    void unreadableClientCertificateFailsTheSettingsStep() {
        Credentials c = new Credentials.ApiKey("api_x", "y");
        ConnectionSettings s = ConnectionSettings.of(pce.baseUrl(), 0, 1, c).withTls(TlsSettings.verifying()
                .withClientCertificate(new TlsSettings.ClientCertificate.PemBundle(java.nio.file.Path.of("/nonexistent/c.pem"), null)));
        ConnectionDiagnosis d = CHECK.run(s);
        assertSkippedAfter(d, StepName.SETTINGS);
        assertTrue(d.step(StepName.SETTINGS).message().contains("/nonexistent/c.pem"), d.report());
    }

    @Test
    void throughAnAuthenticatingProxy() throws IOException {
        try (TestForwardProxy proxy = TestForwardProxy.requiringAuth("carol", "pw")) {
            ConnectionSettings s = PceTestSupport.trusting(pce)
                    .withProxy(ProxySettings.manual("127.0.0.1", proxy.port(), "carol", "pw").withEnvironmentOverrides(false));
            ConnectionDiagnosis d = CHECK.run(s);
            assertTrue(d.ok(), d.report());
            assertEquals(Status.OK, d.step(StepName.PROXY).status());
            assertTrue(d.step(StepName.PROXY).message().contains("opened a tunnel to 127.0.0.1:" + pce.port()), d.report());
            assertTrue(d.step(StepName.TCP).message().contains("the proxy 127.0.0.1:" + proxy.port()), d.report());
            assertTrue(proxy.tunnels() >= 2, "the check's own tunnel plus the API calls'");

            ConnectionSettings noAuth = s.withProxy(ProxySettings.manual("127.0.0.1", proxy.port(), null, null)
                    .withEnvironmentOverrides(false));
            ConnectionDiagnosis failed = CHECK.run(noAuth);
            assertSkippedAfter(failed, StepName.PROXY);
            assertTrue(failed.step(StepName.PROXY).message().contains("requires authentication")
                    && failed.step(StepName.PROXY).message().contains("realm=\"test\""), failed.report());

            ConnectionSettings wrong = s.withProxy(ProxySettings.manual("127.0.0.1", proxy.port(), "carol", "nope")
                    .withEnvironmentOverrides(false));
            ConnectionDiagnosis refused = CHECK.run(wrong);
            assertSkippedAfter(refused, StepName.PROXY);
            assertTrue(refused.step(StepName.PROXY).message().contains("refused the user name 'carol'"), refused.report());
            assertFalse(refused.report().contains("nope"));
        }
    }

    @Test
    void proxyFromTheInjectedEnvironment() throws IOException {
        try (TestForwardProxy proxy = TestForwardProxy.start()) {
            ConnectionCheck check = new ConnectionCheck(Map.of("HTTPS_PROXY", proxy.url()), null);
            ConnectionDiagnosis d = check.run(PceTestSupport.trusting(pce).withProxy(ProxySettings.system()));
            assertTrue(d.ok(), d.report());
            assertTrue(d.proxyDescription().contains("HTTPS_PROXY"), d.proxyDescription());
            assertTrue(proxy.targets().contains("127.0.0.1:" + pce.port()));
        }
    }

    @Test
    void cancellingClosesAHangingHandshake() throws Exception {
        // A server that accepts and never answers: the TLS handshake would wait for the read timeout.
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    accepted.add(silent.accept());
                } catch (IOException ignored) {
                    // Closed at the end of the test.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            ConnectionSettings s = PceTestSupport.trusting(pce).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30));
            s = new ConnectionSettings("https://127.0.0.1:" + silent.getLocalPort(), 0, 1, s.credentials(), null, s.tls(),
                    s.connectTimeout(), s.readTimeout(), 500);
            CancellationToken token = new CancellationToken();
            long t0 = System.nanoTime();
            Thread checking = Thread.currentThread();
            Thread cancelLater = new Thread(() -> {
                // Cancel once the check is in the handshake the silent server never answers.
                Threads.awaitIn(checking, TlsProbe.class, "handshake");
                token.cancel();
            });
            cancelLater.start();
            ConnectionDiagnosis d = CHECK.run(s, token);
            long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            assertTrue(ms < 5000, "returned after " + ms + " ms");
            assertTrue(d.cancelled());
            assertFalse(d.ok());
            assertEquals(Status.OK, d.step(StepName.TCP).status(), d.report());
            assertEquals(Status.SKIPPED, d.step(StepName.TLS).status(), d.report());
            assertEquals(Status.SKIPPED, d.step(StepName.PCE_VERSION).status());
            assertTrue(d.summary().contains("cancelled"));
            accepted.forEach(sock -> {
                try {
                    sock.close();
                } catch (IOException ignored) {
                    // Best effort.
                }
            });
        }
    }
}
