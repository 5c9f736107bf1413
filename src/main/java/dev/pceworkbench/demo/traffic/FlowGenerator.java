package dev.pceworkbench.demo.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.policy.IpAddress;
import dev.pceworkbench.demo.store.DemoState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates the traffic history from the org's workloads, deterministically from a seed and the
 * data set: mostly tier-to-tier traffic inside an application deployment on the ports the
 * destination listens on (its {@code services.open_service_ports}: 443 to web, 5432 to databases,
 * ...), plus cross-application calls, SNMP polling (161/udp) from monitoring hosts, DNS (53/udp)
 * to the DNS servers, SSH or RDP from jump hosts, connections from offices, VPN users, partners
 * and the internet, and outbound calls to external services. Flows lie in the 30 days before
 * {@link #windowEnd}, the end of today, so the same data set always shows the same traffic, dated recently.
 */
public final class FlowGenerator {
    /**
     * The end of the traffic window: the end of the current UTC day by the state's clock, so that
     * "the last 30 days" always holds traffic. The flows' offsets inside the window are fixed by
     * the seed; only the window moves with the calendar.
     */
    public static Instant windowEnd(DemoState state) {
        return state.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(java.time.Duration.ofDays(1));
    }
    static final int WINDOW_SECONDS = (int) Duration.ofDays(30).toSeconds();

    private record Port(int port, int proto, String process, String user) {
    }

    private record Wl(String href, IpAddress ip, String role, String deployment, boolean managed, boolean windows,
                      List<Port> ports) {
    }

    private static final Port SNMP = new Port(161, 17, "snmpd", "root");
    private static final Port DNS = new Port(53, 17, "named", "named");
    private static final Port HTTPS = new Port(443, 6, null, null);

    private final Random rnd;
    private final List<Wl> wls = new ArrayList<>();
    private final Map<String, List<Integer>> byRole = new HashMap<>();
    private final Map<String, List<Integer>> byDeployment = new HashMap<>();
    private final Map<String, Integer> externalIndex = new LinkedHashMap<>();
    private final Map<String, Short> processIndex = new LinkedHashMap<>();

    private FlowGenerator(long seed) {
        this.rnd = new Random(seed);
    }

    /**
     * How many flows a data set gets: 5,000 for the small one, 240,000 for the large one (more than
     * a query's 200,000 limit, so the limit and splitting past it are real).
     */
    static int flowCount(int workloads) {
        return workloads == 0 ? 0 : Math.min(240_000, Math.max(5_000, workloads * 24 / 5));
    }

    /** Builds the flows of the current org (call under the state's read lock). */
    public static FlowStore generate(DemoState state, long seed) {
        return new FlowGenerator(seed).build(state);
    }

    private FlowStore build(DemoState state) {
        Map<String, ObjectNode> labels = new HashMap<>();
        state.collection("labels").all().forEach(l -> labels.put(l.path("href").asText(), l));
        for (ObjectNode w : state.collection("workloads").all()) {
            IpAddress ip = address(w);
            if (ip == null) {
                continue; // a workload without an address never shows in traffic
            }
            String role = "";
            StringBuilder deployment = new StringBuilder();
            for (JsonNode ref : w.path("labels")) {
                ObjectNode l = labels.get(ref.path("href").asText());
                if (l == null) {
                    continue;
                }
                String key = l.path("key").asText();
                if (key.equals("role")) {
                    role = l.path("value").asText();
                } else if (key.equals("app") || key.equals("env") || key.equals("loc")) {
                    deployment.append(key).append('=').append(l.path("value").asText()).append(';');
                }
            }
            List<Port> ports = new ArrayList<>();
            for (JsonNode p : w.path("services").path("open_service_ports")) {
                if (p.path("port").isIntegralNumber()) {
                    ports.add(new Port(p.path("port").asInt(), p.path("protocol").asInt(6),
                            p.path("process_name").textValue(), p.path("user").textValue()));
                }
            }
            int index = wls.size();
            wls.add(new Wl(w.path("href").asText(), ip, role, deployment.toString(), w.path("ven").has("href"),
                    w.path("os_id").asText("").contains("win"), ports));
            byRole.computeIfAbsent(role, k -> new ArrayList<>()).add(index);
            byDeployment.computeIfAbsent(deployment.toString(), k -> new ArrayList<>()).add(index);
        }
        int n = flowCount(wls.size());
        int[][] endpoints = new int[2][n];
        Port[] services = new Port[n];
        for (int i = 0; i < n; i++) {
            flow(i, endpoints, services);
        }
        return fill(n, endpoints, services, windowEnd(state));
    }

    /** Picks source, destination and service of flow {@code i}. */
    private void flow(int i, int[][] endpoints, Port[] services) {
        int kind = rnd.nextInt(100);
        int dst = rnd.nextInt(wls.size());
        int src;
        Port service;
        if (kind < 55) {
            src = pick(byDeployment.get(wls.get(dst).deployment()));
            service = listening(dst, true);
        } else if (kind < 68) {
            src = rnd.nextInt(wls.size());
            service = listening(dst, false);
        } else if (kind < 75) {
            src = pick(byRole.get("Monitoring"));
            service = own(dst, SNMP);
        } else if (kind < 80) {
            src = rnd.nextInt(wls.size());
            dst = pick(byRole.get("DNS"), dst);
            service = own(dst, DNS);
        } else if (kind < 84) {
            src = pick(byRole.get("Jump"));
            service = own(dst, wls.get(dst).windows() ? new Port(3389, 6, "svchost.exe", "NETWORK SERVICE")
                    : new Port(22, 6, "sshd", "root"));
        } else if (kind < 94) {
            src = inboundExternal();
            List<Integer> front = new ArrayList<>(byRole.getOrDefault("Web", List.of()));
            front.addAll(byRole.getOrDefault("LB", List.of()));
            dst = pick(front, dst);
            service = src == external("10.5.1.10") ? own(dst, new Port(22, 6, "sshd", "root")) : own(dst, HTTPS);
        } else {
            src = rnd.nextInt(wls.size());
            boolean dns = rnd.nextInt(4) == 0;
            dst = dns ? external("192.0.2.53") : external("198.51.100." + (130 + rnd.nextInt(60)));
            service = dns ? new Port(53, 17, null, null) : HTTPS;
        }
        if (src == dst) {
            src = (src + 1) % wls.size();
        }
        endpoints[0][i] = src;
        endpoints[1][i] = dst;
        services[i] = service;
    }

    private FlowStore fill(int n, int[][] endpoints, Port[] services, Instant windowEnd) {
        for (Port p : services) {
            if (p.process() != null) {
                processIndex.putIfAbsent(p.process() + "\u0000" + p.user(), (short) processIndex.size());
            }
        }
        String[] procs = new String[processIndex.size()];
        String[] users = new String[processIndex.size()];
        processIndex.forEach((k, v) -> {
            String[] pu = k.split("\u0000", 2);
            procs[v] = pu[0];
            users[v] = "null".equals(pu[1]) ? null : pu[1];
        });
        String[] hrefs = wls.stream().map(Wl::href).toArray(String[]::new);
        IpAddress[] ips = wls.stream().map(Wl::ip).toArray(IpAddress[]::new);
        IpAddress[] ext = externalIndex.keySet().stream().map(IpAddress::parse).toArray(IpAddress[]::new);
        FlowStore s = new FlowStore(windowEnd.minusSeconds(WINDOW_SECONDS), hrefs, ips, ext, n, procs, users);
        for (int i = 0; i < n; i++) {
            Port p = services[i];
            s.src[i] = endpoints[0][i];
            s.dst[i] = endpoints[1][i];
            s.port[i] = (char) p.port();
            s.proto[i] = (byte) p.proto();
            s.process[i] = p.process() == null ? -1 : processIndex.get(p.process() + "\u0000" + p.user());
            int conns = 1 + (int) Math.min(5_000, -Math.log(1 - rnd.nextDouble()) * 25);
            s.connections[i] = conns;
            int first = rnd.nextInt(WINDOW_SECONDS - 60);
            int length = (int) Math.min(WINDOW_SECONDS - 1 - first, -Math.log(1 - rnd.nextDouble()) * 6 * 3600);
            s.firstSeen[i] = first;
            s.lastSeen[i] = first + length;
            s.state[i] = (byte) (first + length > WINDOW_SECONDS - 900 ? 1 : rnd.nextInt(25) == 0 ? 2 : 0);
            s.bytesIn[i] = (int) Math.min(Integer.MAX_VALUE, (long) conns * (300 + rnd.nextInt(40_000)));
            s.bytesOut[i] = (int) Math.min(Integer.MAX_VALUE, (long) conns * (200 + rnd.nextInt(4_000)));
            s.inbound[i] = s.dst[i] >= 0 && wls.get(s.dst[i]).managed();
        }
        return s;
    }

    /** A random port the destination listens on; management ports (SSH, RDP, SNMP) only if asked or if nothing else. */
    private Port listening(int dst, boolean skipManagement) {
        List<Port> ports = wls.get(dst).ports();
        List<Port> app = new ArrayList<>();
        for (Port p : ports) {
            if (!skipManagement || (p.port() != 22 && p.port() != 3389 && p.port() != 161)) {
                app.add(p);
            }
        }
        if (app.isEmpty()) {
            app = ports;
        }
        return app.isEmpty() ? HTTPS : app.get(rnd.nextInt(app.size()));
    }

    /** The destination's own listener for {@code wanted}'s port (with its process), else {@code wanted}. */
    private Port own(int dst, Port wanted) {
        if (dst < 0) {
            return wanted;
        }
        for (Port p : wls.get(dst).ports()) {
            if (p.port() == wanted.port() && p.proto() == wanted.proto()) {
                return p;
            }
        }
        return wanted;
    }

    private int inboundExternal() {
        int k = rnd.nextInt(10);
        String ip = switch (k) {
            case 0, 1 -> "172.20.10." + (10 + rnd.nextInt(240));
            case 2, 3 -> "172.20.20." + (10 + rnd.nextInt(240));
            case 4, 5 -> "10.200." + rnd.nextInt(8) + "." + (10 + rnd.nextInt(240));
            case 6 -> "198.51.100." + (10 + rnd.nextInt(41));
            case 7 -> "10.5.1.10";
            default -> "203.0.113." + (1 + rnd.nextInt(199));
        };
        return external(ip);
    }

    private int external(String ip) {
        return -externalIndex.computeIfAbsent(ip, k -> externalIndex.size()) - 1;
    }

    private int pick(List<Integer> candidates) {
        return pick(candidates, rnd.nextInt(wls.size()));
    }

    private int pick(List<Integer> candidates, int fallback) {
        return candidates == null || candidates.isEmpty() ? fallback : candidates.get(rnd.nextInt(candidates.size()));
    }

    private static IpAddress address(ObjectNode w) {
        IpAddress any = null;
        for (JsonNode itf : w.path("interfaces")) {
            IpAddress a = IpAddress.parseOrNull(itf.path("address").asText(null));
            if (a != null && !a.v6()) {
                return a;
            }
            any = any == null ? a : any;
        }
        return any != null ? any : IpAddress.parseOrNull(w.path("public_ip").asText(null));
    }
}
