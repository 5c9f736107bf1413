package dev.pceworkbench.policy;

import dev.pceworkbench.pce.model.IpList;
import dev.pceworkbench.pce.model.IpRange;

import java.util.ArrayList;
import java.util.List;

/**
 * The addresses of one IP list: its {@code ip_ranges} (addresses, CIDR blocks, from..to ranges,
 * IPv4 and IPv6) minus the ranges marked {@code exclusion}. FQDN entries cannot match an address
 * and are left out; an entry that does not parse, or a range whose ends are of different families,
 * matches nothing rather than spoiling the list.
 */
final class IpRanges {
    private final IpAddress[][] include;
    private final IpAddress[][] exclude;

    private IpRanges(IpAddress[][] include, IpAddress[][] exclude) {
        this.include = include;
        this.exclude = exclude;
    }

    static IpRanges of(IpList list) {
        List<IpAddress[]> in = new ArrayList<>();
        List<IpAddress[]> out = new ArrayList<>();
        for (IpRange r : list.ipRanges()) {
            IpAddress[] range = IpAddress.block(r.fromIp());
            if (range == null) {
                continue;
            }
            if (r.toIp() != null && !r.toIp().isBlank()) {
                IpAddress last = IpAddress.parseOrNull(r.toIp());
                if (last == null || last.v6() != range[0].v6()) {
                    continue;
                }
                range = new IpAddress[]{range[0], last};
            }
            (Boolean.TRUE.equals(r.exclusion()) ? out : in).add(range);
        }
        return new IpRanges(in.toArray(new IpAddress[0][]), out.toArray(new IpAddress[0][]));
    }

    /** Adds where membership may change: each range's first address and the one after its last. */
    void bounds(java.util.Set<IpAddress> cuts) {
        for (IpAddress[][] side : new IpAddress[][][]{include, exclude}) {
            for (IpAddress[] r : side) {
                cuts.add(r[0]);
                IpAddress after = after(r[1]);
                if (after != null) {
                    cuts.add(after);
                }
            }
        }
    }

    /** The next address of the same family, or null after the last one. */
    private static IpAddress after(IpAddress a) {
        long max = a.v6() ? -1L : 0xffff_ffffL;
        if (a.lo() == max && (!a.v6() || a.hi() == -1L)) {
            return null;
        }
        long lo = a.lo() + 1;
        long hi = a.v6() && lo == 0 ? a.hi() + 1 : a.hi();
        return new IpAddress(a.v6(), hi, lo);
    }

    boolean contains(IpAddress ip) {
        if (ip == null) {
            return false;
        }
        boolean in = false;
        for (IpAddress[] r : include) {
            if (ip.within(r[0], r[1])) {
                in = true;
                break;
            }
        }
        if (!in) {
            return false;
        }
        for (IpAddress[] r : exclude) {
            if (ip.within(r[0], r[1])) {
                return false;
            }
        }
        return true;
    }
}
