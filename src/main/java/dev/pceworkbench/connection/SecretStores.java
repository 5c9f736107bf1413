package dev.pceworkbench.connection;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Chooses where secrets live: the OS keychain when it demonstrably works, else memory for this
 * session. "Works" is proven once by writing, reading back and deleting a throw-away entry,
 * because opening a keychain succeeds on machines whose Secret Service then refuses every call
 * (no D-Bus session, a locked collection, a missing daemon). The probe has a time limit so a hung
 * D-Bus cannot stall the start of the app. The chosen store's {@code description()} says which
 * one it is and, for the fallback, why.
 */
public final class SecretStores {
    /** How long the keychain probe may take before the session store is used instead. */
    public static final Duration DEFAULT_PROBE_LIMIT = Duration.ofSeconds(10);

    private static final System.Logger LOG = System.getLogger(SecretStores.class.getName());

    private SecretStores() {
    }

    /** The OS keychain if it works, else a session-only store. */
    public static SecretStore best() {
        return best(KeyringSecretStore::open, DEFAULT_PROBE_LIMIT);
    }

    /**
     * {@link #best()}, chosen on a background thread that starts now: the store returned waits for
     * that choice at its first use only, so that the caller (the app's start-up) need not. Every
     * method of it may wait (up to the probe's limit) and then talks to the keychain: call it from
     * a worker thread, never the FX thread (the connections view model runs all its secret-store
     * calls, {@code persistent()} and {@code description()} included, as background tasks).
     */
    public static SecretStore bestInBackground() {
        return chosenInBackground(SecretStores::best);
    }

    /** A store that delegates to the one {@code choice} returns, which runs on a thread started now. */
    static SecretStore chosenInBackground(Supplier<SecretStore> choice) {
        CompletableFuture<SecretStore> chosen = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                chosen.complete(choice.get());
            } catch (Throwable e) {
                chosen.completeExceptionally(e);
            }
        }, "secret-store-choice");
        t.setDaemon(true);
        t.start();
        return new SecretStore() {
            private SecretStore store() {
                try {
                    return chosen.join();
                } catch (CompletionException e) {
                    throw new SecretStoreException("The secret store could not be opened: "
                            + (e.getCause() == null ? e : e.getCause()).getMessage(), e.getCause());
                }
            }

            @Override
            public Optional<String> get(String key) {
                return store().get(key);
            }

            @Override
            public void put(String key, String secret) {
                store().put(key, secret);
            }

            @Override
            public void delete(String key) {
                store().delete(key);
            }

            @Override
            public boolean persistent() {
                return store().persistent();
            }

            @Override
            public String description() {
                return store().description();
            }

            @Override
            public String toString() {
                return chosen.isDone() ? store().toString() : "secret store (being chosen)";
            }
        };
    }

    /**
     * The store {@code keychain} opens if it passes the probe within {@code limit}, else a
     * {@link SessionSecretStore} whose description gives the reason.
     */
    public static SecretStore best(Supplier<? extends SecretStore> keychain, Duration limit) {
        CompletableFuture<SecretStore> probe = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                SecretStore store = keychain.get();
                probe(store).ifPresentOrElse(problem -> probe.completeExceptionally(new SecretStoreException(problem, null)),
                        () -> probe.complete(store));
            } catch (Throwable e) {
                probe.completeExceptionally(e);
            }
        }, "secret-store-probe");
        // A daemon: a probe stuck in D-Bus must not keep the JVM alive.
        t.setDaemon(true);
        t.start();
        String reason;
        try {
            SecretStore store = probe.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            LOG.log(System.Logger.Level.INFO, "Secrets are kept in the {0}", store.description());
            return store;
        } catch (TimeoutException e) {
            reason = "the OS keychain did not answer within "
                    + (limit.toMillis() >= 1000 ? limit.toSeconds() + " s" : limit.toMillis() + " ms");
            // Should the keychain answer after all, release its connection instead of leaking it.
            probe.thenAccept(SecretStores::closeQuietly);
        } catch (ExecutionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            reason = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reason = "interrupted while probing the OS keychain";
        }
        LOG.log(System.Logger.Level.INFO, "Secrets are kept for this session only: {0}", reason);
        return new SessionSecretStore("this session only (" + reason + ")");
    }

    private static void closeQuietly(SecretStore store) {
        if (store instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // Nothing more to release.
            }
        }
    }

    /** Writes, reads back and deletes a test entry; the problem found, or empty when all went well. */
    static Optional<String> probe(SecretStore store) {
        String key = "probe/" + UUID.randomUUID();
        String value = UUID.randomUUID().toString();
        try {
            store.put(key, value);
            Optional<String> back = store.get(key);
            store.delete(key);
            if (back.isEmpty() || !back.get().equals(value)) {
                return Optional.of("the " + store.description() + " did not return a secret just stored");
            }
            if (store.get(key).isPresent()) {
                return Optional.of("the " + store.description() + " did not delete a test secret");
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
