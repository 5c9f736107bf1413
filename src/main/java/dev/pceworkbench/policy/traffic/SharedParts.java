package dev.pceworkbench.policy.traffic;

import java.util.IdentityHashMap;

/**
 * An identity cache in front of a keyed one, for the parts a download shares between flows (the
 * client gives equal endpoints and services one object): the object itself then finds its id
 * without its strings being read. Dropped when the first flows share little. Not thread-safe.
 */
final class SharedParts<T> {
    /** After this many look-ups, a cache that found few shared objects is dropped. */
    private static final int SAMPLE = 4096;

    private IdentityHashMap<T, Integer> ids = new IdentityHashMap<>();
    private int seen;
    private int hits;

    /** The id given to {@code part} itself, or -1. */
    int get(T part) {
        if (ids == null || part == null) {
            return -1;
        }
        Integer id = ids.get(part);
        if (id != null) {
            hits++;
        }
        if (++seen == SAMPLE && hits * 4 < SAMPLE) {
            ids = null;
        }
        return id == null ? -1 : id;
    }

    void put(T part, int id) {
        if (ids != null && part != null) {
            ids.put(part, id);
        }
    }
}
