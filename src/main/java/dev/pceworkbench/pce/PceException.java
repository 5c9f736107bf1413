package dev.pceworkbench.pce;

/**
 * Base of every failure the PCE client reports. Messages name the request (method and path) but
 * never credentials or the {@code Authorization} header.
 */
public class PceException extends RuntimeException {
    public PceException(String message) {
        super(message);
    }

    public PceException(String message, Throwable cause) {
        super(message, cause);
    }
}
