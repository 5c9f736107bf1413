package dev.pceworkbench.pce;

/**
 * The PCE could not be reached or the exchange broke: name resolution, TCP connect, the proxy,
 * TLS (an untrusted chain, a host-name mismatch, a rejected client certificate), a timeout, or a
 * connection dropped mid-answer. {@link #kind()} says which, for diagnosis and retry decisions.
 */
public class PceConnectionException extends PceException {
    /** What failed. */
    public enum Kind { DNS, CONNECT, PROXY, TLS, TIMEOUT, DROPPED, MALFORMED_RESPONSE }

    private final Kind kind;

    public PceConnectionException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
