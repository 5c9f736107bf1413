package dev.pceworkbench.demo.server;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Slows down password guessing: at most N failed logins per client address and user name in any
 * 60-second window (and 5N per address over all names, against spraying); past that, {@link #check}
 * says how many seconds to wait (429 with Retry-After), even for the right secret. A success clears
 * the pair's failures. Memory is bounded: the least recently seen keys are forgotten first.
 */
public final class LoginBrake {
    private static final long WINDOW_NANOS = 60_000_000_000L;
    private static final int MAX_KEYS = 10_000;
    private final int perMinute;
    private final Map<String, Deque<Long>> failures = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
            return size() > MAX_KEYS;
        }
    };

    /** @param perMinute failed logins per address and name in a minute; 0 or less disables the brake */
    public LoginBrake(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Empty when {@code user} may try to log in from {@code address}, else the seconds to wait. */
    public synchronized OptionalLong check(String address, String user, long nowNanos) {
        if (perMinute <= 0) {
            return OptionalLong.empty();
        }
        long pair = wait(address + "\n" + user, perMinute, nowNanos);
        long all = wait(address, perMinute * 5, nowNanos);
        long w = Math.max(pair, all);
        return w > 0 ? OptionalLong.of(w) : OptionalLong.empty();
    }

    public synchronized void failed(String address, String user, long nowNanos) {
        if (perMinute <= 0) {
            return;
        }
        failures.computeIfAbsent(address + "\n" + user, k -> new ArrayDeque<>()).addLast(nowNanos);
        failures.computeIfAbsent(address, k -> new ArrayDeque<>()).addLast(nowNanos);
    }

    public synchronized void succeeded(String address, String user) {
        failures.remove(address + "\n" + user);
    }

    private long wait(String key, int limit, long nowNanos) {
        Deque<Long> w = failures.get(key);
        if (w == null) {
            return 0;
        }
        while (!w.isEmpty() && nowNanos - w.peekFirst() >= WINDOW_NANOS) {
            w.pollFirst();
        }
        if (w.isEmpty()) {
            failures.remove(key);
            return 0;
        }
        if (w.size() < limit) {
            return 0;
        }
        long waitNanos = WINDOW_NANOS - (nowNanos - w.peekFirst());
        return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }
}
