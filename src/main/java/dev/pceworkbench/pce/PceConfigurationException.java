package dev.pceworkbench.pce;

/**
 * The connection settings cannot be used as given: an unreadable CA bundle or client
 * certificate, a wrong passphrase, a malformed address. The message says which file and why.
 */
public class PceConfigurationException extends PceException {
    public PceConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    public PceConfigurationException(String message) {
        super(message);
    }
}
