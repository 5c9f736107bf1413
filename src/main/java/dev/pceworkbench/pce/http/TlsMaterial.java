package dev.pceworkbench.pce.http;

import dev.pceworkbench.pce.PceConfigurationException;
import dev.pceworkbench.pce.TlsSettings;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The TLS side of a connection, built from {@link TlsSettings}: the trust manager (the JDK's
 * default trust, that trust plus a CA bundle, the bundle alone, or trust-all when verification is
 * off), the optional client identity for mutual TLS, and whether host names are checked. Contexts
 * can be built with wrapped managers, which {@code ConnectionCheck} uses to capture the presented
 * chain and to see whether the server asked for a client certificate.
 */
public final class TlsMaterial {
    /** Accepts every host name: used only when verification is off. */
    public static final HostnameVerifier ANY_HOST = (host, session) -> true;

    private final X509ExtendedTrustManager trustManager;
    private final ClientIdentity clientIdentity;
    private final List<X509Certificate> addedCas;
    private final boolean insecure;
    private final String description;

    private TlsMaterial(X509ExtendedTrustManager trustManager, ClientIdentity clientIdentity, List<X509Certificate> addedCas,
                        boolean insecure, String description) {
        this.trustManager = trustManager;
        this.clientIdentity = clientIdentity;
        this.addedCas = List.copyOf(addedCas);
        this.insecure = insecure;
        this.description = description;
    }

    /** Reads the CA bundle and client certificate the settings name; throws {@link PceConfigurationException}. */
    public static TlsMaterial load(TlsSettings settings) {
        TlsSettings t = settings == null ? TlsSettings.verifying() : settings;
        ClientIdentity identity = t.clientCertificate() == null ? null : ClientIdentity.load(t.clientCertificate());
        String client = identity == null ? "" : "; client certificate '"
                + CertificateFiles.commonName(identity.certificate().getSubjectX500Principal()) + "'";
        if (!t.verify()) {
            return new TlsMaterial(new TrustAll(), identity, List.of(), true,
                    "certificate verification OFF (insecure)" + client);
        }
        if (!t.hasCustomCa()) {
            return new TlsMaterial(systemTrust(), identity, List.of(), false, "verifying with the system trust" + client);
        }
        List<X509Certificate> bundle = t.caBundleFile() != null
                ? CertificateFiles.readCaBundle(t.caBundleFile())
                : CertificateFiles.readCaBundlePem(t.caBundlePem());
        List<X509Certificate> trusted = new ArrayList<>(bundle);
        if (!t.replaceSystemTrust()) {
            trusted.addAll(List.of(systemTrust().getAcceptedIssuers()));
        }
        String from = t.caBundleFile() != null ? "from " + t.caBundleFile() : "from the pasted PEM";
        String desc = (t.replaceSystemTrust() ? "verifying with only " : "verifying with the system trust plus ")
                + bundle.size() + " CA certificate" + (bundle.size() == 1 ? " " : "s ") + from + client;
        return new TlsMaterial(trustManagerFor(trusted), identity, bundle, false, desc);
    }

    /** The trust manager that decides whether the server's chain is trusted. */
    public X509ExtendedTrustManager trustManager() {
        return trustManager;
    }

    /** The client identity for mutual TLS, or null. */
    public ClientIdentity clientIdentity() {
        return clientIdentity;
    }

    /** The CA certificates the settings added (or that replace the system trust). */
    public List<X509Certificate> addedCas() {
        return addedCas;
    }

    /** True when certificate and host-name verification are off. */
    public boolean insecure() {
        return insecure;
    }

    /** E.g. {@code "verifying with the system trust plus 1 CA certificate from /etc/pce/ca.pem"}. */
    public String description() {
        return description;
    }

    /** A key manager for the client identity, or null without one. */
    public X509ExtendedKeyManager keyManager() {
        return clientIdentity == null ? null : clientIdentity.keyManager();
    }

    /** The host-name verifier to use: {@code defaultVerifier} (OkHttp's) when verifying, else {@link #ANY_HOST}. */
    public HostnameVerifier hostnameVerifier(HostnameVerifier defaultVerifier) {
        return insecure ? ANY_HOST : defaultVerifier;
    }

    /** A TLS context with this material's managers. */
    public SSLContext sslContext() {
        return sslContext(trustManager, keyManager());
    }

    /** A TLS context with the given managers (e.g. wrapped ones); {@code keyManager} may be null. */
    public static SSLContext sslContext(X509TrustManager trustManager, X509ExtendedKeyManager keyManager) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keyManager == null ? null : new KeyManager[]{keyManager}, new TrustManager[]{trustManager}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new PceConfigurationException("TLS cannot be set up in this JVM: " + CertificateFiles.reason(e), e);
        }
    }

    /** The JDK's default trust (its cacerts, or the javax.net.ssl.trustStore the JVM was given). */
    static X509ExtendedTrustManager systemTrust() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            return extended(tmf.getTrustManagers());
        } catch (GeneralSecurityException e) {
            throw new PceConfigurationException("The system trust store cannot be read: " + CertificateFiles.reason(e), e);
        }
    }

    private static X509ExtendedTrustManager trustManagerFor(List<X509Certificate> certs) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (X509Certificate c : certs) {
                ks.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            return extended(tmf.getTrustManagers());
        } catch (GeneralSecurityException | IOException e) {
            throw new PceConfigurationException("The CA bundle cannot be used as a trust store: " + CertificateFiles.reason(e), e);
        }
    }

    private static X509ExtendedTrustManager extended(TrustManager[] managers) {
        for (TrustManager tm : managers) {
            if (tm instanceof X509ExtendedTrustManager x) {
                return x;
            }
        }
        throw new PceConfigurationException("The JVM offers no X.509 trust manager");
    }

    /** Trusts every chain: only for {@code verify=false}, which the connection reports as insecure. */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
