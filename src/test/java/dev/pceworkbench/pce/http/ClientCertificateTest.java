package dev.pceworkbench.pce.http;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.pce.ConnectionSettings;
import dev.pceworkbench.pce.PceConfigurationException;
import dev.pceworkbench.pce.TlsSettings;
import dev.pceworkbench.pce.TlsSettings.ClientCertificate;
import okhttp3.tls.HeldCertificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Map;

import static dev.pceworkbench.pce.http.PceTestSupport.productVersion;
import static dev.pceworkbench.pce.http.PceTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutual TLS against a demo PCE that requires client certificates, with every client-certificate
 * format the settings accept, and the configuration errors a user can make.
 */
class ClientCertificateTest {
    static final String PASS = "s3cret-Pass";
    static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();
    static DemoPce pce;
    static HeldCertificate rsaClient;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws IOException {
        pce = DemoPce.start(DemoPceOptions.defaults().withMtls(true).withRateLimit(0));
        rsaClient = new HeldCertificate.Builder().commonName("rsa-client").rsa2048().signedBy(pce.certificates().ca()).build();
    }

    @AfterAll
    static void stop() {
        pce.close();
    }

    /** Connects with the client certificate and proves the PCE (which requires one) answered. */
    private static void assertConnects(ClientCertificate cert) throws IOException {
        ConnectionSettings s = PceTestSupport.trusting(pce);
        s = s.withTls(s.tls().withClientCertificate(cert));
        HttpClientFactory.Built b = HttpClientFactory.build(s, null, Map.of());
        try {
            assertEquals("23.2.10", productVersion(b.client(), s).get("version").asText());
        } finally {
            PceTestSupport.shutdown(b.client());
        }
    }

