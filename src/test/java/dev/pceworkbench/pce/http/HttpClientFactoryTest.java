package dev.pceworkbench.pce.http;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.pce.ConnectionSettings;
import dev.pceworkbench.pce.PceConfigurationException;
import dev.pceworkbench.pce.TlsSettings;
import okhttp3.OkHttpClient;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static dev.pceworkbench.pce.http.PceTestSupport.productVersion;
import static dev.pceworkbench.pce.http.PceTestSupport.settings;
import static dev.pceworkbench.pce.http.PceTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Server verification over real HTTPS against the demo PCE: CA bundles, system trust, verify=false, host names. */
class HttpClientFactoryTest {
    static DemoPce pce;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws IOException {
        pce = DemoPce.start(DemoPceOptions.defaults().withRateLimit(0));
    }

    @AfterAll
    static void stop() {
        pce.close();
    }

    private static String versionWith(ConnectionSettings s) throws IOException {
        HttpClientFactory.Built b = HttpClientFactory.build(s, null, Map.of());
        try {
            return productVersion(b.client(), s).get("version").asText();
        } finally {
            PceTestSupport.shutdown(b.client());
        }
    }

    private static HeldCertificate otherCa() {
        return new HeldCertificate.Builder().commonName("Some Other CA").certificateAuthority(0).build();
    }

    @Test
    void caBundleFileAddedToSystemTrustIsTrusted() throws IOException {
        Path ca = write(dir, "ca.pem", pce.caPem());
        ConnectionSettings s = settings(pce, TlsSettings.verifying().withCaBundleFile(ca));
        assertEquals("23.2.10", versionWith(s));
        HttpClientFactory.Built b = HttpClientFactory.build(s, null, Map.of());
        assertFalse(b.insecure());
        assertTrue(b.tlsDescription().contains("system trust plus 1 CA certificate from " + ca), b.tlsDescription());
        assertTrue(b.tls().trustManager().getAcceptedIssuers().length > 1, "system CAs kept next to the bundle");
    }

    @Test
    void caBundlePemTextIsTrusted() throws IOException {
        assertEquals("23.2.10", versionWith(settings(pce, TlsSettings.verifying().withCaBundlePem(pce.caPem()))));
    }

    @Test
    void bundleWithSeveralCertificatesAndCommentsIsTrusted() throws IOException {
        String pem = "# corporate bundle\n" + otherCa().certificatePem() + "\nsome text between\n" + pce.caPem();
        Path ca = write(dir, "bundle.pem", pem);
        TlsMaterial m = TlsMaterial.load(TlsSettings.verifying().withCaBundleFile(ca).replacingSystemTrust(true));
        assertEquals(2, m.addedCas().size());
        assertEquals(2, m.trustManager().getAcceptedIssuers().length);
        assertEquals("23.2.10", versionWith(settings(pce, TlsSettings.verifying().withCaBundleFile(ca).replacingSystemTrust(true))));
    }

    @Test
    void systemTrustAloneRejectsTheDemoCertificate() {
        ConnectionSettings s = settings(pce, TlsSettings.verifying());
        HttpClientFactory.Built b = HttpClientFactory.build(s, null, Map.of());
        IOException e = assertThrows(SSLHandshakeException.class, () -> productVersion(b.client(), s));
        assertEquals(dev.pceworkbench.pce.PceConnectionException.Kind.TLS, ConnectionFailures.kind(e));
        PceTestSupport.shutdown(b.client());
    }

    @Test
    void replacingSystemTrustWithTheWrongCaFails() {
        ConnectionSettings s = settings(pce, TlsSettings.verifying().withCaBundlePem(otherCa().certificatePem())
                .replacingSystemTrust(true));
        HttpClientFactory.Built b = HttpClientFactory.build(s, null, Map.of());
        assertEquals(1, b.tls().trustManager().getAcceptedIssuers().length);
        assertThrows(SSLHandshakeException.class, () -> productVersion(b.client(), s));
        PceTestSupport.shutdown(b.client());
    }

    @Test
    void verifyFalseConnectsAndIsReportedInsecure() throws IOException {
        ConnectionSettings s = settings(pce, TlsSettings.insecure());
        HttpClientFactory.Built b = HttpClientFactory.build(s, null, Map.of());
        assertTrue(b.insecure());
        assertTrue(b.tlsDescription().contains("OFF"));
        assertEquals("23.2.10", productVersion(b.client(), s).get("version").asText());
        PceTestSupport.shutdown(b.client());
    }

    @Test
    void hostNamesAreCheckedAndVerifyFalseSkipsTheCheck() throws IOException {
        // The demo certificate names localhost, 127.0.0.1 and ::1; serve it on 127.0.0.2 too (Linux loopback).
        DemoPceOptions o = DemoPceOptions.defaults();
        DemoPceOptions other = new DemoPceOptions("127.0.0.2", 0, o.scale(), o.seed(), true, false, null, null, 0,
                o.jobDuration(), o.retryAfterSeconds(), o.trafficQueryDuration());
        org.junit.jupiter.api.Assumptions.assumeTrue(InetAddress.getByName("127.0.0.2").isLoopbackAddress());
        try (DemoPce second = DemoPce.start(other)) {
            ConnectionSettings s = settings(second, TlsSettings.verifying().withCaBundlePem(second.caPem()));
            HttpClientFactory.Built b = HttpClientFactory.build(s, null, Map.of());
            SSLPeerUnverifiedException e = assertThrows(SSLPeerUnverifiedException.class, () -> productVersion(b.client(), s));
            assertTrue(ConnectionFailures.explain(e, "127.0.0.2:" + second.port()).contains("does not name '127.0.0.2'"));
            PceTestSupport.shutdown(b.client());
            assertEquals("23.2.10", versionWith(settings(second, TlsSettings.insecure())));
        }
    }

    @Test
    void timeoutsAndRetriesComeFromTheSettings() {
        ConnectionSettings s = PceTestSupport.trusting(pce).withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(7));
        OkHttpClient base = new OkHttpClient();
        HttpClientFactory.Built b = HttpClientFactory.build(s, base, Map.of());
        assertEquals(3000, b.client().connectTimeoutMillis());
        assertEquals(7000, b.client().readTimeoutMillis());
        assertFalse(b.client().retryOnConnectionFailure());
        assertTrue(b.client().connectionPool() == base.connectionPool(), "a base client's pool is shared");
        assertTrue(b.client().dispatcher() == base.dispatcher(), "a base client's dispatcher is shared");
    }

    @Test
    void unreadableOrEmptyCaBundlesNameTheFile() throws IOException {
        Path missing = dir.resolve("nope.pem");
        PceConfigurationException e = assertThrows(PceConfigurationException.class,
                () -> TlsMaterial.load(TlsSettings.verifying().withCaBundleFile(missing)));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("does not exist"), e.getMessage());
        Path empty = write(dir, "empty.pem", "not a certificate\n");
        e = assertThrows(PceConfigurationException.class, () -> TlsMaterial.load(TlsSettings.verifying().withCaBundleFile(empty)));
        assertTrue(e.getMessage().contains(empty.toString()) && e.getMessage().contains("no certificate"), e.getMessage());
    }

    @Test
    void derCaFileIsAccepted() throws Exception {
        Path der = dir.resolve("ca.der");
        java.nio.file.Files.write(der, pce.certificates().ca().certificate().getEncoded());
        assertEquals("23.2.10", versionWith(settings(pce, TlsSettings.verifying().withCaBundleFile(der))));
    }
}
