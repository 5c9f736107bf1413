package dev.pceworkbench.connection;

import dev.pceworkbench.testing.Threads;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Choosing the secret store: the keychain only when a probe proves it works, else this session only. */
class SecretStoresTest {
    /** A keychain stand-in that works, or that loses what it is given. */
    private static final class FakeKeychain implements SecretStore {
        final Map<String, String> m = new ConcurrentHashMap<>();
        final boolean forgetful;

        FakeKeychain(boolean forgetful) {
            this.forgetful = forgetful;
        }

        public Optional<String> get(String key) {
            return Optional.ofNullable(m.get(key));
        }

        public void put(String key, String secret) {
            if (!forgetful) {
                m.put(key, secret);
            }
        }

        public void delete(String key) {
            m.remove(key);
        }

        public boolean persistent() {
            return true;
        }

        public String description() {
            return "fake keychain";
        }
    }

    @Test
    void aWorkingKeychainIsUsedAndTheProbeLeavesNothingBehind() {
        FakeKeychain k = new FakeKeychain(false);
        assertSame(k, SecretStores.best(() -> k, Duration.ofSeconds(5)));
        assertTrue(k.m.isEmpty());
    }

    @Test
    void aKeychainThatCannotOpenFallsBackToTheSession() {
        SecretStore s = SecretStores.best(() -> {
            throw new SecretStoreException("No OS keychain is available: no D-Bus session", null);
        }, Duration.ofSeconds(5));
        assertFalse(s.persistent());
        assertTrue(s.description().contains("this session only") && s.description().contains("no D-Bus session"), s.description());
    }

    @Test
    void aKeychainThatLosesSecretsFallsBackToTheSession() {
        SecretStore s = SecretStores.best(() -> new FakeKeychain(true), Duration.ofSeconds(5));
        assertFalse(s.persistent());
        assertTrue(s.description().contains("did not return a secret"), s.description());
    }

    @Test
    void aHangingKeychainFallsBackWithinTheLimit() {
        CountDownLatch never = new CountDownLatch(1);
        long start = System.nanoTime();
        SecretStore s = SecretStores.best(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new FakeKeychain(false);
        }, Duration.ofMillis(300));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5);
        assertFalse(s.persistent());
        assertTrue(s.description().contains("did not answer"), s.description());
        never.countDown();
    }

    @Test
    void theRealChoiceWorksOnThisMachine() {
        // With a desktop keychain this is the keychain; on a headless machine (CI) the session store.
        SecretStore s = SecretStores.best();
        assertTrue(s.persistent() || s.description().startsWith("this session only"), s.description());
        String key = "test/" + System.nanoTime();
        s.put(key, "value");
        assertEquals("value", s.get(key).orElseThrow());
        s.delete(key);
        assertTrue(s.get(key).isEmpty());
    }

    @Test
    void theSessionStoreKeepsSecretsInMemoryOnly() {
        SessionSecretStore s = new SessionSecretStore();
        s.put("k", "v");
        assertEquals("v", s.get("k").orElseThrow());
        assertFalse(s.toString().contains("v]"), "toString never shows values");
        s.delete("k");
        assertTrue(s.get("k").isEmpty());
        assertEquals("this session only", s.description());
    }

    @Test
    void keychainErrorsNeverQuoteTheSecret() {
        assertEquals("failed for ***", KeyringSecretStore.redact("failed for hunter2", "hunter2"));
    }

    @Test
    void theChoiceInTheBackgroundDoesNotHoldUpTheCallerAndIsAwaitedAtFirstUse() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FakeKeychain k = new FakeKeychain(false);
        long t0 = System.nanoTime();
        SecretStore s = SecretStores.chosenInBackground(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return k;
        });
        // Returned while the choice is still blocked.
        assertEquals(1, release.getCount());
        assertEquals("secret store (being chosen)", s.toString());
        Thread caller = Thread.currentThread();
        new Thread(() -> {
            // Once the first use waits for the choice, let it wait a while (pacing), then release it.
            Threads.awaitBlockedIn(caller, SecretStores.class, "store");
            try {
                Thread.sleep(200);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        }).start();
        s.put("profile/x/api-secret", "s3cret");
        assertTrue(System.nanoTime() - t0 >= 150_000_000L, "the first use waited for the choice");
        assertEquals(Optional.of("s3cret"), k.get("profile/x/api-secret"));
        assertEquals(Optional.of("s3cret"), s.get("profile/x/api-secret"));
        assertTrue(s.persistent());
        assertEquals("fake keychain", s.description());
        s.delete("profile/x/api-secret");
        assertTrue(k.m.isEmpty());
    }

    @Test
    void aChoiceThatFailsSaysSoAtUse() {
        SecretStore s = SecretStores.chosenInBackground(() -> {
            throw new IllegalStateException("D-Bus went away");
        });
        SecretStoreException e = org.junit.jupiter.api.Assertions.assertThrows(SecretStoreException.class, () -> s.get("k"));
        assertEquals("The secret store could not be opened: D-Bus went away", e.getMessage());
    }
}