    private static String pem(Object... objects) throws IOException {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            for (Object o : objects) {
                pw.writeObject(o);
            }
        }
        return w.toString();
    }

    private static String encryptedPkcs8(PrivateKey key, String pass) throws Exception {
        var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC).setProvider(BC).setPassword(pass.toCharArray()).build();
        return pem(new JcaPKCS8Generator(key, encryptor));
    }

    /** The key as {@code openssl ecparam -genkey} writes it: SEC1 with the curve and the public key. */
    private static String sec1(HeldCertificate c) throws IOException {
        PrivateKeyInfo pki = PrivateKeyInfo.getInstance(c.keyPair().getPrivate().getEncoded());
        org.bouncycastle.asn1.sec.ECPrivateKey inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(pki.parsePrivateKey());
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(c.keyPair().getPublic().getEncoded());
        var full = new org.bouncycastle.asn1.sec.ECPrivateKey(256, inner.getKey(), spki.getPublicKeyData(),
                pki.getPrivateKeyAlgorithm().getParameters());
        return pem(new PemObject("EC PRIVATE KEY", full.getEncoded()));
    }

    private static String ecParameters(HeldCertificate c) throws IOException {
        PrivateKeyInfo pki = PrivateKeyInfo.getInstance(c.keyPair().getPrivate().getEncoded());
        return pem(new PemObject("EC PARAMETERS", pki.getPrivateKeyAlgorithm().getParameters().toASN1Primitive().getEncoded()));
    }

    @Test
    void withoutAClientCertificateTheHandshakeFails() {
        ConnectionSettings s = PceTestSupport.trusting(pce);
        HttpClientFactory.Built b = HttpClientFactory.build(s, null, Map.of());
        // Under TLS 1.3 the refusal arrives after the client's handshake: an alert, or a reset/broken pipe.
        assertThrows(IOException.class, () -> productVersion(b.client(), s));
        PceTestSupport.shutdown(b.client());
    }

    @Test
    void onePemWithCertificateAndKeyAsTheDemoWritesIt() throws IOException {
        Path file = write(dir, "client.pem", pce.clientPem());
        assertConnects(new ClientCertificate.PemBundle(file, null));
    }

    @Test
    void separateCertificateAndPkcs8Key() throws IOException {
        HeldCertificate c = pce.certificates().client();
        Path cert = write(dir, "client.crt", c.certificatePem());
        Path key = write(dir, "client-pkcs8.key", c.privateKeyPkcs8Pem());
        assertConnects(new ClientCertificate.CertificateAndKey(cert, key, null));
    }

    @Test
    void encryptedPkcs8KeyWithPassphrase() throws Exception {
        HeldCertificate c = pce.certificates().client();
        Path cert = write(dir, "enc.crt", c.certificatePem());
        String keyPem = encryptedPkcs8(c.keyPair().getPrivate(), PASS);
        assertTrue(keyPem.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        Path key = write(dir, "enc.key", keyPem);
        assertConnects(new ClientCertificate.CertificateAndKey(cert, key, PASS.toCharArray()));

        PceConfigurationException wrong = assertThrows(PceConfigurationException.class,
                () -> ClientIdentity.load(new ClientCertificate.CertificateAndKey(cert, key, "wrong-one".toCharArray())));
        assertTrue(wrong.getMessage().contains(key.toString()) && wrong.getMessage().contains("passphrase is wrong"), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("wrong-one"));
        PceConfigurationException missing = assertThrows(PceConfigurationException.class,
                () -> ClientIdentity.load(new ClientCertificate.CertificateAndKey(cert, key, null)));
        assertTrue(missing.getMessage().contains("is encrypted: enter its passphrase"), missing.getMessage());
    }

    @Test
    void pkcs1RsaKeyPlainAndLegacyEncrypted() throws Exception {
        Path cert = write(dir, "rsa.crt", rsaClient.certificatePem());
        String plain = pem(rsaClient.keyPair().getPrivate());
        assertTrue(plain.startsWith("-----BEGIN RSA PRIVATE KEY-----"), plain);
        Path key = write(dir, "rsa.key", plain);
        assertConnects(new ClientCertificate.CertificateAndKey(cert, key, null));

        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(rsaClient.keyPair().getPrivate(), new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(BC).build(PASS.toCharArray()));
        }
        String legacy = w.toString();
        assertTrue(legacy.startsWith("-----BEGIN RSA PRIVATE KEY-----") && legacy.contains("Proc-Type: 4,ENCRYPTED")
                && legacy.contains("DEK-Info: AES-128-CBC"), legacy);
        Path encKey = write(dir, "rsa-enc.key", legacy);
        assertConnects(new ClientCertificate.CertificateAndKey(cert, encKey, PASS.toCharArray()));
        PceConfigurationException wrong = assertThrows(PceConfigurationException.class,
                () -> ClientIdentity.load(new ClientCertificate.CertificateAndKey(cert, encKey, "nope".toCharArray())));
        assertTrue(wrong.getMessage().contains(encKey.toString()) && wrong.getMessage().contains("passphrase is wrong"), wrong.getMessage());
    }

    @Test
    void sec1EcKeyInOneBundleWithTheChain() throws Exception {
        HeldCertificate c = pce.certificates().client();
        String sec1 = sec1(c);
        assertTrue(sec1.startsWith("-----BEGIN EC PRIVATE KEY-----"), sec1);
        Path key = write(dir, "ec.key", sec1);
        Path cert = write(dir, "ec.crt", c.certificatePem());
        assertConnects(new ClientCertificate.CertificateAndKey(cert, key, null));
        // Key first, then leaf and CA, in one file: the leaf is found by its key and put first.
        Path bundle = write(dir, "ec-bundle.pem", ecParameters(c) + sec1 + pce.caPem() + c.certificatePem());
        ClientIdentity id = ClientIdentity.load(new ClientCertificate.PemBundle(bundle, null));
        assertEquals(2, id.chain().size());
        assertEquals(c.certificate(), id.certificate());
        assertConnects(new ClientCertificate.PemBundle(bundle, null));
    }

    @Test
    void pkcs12WithPassphrase() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("client", rsaClient.keyPair().getPrivate(), PASS.toCharArray(),
                new Certificate[]{rsaClient.certificate(), pce.certificates().ca().certificate()});
        Path p12 = dir.resolve("client.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            ks.store(out, PASS.toCharArray());
        }
        assertConnects(new ClientCertificate.Pkcs12(p12, PASS.toCharArray()));

        PceConfigurationException wrong = assertThrows(PceConfigurationException.class,
                () -> ClientIdentity.load(new ClientCertificate.Pkcs12(p12, "bad-guess".toCharArray())));
        assertTrue(wrong.getMessage().contains(p12.toString()) && wrong.getMessage().contains("passphrase is wrong"), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("bad-guess"));
        PceConfigurationException notP12 = assertThrows(PceConfigurationException.class,
                () -> ClientIdentity.load(new ClientCertificate.Pkcs12(write(dir, "fake.p12", "hello"), PASS.toCharArray())));
        assertTrue(notP12.getMessage().contains("fake.p12"), notP12.getMessage());
    }

    @Test
    void configurationMistakesNameTheFileAndTheReason() throws IOException {
        Path certOnly = write(dir, "cert-only.pem", pce.certificates().client().certificatePem());
        PceConfigurationException noKey = assertThrows(PceConfigurationException.class,
                () -> ClientIdentity.load(new ClientCertificate.PemBundle(certOnly, null)));
        assertTrue(noKey.getMessage().contains(certOnly.toString()) && noKey.getMessage().contains("no private key"), noKey.getMessage());

        Path otherKey = write(dir, "other.key", rsaClient.privateKeyPkcs8Pem());
        PceConfigurationException mismatch = assertThrows(PceConfigurationException.class,
                () -> ClientIdentity.load(new ClientCertificate.CertificateAndKey(certOnly, otherKey, null)));
        assertTrue(mismatch.getMessage().contains("does not match the certificate 'pce-workbench-demo-client'")
                && mismatch.getMessage().contains(otherKey.toString()), mismatch.getMessage());

        Path missing = dir.resolve("absent.pem");
        PceConfigurationException unreadable = assertThrows(PceConfigurationException.class,
                () -> HttpClientFactory.build(PceTestSupport.trusting(pce).withTls(TlsSettings.verifying()
                        .withClientCertificate(new ClientCertificate.PemBundle(missing, null))), null, Map.of()));
        assertTrue(unreadable.getMessage().contains(missing.toString()) && unreadable.getMessage().contains("does not exist"),
                unreadable.getMessage());

        Path keyOnly = write(dir, "key-only.pem", rsaClient.privateKeyPkcs8Pem());
        PceConfigurationException noCert = assertThrows(PceConfigurationException.class,
                () -> ClientIdentity.load(new ClientCertificate.PemBundle(keyOnly, null)));
        assertTrue(noCert.getMessage().contains("no certificate"), noCert.getMessage());
    }
}
