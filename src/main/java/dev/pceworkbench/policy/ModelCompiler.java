package dev.pceworkbench.policy;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.EnforcementBoundary;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.IpList;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.pce.model.ResolveLabelsAs;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a {@link PolicyModel} from {@link PolicyData}. Actor lists and service lists that are
 * equal (most of 200,000 rules repeat a few thousand of them) compile once and are shared.
 */
final class ModelCompiler {
    private final PolicyData data;
    private final Map<String, Integer> labelIds = new HashMap<>();
    private final List<String> labelKeys = new ArrayList<>();
    private final Map<String, LabelGroup> groups = new HashMap<>();
    private final Map<String, int[]> groupMembers = new HashMap<>();
    private final Map<String, Integer> workloadIds = new HashMap<>();
    private final Map<String, Integer> vsIds = new HashMap<>();
    private final Map<String, Integer> ipListIds = new HashMap<>();
    private final Map<String, PortRange[]> servicePorts = new HashMap<>();
    private final Map<String, String> serviceNames = new HashMap<>();
    private final Map<List<Actor>, Side> sides = new HashMap<>();
    private final Map<Same, Side> sidesBySame = new HashMap<>();
    private final Map<Same, RuleServices> servicesBySame = new HashMap<>();
    private final Map<List<IngressService>, RuleServices> servicesByList = new HashMap<>();
    private final Map<String, int[]> interned = new HashMap<>();

    ModelCompiler(PolicyData data) {
        this.data = data;
    }

    PolicyModel build() {
        Label[] labels = data.labels().toArray(new Label[0]);
        for (Label l : labels) {
            labelIds.putIfAbsent(l.href(), labelKeys.size());
            labelKeys.add(l.key());
        }
        for (LabelGroup g : data.labelGroups()) {
            groups.put(Hrefs.neutral(g.href()), g);
        }
        for (String g : groups.keySet()) {
            members(g);
        }
        IpList[] ipLists = data.ipLists().toArray(new IpList[0]);
        IpRanges[] ranges = new IpRanges[ipLists.length];
        for (int i = 0; i < ipLists.length; i++) {
            ipListIds.put(Hrefs.neutral(ipLists[i].href()), i);
            ranges[i] = IpRanges.of(ipLists[i]);
        }
        for (Service s : data.services()) {
            List<PortRange> ports = new ArrayList<>();
            for (ServicePort p : s.servicePorts()) {
                ports.add(PortRange.of(p));
            }
            servicePorts.put(Hrefs.neutral(s.href()), ports.toArray(new PortRange[0]));
            serviceNames.put(Hrefs.neutral(s.href()), s.name() == null ? "" : s.name());
        }
        VirtualService[] vss = data.virtualServices().toArray(new VirtualService[0]);
        int[][] vsLabels = new int[vss.length][];
        PortRange[][] vsPorts = new PortRange[vss.length][];
        for (int i = 0; i < vss.length; i++) {
            vsIds.put(Hrefs.neutral(vss[i].href()), i);
            vsLabels[i] = labelSet(vss[i].labels());
            List<PortRange> ports = new ArrayList<>();
            vss[i].servicePorts().forEach(p -> ports.add(PortRange.of(p)));
            if (vss[i].service() != null && vss[i].service().href() != null) {
                ports.addAll(List.of(servicePorts.getOrDefault(Hrefs.neutral(vss[i].service().href()), new PortRange[0])));
            }
            vsPorts[i] = ports.toArray(new PortRange[0]);
        }
        Workload[] wls = data.workloads().toArray(new Workload[0]);
        int[][] wlLabels = new int[wls.length][];
        IpAddress[][] wlIps = new IpAddress[wls.length][];
        for (int i = 0; i < wls.length; i++) {
            workloadIds.putIfAbsent(wls[i].href(), i);
            wlLabels[i] = labelSet(wls[i].labels());
            List<IpAddress> ips = new ArrayList<>();
            for (WorkloadInterface itf : wls[i].interfaces()) {
                IpAddress a = IpAddress.parseOrNull(itf.address());
                if (a != null) {
                    ips.add(a);
                }
            }
            IpAddress pub = IpAddress.parseOrNull(wls[i].publicIp());
            if (pub != null) {
                ips.add(pub);
            }
            wlIps[i] = ips.toArray(new IpAddress[0]);
        }
        PolicyModel.Binding[][] bindings = bindings(wls.length, vsPorts);

        List<CompiledRuleSet> ruleSets = new ArrayList<>();
        List<CompiledRule> rules = new ArrayList<>();
        for (RuleSet rs : data.ruleSets()) {
            if (rs.pendingDeletion()) {
                continue;
            }
            CompiledRuleSet crs = new CompiledRuleSet(ruleSets.size(), rs, Hrefs.neutral(rs.href()),
                    !Boolean.FALSE.equals(rs.enabled()), scopes(rs.scopes()), rules.size(), rs.rules().size());
            ruleSets.add(crs);
            for (SecRule r : rs.rules()) {
                rules.add(rule(rules.size(), crs, r));
            }
        }
        List<PolicyModel.Boundary> boundaries = new ArrayList<>();
        for (EnforcementBoundary b : data.enforcementBoundaries()) {
            if (b.pendingDeletion()) {
                continue;
            }
            boundaries.add(new PolicyModel.Boundary(b, !Boolean.FALSE.equals(b.enabled()), side(b.providers()),
                    side(b.consumers()), ruleServices(b.ingressServices()).ports));
        }
        return new PolicyModel(data, Map.copyOf(labelIds), labels, Map.copyOf(groups), Map.copyOf(groupMembers),
                containingGroups(), workloadIds, wls, wlLabels, wlIps, bindings, Map.copyOf(vsIds), vss, vsLabels,
                Map.copyOf(ipListIds), ipLists, ranges, ruleSets.toArray(new CompiledRuleSet[0]),
                rules.toArray(new CompiledRule[0]), boundaries.toArray(new PolicyModel.Boundary[0]), serviceNames);
    }

