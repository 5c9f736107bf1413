package dev.pceworkbench.connection;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets held in memory for this session only: the fallback when no OS keychain works (a headless
 * machine without a D-Bus session, a locked-down desktop), and the store tests use. Nothing is
 * written anywhere; after a restart the user enters the secrets again. Thread-safe, since tasks
 * read secrets on worker threads while the UI writes them.
 */
public final class SessionSecretStore implements SecretStore {
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final String description;

    /** A session store described as "this session only". */
    public SessionSecretStore() {
        this("this session only");
    }

    /** A session store with its own description, e.g. why the keychain could not be used. */
    public SessionSecretStore(String description) {
        this.description = Objects.requireNonNull(description);
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(secrets.get(key));
    }

    @Override
    public void put(String key, String secret) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
        secrets.put(key, secret);
    }

    @Override
    public void delete(String key) {
        secrets.remove(key);
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        // Keys only: the values are secrets.
        return "SessionSecretStore[" + secrets.size() + " secrets]";
    }
}
