package dev.pceworkbench.pce.json;

/**
 * Shares equal short strings read from the PCE's JSON. A large PCE repeats the same values
 * hundreds of thousands of times (label and user hrefs, timestamps, "workloads", "brn"); keeping
 * one copy of each cut the heap of the large data set's 200,000 loaded rules substantially.
 *
 * <p>A direct-mapped cache: one slot per hash, the latest string wins a slot. A lookup is one hash
 * over the parser's characters and one comparison, with no lock and, on a hit, no new String (the
 * parser's buffer is read in place); a value that recurs keeps or regains its slot, a unique one
 * (a rule's own href) only passes through. The table is fixed, so it cannot grow in a
 * long-running app. Threads share it without locks: a slot holds a whole, immutable String or
 * null, and a lost race only costs a copy.
 */
final class Dedup {
    static final int MAX_LENGTH = 64;
    private static final int BITS = 18;
    private static final String[] STRINGS = new String[1 << BITS];
    /**
     * Each slot's string's hash, kept beside it: a cheap first check that leaves a cached string's
     * own hash uncomputed (computing it would hash every unique string, a rule's own href, twice).
     * A race between the two tables only costs a miss or a comparison: the content decides.
     */
    private static final int[] HASHES = new int[1 << BITS];

    private Dedup() {
    }

    static int slot(int hash) {
        return (hash * 0x9E3779B9) >>> (32 - BITS);
    }

    static String of(String s) {
        if (s == null || s.length() > MAX_LENGTH) {
            return s;
        }
        int h = s.hashCode();
        int slot = slot(h);
        String cached = STRINGS[slot];
        if (cached != null && cached.equals(s)) {
            return cached;
        }
        HASHES[slot] = h;
        STRINGS[slot] = s;
        return s;
    }

    /** The string of {@code len} characters at {@code off} in {@code chars}, shared when seen before. */
    static String of(char[] chars, int off, int len) {
        if (len > MAX_LENGTH) {
            return new String(chars, off, len);
        }
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + chars[off + i];
        }
        int slot = slot(h);
        String cached = STRINGS[slot];
        if (cached != null && HASHES[slot] == h && cached.length() == len && same(cached, chars, off, len)) {
            return cached;
        }
        String s = new String(chars, off, len);
        HASHES[slot] = h;
        STRINGS[slot] = s;
        return s;
    }

    private static boolean same(String s, char[] chars, int off, int len) {
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != chars[off + i]) {
                return false;
            }
        }
        return true;
    }
}
