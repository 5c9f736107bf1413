package dev.pceworkbench.pce;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.pce.ConnectionDiagnosis.Status;
import dev.pceworkbench.pce.ConnectionDiagnosis.StepName;
import dev.pceworkbench.pce.http.PceTestSupport;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connection check against a demo PCE that requires client certificates (mutual TLS). */
class ConnectionCheckMtlsTest {
    static DemoPce pce;
    static final ConnectionCheck CHECK = new ConnectionCheck(Map.of());
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws IOException {
        pce = DemoPce.start(DemoPceOptions.defaults().withMtls(true).withRateLimit(0));
    }

    @AfterAll
    static void stop() {
        pce.close();
    }

    private static ConnectionSettings withClientPem(String pem, String name) throws IOException {
        ConnectionSettings s = PceTestSupport.trusting(pce);
        Path file = PceTestSupport.write(dir, name, pem);
        return s.withTls(s.tls().withClientCertificate(new TlsSettings.ClientCertificate.PemBundle(file, null)));
    }

    @Test
    void withoutAClientCertificateTlsSaysOneIsRequired() {
        ConnectionDiagnosis d = CHECK.run(PceTestSupport.trusting(pce));
        assertFalse(d.ok());
        assertEquals(Status.FAILED, d.step(StepName.TLS).status(), d.report());
        String m = d.step(StepName.TLS).message();
        assertTrue(m.contains("requires a client certificate") && m.contains("TLS settings"), d.report());
        assertTrue(d.step(StepName.TLS).details().stream().anyMatch(l -> l.contains("requested by the PCE")
                && l.contains("none is configured")), d.report());
        assertEquals(Status.SKIPPED, d.step(StepName.AUTHENTICATION).status());
    }

    @Test
    void withTheDemoClientCertificateEverythingPasses() throws IOException {
        ConnectionDiagnosis d = CHECK.run(withClientPem(pce.clientPem(), "client.pem"));
        assertTrue(d.ok(), d.report());
        assertTrue(d.step(StepName.TLS).details().stream().anyMatch(l -> l.contains("sent 'pce-workbench-demo-client'")),
                d.report());
        assertTrue(d.step(StepName.SETTINGS).details().stream().anyMatch(l -> l.startsWith("Client certificate: subject")));
        assertEquals("23.2.10", d.pceVersion());
    }

    @Test
    void aClientCertificateFromAnotherCaIsRefused() throws IOException {
        HeldCertificate otherCa = new HeldCertificate.Builder().commonName("Rogue CA").certificateAuthority(0).build();
        HeldCertificate rogue = new HeldCertificate.Builder().commonName("rogue-client").signedBy(otherCa).build();
        ConnectionDiagnosis d = CHECK.run(withClientPem(rogue.certificatePem() + rogue.privateKeyPkcs8Pem(), "rogue.pem"));
        assertEquals(Status.FAILED, d.step(StepName.TLS).status(), d.report());
        String m = d.step(StepName.TLS).message();
        assertTrue(m.contains("client certificate 'rogue-client'") && m.contains("refused"), d.report());
    }
}
