package dev.pceworkbench.policy;

import java.util.Arrays;
import java.util.Collection;

/** Small helpers for the sorted int arrays the engine keeps ids in, and a growable int list. */
final class Ints {
    static final int[] NONE = new int[0];

    private Ints() {
    }

    /** Whether two sorted arrays share an element; linear merge, both are short. */
    static boolean intersects(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            int x = a[i];
            int y = b[j];
            if (x == y) {
                return true;
            }
            if (x < y) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    static boolean contains(int[] sorted, int x) {
        return sorted.length > 0 && Arrays.binarySearch(sorted, x) >= 0;
    }

    static int[] sortedUnique(Collection<Integer> c) {
        int[] a = new int[c.size()];
        int n = 0;
        for (int x : c) {
            a[n++] = x;
        }
        return sortedUnique(a, n);
    }

    /** The first {@code n} elements of {@code a}, sorted, duplicates removed (sorts {@code a} in place). */
    static int[] sortedUnique(int[] a, int n) {
        if (n == 0) {
            return NONE;
        }
        Arrays.sort(a, 0, n);
        int m = 1;
        for (int i = 1; i < n; i++) {
            if (a[i] != a[m - 1]) {
                a[m++] = a[i];
            }
        }
        return Arrays.copyOf(a, m);
    }

    /** A growable list of ints. */
    static final class Builder {
        private int[] a = new int[4];
        private int n;

        void add(int x) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = x;
        }

        int size() {
            return n;
        }

        int get(int i) {
            return a[i];
        }

        int[] toArray() {
            return n == 0 ? NONE : Arrays.copyOf(a, n);
        }
    }
}
