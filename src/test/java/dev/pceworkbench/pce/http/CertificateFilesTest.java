package dev.pceworkbench.pce.http;

import dev.pceworkbench.pce.PceConfigurationException;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CA bundles as users paste or pick them: several certificates, other PEM objects, damage. */
class CertificateFilesTest {
    private static final HeldCertificate ROOT = new HeldCertificate.Builder().commonName("Test Root").certificateAuthority(1).build();
    private static final HeldCertificate ISSUING = new HeldCertificate.Builder().commonName("Test Issuing")
            .certificateAuthority(0).signedBy(ROOT).build();

    @Test
    void aBundleYieldsEveryCertificateInOrderAndSkipsOtherPemObjects() throws Exception {
        String pem = "Bundle from the PCE admin\r\n" + ISSUING.certificatePem().replace("\n", "\r\n")
                + ISSUING.privateKeyPkcs8Pem()
                + "-----BEGIN TRUSTED CERTIFICATE-----\nAAAA\n-----END TRUSTED CERTIFICATE-----\n"
                + ROOT.certificatePem();
        List<X509Certificate> certs = CertificateFiles.readCaBundlePem(pem);
        assertEquals(2, certs.size());
        assertArrayEquals(ISSUING.certificate().getEncoded(), certs.get(0).getEncoded());
        assertArrayEquals(ROOT.certificate().getEncoded(), certs.get(1).getEncoded());
        assertEquals("Test Root", CertificateFiles.commonName(certs.get(1).getSubjectX500Principal()));
    }

    @Test
    void filesInPemOrDerAreRead(@TempDir Path dir) throws Exception {
        Path pem = Files.writeString(dir.resolve("ca.pem"), ROOT.certificatePem() + ISSUING.certificatePem());
        assertEquals(2, CertificateFiles.readCaBundle(pem).size());
        Path der = Files.write(dir.resolve("ca.der"), ROOT.certificate().getEncoded());
        assertArrayEquals(ROOT.certificate().getEncoded(), CertificateFiles.readCaBundle(der).get(0).getEncoded());
    }

    @Test
    void damageIsNamed(@TempDir Path dir) throws Exception {
        String cert = ROOT.certificatePem();
        PceConfigurationException noEnd = assertThrows(PceConfigurationException.class, () ->
                CertificateFiles.readCaBundlePem(cert + cert.substring(0, cert.indexOf("-----END"))));
        assertTrue(noEnd.getMessage().contains("has no matching -----END CERTIFICATE----- line"), noEnd.getMessage());

        String body = cert.substring(cert.indexOf('\n') + 1, cert.indexOf("-----END"));
        String broken = cert.replace(body, body.substring(0, 40) + "\n");
        PceConfigurationException truncated = assertThrows(PceConfigurationException.class, () ->
                CertificateFiles.readCaBundlePem(cert + broken));
        assertTrue(truncated.getMessage().startsWith("The pasted CA bundle holds a certificate that cannot be read (certificate 2)"),
                truncated.getMessage());

        PceConfigurationException notBase64 = assertThrows(PceConfigurationException.class, () ->
                CertificateFiles.readCaBundlePem("-----BEGIN CERTIFICATE-----\nMIIB=x=\n-----END CERTIFICATE-----\n"));
        assertTrue(notBase64.getMessage().contains("is not valid PEM: certificate 1 is not Base64"), notBase64.getMessage());

        PceConfigurationException none = assertThrows(PceConfigurationException.class, () ->
                CertificateFiles.readCaBundlePem(ISSUING.privateKeyPkcs8Pem()));
        assertTrue(none.getMessage().contains("contains no certificate"), none.getMessage());

        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        PceConfigurationException emptyFile = assertThrows(PceConfigurationException.class, () -> CertificateFiles.readCaBundle(empty));
        assertTrue(emptyFile.getMessage().contains(empty + " contains no certificate"), emptyFile.getMessage());
    }
}
