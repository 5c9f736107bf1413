package dev.pceworkbench.pce.http;

import dev.pceworkbench.pce.CancellationToken;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * Keeps the client under the PCE's request budget (500 requests per minute per credential by
 * default): a sliding one-minute window; a request that would exceed it waits, cancellably, until
 * the oldest request in the window is a minute old. Share one limiter between clients that use
 * the same credential.
 */
public final class RequestLimiter {
    private static final long WINDOW_NANOS = 60_000_000_000L;
    private final int perMinute;
    private final LongSupplier nanoClock;
    private final Deque<Long> window = new ArrayDeque<>();

    public RequestLimiter(int perMinute) {
        this(perMinute, System::nanoTime);
    }

    RequestLimiter(int perMinute, LongSupplier nanoClock) {
        this.perMinute = perMinute;
        this.nanoClock = nanoClock;
    }

    public int perMinute() {
        return perMinute;
    }

    /** Waits for a slot; returns how long it waited. */
    public Duration acquire(CancellationToken token) {
        if (perMinute <= 0) {
            return Duration.ZERO;
        }
        long waited = 0;
        while (true) {
            long wait;
            synchronized (this) {
                long now = nanoClock.getAsLong();
                while (!window.isEmpty() && now - window.peekFirst() >= WINDOW_NANOS) {
                    window.pollFirst();
                }
                if (window.size() < perMinute) {
                    window.addLast(now);
                    return Duration.ofNanos(waited);
                }
                wait = WINDOW_NANOS - (now - window.peekFirst());
            }
            token.sleep(Duration.ofNanos(wait), "waiting for the request budget");
            waited += wait;
        }
    }

    /** How many requests the window holds now (for diagnostics and tests). */
    public synchronized int inWindow() {
        long now = nanoClock.getAsLong();
        while (!window.isEmpty() && now - window.peekFirst() >= WINDOW_NANOS) {
            window.pollFirst();
        }
        return window.size();
    }
}
