package dev.pceworkbench.demo.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything the demo PCE knows about its one organisation: org-level collections, the policy
 * store, users and API keys. One read-write lock guards it all: requests read under the read lock
 * and change under the write lock, so every response sees one consistent state.
 */
public final class DemoState {
    private final int orgId;
    private final Clock clock;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, ObjectCollection> collections = new LinkedHashMap<>();
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final PolicyStore policy;
    private final Users users = new Users();
    private Random uuidRandom;
    private volatile JobRetention jobRetention = new JobRetention(java.time.Duration.ofHours(1), 100);
    private volatile java.nio.file.Path spool;

    /** How long async jobs (and their datafiles) are kept, and how many at most. */
    public record JobRetention(java.time.Duration ttl, int max) {
    }

    public DemoState(int orgId, Clock clock, long seed, Function<ObjectNode, java.util.Set<String>> policyReferences) {
        this.orgId = orgId;
        this.clock = clock;
        this.uuidRandom = new Random(seed);
        this.policy = new PolicyStore(policyReferences);
    }

    public int orgId() {
        return orgId;
    }

    public String orgPrefix() {
        return "/orgs/" + orgId;
    }

    public PolicyStore policy() {
        return policy;
    }

    public Users users() {
        return users;
    }

    public ObjectCollection collection(String name) {
        return collections.computeIfAbsent(name, ObjectCollection::new);
    }

    /** Next numeric id for a collection (ids start at 1 and never repeat). */
    public long nextId(String collection) {
        return counters.computeIfAbsent(collection, k -> new AtomicLong()).incrementAndGet();
    }

    /** Makes sure later numeric ids of a collection are above {@code id} (after loading fixed data). */
    public void reserveId(String collection, long id) {
        counters.computeIfAbsent(collection, k -> new AtomicLong()).accumulateAndGet(id, Math::max);
    }

    /** A version-4 UUID: seeded while the generator builds the data set, random afterwards. */
    public synchronized String uuid() {
        byte[] b = new byte[16];
        uuidRandom.nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (b[i] & 0xff);
            lo = (lo << 8) | (b[8 + i] & 0xff);
        }
        return new UUID(hi, lo).toString();
    }

    /** After generation, switch UUIDs to a secure random source so runtime ids cannot be predicted. */
    public synchronized void generationDone() {
        uuidRandom = new SecureRandom();
    }

    public JobRetention jobRetention() {
        return jobRetention;
    }

    public void jobRetention(JobRetention r) {
        this.jobRetention = r;
    }

    /**
     * A private temporary directory for rendered answers and job datafiles, created on first use;
     * {@link #deleteSpool} removes it with everything in it.
     */
    public synchronized java.nio.file.Path spool() throws java.io.IOException {
        if (spool == null) {
            spool = java.nio.file.Files.createTempDirectory("demo-pce-");
        }
        return spool;
    }

    public synchronized void deleteSpool() {
        if (spool == null) {
            return;
        }
        try (var files = java.nio.file.Files.walk(spool)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException ignored) {
            // Temporary files: the OS cleans up what is left.
        }
        spool = null;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The PCE's timestamp format: ISO-8601 UTC with milliseconds, e.g. 2022-06-23T20:53:57.885Z. */
    public String timestamp() {
        return format(now());
    }

    private static final DateTimeFormatter PCE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    public static String format(Instant t) {
        return PCE_TIME.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    public <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** An action that writes to a stream. */
    @FunctionalInterface
    public interface IoAction {
        void run() throws java.io.IOException;
    }

    /**
     * Runs an I/O action under the read lock: rendering an answer into a buffer or a file. Never a
     * network write: a client that reads slowly would hold the lock, and every write behind it.
     */
    public void readIo(IoAction action) throws java.io.IOException {
        lock.readLock().lock();
        try {
            action.run();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** An I/O step that makes something (a file written under the lock). */
    @FunctionalInterface
    public interface IoSupplier<T> {
        T get() throws java.io.IOException;
    }

    /** {@link #readIo(IoAction)} for a step that returns what it made. */
    public <T> T readIo(IoSupplier<T> action) throws java.io.IOException {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    public <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
