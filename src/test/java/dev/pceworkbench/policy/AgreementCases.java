package dev.pceworkbench.policy;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.IpList;
import dev.pceworkbench.pce.model.IpRange;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.ScopeEntry;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.pce.model.Service;
import dev.pceworkbench.pce.model.ServiceBinding;
import dev.pceworkbench.pce.model.ServicePort;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.pce.model.WorkloadInterface;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates policy-check tuples and rule searches from one version's data, for comparing the
 * engine with another evaluator. Half the tuples are aimed at a random rule (a provider and a
 * consumer its actors and scope name, a port of its services) so that many are allowed; the rest
 * are random, with addresses in, at the edges of and just outside IP-list ranges, ports at and
 * beyond range ends, and port-less protocols. Seeded: the same data and seed give the same cases.
 */
public final class AgreementCases {
    /** One connection to check. */
    public record Tuple(Endpoint consumer, Endpoint provider, PortRange service) {
    }

    final Random rnd;
    final PolicyData data;
    final List<SecRule> rules = new ArrayList<>();
    final Map<SecRule, RuleSet> ruleSetOf = new HashMap<>();
    final Map<String, List<Workload>> byLabel = new HashMap<>();
    final Map<String, LabelGroup> groups = new HashMap<>();
    final Map<String, IpList> ipLists = new HashMap<>();
    final Map<String, Service> services = new HashMap<>();
    final Map<String, List<String>> boundTo = new HashMap<>();
    final Map<String, VirtualService> virtualServices = new HashMap<>();
    final List<String> ips = new ArrayList<>();
    final List<PortRange> ports = new ArrayList<>();

    public AgreementCases(PolicyData data, long seed) {
        this.rnd = new Random(seed);
        this.data = data;
        for (RuleSet rs : data.ruleSets()) {
            for (SecRule r : rs.rules()) {
                rules.add(r);
                ruleSetOf.put(r, rs);
            }
        }
        for (Workload w : data.workloads()) {
            for (Href l : w.labels()) {
                byLabel.computeIfAbsent(l.href(), k -> new ArrayList<>()).add(w);
            }
            for (WorkloadInterface i : w.interfaces()) {
                if (i.address() != null) {
                    ips.add(i.address());
                }
            }
        }
        data.labelGroups().forEach(g -> groups.put(Hrefs.neutral(g.href()), g));
        data.ipLists().forEach(l -> ipLists.put(Hrefs.neutral(l.href()), l));
        data.services().forEach(s -> services.put(Hrefs.neutral(s.href()), s));
        data.virtualServices().forEach(v -> virtualServices.put(Hrefs.neutral(v.href()), v));
        for (ServiceBinding b : data.serviceBindings()) {
            boundTo.computeIfAbsent(Hrefs.neutral(b.virtualService().href()), k -> new ArrayList<>())
                    .add(b.workload().href());
        }
        for (IpList l : data.ipLists()) {
            for (IpRange r : l.ipRanges()) {
                IpAddress[] block = IpAddress.block(r.fromIp());
                if (block == null) {
                    continue;
                }
                IpAddress last = r.toIp() != null ? IpAddress.parse(r.toIp()) : block[1];
                ips.add(block[0].toString());
                ips.add(last.toString());
                ips.add(next(last, 1).toString());
                ips.add(next(block[0], -1).toString());
                ips.add(next(block[0], 7).toString());
            }
        }
        ips.addAll(List.of("8.8.8.8", "203.0.113.9", "198.51.100.30", "198.51.100.200", "10.250.3.4", "2001:db8::80",
                "2001:db8::100", "fd12::1", "2001:db9::1", "100.64.10.5", "0.0.0.0", "255.255.255.255"));
        for (Service s : data.services()) {
            s.servicePorts().forEach(p -> ports.add(PortRange.of(p.proto(), p.port(), p.toPort())));
        }
        for (SecRule r : rules) {
            for (IngressService s : r.ingressServices()) {
                if (!s.serviceRef()) {
                    ports.add(PortRange.of(s.proto(), s.port(), s.toPort()));
                }
            }
        }
    }

    private static IpAddress next(IpAddress a, long d) {
        if (!a.v6()) {
            return new IpAddress(false, 0, Math.max(0, Math.min(0xffff_ffffL, a.lo() + d)));
        }
        long lo = a.lo() + d;
        long hi = a.hi() + (d > 0 && Long.compareUnsigned(lo, a.lo()) < 0 ? 1 : d < 0 && Long.compareUnsigned(lo, a.lo()) > 0 ? -1 : 0);
        return new IpAddress(true, hi, lo);
    }

    <T> T pick(List<T> l) {
        return l.get(rnd.nextInt(l.size()));
    }

    public Tuple tuple() {
        return rnd.nextBoolean() ? aimed() : random();
    }

