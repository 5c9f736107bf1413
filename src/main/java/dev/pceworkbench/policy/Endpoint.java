package dev.pceworkbench.policy;

/**
 * One end of a checked connection: a workload (by href; matched through its labels, its href,
 * its interface addresses and the virtual services bound to it) or an IP address outside the
 * managed estate (matched by IP lists only).
 */
public record Endpoint(String workloadHref, IpAddress ip) {
    public Endpoint {
        if ((workloadHref == null) == (ip == null)) {
            throw new IllegalArgumentException("An endpoint is either a workload href or an IP address");
        }
    }

    public static Endpoint workload(String href) {
        return new Endpoint(href, null);
    }

    /** An address; throws {@link IllegalArgumentException} when {@code ip} is not an IP literal. */
    public static Endpoint ip(String ip) {
        return new Endpoint(null, IpAddress.parse(ip));
    }

    public boolean isWorkload() {
        return workloadHref != null;
    }

    @Override
    public String toString() {
        return isWorkload() ? workloadHref : ip.toString();
    }
}
