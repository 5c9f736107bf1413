package dev.pceworkbench.demo.traffic;

import dev.pceworkbench.demo.policy.IpAddress;

import java.time.Instant;

/**
 * The demo's traffic history, stored column-wise in primitive arrays so that 200,000 flows cost a
 * few megabytes instead of the hundreds a JSON tree per flow would. An endpoint is an int: a
 * non-negative value indexes the workload table (hrefs and the address the workload used), a
 * negative value {@code -(i + 1)} indexes the external address table. Workloads are referred to by
 * href, so a flow still renders (as a bare address) after its workload is deleted. Times are
 * seconds after {@link #windowStart()}. Immutable once built by {@link FlowGenerator}.
 */
public final class FlowStore {
    /** Flow states as the PCE names them, indexed by {@link #state}. */
    static final String[] STATES = {"closed", "active", "timed out"};

    final Instant windowStart;
    final String[] workloadHrefs;
    final IpAddress[] workloadIps;
    final IpAddress[] externalIps;
    final int[] src;
    final int[] dst;
    final char[] port;
    final byte[] proto;
    final int[] connections;
    final int[] firstSeen;
    final int[] lastSeen;
    final byte[] state;
    final int[] bytesIn;
    final int[] bytesOut;
    /** Index into {@link #processes}/{@link #users}, or -1 when the process is unknown. */
    final short[] process;
    final String[] processes;
    final String[] users;
    /** True when the destination reported the flow (a managed workload): "inbound", else "outbound". */
    final boolean[] inbound;

    FlowStore(Instant windowStart, String[] workloadHrefs, IpAddress[] workloadIps, IpAddress[] externalIps, int n,
              String[] processes, String[] users) {
        this.windowStart = windowStart;
        this.workloadHrefs = workloadHrefs;
        this.workloadIps = workloadIps;
        this.externalIps = externalIps;
        this.src = new int[n];
        this.dst = new int[n];
        this.port = new char[n];
        this.proto = new byte[n];
        this.connections = new int[n];
        this.firstSeen = new int[n];
        this.lastSeen = new int[n];
        this.state = new byte[n];
        this.bytesIn = new int[n];
        this.bytesOut = new int[n];
        this.process = new short[n];
        this.inbound = new boolean[n];
        this.processes = processes;
        this.users = users;
    }

    public int size() {
        return src.length;
    }

    /** The start of the 30-day window the flows lie in. */
    public Instant windowStart() {
        return windowStart;
    }

    /** The address an endpoint used: the workload's address or the external one. */
    IpAddress ip(int endpoint) {
        return endpoint >= 0 ? workloadIps[endpoint] : externalIps[-endpoint - 1];
    }

    Instant first(int flow) {
        return windowStart.plusSeconds(firstSeen[flow]);
    }

    Instant last(int flow) {
        return windowStart.plusSeconds(lastSeen[flow]);
    }

    int port(int flow) {
        return port[flow];
    }

    /** The process that served the flow, or null when unknown. */
    String processName(int flow) {
        return process[flow] < 0 ? null : processes[process[flow]];
    }

    /**
     * The Windows service behind the flow's process, as a Windows VEN reports it: Remote Desktop
     * (TermService) in svchost.exe on 3389, SQL Server (MSSQLSERVER), the SNMP service; null otherwise.
     */
    String windowsService(int flow) {
        String p = processName(flow);
        if (p == null || !p.endsWith(".exe")) {
            return null;
        }
        return switch (p) {
            case "svchost.exe" -> port(flow) == 3389 ? "TermService" : null;
            case "sqlservr.exe" -> "MSSQLSERVER";
            case "snmp.exe" -> "SNMP";
            case "lsass.exe" -> "NTDS";
            default -> null;
        };
    }

    int proto(int flow) {
        return proto[flow] & 0xff;
    }
}
