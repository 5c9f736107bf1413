package dev.pceworkbench.pce.http;

import dev.pceworkbench.pce.PceConfigurationException;
import dev.pceworkbench.pce.TlsSettings.ClientCertificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import javax.net.ssl.X509ExtendedKeyManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A client certificate chain and its private key, loaded from any {@link ClientCertificate}
 * format: one PEM with certificate(s) and key, separate certificate and key files (PKCS#8,
 * encrypted PKCS#8, PKCS#1 RSA incl. legacy {@code Proc-Type}/{@code DEK-Info} encryption, SEC1 EC),
 * or a PKCS#12 keystore. Parsing uses Bouncy Castle's {@link PEMParser} and key converters; the
 * key is checked against the certificate. Problems become {@link PceConfigurationException}s that
 * name the file and the reason, never the passphrase.
 *
 * @param key    the private key
 * @param chain  the certificate chain, leaf first
 * @param source the file(s) it came from, for messages
 */
public record ClientIdentity(PrivateKey key, List<X509Certificate> chain, String source) {
    private static volatile Provider bouncyCastle;

    public ClientIdentity {
        chain = List.copyOf(chain);
    }

    /** The client's own certificate (the leaf). */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Loads and checks the identity; throws {@link PceConfigurationException} with the file and the reason. */
    public static ClientIdentity load(ClientCertificate c) {
        if (c instanceof ClientCertificate.PemBundle b) {
            String text = text(b.file(), "client certificate");
            Parsed p = parse(text, b.file(), b.passphrase(), true);
            return assemble(p.certs, p.key, b.file().toString(), b.file().toString(), b.file().toString());
        }
        if (c instanceof ClientCertificate.CertificateAndKey ck) {
            Parsed certs = parse(text(ck.certificateFile(), "client certificate"), ck.certificateFile(), null, false);
            Parsed key = parse(text(ck.keyFile(), "client key"), ck.keyFile(), ck.passphrase(), true);
            return assemble(certs.certs, key.key, ck.certificateFile().toString(), ck.keyFile().toString(),
                    ck.certificateFile() + " and " + ck.keyFile());
        }
        if (c instanceof ClientCertificate.Pkcs12 p12) {
            return pkcs12(p12.file(), p12.passphrase());
        }
        throw new PceConfigurationException("Unsupported client certificate kind: " + c);
    }

    /**
     * A key manager that always offers this identity when the server asks for a certificate of
     * its key type, whatever issuers the server lists (as curl and Python's requests do): the
     * server, not the client, decides whether it accepts the certificate.
     */
    public X509ExtendedKeyManager keyManager() {
        return new SingleKeyManager(key, chain);
    }

    private record Parsed(List<X509Certificate> certs, PrivateKey key) {
    }

    private static String text(Path file, String what) {
        return new String(CertificateFiles.readFile(file, what), StandardCharsets.US_ASCII);
    }

    private static Parsed parse(String pem, Path file, char[] passphrase, boolean wantKey) {
        List<X509Certificate> certs = new ArrayList<>();
        PrivateKey key = null;
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object o;
            while ((o = parser.readObject()) != null) {
                objects.add(o);
            }
        } catch (IOException | RuntimeException e) {
            throw new PceConfigurationException(file + " is not valid PEM: " + CertificateFiles.reason(e), e);
        }
        for (Object o : objects) {
            if (o instanceof X509CertificateHolder h) {
                certs.add(toX509(h, file.toString()));
            } else if (wantKey && key == null) {
                key = privateKey(o, passphrase, file);
            }
        }
        return new Parsed(certs, key);
    }

    /** The private key in a PEM object, or null when the object is no key (e.g. EC PARAMETERS). */
    private static PrivateKey privateKey(Object o, char[] passphrase, Path file) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            if (o instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (o instanceof PEMKeyPair pair) {
                // A SEC1 EC key may omit its public key; the private key alone is enough.
                return pair.getPublicKeyInfo() == null ? converter.getPrivateKey(pair.getPrivateKeyInfo())
                        : converter.getKeyPair(pair).getPrivate();
            }
        } catch (IOException | RuntimeException e) {
            throw new PceConfigurationException("The private key in " + file + " cannot be read: " + CertificateFiles.reason(e), e);
        }
        if (o instanceof PKCS8EncryptedPrivateKeyInfo enc) {
            requirePassphrase(passphrase, file);
            try {
                var decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(bouncyCastle()).build(passphrase);
                return converter.getPrivateKey(enc.decryptPrivateKeyInfo(decryptor));
            } catch (Exception e) {
                throw wrongPassphrase(file, e);
            }
        }
        if (o instanceof PEMEncryptedKeyPair enc) {
            requirePassphrase(passphrase, file);
            try {
                var decryptor = new JcePEMDecryptorProviderBuilder().setProvider(bouncyCastle()).build(passphrase);
                PEMKeyPair pair = enc.decryptKeyPair(decryptor);
                return pair.getPublicKeyInfo() == null ? converter.getPrivateKey(pair.getPrivateKeyInfo())
                        : converter.getKeyPair(pair).getPrivate();
            } catch (Exception e) {
                throw wrongPassphrase(file, e);
            }
        }
        return null;
    }

    private static void requirePassphrase(char[] passphrase, Path file) {
        if (passphrase == null || passphrase.length == 0) {
            throw new PceConfigurationException("The private key in " + file + " is encrypted: enter its passphrase");
        }
    }

    private static PceConfigurationException wrongPassphrase(Path file, Exception e) {
        // The cause's message may quote cipher details but never the passphrase.
        return new PceConfigurationException("The private key in " + file
                + " could not be decrypted: the passphrase is wrong (or the key file is damaged)", e);
    }

    private static ClientIdentity assemble(List<X509Certificate> certs, PrivateKey key, String certSource,
                                           String keySource, String source) {
        if (key == null) {
            throw new PceConfigurationException(keySource + " contains no private key: expected a -----BEGIN PRIVATE KEY-----, "
                    + "-----BEGIN ENCRYPTED PRIVATE KEY-----, -----BEGIN RSA PRIVATE KEY----- or -----BEGIN EC PRIVATE KEY----- block");
        }
        if (certs.isEmpty()) {
            throw new PceConfigurationException(certSource + " contains no certificate: expected a -----BEGIN CERTIFICATE----- block");
        }
        X509Certificate leaf = null;
        for (X509Certificate c : certs) {
            if (matches(key, c.getPublicKey())) {
                leaf = c;
                break;
            }
        }
        if (leaf == null) {
            throw new PceConfigurationException("The private key in " + keySource + " does not match the certificate '"
                    + CertificateFiles.commonName(certs.get(0).getSubjectX500Principal()) + "' in " + certSource
                    + ": pick the key that was issued with this certificate");
        }
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        for (X509Certificate c : certs) {
            if (c != leaf) {
                chain.add(c);
            }
        }
        return new ClientIdentity(key, chain, source);
    }

    private static ClientIdentity pkcs12(Path file, char[] passphrase) {
        byte[] bytes = CertificateFiles.readFile(file, "PKCS#12");
        char[] pw = passphrase == null ? new char[0] : passphrase;
        KeyStore ks;
        try {
            ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(bytes), pw);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new PceConfigurationException("The PKCS#12 file " + file + " could not be opened: the passphrase is "
                        + (pw.length == 0 ? "missing: enter it" : "wrong"), e);
            }
            throw new PceConfigurationException("The file " + file + " is not a readable PKCS#12 (.p12/.pfx) keystore: "
                    + CertificateFiles.reason(e), e);
        } catch (GeneralSecurityException e) {
            throw new PceConfigurationException("The PKCS#12 file " + file + " cannot be read: " + CertificateFiles.reason(e), e);
        }
        try {
            for (String alias : Collections.list(ks.aliases())) {
                if (!ks.isKeyEntry(alias)) {
                    continue;
                }
                PrivateKey key = (PrivateKey) ks.getKey(alias, pw);
                Certificate[] chain = ks.getCertificateChain(alias);
                if (chain == null || chain.length == 0) {
                    throw new PceConfigurationException("The key in the PKCS#12 file " + file + " has no certificate");
                }
                List<X509Certificate> certs = new ArrayList<>();
                for (Certificate c : chain) {
                    certs.add((X509Certificate) c);
                }
                return assemble(certs, key, file.toString(), file.toString(), file.toString());
            }
        } catch (UnrecoverableKeyException e) {
            throw new PceConfigurationException("The private key in the PKCS#12 file " + file
                    + " could not be decrypted: its key passphrase differs from the file's", e);
        } catch (GeneralSecurityException e) {
            throw new PceConfigurationException("The PKCS#12 file " + file + " cannot be read: " + CertificateFiles.reason(e), e);
        }
        throw new PceConfigurationException("The PKCS#12 file " + file + " contains no private key, only certificates");
    }

    /** Whether {@code key} belongs to {@code pub}: a signature made with one verifies with the other. */
    static boolean matches(PrivateKey key, PublicKey pub) {
        String alg = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            default -> null;
        };
        if (alg == null) {
            return key.getAlgorithm().equalsIgnoreCase(pub.getAlgorithm());
        }
        try {
            byte[] data = new byte[32];
            new SecureRandom().nextBytes(data);
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(data);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(pub);
            v.update(data);
            return v.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** The JDK's form of a certificate Bouncy Castle's PEM parser read. */
    private static X509Certificate toX509(X509CertificateHolder h, String source) {
        try {
            return new JcaX509CertificateConverter().getCertificate(h);
        } catch (CertificateException e) {
            throw new PceConfigurationException(source + " holds a certificate that cannot be read: "
                    + CertificateFiles.reason(e), e);
        }
    }

    /** One Bouncy Castle provider instance for decryption, not registered with the JVM. */
    private static Provider bouncyCastle() {
        Provider p = bouncyCastle;
        if (p == null) {
            synchronized (ClientIdentity.class) {
                p = bouncyCastle;
                if (p == null) {
                    p = new BouncyCastleProvider();
                    bouncyCastle = p;
                }
            }
        }
        return p;
    }

    @Override
    public String toString() {
        return "ClientIdentity[" + certificate().getSubjectX500Principal().getName() + " from " + source + "]";
    }
}
