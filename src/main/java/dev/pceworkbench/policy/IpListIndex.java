package dev.pceworkbench.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;

/**
 * Which IP lists hold an address, by binary search: every range bound of every list (exclusions
 * included) cuts the address space of each family into elementary intervals, and each interval
 * knows the lists that hold all of it. Built once per model from the compiled {@link IpRanges}.
 */
final class IpListIndex {
    private final IpAddress[] starts;
    private final int[][] lists;

    private IpListIndex(IpAddress[] starts, int[][] lists) {
        this.starts = starts;
        this.lists = lists;
    }

    static IpListIndex of(IpRanges[] ranges) {
        TreeSet<IpAddress> cuts = new TreeSet<>();
        for (IpRanges r : ranges) {
            r.bounds(cuts);
        }
        // Each family starts at its zero address, so every address falls in some interval.
        cuts.add(new IpAddress(false, 0, 0));
        cuts.add(new IpAddress(true, 0, 0));
        IpAddress[] starts = cuts.toArray(new IpAddress[0]);
        int[][] lists = new int[starts.length][];
        for (int i = 0; i < starts.length; i++) {
            List<Integer> in = new ArrayList<>();
            for (int l = 0; l < ranges.length; l++) {
                if (ranges[l].contains(starts[i])) {
                    in.add(l);
                }
            }
            lists[i] = Ints.sortedUnique(in);
        }
        return new IpListIndex(starts, lists);
    }

    /** Sets the bit of every list holding any of {@code ips}. */
    BitSet containing(IpAddress[] ips) {
        BitSet out = new BitSet();
        for (IpAddress ip : ips) {
            int i = Arrays.binarySearch(starts, ip);
            for (int l : lists[i >= 0 ? i : -i - 2]) {
                out.set(l);
            }
        }
        return out;
    }
}
