package dev.pceworkbench.demo.tls;

import dev.pceworkbench.pce.http.SingleKeyManager;
import dev.pceworkbench.pce.http.TlsMaterial;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.X509TrustManager;
import java.net.InetAddress;
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
        return TlsMaterial.sslContext(trust,
                new SingleKeyManager(server.keyPair().getPrivate(), List.of(server.certificate(), ca.certificate())));
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
