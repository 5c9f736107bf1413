package dev.pceworkbench.pce.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A policy check, {@code GET /orgs/{org}/sec_policy/{version}/allow}: which rules of a policy
 * version allow traffic from a source to a destination. Each side is a workload (its href, sent as
 * {@code src_workload} / {@code dst_workload}) or an address outside the PCE ({@code src_external_ip}
 * / {@code dst_external_ip}); the traffic is a {@code protocol} (IANA number: 6 TCP, 17 UDP, 1 ICMP)
 * with a {@code port} (required for TCP and UDP), or the ports of a {@code service} href. Not a
 * JSON body but query parameters: {@link #queryParameters()} gives them in the PCE's names.
 *
 * @param srcWorkload   the source workload's href, or null when {@code srcExternalIp} is given
 * @param srcExternalIp the source IP address, or null when {@code srcWorkload} is given
 * @param dstWorkload   the destination workload's href, or null when {@code dstExternalIp} is given
 * @param dstExternalIp the destination IP address, or null when {@code dstWorkload} is given
 * @param protocol      the IANA protocol number, or null when a service names the ports
 * @param port          the port, or null (protocols without ports, or a service)
 * @param service       a service href whose ports are checked, or null
 */
public record PolicyCheckRequest(String srcWorkload, String srcExternalIp, String dstWorkload, String dstExternalIp,
                                 Integer protocol, Integer port, String service) {

    public PolicyCheckRequest {
        if ((srcWorkload == null) == (srcExternalIp == null)) {
            throw new IllegalArgumentException("A policy check needs exactly one source: a workload href or an external IP");
        }
        if ((dstWorkload == null) == (dstExternalIp == null)) {
            throw new IllegalArgumentException("A policy check needs exactly one destination: a workload href or an external IP");
        }
        if (protocol == null && service == null) {
            throw new IllegalArgumentException("A policy check needs a protocol (and port) or a service href");
        }
    }

    /** A source, either side: a workload href or an IP address. */
    public record Side(String workload, String externalIp) {
        public static Side workload(String href) {
            return new Side(Objects.requireNonNull(href, "workload href"), null);
        }

        public static Side externalIp(String ip) {
            return new Side(null, Objects.requireNonNull(ip, "IP address"));
        }
    }

    /** Traffic from {@code src} to {@code dst} on {@code protocol}, at {@code port} (null when it has no ports). */
    public static PolicyCheckRequest of(Side src, Side dst, int protocol, Integer port) {
        return new PolicyCheckRequest(src.workload(), src.externalIp(), dst.workload(), dst.externalIp(), protocol, port, null);
    }

    /** Traffic from {@code src} to {@code dst} on the ports of the service {@code serviceHref}. */
    public static PolicyCheckRequest ofService(Side src, Side dst, String serviceHref) {
        return new PolicyCheckRequest(src.workload(), src.externalIp(), dst.workload(), dst.externalIp(), null, null,
                Objects.requireNonNull(serviceHref, "service href"));
    }

    /** The query parameters, in the PCE's names and order (absent ones left out). */
    public Map<String, Object> queryParameters() {
        Map<String, Object> q = new LinkedHashMap<>();
        put(q, "src_workload", srcWorkload);
        put(q, "src_external_ip", srcExternalIp);
        put(q, "dst_workload", dstWorkload);
        put(q, "dst_external_ip", dstExternalIp);
        put(q, "protocol", protocol);
        put(q, "port", port);
        put(q, "service", service);
        return q;
    }

    private static void put(Map<String, Object> q, String name, Object value) {
        if (value != null) {
            q.put(name, value);
        }
    }
}
