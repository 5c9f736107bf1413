package dev.pceworkbench.connection;

/**
 * A secret store could not do what was asked: no keychain, a locked or refusing keychain, a
 * broken D-Bus connection. The message says what failed and never contains a secret.
 */
public class SecretStoreException extends RuntimeException {
    public SecretStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
