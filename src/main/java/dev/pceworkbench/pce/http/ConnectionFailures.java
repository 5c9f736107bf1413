package dev.pceworkbench.pce.http;

import dev.pceworkbench.pce.PceConnectionException;
import dev.pceworkbench.pce.PceConnectionException.Kind;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Turns the I/O failures of a PCE exchange into {@link PceConnectionException}s whose kind says
 * what failed and whose message says what to do: an unknown host, a refused or timed-out connect,
 * a proxy refusing the tunnel, an untrusted or expired certificate, a host-name mismatch, a client
 * certificate the PCE requires or refuses, a connection dropped mid-answer. Shared by the
 * transport and by {@code ConnectionCheck}, which adds the presented chain when it has one.
 */
public final class ConnectionFailures {
    private ConnectionFailures() {
    }

    /** Classifies a failure talking to {@code hostPort} (e.g. {@code pce.example.com:8443}). */
    public static PceConnectionException classify(IOException e, String hostPort) {
        return new PceConnectionException(kind(e), explain(e, hostPort), e);
    }

    /** The kind of failure. */
    public static Kind kind(IOException e) {
        if (e instanceof UnknownHostException) {
            return Kind.DNS;
        }
        String m = lower(e.getMessage());
        if (m.contains("proxy") || m.contains("response code for connect")) {
            return Kind.PROXY;
        }
        if (e instanceof SSLException) {
            return Kind.TLS;
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return m.contains("timed out") ? Kind.TIMEOUT : Kind.CONNECT;
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return m.contains("connect") ? Kind.CONNECT : Kind.TIMEOUT;
        }
        return Kind.DROPPED;
    }

    /** An actionable message for a failure talking to {@code hostPort}. */
    public static String explain(IOException e, String hostPort) {
        String m = lower(e.getMessage());
        String host = hostPort.contains(":") && !hostPort.startsWith("[") ? hostPort.substring(0, hostPort.lastIndexOf(':')) : hostPort;
        if (e instanceof UnknownHostException) {
            return "The host name '" + (e.getMessage() == null ? host : e.getMessage().split(":")[0]) + "' could not be resolved: "
                    + "check the spelling of the PCE address, this computer's DNS servers, or the VPN";
        }
        if (m.contains("failed to authenticate with proxy")) {
            return "The proxy requires authentication (HTTP 407) and the configured proxy credentials were refused or missing: "
                    + "check the proxy user name and password";
        }
        if (m.contains("response code for connect")) {
            return "The proxy refused to open a tunnel to " + hostPort + " (" + e.getMessage() + "): the proxy may block this "
                    + "host or port; ask for an exception or add the PCE to NO_PROXY";
        }
        if (e instanceof SSLPeerUnverifiedException) {
            return "The PCE's certificate does not name '" + host + "': connect with a name the certificate lists, or have the "
                    + "certificate reissued (" + firstLine(e.getMessage()) + ")";
        }
        if (e instanceof SSLException ssl) {
            return explainTls(ssl, host, List.of(), false, null);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            if (m.contains("refused")) {
                return "Nothing accepts connections on " + hostPort + " (connection refused): check the port (PCEs usually "
                        + "listen on 8443) and that the PCE, or the proxy, is running";
            }
            if (m.contains("timed out")) {
                return "No answer from " + hostPort + " (connect timed out): a firewall may be dropping the traffic, or a "
                        + "proxy is needed";
            }
            return "Cannot reach " + hostPort + " (" + e.getMessage() + "): check the network route, VPN and firewall";
        }
        if (e instanceof SocketTimeoutException) {
            return m.contains("connect")
                    ? "No answer from " + hostPort + " (connect timed out): a firewall may be dropping the traffic, or a proxy is needed"
                    : "The PCE at " + hostPort + " did not answer in time (" + e.getMessage() + "): it may be overloaded; "
                    + "retry, or raise the read timeout";
        }
        if (e instanceof EOFException || e instanceof SocketException || m.contains("unexpected end of stream")) {
            return "The connection to " + hostPort + " was closed unexpectedly (" + e.getMessage() + "): a proxy, load "
                    + "balancer or firewall may have cut it, or the PCE restarted";
        }
        return "The exchange with " + hostPort + " failed: " + e;
    }

