package dev.pceworkbench.pce.http;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Performs the TLS handshake of {@code ConnectionCheck} over a connected socket (direct or through
 * a proxy tunnel) with the connection's {@link TlsMaterial}, wrapped so that the presented chain is
 * recorded even when it is not trusted and so that a server's request for a client certificate is
 * seen. Then checks the host name as OkHttp does and sends one small request, because under TLS
 * 1.3 a refused client certificate only shows after the handshake. The outcome explains failures.
 */
public final class TlsProbe {
    private TlsProbe() {
    }

    /**
     * What the handshake showed.
     *
     * @param ok                        whether the PCE's certificate was accepted and the session works
     * @param message                   a sentence for the user (what failed and what to do)
     * @param details                   protocol, cipher, the presented chain, client certificate, error
     * @param presentedChain            the chain the server presented (empty if it sent none)
     * @param clientCertificateRequested whether the server asked for a client certificate
     * @param clientCertificateSent     whether one was sent
     */
    public record Outcome(boolean ok, String message, List<String> details, List<X509Certificate> presentedChain,
                          boolean clientCertificateRequested, boolean clientCertificateSent) {
    }

    /**
     * Runs the handshake on {@code connected}; the caller closes {@code connected} (which also
     * aborts the handshake from another thread).
     */
    public static Outcome handshake(Socket connected, String host, int port, TlsMaterial tls, int timeoutMillis) {
        Capturing trust = new Capturing(tls.trustManager());
        Recording keys = new Recording(tls.keyManager());
        List<String> details = new ArrayList<>();
        details.add("Trust: " + tls.description());
        SSLSocket ssl = null;
        try {
            ssl = (SSLSocket) TlsMaterial.sslContext(trust, keys).getSocketFactory().createSocket(connected, host, port, true);
            ssl.setSoTimeout(timeoutMillis);
            ssl.startHandshake();
            SSLSession session = ssl.getSession();
            details.add("Protocol " + session.getProtocol() + ", cipher suite " + session.getCipherSuite());
            addChain(details, trust.chain);
            addClient(details, keys, tls);
            HostnameVerifier verifier = tls.hostnameVerifier(HttpClientFactory.okHttpHostnameVerifier());
            if (!verifier.verify(host, session)) {
                List<String> names = names(trust.chain.isEmpty() ? null : trust.chain.get(0));
                details.add("Names in the certificate: " + (names.isEmpty() ? "(none)" : String.join(", ", names)));
                return new Outcome(false, "The PCE's certificate is for " + (names.isEmpty() ? "no host name"
                        : "'" + String.join("', '", names) + "'") + ", not '" + host + "': connect with one of those names, "
                        + "or have the PCE certificate reissued with this name", details, trust.chain, keys.requested, keys.sent);
            }
            String answer = probeRequest(ssl, host, port, Math.min(timeoutMillis, 10_000));
            details.add(answer);
            String subject = trust.chain.isEmpty() ? "" : " for '"
                    + CertificateFiles.commonName(trust.chain.get(0).getSubjectX500Principal()) + "'";
            return new Outcome(true, "TLS " + session.getProtocol() + " established; the PCE's certificate" + subject
                    + (tls.insecure() ? " was NOT verified (verification is off)" : " is trusted and matches the host name")
                    + (keys.sent ? "; the client certificate was accepted" : ""), details, trust.chain, keys.requested, keys.sent);
        } catch (IOException e) {
            if (details.size() == 1) {
                addChain(details, trust.chain);
                addClient(details, keys, tls);
            }
            details.add("Error: " + e);
            SSLException ssl0 = e instanceof SSLException s ? s : new SSLException(e.getMessage(), e);
            X509Certificate sent = keys.sent && tls.clientIdentity() != null ? tls.clientIdentity().certificate() : null;
            String message = ConnectionFailures.explainTls(ssl0, host, trust.chain, keys.requested, sent);
            if (trust.failure != null && !e.toString().contains(String.valueOf(trust.failure.getMessage()))) {
                details.add("Trust check: " + trust.failure.getMessage());
            }
            return new Outcome(false, message, details, trust.chain, keys.requested, keys.sent);
        }
    }

