package dev.pceworkbench.demo.policy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 address as a 128-bit unsigned number ({@code hi}, {@code lo}) plus its family,
 * so that ranges and CIDR blocks of both families compare with plain arithmetic. Parsing accepts
 * literals only and never resolves names: an IPv4 literal is parsed by hand and only strings that
 * contain a colon (which the JDK treats strictly as IPv6 literals) go through {@link InetAddress}.
 */
public record IpAddress(boolean v6, long hi, long lo) implements Comparable<IpAddress> {

    /** Parses an address literal such as {@code 10.0.0.1} or {@code fe80::1}. */
    public static IpAddress parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no IP address");
        }
        String s = text.trim();
        if (s.contains(":")) {
            if (!s.matches("^[0-9A-Fa-f:.]+$")) {
                throw new IllegalArgumentException("'" + text + "' is not an IP address");
            }
            try {
                InetAddress a = InetAddress.getByName(s);
                if (a instanceof Inet4Address) {
                    // An IPv4-mapped literal (::ffff:a.b.c.d): the JDK hands back the IPv4 address.
                    return ofV4(a.getAddress());
                }
                byte[] b = ((Inet6Address) a).getAddress();
                return new IpAddress(true, toLong(b, 0), toLong(b, 8));
            } catch (UnknownHostException | ClassCastException e) {
                throw new IllegalArgumentException("'" + text + "' is not an IP address");
            }
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
        long v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("'" + text + "' is not an IP address");
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                throw new IllegalArgumentException("'" + text + "' is not an IP address");
            }
            v = (v << 8) | octet;
        }
        return new IpAddress(false, 0, v);
    }

    /** Like {@link #parse} but null for anything that is not an address literal. */
    public static IpAddress parseOrNull(String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The first and last address of {@code text}, which is an address ({@code 10.0.0.1}, a range of
     * one) or a CIDR block ({@code 10.0.0.0/8}, {@code fd00::/8}).
     */
    public static IpAddress[] block(String text) {
        String s = text.trim();
        int slash = s.indexOf('/');
        if (slash < 0) {
            IpAddress a = parse(s);
            return new IpAddress[]{a, a};
        }
        IpAddress base = parse(s.substring(0, slash));
        int prefix;
        try {
            prefix = Integer.parseInt(s.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has no valid prefix length");
        }
        int bits = base.v6 ? 128 : 32;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0.." + bits);
        }
        // Host bits counted from the right end of the 128-bit number (IPv4 lives in the low 32 bits).
        int host = bits - prefix;
        long hiMask = host >= 128 ? -1L : host > 64 ? (-1L >>> (128 - host)) : 0L;
        long loMask = host >= 64 ? -1L : host == 0 ? 0L : (-1L >>> (64 - host));
        if (!base.v6 && host == 32) {
            loMask = 0xFFFF_FFFFL;
        }
        IpAddress first = new IpAddress(base.v6, base.hi & ~hiMask, base.lo & ~loMask);
        IpAddress last = new IpAddress(base.v6, base.hi | hiMask, base.v6 ? base.lo | loMask : (base.lo | loMask) & 0xFFFF_FFFFL);
        return new IpAddress[]{first, last};
    }

    private static IpAddress ofV4(byte[] b) {
        long v = 0;
        for (byte x : b) {
            v = (v << 8) | (x & 0xff);
        }
        return new IpAddress(false, 0, v);
    }

    private static long toLong(byte[] b, int from) {
        long v = 0;
        for (int i = from; i < from + 8; i++) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }

    /** Orders within a family (IPv4 before IPv6); compare only addresses of one family for ranges. */
    @Override
    public int compareTo(IpAddress o) {
        if (v6 != o.v6) {
            return v6 ? 1 : -1;
        }
        int c = Long.compareUnsigned(hi, o.hi);
        return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
    }

    /** True when this address lies in [{@code first}, {@code last}] of the same family. */
    public boolean within(IpAddress first, IpAddress last) {
        return v6 == first.v6 && compareTo(first) >= 0 && compareTo(last) <= 0;
    }

    @Override
    public String toString() {
        if (!v6) {
            return ((lo >>> 24) & 0xff) + "." + ((lo >>> 16) & 0xff) + "." + ((lo >>> 8) & 0xff) + "." + (lo & 0xff);
        }
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (hi >>> (56 - 8 * i));
            b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        try {
            return InetAddress.getByAddress(b).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
