package dev.pceworkbench.pce;

import java.nio.file.Path;

/**
 * TLS for the PCE connection. Verification (chain and host name) is on unless {@code verify} is
 * false, which a connection then reports as insecure. A CA bundle (a PEM file or PEM text with one
 * or more certificates) is added to the system trust, or replaces it with
 * {@code replaceSystemTrust}. An optional client certificate authenticates the client (mTLS).
 */
public record TlsSettings(boolean verify, Path caBundleFile, String caBundlePem, boolean replaceSystemTrust,
                          ClientCertificate clientCertificate) {

    /** Verify against the system trust only: the default. */
    public static TlsSettings verifying() {
        return new TlsSettings(true, null, null, false, null);
    }

    /** No verification at all: only when the user asks; the connection is reported insecure. */
    public static TlsSettings insecure() {
        return new TlsSettings(false, null, null, false, null);
    }

    public TlsSettings withCaBundleFile(Path file) {
        return new TlsSettings(verify, file, null, replaceSystemTrust, clientCertificate);
    }

    public TlsSettings withCaBundlePem(String pem) {
        return new TlsSettings(verify, null, pem, replaceSystemTrust, clientCertificate);
    }

    public TlsSettings replacingSystemTrust(boolean replace) {
        return new TlsSettings(verify, caBundleFile, caBundlePem, replace, clientCertificate);
    }

    public TlsSettings withClientCertificate(ClientCertificate cert) {
        return new TlsSettings(verify, caBundleFile, caBundlePem, replaceSystemTrust, cert);
    }

    public boolean hasCustomCa() {
        return caBundleFile != null || (caBundlePem != null && !caBundlePem.isBlank());
    }

    /** A client certificate in one of the formats PCE admins are handed. Passphrases may be null. */
    public sealed interface ClientCertificate {
        /** One PEM file holding the certificate (chain) and its private key. */
        record PemBundle(Path file, char[] passphrase) implements ClientCertificate {
        }

        /** Separate certificate and key files; the key PKCS#8 or PKCS#1, RSA or EC, maybe encrypted. */
        record CertificateAndKey(Path certificateFile, Path keyFile, char[] passphrase) implements ClientCertificate {
        }

        /** A PKCS#12 (.p12/.pfx) keystore. */
        record Pkcs12(Path file, char[] passphrase) implements ClientCertificate {
        }
    }
}
