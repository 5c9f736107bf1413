package dev.pceworkbench.demo.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The addresses of one IP list: its {@code ip_ranges} (single addresses, CIDR blocks or
 * {@code from_ip}..{@code to_ip} ranges, IPv4 and IPv6) minus the ranges marked
 * {@code exclusion}. FQDN entries cannot match an address and are ignored. Entries that do not
 * parse are skipped, so one bad entry does not make a whole list match nothing.
 */
public final class IpRangeSet {
    private final List<IpAddress[]> include = new ArrayList<>();
    private final List<IpAddress[]> exclude = new ArrayList<>();

    /** Compiles an IP list node ({@code ip_ranges: [{from_ip, to_ip?, exclusion}]}). */
    public static IpRangeSet of(JsonNode ipList) {
        IpRangeSet set = new IpRangeSet();
        for (JsonNode r : ipList.path("ip_ranges")) {
            try {
                IpAddress[] from = IpAddress.block(r.path("from_ip").asText(""));
                IpAddress[] range = from;
                String to = r.path("to_ip").isTextual() ? r.path("to_ip").asText() : "";
                if (!to.isBlank()) {
                    IpAddress last = IpAddress.parse(to);
                    if (last.v6() != from[0].v6()) {
                        continue;
                    }
                    range = new IpAddress[]{from[0], last};
                }
                (r.path("exclusion").asBoolean(false) ? set.exclude : set.include).add(range);
            } catch (IllegalArgumentException e) {
                // An unparsable entry matches nothing.
            }
        }
        return set;
    }

    public boolean contains(IpAddress ip) {
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

    /** True when any of {@code ips} is in the list. */
    public boolean containsAny(IpAddress[] ips) {
        for (IpAddress ip : ips) {
            if (contains(ip)) {
                return true;
            }
        }
        return false;
    }
}
