package dev.pceworkbench.policy.traffic;

import java.util.Arrays;

/**
 * An open-addressing map from {@code long} keys to dense ids 0, 1, 2... in the order the keys
 * were first added: interning packed keys without boxing them. Not thread-safe.
 */
final class LongIntMap {
    private long[] keys;
    private int[] ids;
    private int size;
    private int mask;
    private long[] byId = new long[16];

    LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        ids = new int[cap];
        Arrays.fill(ids, -1);
        mask = cap - 1;
    }

    int size() {
        return size;
    }

    /** The keys by id. */
    long[] keys() {
        return Arrays.copyOf(byId, size);
    }

    /** The id of {@code key}, giving it the next id when it is new. */
    int intern(long key) {
        int i = slot(key);
        while (true) {
            int id = ids[i];
            if (id < 0) {
                ids[i] = size;
                keys[i] = key;
                if (size == byId.length) {
                    byId = Arrays.copyOf(byId, size * 2);
                }
                byId[size] = key;
                size++;
                if (size * 2 > keys.length) {
                    grow();
                }
                return size - 1;
            }
            if (keys[i] == key) {
                return id;
            }
            i = (i + 1) & mask;
        }
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] ok = keys;
        int[] oi = ids;
        keys = new long[ok.length * 2];
        ids = new int[ok.length * 2];
        Arrays.fill(ids, -1);
        mask = keys.length - 1;
        for (int j = 0; j < ok.length; j++) {
            if (oi[j] >= 0) {
                int i = slot(ok[j]);
                while (ids[i] >= 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = ok[j];
                ids[i] = oi[j];
            }
        }
    }
}
