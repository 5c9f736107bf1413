package dev.pceworkbench.policy;

/**
 * An IPv4 or IPv6 address as a 128-bit unsigned number ({@code hi}, {@code lo}) plus its family,
 * so ranges and CIDR blocks of both families compare with plain arithmetic (IPv4 lives in the low
 * 32 bits). Parsing is done by hand and accepts literals only, so nothing here can ever resolve a
 * name: the engine stays free of I/O. An IPv4-mapped IPv6 literal ({@code ::ffff:10.0.0.1}) is
 * read as the IPv4 address, as the JDK and the PCE read it.
 */
public record IpAddress(boolean v6, long hi, long lo) implements Comparable<IpAddress> {

    /** Parses {@code 10.0.0.1} or {@code fe80::1}; throws {@link IllegalArgumentException} otherwise. */
    public static IpAddress parse(String text) {
        IpAddress a = parseOrNull(text);
        if (a == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
        return a;
    }

    /** Like {@link #parse}, but null for anything that is not an address literal. */
    public static IpAddress parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (s.indexOf(':') >= 0) {
            return parseV6(s);
        }
        long v = parseV4(s);
        return v < 0 ? null : new IpAddress(false, 0, v);
    }

    /**
     * The first and last address of {@code text}: an address (a range of one) or a CIDR block
     * ({@code 10.0.0.0/8}, {@code fd00::/8}); null when it is neither.
     */
    public static IpAddress[] block(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        int slash = s.indexOf('/');
        if (slash < 0) {
            IpAddress a = parseOrNull(s);
            return a == null ? null : new IpAddress[]{a, a};
        }
        IpAddress base = parseOrNull(s.substring(0, slash));
        int prefix = digits(s.substring(slash + 1).trim(), 3);
        int bits = base == null ? 0 : base.v6 ? 128 : 32;
        if (base == null || prefix < 0 || prefix > bits) {
            return null;
        }
        int host = bits - prefix;
        long hiMask = host > 64 ? (host >= 128 ? -1L : -1L >>> (128 - host)) : 0L;
        long loMask = host >= 64 ? -1L : host == 0 ? 0L : -1L >>> (64 - host);
        IpAddress first = new IpAddress(base.v6, base.hi & ~hiMask, base.lo & ~loMask);
        IpAddress last = new IpAddress(base.v6, base.hi | hiMask, base.lo | loMask);
        return new IpAddress[]{first, last};
    }

    /** Orders within a family, IPv4 before IPv6. */
    @Override
    public int compareTo(IpAddress o) {
        if (v6 != o.v6) {
            return v6 ? 1 : -1;
        }
        int c = Long.compareUnsigned(hi, o.hi);
        return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
    }

    /** Whether this address lies in [{@code first}, {@code last}], both of its family. */
    public boolean within(IpAddress first, IpAddress last) {
        return v6 == first.v6 && compareTo(first) >= 0 && compareTo(last) <= 0;
    }

    @Override
    public String toString() {
        if (!v6) {
            return (lo >>> 24 & 0xff) + "." + (lo >>> 16 & 0xff) + "." + (lo >>> 8 & 0xff) + "." + (lo & 0xff);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            long word = i < 4 ? hi : lo;
            b.append(i == 0 ? "" : ":").append(Long.toHexString(word >>> (48 - 16 * (i % 4)) & 0xffff));
        }
        return b.toString();
    }

    /** The IPv4 address as a number, or -1. */
    private static long parseV4(String s) {
        long v = 0;
        int parts = 0;
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '.') {
                int octet = digits(s.substring(start, i), 3);
                if (octet < 0 || octet > 255) {
                    return -1;
                }
                v = v << 8 | octet;
                parts++;
                start = i + 1;
            }
        }
        return parts == 4 ? v : -1;
    }

    private static IpAddress parseV6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = words(gap < 0 ? s : s.substring(0, gap), gap < 0);
        int[] tail = gap < 0 ? new int[0] : words(s.substring(gap + 2), true);
        if (head == null || tail == null || (gap < 0 ? head.length != 8 : head.length + tail.length > 7)) {
            return null;
        }
        int[] full = new int[8];
        System.arraycopy(head, 0, full, 0, head.length);
        System.arraycopy(tail, 0, full, 8 - tail.length, tail.length);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 4; i++) {
            hi = hi << 16 | full[i];
            lo = lo << 16 | full[i + 4];
        }
        if (hi == 0 && lo >>> 32 == 0xffffL) {
            return new IpAddress(false, 0, lo & 0xffff_ffffL); // IPv4-mapped
        }
        return new IpAddress(true, hi, lo);
    }

    /** The 16-bit words of colon-separated hex groups, the last possibly a dotted IPv4; null if malformed. */
    private static int[] words(String part, boolean mayEndWithV4) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] groups = part.split(":", -1);
        int[] out = new int[groups.length + 1];
        int n = 0;
        for (int i = 0; i < groups.length; i++) {
            if (mayEndWithV4 && i == groups.length - 1 && groups[i].indexOf('.') >= 0) {
                long v4 = parseV4(groups[i]);
                if (v4 < 0) {
                    return null;
                }
                out[n++] = (int) (v4 >>> 16);
                out[n++] = (int) (v4 & 0xffff);
            } else {
                int w = hex(groups[i]);
                if (w < 0) {
                    return null;
                }
                out[n++] = w;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static int hex(String p) {
        if (p.isEmpty() || p.length() > 4) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < p.length(); i++) {
            int d = Character.digit(p.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    /** A non-negative decimal of at most {@code max} digits, or -1. */
    private static int digits(String p, int max) {
        if (p.isEmpty() || p.length() > max) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