    private CompiledRule rule(int index, CompiledRuleSet rs, SecRule r) {
        ResolveLabelsAs resolve = r.resolveLabelsAs();
        List<String> p = resolve == null ? List.of() : resolve.providers();
        List<String> c = resolve == null ? List.of() : resolve.consumers();
        boolean[] as = {
                resolvesAs(p, ResolveLabelsAs.WORKLOADS, true), resolvesAs(p, ResolveLabelsAs.VIRTUAL_SERVICES, false),
                resolvesAs(c, ResolveLabelsAs.WORKLOADS, true), resolvesAs(c, ResolveLabelsAs.VIRTUAL_SERVICES, false)};
        RuleServices services = ruleServices(r.ingressServices());
        return new CompiledRule(index, rs, r, side(r.providers()), side(r.consumers()), services.ports,
                services.hrefs, as);
    }

    /** A rule's (or a boundary's) services as ports and as the hrefs of the services it names. */
    private record RuleServices(PortRange[] ports, String[] hrefs) {
    }

    /** Compiled once per list: looked up by its elements' identities, then by equality. */
    private RuleServices ruleServices(List<IngressService> list) {
        return servicesBySame.computeIfAbsent(new Same(list), k -> servicesByList.computeIfAbsent(list,
                l -> new RuleServices(ports(l), l.stream().filter(IngressService::serviceRef)
                        .map(s -> Hrefs.neutral(s.href())).distinct().toArray(String[]::new))));
    }

    /** An empty or missing list means the PCE's default: labels resolve as workloads only. */
    private static boolean resolvesAs(List<String> list, String what, boolean whenMissing) {
        return list.isEmpty() ? whenMissing : list.contains(what);
    }

    private PortRange[] ports(List<IngressService> list) {
        List<PortRange> out = new ArrayList<>();
        for (IngressService s : list) {
            if (s.serviceRef()) {
                out.addAll(List.of(servicePorts.getOrDefault(Hrefs.neutral(s.href()), new PortRange[0])));
            } else {
                out.add(PortRange.of(s));
            }
        }
        return out.stream().distinct().toArray(PortRange[]::new);
    }

    private Side side(List<Actor> actors) {
        return sidesBySame.computeIfAbsent(new Same(actors), k -> sides.computeIfAbsent(actors, this::compileSide));
    }

    /**
     * A list as its elements' identities. The parse shares equal value records (actors, services),
     * so most rules' lists hold instances seen in other rules: found this way first, a list costs
     * no hashing or comparing of the records themselves, which walks every component of each and,
     * in a JVM that has not compiled that code yet (a view's first open), made the first build
     * take about twice as long. A miss falls back to the lookup by equality, so equal lists of
     * other instances still compile once and share the result.
     */
    private static final class Same {
        private final Object[] items;
        private final int hash;