    /**
     * Explains a TLS failure.
     *
     * @param presented          the chain the server presented (empty when unknown)
     * @param clientCertRequested whether the server asked for a client certificate
     * @param clientCertificate  the client certificate that was sent, or null for none
     */
    public static String explainTls(SSLException e, String host, List<X509Certificate> presented,
                                    boolean clientCertRequested, X509Certificate clientCertificate) {
        String m = lower(e.getMessage());
        String alert = alert(e);
        Throwable trust = trustCause(e);
        X509Certificate leaf = presented.isEmpty() ? null : presented.get(0);
        if (trust != null || m.contains("certification path") || m.contains("pkix")) {
            Date now = new Date();
            for (X509Certificate c : presented) {
                if (now.after(c.getNotAfter())) {
                    return "The certificate '" + cn(c) + "' presented by the PCE expired on " + CertificateFiles.date(c.getNotAfter())
                            + ": renew it on the PCE (or check this computer's clock)";
                }
                if (now.before(c.getNotBefore())) {
                    return "The certificate '" + cn(c) + "' presented by the PCE is valid only from "
                            + CertificateFiles.date(c.getNotBefore()) + ": check this computer's clock";
                }
            }
            if (causeOf(e, CertificateExpiredException.class) != null) {
                return "The PCE's certificate has expired: renew it on the PCE (or check this computer's clock)";
            }
            if (causeOf(e, CertificateNotYetValidException.class) != null) {
                return "The PCE's certificate is not valid yet: check this computer's clock";
            }
            if (leaf == null) {
                return "The PCE's certificate is not trusted (" + reason(trust == null ? e : trust) + "): add the PCE's CA "
                        + "bundle in the TLS settings; the connection check lists the chain the PCE presents";
            }
            X509Certificate top = presented.get(presented.size() - 1);
            if (presented.size() == 1 && CertificateFiles.selfSigned(top)) {
                return "The PCE's certificate '" + cn(top) + "' is self-signed, and this connection does not trust it: add that "
                        + "certificate (or the PCE's CA bundle) in the TLS settings";
            }
            return "The PCE's certificate is signed by '" + CertificateFiles.commonName(top.getIssuerX500Principal())
                    + "', which this connection does not trust: add the PCE's CA bundle in the TLS settings";
        }
        boolean clientAlert = alert != null && List.of("certificate_required", "bad_certificate", "certificate_unknown",
                "unknown_ca", "certificate_expired", "certificate_revoked", "access_denied", "unsupported_certificate",
                "handshake_failure").contains(alert);
        if (clientCertRequested && clientCertificate == null && (clientAlert || isDrop(e))) {
            return "The PCE requires a client certificate (mutual TLS) and none was sent: add the client certificate and key "
                    + "in the TLS settings" + (alert == null ? "" : " (TLS alert: " + alert + ")");
        }
        if (alert != null && alert.equals("certificate_required")) {
            return "The PCE requires a client certificate (mutual TLS): add the client certificate and key in the TLS settings";
        }
        if (clientCertificate != null && alert == null && isDrop(e)) {
            return "The PCE closed the connection after receiving the client certificate '" + cn(clientCertificate)
                    + "': it most likely refused it (issued by a CA the PCE does not trust, expired or revoked); ask the PCE "
                    + "administrator for a valid one";
        }
        if (clientCertificate != null && clientAlert) {
            boolean expired = new Date().after(clientCertificate.getNotAfter());
            return "The PCE refused the client certificate '" + cn(clientCertificate) + "' (TLS alert: " + alert + "): "
                    + (expired ? "it expired on " + CertificateFiles.date(clientCertificate.getNotAfter())
                    : "it may be issued by a CA the PCE does not trust, or revoked") + "; ask the PCE administrator for a valid one";
        }
        if (m.contains("unrecognized ssl message") || m.contains("plaintext connection")) {
            return "The server does not speak TLS on this port: is it a plain-HTTP port? Use the PCE's HTTPS port "
                    + "(usually 8443) or an http:// address";
        }
        if ("protocol_version".equals(alert) || "handshake_failure".equals(alert) || m.contains("no appropriate protocol")) {
            return "The PCE and this client share no TLS version or cipher suite (" + e.getMessage() + "): a TLS-inspecting "
                    + "proxy or a very old or locked-down PCE configuration may be the cause";
        }
        if (isDrop(e)) {
            return "The connection was closed during the TLS handshake (" + e.getMessage() + "): a firewall or proxy may be "
                    + "intercepting TLS, or the PCE may require a client certificate";
        }
        return "The TLS handshake with the PCE failed: " + e.getMessage();
    }

    /** The TLS alert in a "Received fatal alert: xyz" message, or null. */
    static String alert(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.contains("fatal alert:")) {
                return m.substring(m.indexOf("fatal alert:") + 12).trim().split("\\s")[0];
            }
        }
        return null;
    }

    private static boolean isDrop(Throwable e) {
        String m = lower(e.getMessage());
        return causeOf(e, EOFException.class) != null || causeOf(e, SocketException.class) != null
                || m.contains("remote host terminated") || m.contains("connection reset") || m.contains("broken pipe")
                || m.contains("closed");
    }

    private static Throwable trustCause(Throwable e) {
        if (causeOf(e, CertPathBuilderException.class) != null) {
            return causeOf(e, CertPathBuilderException.class);
        }
        if (causeOf(e, CertPathValidatorException.class) != null) {
            return causeOf(e, CertPathValidatorException.class);
        }
        if (causeOf(e, CertificateExpiredException.class) != null) {
            return causeOf(e, CertificateExpiredException.class);
        }
        return e instanceof SSLHandshakeException ? causeOf(e, java.security.cert.CertificateException.class) : null;
    }

    static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String cn(X509Certificate c) {
        return CertificateFiles.commonName(c.getSubjectX500Principal());
    }

    private static String reason(Throwable t) {
        return CertificateFiles.reason(t);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").trim();
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
