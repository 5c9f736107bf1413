package dev.pceworkbench.connection;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.KeyringStorageType;
import com.github.javakeyring.PasswordAccessException;

import java.util.Objects;
import java.util.Optional;

/**
 * Secrets in the operating system's keychain through java-keyring: the Secret Service over D-Bus
 * on Linux (GNOME Keyring, KWallet's Secret Service), the macOS Keychain, the Windows Credential
 * Manager. Every entry is filed under the service "PCE Workbench" with the secret key (profile id
 * and kind) as the account. Failures become {@link SecretStoreException}s whose messages never
 * quote the secret. Calls are serialized because the native back ends are not all thread-safe.
 */
public final class KeyringSecretStore implements SecretStore, AutoCloseable {
    /** The service name entries are filed under in the keychain. */
    public static final String SERVICE = "PCE Workbench";

    private final Keyring keyring;
    private final String service;

    private KeyringSecretStore(Keyring keyring, String service) {
        this.keyring = keyring;
        this.service = service;
    }

    /** Opens the platform's keychain; fails when none is reachable (no D-Bus session, say). */
    public static KeyringSecretStore open() {
        return open(SERVICE);
    }

    /** Opens the platform's keychain filing entries under {@code service}. */
    public static KeyringSecretStore open(String service) {
        try {
            return new KeyringSecretStore(Keyring.create(), Objects.requireNonNull(service));
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            throw new SecretStoreException("No OS keychain is available: " + describe(e), e);
        }
    }

    @Override
    public synchronized Optional<String> get(String key) {
        try {
            return Optional.ofNullable(keyring.getPassword(service, key));
        } catch (PasswordAccessException e) {
            // The library reports "no such entry" and "cannot read" alike; both mean: nothing usable stored.
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new SecretStoreException("Could not read a secret from the " + description() + ": " + describe(e), e);
        }
    }

    @Override
    public synchronized void put(String key, String secret) {
        Objects.requireNonNull(secret, "secret");
        try {
            keyring.setPassword(service, key, secret);
        } catch (PasswordAccessException | RuntimeException e) {
            throw new SecretStoreException("Could not store a secret in the " + description() + ": "
                    + redact(describe(e), secret), e);
        }
    }

    @Override
    public synchronized void delete(String key) {
        try {
            keyring.deletePassword(service, key);
        } catch (PasswordAccessException e) {
            // Deleting what is not there is not a failure worth telling anyone about.
        } catch (RuntimeException e) {
            throw new SecretStoreException("Could not delete a secret from the " + description() + ": " + describe(e), e);
        }
    }

    @Override
    public boolean persistent() {
        return true;
    }

    @Override
    public String description() {
        KeyringStorageType type = keyring.getKeyringStorageType();
        if (type == null) {
            return "OS keychain";
        }
        return switch (type) {
            case GNOME_KEYRING -> "Secret Service keyring (GNOME Keyring / KWallet)";
            case KWALLET -> "KDE Wallet";
            case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> "macOS Keychain";
            case WINDOWS_CREDENTIAL_STORE -> "Windows Credential Manager";
        };
    }

    @Override
    public synchronized void close() {
        try {
            keyring.close();
        } catch (Exception e) {
            // Closing releases a D-Bus connection; a failure there leaves nothing to clean up.
        }
    }

    @Override
    public String toString() {
        return "KeyringSecretStore[" + description() + "]";
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** A native error could echo its input; make sure the secret never travels on in a message. */
    static String redact(String message, String secret) {
        return secret == null || secret.isEmpty() || message == null ? message : message.replace(secret, "***");
    }
}
