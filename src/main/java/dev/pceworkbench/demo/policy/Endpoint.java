package dev.pceworkbench.demo.policy;

/**
 * One end of a connection: a workload of the {@link PolicyModel} (by index, with all its interface
 * addresses) or an address outside the managed estate.
 */
public record Endpoint(int workload, IpAddress ip) {
    public static Endpoint workload(int index) {
        return new Endpoint(index, null);
    }

    public static Endpoint external(IpAddress ip) {
        return new Endpoint(-1, ip);
    }

    public boolean isWorkload() {
        return workload >= 0;
    }
}