    Tuple random() {
        Endpoint consumer = rnd.nextInt(10) < 6 ? Endpoint.workload(pick(data.workloads()).href()) : Endpoint.ip(pick(ips));
        Endpoint provider;
        int k = rnd.nextInt(10);
        if (k < 2 && !boundTo.isEmpty()) {
            provider = Endpoint.workload(pick(pick(new ArrayList<>(boundTo.values()))));
        } else if (k < 7) {
            provider = Endpoint.workload(pick(data.workloads()).href());
        } else {
            provider = Endpoint.ip(pick(ips));
        }
        return new Tuple(consumer, provider, service(pick(ports)));
    }

    /** A tuple aimed at a random rule: ends its actors and scope name, a port its services cover. */
    Tuple aimed() {
        SecRule r = pick(rules);
        RuleSet rs = ruleSetOf.get(r);
        List<ScopeEntry> scope = rs.scopes().isEmpty() ? List.of() : pick(rs.scopes());
        Endpoint provider = end(r.providers().isEmpty() ? Actor.allWorkloads() : pick(r.providers()), scope, true);
        boolean intra = !Boolean.TRUE.equals(r.unscopedConsumers());
        Endpoint consumer = end(r.consumers().isEmpty() ? Actor.allWorkloads() : pick(r.consumers()),
                intra ? scope : List.of(), false);
        List<PortRange> svc = new ArrayList<>();
        for (IngressService s : r.ingressServices()) {
            if (s.serviceRef()) {
                Service service = services.get(Hrefs.neutral(s.href()));
                if (service != null) {
                    service.servicePorts().forEach(p -> svc.add(PortRange.of(p.proto(), p.port(), p.toPort())));
                }
            } else {
                svc.add(PortRange.of(s.proto(), s.port(), s.toPort()));
            }
        }
        for (Actor a : r.providers()) {
            VirtualService vs = a.virtualService() == null ? null : virtualServices.get(Hrefs.neutral(a.virtualService().href()));
            if (vs != null && svc.isEmpty()) {
                for (ServicePort p : vs.servicePorts()) {
                    PortRange e = PortRange.of(p.proto(), p.port(), p.toPort());
                    svc.add(e);
                    svc.add(new PortRange(e.proto(), e.from() + 10000, e.to() + 10000)); // the overridden binding
                }
            }
        }
        return new Tuple(consumer, provider, service(svc.isEmpty() ? pick(ports) : pick(svc)));
    }

    private Endpoint end(Actor a, List<ScopeEntry> scope, boolean provider) {
        if (a.workload() != null) {
            return Endpoint.workload(a.workload().href());
        }
        if (a.virtualService() != null) {
            List<String> bound = boundTo.get(Hrefs.neutral(a.virtualService().href()));
            return Endpoint.workload(bound == null ? pick(data.workloads()).href() : pick(bound));
        }
        if (a.ipList() != null) {
            IpList l = ipLists.get(Hrefs.neutral(a.ipList().href()));
            List<IpRange> ranges = l == null ? List.of() : l.ipRanges().stream().filter(x -> !Boolean.TRUE.equals(x.exclusion())).toList();
            if (!ranges.isEmpty()) {
                IpAddress[] b = IpAddress.block(pick(ranges).fromIp());
                if (b != null) {
                    return Endpoint.ip(next(b[0], rnd.nextInt(3)).toString());
                }
            }
            return Endpoint.ip(pick(ips));
        }
        List<String> want = new ArrayList<>();
        for (ScopeEntry e : scope) {
            String label = e.label() != null ? e.label().href() : e.labelGroup() != null ? member(e.labelGroup().href()) : null;
            if (label != null && !Boolean.TRUE.equals(e.exclusion())) {
                want.add(label);
            }
        }
        if (a.label() != null) {
            want.add(a.label().href());
        } else if (a.labelGroup() != null) {
            String m = member(a.labelGroup().href());
            if (m != null) {
                want.add(m);
            }
        }
        return Endpoint.workload(withLabels(want).href());
    }

    /** A random label of a group, through sub-groups. */
    private String member(String groupHref) {
        LabelGroup g = groups.get(Hrefs.neutral(groupHref));
        for (int depth = 0; g != null && depth < 5; depth++) {
            int n = g.labels().size() + g.subGroups().size();
            if (n == 0) {
                return null;
            }
            int i = rnd.nextInt(n);
            if (i < g.labels().size()) {
                return g.labels().get(i).href();
            }
            g = groups.get(Hrefs.neutral(g.subGroups().get(i - g.labels().size()).href()));
        }
        return null;
    }

    private Workload withLabels(List<String> want) {
        List<Workload> best = null;
        for (String l : want) {
            List<Workload> ws = byLabel.getOrDefault(l, List.of());
            if (best == null || ws.size() < best.size()) {
                best = ws;
            }
        }
        if (best == null) {
            return pick(data.workloads());
        }
        List<Workload> fit = best.stream().filter(w -> want.stream()
                .allMatch(l -> w.labels().stream().anyMatch(h -> h.href().equals(l)))).toList();
        return fit.isEmpty() ? pick(data.workloads()) : pick(fit);
    }

