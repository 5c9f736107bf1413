package dev.pceworkbench.demo.tls;

import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509TrustManager;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The demo PCE's certificates, made fresh at every start: a private CA, a server certificate for
 * localhost and this host's names signed by it, and a client certificate for mutual TLS. Nothing
 * here is trusted by the system; clients trust the CA through the written {@code ca.pem}.
 */
public final class DemoCertificates {
    private final HeldCertificate ca;
    private final HeldCertificate server;
    private final HeldCertificate client;

    private DemoCertificates(HeldCertificate ca, HeldCertificate server, HeldCertificate client) {
        this.ca = ca;
        this.server = server;
        this.client = client;
    }

    /** Generates a CA and the server and client certificates it signs (EC P-256, valid 30 days). */
    public static DemoCertificates generate(List<String> extraHostNames) {
        long validity = Duration.ofDays(30).toMillis();
        long now = System.currentTimeMillis();
        HeldCertificate ca = new HeldCertificate.Builder()
                .commonName("PCE Workbench Demo CA")
                .organizationalUnit("PCE Workbench demo PCE")
                .certificateAuthority(0)
                .validityInterval(now - 60_000, now + validity)
                .build();
        HeldCertificate.Builder serverBuilder = new HeldCertificate.Builder()
                .commonName("localhost")
                .organizationalUnit("PCE Workbench demo PCE")
                .validityInterval(now - 60_000, now + validity)
                .signedBy(ca);
        for (String name : hostNames(extraHostNames)) {
            serverBuilder.addSubjectAlternativeName(name);
        }
        HeldCertificate server = serverBuilder.build();
        HeldCertificate client = new HeldCertificate.Builder()
                .commonName("pce-workbench-demo-client")
                .organizationalUnit("PCE Workbench demo PCE")
                .validityInterval(now - 60_000, now + validity)
                .signedBy(ca)
                .build();
        return new DemoCertificates(ca, server, client);
    }

    private static Set<String> hostNames(List<String> extra) {
        Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        names.addAll(extra);
        try {
            names.add(InetAddress.getLocalHost().getHostName());
        } catch (Exception ignored) {
            // No resolvable host name: localhost and the loopback addresses still work.
        }
        return names;
    }

    /**
     * The server's TLS context: the server certificate (with the CA in its chain) and trust in the
     * CA for client certificates ({@link #parameters} decides whether one is required). The key
     * stays in memory as it is: no keystore, whose PKCS#12 entry would encrypt it and decrypt it
     * again with 10,000 rounds of PBKDF2 at every start for nothing.
     */
    public SSLContext serverContext() {
        X509TrustManager trust = new HandshakeCertificates.Builder()
                .addTrustedCertificate(ca.certificate())
                .build()
                .trustManager();
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(new KeyManager[]{new ServerKeyManager(server.keyPair().getPrivate(),
                    new X509Certificate[]{server.certificate(), ca.certificate()})}, new TrustManager[]{trust}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS cannot be set up in this JVM: " + e.getMessage(), e);
        }
    }

    /** Offers the one server key for every handshake whose key type it suits. */
    private static final class ServerKeyManager extends X509ExtendedKeyManager {
        private static final String ALIAS = "server";
        private final PrivateKey key;
        private final X509Certificate[] chain;

        ServerKeyManager(PrivateKey key, X509Certificate[] chain) {
            this.key = key;
            this.chain = chain;
        }

        /** "EC", "EC_EC", "RSA", "RSASSA-PSS"...: the part before '_' names the key algorithm. */
        private String choose(String keyType) {
            if (keyType == null) {
                return null;
            }
            int underscore = keyType.indexOf('_');
            String base = underscore > 0 ? keyType.substring(0, underscore) : keyType;
            return base.equalsIgnoreCase(key.getAlgorithm()) ? ALIAS : null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return choose(keyType);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return choose(keyType);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return choose(keyType) == null ? null : new String[]{ALIAS};
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return ALIAS.equals(alias) ? chain.clone() : null;
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return ALIAS.equals(alias) ? key : null;
        }
    }

    public static SSLParameters parameters(SSLContext ctx, boolean requireClientCert) {
        SSLParameters p = ctx.getDefaultSSLParameters();
        p.setProtocols(new String[]{"TLSv1.3", "TLSv1.2"});
        if (requireClientCert) {
            p.setNeedClientAuth(true);
        } else {
            p.setWantClientAuth(false);
        }
        return p;
    }

    /** The CA certificate as PEM: what clients add to their trust. */
    public String caPem() {
        return ca.certificatePem();
    }

    /** The client certificate and its PKCS#8 key in one PEM document. */
    public String clientPem() {
        return client.certificatePem() + client.privateKeyPkcs8Pem();
    }

    public HeldCertificate client() {
        return client;
    }

    public HeldCertificate ca() {
        return ca;
    }
}
