package dev.pceworkbench.pce.json;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares equal short strings read from the PCE's JSON. A large PCE repeats the same values
 * hundreds of thousands of times (label and user hrefs, timestamps, "workloads", "brn"); keeping
 * one copy of each cut the heap of the large data set's 200,000 loaded rules substantially. The
 * cache is bounded: once full it still serves what it holds but adds nothing, so it cannot grow
 * without limit in a long-running app.
 */
final class Dedup {
    static final int MAX_LENGTH = 64;
    static final int MAX_ENTRIES = 250_000;
    private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();

    private Dedup() {
    }

    static String of(String s) {
        if (s == null || s.length() > MAX_LENGTH) {
            return s;
        }
        String cached = CACHE.get(s);
        if (cached != null) {
            return cached;
        }
        if (CACHE.size() >= MAX_ENTRIES) {
            return s;
        }
        cached = CACHE.putIfAbsent(s, s);
        return cached == null ? s : cached;
    }
}