    /** A connection's service from a rule entry: a port at or near its range, or a protocol without ports. */
    PortRange service(PortRange e) {
        int k = rnd.nextInt(20);
        if (k == 0) {
            return PortRange.protocol(new int[]{PortRange.ICMP, PortRange.GRE, PortRange.IPIP, PortRange.ICMPV6, 50}[rnd.nextInt(5)]);
        }
        if (e.proto() == -1 || (e.from() < 0 && (e.proto() == PortRange.TCP || e.proto() == PortRange.UDP))) {
            int proto = e.proto() == -1 ? (rnd.nextBoolean() ? PortRange.TCP : PortRange.UDP) : e.proto();
            return PortRange.of(proto, rnd.nextInt(65536));
        }
        if (e.from() < 0) {
            return PortRange.protocol(e.proto());
        }
        int proto = k == 1 ? (e.proto() == PortRange.TCP ? PortRange.UDP : PortRange.TCP) : e.proto();
        int port = switch (rnd.nextInt(6)) {
            case 0 -> e.to();
            case 1 -> e.from() + rnd.nextInt(e.to() - e.from() + 1);
            case 2 -> Math.max(0, e.from() - 1);
            case 3 -> Math.min(65535, e.to() + 1);
            default -> e.from();
        };
        return PortRange.of(proto, port);
    }

    /** A rule search in both forms: the engine's query and the PCE's {@code rule_search} body. */
    public record Search(RuleSearch query, Map<String, Object> body) {
    }

    public Search search() {
        RuleSearch.Builder q = RuleSearch.builder();
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        boolean deep = rnd.nextBoolean();
        if (deep) {
            q.resolveActors(true);
            body.put("resolve_actors", true);
        }
        int criteria = 0;
        while (criteria == 0) {
            if (rnd.nextInt(10) < 6) {
                criteria++;
                List<Map<String, Object>> items = new ArrayList<>();
                for (int i = 0, n = 1 + rnd.nextInt(2); i < n; i++) {
                    if (rnd.nextInt(5) == 0 && !services.isEmpty()) {
                        String href = pick(data.services()).href();
                        q.service(href);
                        items.add(Map.of("href", href));
                    } else {
                        PortRange e = pick(ports);
                        PortRange c = service(e);
                        int to = c.from() >= 0 && rnd.nextInt(4) == 0 ? Math.min(65535, c.from() + rnd.nextInt(200)) : c.from();
                        Map<String, Object> item = new java.util.LinkedHashMap<>();
                        if (c.from() >= 0 && rnd.nextInt(8) != 0) {
                            item.put("port", c.from());
                            if (to != c.from()) {
                                item.put("to_port", to);
                            }
                        } else {
                            to = -1;
                        }
                        int proto = rnd.nextInt(8) == 0 ? -1 : c.proto();
                        if (proto != -1 || rnd.nextBoolean()) {
                            item.put("proto", proto);
                        }
                        if (item.isEmpty()) {
                            item.put("proto", -1);
                        }
                        int from = item.containsKey("port") ? c.from() : -1;
                        q.port(new PortRange(proto, from, from < 0 ? -1 : to));
                        items.add(item);
                    }
                }
                body.put("ingress_services", items);
            }
            for (String side : List.of("providers", "consumers", "providers_or_consumers")) {
                if (rnd.nextInt(10) < 3) {
                    criteria++;
                    List<Map<String, Object>> actors = new ArrayList<>();
                    for (int i = 0, n = 1 + rnd.nextInt(2); i < n; i++) {
                        Actor a = actor();
                        actors.add(json(a));
                        switch (side) {
                            case "providers" -> q.provider(a);
                            case "consumers" -> q.consumer(a);
                            default -> q.providerOrConsumer(a);
                        }
                    }
                    body.put(side, actors);
                }
            }
            if (rnd.nextInt(12) == 0) {
                criteria++;
                String d = pick(List.of("change", "monitor", "REVIEWED", "temporary", "ssh", "portal", "zzz"));
                q.description(d);
                body.put("description", d);
            }
        }
        if (rnd.nextInt(5) == 0) {
            boolean e = rnd.nextInt(4) != 0;
            q.enabled(e);
            body.put("enabled", e);
        }
        return new Search(q.build(), body);
    }

    /** An actor to search for: mostly one that rules name, sometimes any object of its kind. */
    Actor actor() {
        int k = rnd.nextInt(10);
        if (k < 5) {
            SecRule r = pick(rules);
            List<Actor> side = rnd.nextBoolean() ? r.providers() : r.consumers();
            if (!side.isEmpty()) {
                return pick(side);
            }
        }
        return switch (k % 6) {
            case 0 -> Actor.label(pick(data.labels()).href());
            case 1 -> Actor.labelGroup(pick(data.labelGroups()).href());
            case 2 -> Actor.workload(pick(data.workloads()).href());
            case 3 -> Actor.ipList(pick(data.ipLists()).href());
            case 4 -> data.virtualServices().isEmpty() ? Actor.allWorkloads() : Actor.virtualService(pick(data.virtualServices()).href());
            default -> Actor.allWorkloads();
        };
    }

    static Map<String, Object> json(Actor a) {
        if (a.allWorkloadsActor()) {
            return Map.of("actors", "ams");
        }
        return Map.of(a.kind(), Map.of("href", a.ref().href()));
    }
}