        Same(List<?> list) {
            items = list.toArray();
            int h = 1;
            for (Object o : items) {
                h = 31 * h + System.identityHashCode(o);
            }
            hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Same other) || other.hash != hash || other.items.length != items.length) {
                return false;
            }
            for (int i = 0; i < items.length; i++) {
                if (items[i] != other.items[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    private Side compileSide(List<Actor> actors) {
        boolean ams = false;
        Map<String, Set<Integer>> byKey = new LinkedHashMap<>();
        Set<Integer> wl = new TreeSet<>();
        Set<Integer> vs = new TreeSet<>();
        Set<Integer> ipl = new TreeSet<>();
        Set<String> keys = new LinkedHashSet<>();
        for (Actor a : actors) {
            String kind = a.kind();
            if (kind == null) {
                continue; // a kind this model does not know matches nothing
            }
            keys.add(actorKey(a));
            if (a.allWorkloadsActor()) {
                ams = true;
            } else if (a.label() != null) {
                Integer id = labelIds.get(a.label().href());
                Set<Integer> g = byKey.computeIfAbsent(id == null ? "?" + a.label().href() : labelKeys.get(id),
                        k -> new TreeSet<>());
                if (id != null) {
                    g.add(id);
                }
            } else if (a.labelGroup() != null) {
                String href = Hrefs.neutral(a.labelGroup().href());
                LabelGroup group = groups.get(href);
                String key = group == null || group.key() == null ? "?" + href : group.key();
                Set<Integer> g = byKey.computeIfAbsent(key, k -> new TreeSet<>());
                for (int m : members(href)) {
                    g.add(m);
                }
            } else if (a.workload() != null) {
                addIfKnown(wl, workloadIds.get(a.workload().href()));
            } else if (a.virtualService() != null) {
                addIfKnown(vs, vsIds.get(Hrefs.neutral(a.virtualService().href())));
            } else if (a.ipList() != null) {
                addIfKnown(ipl, ipListIds.get(Hrefs.neutral(a.ipList().href())));
            }
            // virtual_server, container_workload, kubernetes_workload: not modelled, match nothing.
        }
        int[][] groupsByKey = new int[byKey.size()][];
        int i = 0;
        for (Set<Integer> g : byKey.values()) {
            groupsByKey[i++] = intern(Ints.sortedUnique(g));
        }
        return new Side(List.copyOf(actors), ams, groupsByKey, Ints.sortedUnique(wl), Ints.sortedUnique(vs),
                Ints.sortedUnique(ipl), keys.toArray(new String[0]));
    }

    private static void addIfKnown(Set<Integer> set, Integer id) {
        if (id != null) {
            set.add(id);
        }
    }

    /** {@code ams}, or the actor's kind and its href in draft form, e.g. {@code label_group:/orgs/1/sec_policy/draft/label_groups/3}. */
    static String actorKey(Actor a) {
        if (a.actors() != null) {
            return "ams";
        }
        Href ref = a.ref();
        return a.kind() + ":" + Hrefs.neutral(ref == null ? null : ref.href());
    }

    /** Scopes as conditions; none, {@code []} or {@code [[]]} is the one scope that holds everything. */
    private Scope[] scopes(List<List<ScopeEntry>> scopes) {
        if (scopes.isEmpty()) {
            return new Scope[]{new Scope(0, List.of(), new int[0][], Ints.NONE)};
        }
        Scope[] out = new Scope[scopes.size()];
        for (int s = 0; s < out.length; s++) {
            List<ScopeEntry> entries = scopes.get(s) == null ? List.of() : scopes.get(s);
            Map<String, Set<Integer>> include = new LinkedHashMap<>();
            Set<Integer> exclude = new TreeSet<>();
            for (ScopeEntry e : entries) {
                boolean excluded = Boolean.TRUE.equals(e.exclusion());
                String key;
                int[] ids;
                if (e.label() != null) {
                    Integer id = labelIds.get(e.label().href());
                    key = id == null ? "?" + e.label().href() : labelKeys.get(id);
                    ids = id == null ? Ints.NONE : new int[]{id};
                } else if (e.labelGroup() != null) {
                    String href = Hrefs.neutral(e.labelGroup().href());
                    LabelGroup g = groups.get(href);
                    key = g == null || g.key() == null ? "?" + href : g.key();
                    ids = members(href);
                } else {
                    continue;
                }
                Set<Integer> target = excluded ? exclude : include.computeIfAbsent(key, k -> new TreeSet<>());
                for (int id : ids) {
                    target.add(id);
                }
            }
            int[][] inc = include.values().stream().map(g -> intern(Ints.sortedUnique(g))).toArray(int[][]::new);
            out[s] = new Scope(s, List.copyOf(entries), inc, Ints.sortedUnique(exclude));
        }
        return out;
    }

    /** The labels of a group and of its sub-groups, recursively (cycles are cut). */
    private int[] members(String href) {
        int[] cached = groupMembers.get(href);
        if (cached != null) {
            return cached;
        }
        Set<Integer> out = new TreeSet<>();
        collect(href, out, new HashSet<>(), null);
        int[] m = intern(Ints.sortedUnique(out));
        groupMembers.put(href, m);
        return m;
    }

    private void collect(String href, Set<Integer> labels, Set<String> seen, Set<String> keys) {
        if (!seen.add(href)) {
            return;
        }
        LabelGroup g = groups.get(href);
        if (g == null) {
            return;
        }
        for (Href l : g.labels()) {
            Integer id = labelIds.get(l.href());
            if (id != null) {
                labels.add(id);
            }
            if (keys != null) {
                keys.add("label:" + l.href());
            }
        }
        for (Href sub : g.subGroups()) {
            String s = Hrefs.neutral(sub.href());
            if (keys != null) {
                keys.add("label_group:" + s);
            }
            collect(s, labels, seen, keys);
        }
    }

    /** For rule search: each label or group key → the groups that contain it, at any depth. */
    private Map<String, Set<String>> containingGroups() {
        Map<String, Set<String>> out = new HashMap<>();
        for (String g : groups.keySet()) {
            Set<String> keys = new HashSet<>();
            collect(g, new HashSet<>(), new HashSet<>(), keys);
            for (String member : keys) {
                out.computeIfAbsent(member, k -> new LinkedHashSet<>()).add("label_group:" + g);
            }
        }
        return out;
    }

    /** Per workload, the virtual services bound to it, with port overrides applied. */
    private PolicyModel.Binding[][] bindings(int workloads, PortRange[][] vsPorts) {
        List<List<PolicyModel.Binding>> byWorkload = new ArrayList<>();
        for (int i = 0; i < workloads; i++) {
            byWorkload.add(null);
        }
        for (ServiceBinding b : data.serviceBindings()) {
            Integer vs = b.virtualService() == null ? null : vsIds.get(Hrefs.neutral(b.virtualService().href()));
            Integer wl = b.workload() == null ? null : workloadIds.get(b.workload().href());
            if (vs == null || wl == null) {
                continue;
            }
            PortRange[] ports = vsPorts[vs].clone();
            for (ServiceBinding.PortOverride o : b.portOverrides()) {
                for (int i = 0; i < ports.length; i++) {
                    PortRange p = ports[i];
                    if (o.port() != null && o.proto() != null && o.newPort() != null
                            && p.from() == o.port() && p.proto() == o.proto()) {
                        int np = o.newPort();
                        int nt = o.newToPort() != null ? o.newToPort() : np + (p.to() - p.from());
                        ports[i] = new PortRange(p.proto(), np, nt);
                    }
                }
            }
            if (byWorkload.get(wl) == null) {
                byWorkload.set(wl, new ArrayList<>());
            }
            byWorkload.get(wl).add(new PolicyModel.Binding(vs, b, ports));
        }
        PolicyModel.Binding[][] out = new PolicyModel.Binding[workloads][];
        PolicyModel.Binding[] none = new PolicyModel.Binding[0];
        for (int i = 0; i < workloads; i++) {
            List<PolicyModel.Binding> l = byWorkload.get(i);
            out[i] = l == null ? none : l.toArray(none);
        }
        return out;
    }

    private int[] labelSet(List<Href> refs) {
        Set<Integer> ids = new TreeSet<>();
        for (Href l : refs) {
            Integer id = l == null ? null : labelIds.get(l.href());
            if (id != null) {
                ids.add(id);
            }
        }
        return intern(Ints.sortedUnique(ids));
    }

    private int[] intern(int[] a) {
        return interned.computeIfAbsent(java.util.Arrays.toString(a), k -> a);
    }
}
