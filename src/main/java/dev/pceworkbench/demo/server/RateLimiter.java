package dev.pceworkbench.demo.server;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The PCE's request limit: at most N requests in any 60-second window per credential (API key or
 * user). Over the limit, {@link #acquire} says how many seconds until a slot frees (Retry-After).
 */
public final class RateLimiter {
    private static final long WINDOW_NANOS = 60_000_000_000L;
    private final int perMinute;
    private final Map<String, Deque<Long>> windows = new HashMap<>();

    /** @param perMinute requests per minute per credential; 0 or less disables the limit */
    public RateLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    public int perMinute() {
        return perMinute;
    }

    /** Records a request; empty when allowed, else the seconds to wait. */
    public synchronized OptionalLong acquire(String credential, long nowNanos) {
        if (perMinute <= 0) {
            return OptionalLong.empty();
        }
        Deque<Long> w = windows.computeIfAbsent(credential, k -> new ArrayDeque<>());
        while (!w.isEmpty() && nowNanos - w.peekFirst() >= WINDOW_NANOS) {
            w.pollFirst();
        }
        if (w.size() >= perMinute) {
            long waitNanos = WINDOW_NANOS - (nowNanos - w.peekFirst());
            return OptionalLong.of(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
        }
        w.addLast(nowNanos);
        return OptionalLong.empty();
    }
}