    /** One small GET of the root page (no credentials): a refused client certificate (TLS 1.3) surfaces here as an alert. */
    private static String probeRequest(SSLSocket ssl, String host, int port, int timeoutMillis) throws IOException {
        String authority = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        OutputStream out = ssl.getOutputStream();
        out.write(("GET / HTTP/1.1\r\nHost: " + authority + "\r\nUser-Agent: PCE-Workbench\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        ssl.setSoTimeout(timeoutMillis);
        InputStream in = ssl.getInputStream();
        StringBuilder line = new StringBuilder();
        try {
            int b;
            while ((b = in.read()) >= 0 && b != '\n' && line.length() < 200) {
                line.append((char) b);
            }
            if (b < 0 && line.length() == 0) {
                throw new java.io.EOFException("The server closed the TLS connection without answering");
            }
        } catch (SocketTimeoutException e) {
            return "The session was accepted (no HTTP answer to a probe request within " + timeoutMillis / 1000 + " s)";
        }
        return "The server answers over TLS: " + line.toString().trim();
    }

    private static void addChain(List<String> details, List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            details.add("The PCE presented no certificate");
            return;
        }
        details.add("Certificate chain presented by the PCE:");
        for (int i = 0; i < chain.size(); i++) {
            details.add("  [" + i + "] " + CertificateFiles.describe(chain.get(i)));
        }
    }

    private static void addClient(List<String> details, Recording keys, TlsMaterial tls) {
        ClientIdentity id = tls.clientIdentity();
        String name = id == null ? null : "'" + CertificateFiles.commonName(id.certificate().getSubjectX500Principal()) + "'";
        if (!keys.requested) {
            details.add("Client certificate: not requested by the PCE" + (id == null ? "" : "; " + name + " was not sent"));
        } else if (keys.sent) {
            details.add("Client certificate: requested by the PCE; sent " + name);
        } else {
            details.add("Client certificate: requested by the PCE" + (keys.issuers.isEmpty() ? "" : " (issued by "
                    + String.join(" or ", keys.issuers) + ")") + "; " + (id == null ? "none is configured"
                    : name + " does not suit the key types the PCE accepts"));
        }
    }

    private static List<String> names(X509Certificate c) {
        List<String> names = new ArrayList<>();
        if (c == null) {
            return names;
        }
        try {
            Collection<List<?>> sans = c.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    Object type = san.get(0);
                    if (Integer.valueOf(2).equals(type) || Integer.valueOf(7).equals(type)) {
                        names.add(String.valueOf(san.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException ignored) {
            // Fall back to the common name below.
        }
        if (names.isEmpty()) {
            names.add(CertificateFiles.commonName(c.getSubjectX500Principal()));
        }
        return names;
    }

    /** Records the presented chain and the trust failure, then lets the real trust manager decide. */
    private static final class Capturing extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager delegate;
        volatile List<X509Certificate> chain = List.of();
        volatile CertificateException failure;

        Capturing(X509ExtendedTrustManager delegate) {
            this.delegate = delegate;
        }

        private void record(X509Certificate[] presented, Check check) throws CertificateException {
            chain = presented == null ? List.of() : List.of(presented);
            try {
                check.run();
            } catch (CertificateException e) {
                failure = e;
                throw e;
            }
        }

        private interface Check {
            void run() throws CertificateException;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String authType, Socket socket) throws CertificateException {
            record(c, () -> delegate.checkServerTrusted(c, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String authType, SSLEngine engine) throws CertificateException {
            record(c, () -> delegate.checkServerTrusted(c, authType, engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String authType) throws CertificateException {
            record(c, () -> delegate.checkServerTrusted(c, authType));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String authType, Socket socket) throws CertificateException {
            delegate.checkClientTrusted(c, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String authType, SSLEngine engine) throws CertificateException {
            delegate.checkClientTrusted(c, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String authType) throws CertificateException {
            delegate.checkClientTrusted(c, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }

    /** Notes whether the server asked for a client certificate (and from which issuers), and whether one went out. */
    private static final class Recording extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager delegate;
        volatile boolean requested;
        volatile boolean sent;
        final List<String> issuers = new java.util.concurrent.CopyOnWriteArrayList<>();

        Recording(X509ExtendedKeyManager delegate) {
            this.delegate = delegate;
        }

        private String record(String alias, Principal[] from) {
            requested = true;
            sent |= alias != null;
            if (from != null && issuers.isEmpty()) {
                for (Principal p : from) {
                    issuers.add("'" + CertificateFiles.commonName(new javax.security.auth.x500.X500Principal(p.getName())) + "'");
                }
            }
            return alias;
        }

        @Override
        public String chooseClientAlias(String[] keyTypes, Principal[] from, Socket socket) {
            return record(delegate == null ? null : delegate.chooseClientAlias(keyTypes, from, socket), from);
        }

        @Override
        public String chooseEngineClientAlias(String[] keyTypes, Principal[] from, SSLEngine engine) {
            return record(delegate == null ? null : delegate.chooseEngineClientAlias(keyTypes, from, engine), from);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] from) {
            return delegate == null ? null : delegate.getClientAliases(keyType, from);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] from) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] from, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return delegate == null ? null : delegate.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return delegate == null ? null : delegate.getPrivateKey(alias);
        }
    }
}
