package dev.pceworkbench.demo.policy;

import dev.pceworkbench.pce.model.Hrefs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.store.PolicyHrefs;
import dev.pceworkbench.demo.store.PolicySnapshot;
import dev.pceworkbench.demo.store.PolicyType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a {@link PolicyModel} from the org state and one policy snapshot. The caller holds the
 * state's read lock. References that do not resolve (a deleted label, an IP list missing from
 * this version) compile to actors that match nothing rather than failing the whole policy, as a
 * PCE would not let such a policy be provisioned anyway.
 */
public final class PolicyCompiler {
    private final DemoState state;
    private final PolicySnapshot snap;
    private final Map<String, Integer> labelIds = new HashMap<>();
    private final List<String> labelKeys = new ArrayList<>();
    private final Map<String, int[]> groupMembers = new HashMap<>();
    private final Map<String, IpRangeSet> ipLists = new HashMap<>();
    private final Map<String, PortRange[]> services = new HashMap<>();
    private final Map<String, Integer> vsIds = new HashMap<>();
    private final Map<String, Integer> workloadIds = new HashMap<>();
    /** Identical label-id arrays are shared: 200,000 rules use a few thousand distinct ones. */
    private final Map<String, int[]> interned = new HashMap<>();
    /**
     * Compiled actor lists and service lists by node identity: the data generator shares one
     * node among all rules with the same actors, so most rules compile from these caches.
     */
    private final Map<JsonNode, PolicyModel.Side> sides = new IdentityHashMap<>();
    private final Map<JsonNode, PortRange[]> ruleServices = new IdentityHashMap<>();

    private PolicyCompiler(DemoState state, PolicySnapshot snap) {
        this.state = state;
        this.snap = snap;
    }

    /** Compiles {@code snap} against the current org objects (call under the read lock). */
    public static PolicyModel compile(DemoState state, PolicySnapshot snap) {
        return new PolicyCompiler(state, snap).build();
    }

    private PolicyModel build() {
        for (ObjectNode l : state.collection("labels").all()) {
            labelIds.put(l.path("href").asText(), labelKeys.size());
            labelKeys.add(l.path("key").asText());
        }
        for (String group : snap.of(PolicyType.LABEL_GROUPS).keySet()) {
            groupMembers(group);
        }
        List<ObjectNode> wls = new ArrayList<>(state.collection("workloads").all());
        int n = wls.size();
        String[] hrefs = new String[n];
        int[][] labels = new int[n][];
        IpAddress[][] ips = new IpAddress[n][];
        boolean[] managed = new boolean[n];
        String[] modes = new String[n];
        for (int i = 0; i < n; i++) {
            ObjectNode w = wls.get(i);
            hrefs[i] = w.path("href").asText();
            workloadIds.put(hrefs[i], i);
            labels[i] = labelSet(w.path("labels"));
            List<IpAddress> addrs = new ArrayList<>();
            for (JsonNode itf : w.path("interfaces")) {
                IpAddress a = IpAddress.parseOrNull(itf.path("address").asText(null));
                if (a != null) {
                    addrs.add(a);
                }
            }
            IpAddress pub = IpAddress.parseOrNull(w.path("public_ip").asText(null));
            if (pub != null) {
                addrs.add(pub);
            }
            ips[i] = addrs.toArray(new IpAddress[0]);
            managed[i] = w.path("ven").isObject() && w.path("ven").has("href");
            modes[i] = w.path("enforcement_mode").asText("idle");
        }
        List<ObjectNode> vss = new ArrayList<>(snap.all(PolicyType.VIRTUAL_SERVICES));
        int[][] vsLabels = new int[vss.size()][];
        PortRange[][] vsPorts = new PortRange[vss.size()][];
        for (int i = 0; i < vss.size(); i++) {
            vsIds.put(vss.get(i).path("href").asText(), i);
            vsLabels[i] = labelSet(vss.get(i).path("labels"));
            vsPorts[i] = virtualServicePorts(vss.get(i));
        }
        PolicyModel.Binding[][] bindings = bindings(n, vsPorts);

        List<PolicyModel.RuleSet> ruleSets = new ArrayList<>();
        List<PolicyModel.Rule> rules = new ArrayList<>();
        for (ObjectNode rs : snap.all(PolicyType.RULE_SETS)) {
            if (!rs.path("enabled").asBoolean(true)) {
                continue; // a disabled rule set allows nothing
            }
            String href = rs.path("href").asText();
            List<PolicyModel.Rule> own = new ArrayList<>();
            for (JsonNode r : rs.path("rules")) {
                PolicyModel.Rule rule = rule(rules.size(), href, (ObjectNode) r);
                if (rule.enabled) {
                    rules.add(rule);
                    own.add(rule);
                }
            }
            int[][][] scopes = scopes(rs.path("scopes"));
            for (int from = 0; from < scopes.length; from += PolicyModel.MAX_SCOPES_PER_SLICE) {
                int to = Math.min(scopes.length, from + PolicyModel.MAX_SCOPES_PER_SLICE);
                ruleSets.add(new PolicyModel.RuleSet(href, Arrays.copyOfRange(scopes, from, to), own));
            }
        }
        return new PolicyModel(labelIds, Map.copyOf(groupMembers), workloadIds, hrefs, labels, ips, managed, modes, bindings, vsLabels,
                List.copyOf(ruleSets), List.copyOf(rules));
    }

    private PolicyModel.Rule rule(int index, String rulesetHref, ObjectNode r) {
        JsonNode resolve = r.path("resolve_labels_as");
        boolean[] as = {
                resolvesAs(resolve.path("providers"), "workloads", true),
                resolvesAs(resolve.path("providers"), "virtual_services", false),
                resolvesAs(resolve.path("consumers"), "workloads", true),
                resolvesAs(resolve.path("consumers"), "virtual_services", false)};
        return new PolicyModel.Rule(index, rulesetHref, r, r.path("enabled").asBoolean(true),
                r.path("unscoped_consumers").asBoolean(false), side(r.path("providers")), side(r.path("consumers")),
                ruleServices.computeIfAbsent(r.path("ingress_services"), this::services), as);
    }

    private PortRange[] services(JsonNode list) {
        List<PortRange> svc = new ArrayList<>();
        for (JsonNode s : list) {
            if (s.has("href")) {
                svc.addAll(Arrays.asList(service(s.path("href").asText())));
            } else {
                svc.add(PortRange.of(s));
            }
        }
        return svc.toArray(new PortRange[0]);
    }

    private static boolean resolvesAs(JsonNode list, String what, boolean whenMissing) {
        if (!list.isArray() || list.isEmpty()) {
            return whenMissing;
        }
        for (JsonNode v : list) {
            if (what.equals(v.asText())) {
                return true;
            }
        }
        return false;
    }

    private PolicyModel.Side side(JsonNode actors) {
        return sides.computeIfAbsent(actors, this::compileSide);
    }

    private PolicyModel.Side compileSide(JsonNode actors) {
        boolean ams = false;
        Map<String, TreeSet<Integer>> byKey = new LinkedHashMap<>();
        Set<Integer> wl = new TreeSet<>();
        Set<Integer> vs = new TreeSet<>();
        List<IpRangeSet> ipl = new ArrayList<>();
        for (JsonNode a : actors) {
            if ("ams".equals(a.path("actors").asText())) {
                ams = true;
            } else if (a.has("label")) {
                String href = a.path("label").path("href").asText();
                Integer id = labelIds.get(href);
                // An unknown label still narrows the rule, to nothing: give it a group no one matches.
                TreeSet<Integer> g = byKey.computeIfAbsent(id == null ? "?" + href : labelKeys.get(id), k -> new TreeSet<>());
                if (id != null) {
                    g.add(id);
                }
            } else if (a.has("label_group")) {
                String href = PolicyHrefs.toDraft(a.path("label_group").path("href").asText());
                ObjectNode group = snap.of(PolicyType.LABEL_GROUPS).get(href);
                String key = group == null ? "?" + href : group.path("key").asText("?" + href);
                TreeSet<Integer> g = byKey.computeIfAbsent(key, k -> new TreeSet<>());
                for (int m : groupMembers(href)) {
                    g.add(m);
                }
            } else if (a.has("workload")) {
                Integer id = workloadIds.get(a.path("workload").path("href").asText());
                if (id != null) {
                    wl.add(id);
                }
            } else if (a.has("virtual_service")) {
                Integer id = vsIds.get(PolicyHrefs.toDraft(a.path("virtual_service").path("href").asText()));
                if (id != null) {
                    vs.add(id);
                }
            } else if (a.has("ip_list")) {
                String href = PolicyHrefs.toDraft(a.path("ip_list").path("href").asText());
                ObjectNode list = snap.of(PolicyType.IP_LISTS).get(href);
                if (list != null) {
                    ipl.add(ipLists.computeIfAbsent(href, h -> IpRangeSet.of(list)));
                }
            }
            // virtual_server, container_workload, kubernetes_workload: not modelled, match nothing.
        }
        int[][] groups = new int[byKey.size()][];
        int i = 0;
        for (TreeSet<Integer> g : byKey.values()) {
            groups[i++] = intern(g);
        }
        return new PolicyModel.Side(ams, groups, toArray(wl), toArray(vs), ipl.toArray(new IpRangeSet[0]));
    }

    /** Scopes as conditions; no scopes, {@code []} or {@code [[]]} is the one scope that holds everything. */
    private int[][][] scopes(JsonNode scopes) {
        if (!scopes.isArray() || scopes.isEmpty()) {
            return new int[][][]{new int[0][]};
        }
        int[][][] out = new int[scopes.size()][][];
        for (int s = 0; s < scopes.size(); s++) {
            JsonNode scope = scopes.get(s);
            List<int[]> conditions = new ArrayList<>();
            for (JsonNode item : scope) {
                if (item.has("label")) {
                    Integer id = labelIds.get(item.path("label").path("href").asText());
                    conditions.add(id == null ? new int[0] : intern(Set.of(id)));
                } else if (item.has("label_group")) {
                    conditions.add(intern(toSet(groupMembers(PolicyHrefs.toDraft(item.path("label_group").path("href").asText())))));
                }
            }
            out[s] = conditions.toArray(new int[0][]);
        }
        return out;
    }

    /** The labels of a group and of its sub-groups, recursively (cycles are cut). */
    private int[] groupMembers(String href) {
        int[] cached = groupMembers.get(href);
        if (cached != null) {
            return cached;
        }
        Set<Integer> out = new TreeSet<>();
        collectMembers(href, out, new HashSet<>());
        int[] members = intern(out);
        groupMembers.put(href, members);
        return members;
    }

    private void collectMembers(String href, Set<Integer> out, Set<String> seen) {
        if (!seen.add(href)) {
            return;
        }
        ObjectNode g = snap.of(PolicyType.LABEL_GROUPS).get(href);
        if (g == null) {
            return;
        }
        for (JsonNode l : g.path("labels")) {
            Integer id = labelIds.get(l.path("href").asText());
            if (id != null) {
                out.add(id);
            }
        }
        for (JsonNode sub : g.path("sub_groups")) {
            collectMembers(PolicyHrefs.toDraft(sub.path("href").asText()), out, seen);
        }
    }

    private PortRange[] service(String href) {
        return services.computeIfAbsent(PolicyHrefs.toDraft(href), h -> {
            ObjectNode s = snap.of(PolicyType.SERVICES).get(h);
            if (s == null) {
                return new PortRange[0];
            }
            List<PortRange> out = new ArrayList<>();
            for (JsonNode p : s.path("service_ports")) {
                out.add(PortRange.of(p));
            }
            return out.toArray(new PortRange[0]);
        });
    }

    private PortRange[] virtualServicePorts(ObjectNode vs) {
        List<PortRange> out = new ArrayList<>();
        for (JsonNode p : vs.path("service_ports")) {
            out.add(PortRange.of(p));
        }
        if (vs.path("service").has("href")) {
            out.addAll(Arrays.asList(service(vs.path("service").path("href").asText())));
        }
        return out.toArray(new PortRange[0]);
    }

    /** Per workload, the virtual services bound to it, with port overrides applied. */
    private PolicyModel.Binding[][] bindings(int workloads, PortRange[][] vsPorts) {
        Map<Integer, List<PolicyModel.Binding>> byWorkload = new HashMap<>();
        for (ObjectNode b : state.collection("service_bindings").all()) {
            Integer vs = vsIds.get(PolicyHrefs.toDraft(b.path("virtual_service").path("href").asText()));
            Integer wl = workloadIds.get(b.path("workload").path("href").asText());
            if (vs == null || wl == null) {
                continue;
            }
            PortRange[] ports = vsPorts[vs].clone();
            for (JsonNode o : b.path("port_overrides")) {
                for (int i = 0; i < ports.length; i++) {
                    PortRange p = ports[i];
                    if (p.from() == o.path("port").asInt(-2) && p.proto() == o.path("proto").asInt(-2)
                            && o.path("new_port").isIntegralNumber()) {
                        int np = o.path("new_port").asInt();
                        int nt = o.path("new_to_port").isIntegralNumber() ? o.path("new_to_port").asInt() : np + (p.to() - p.from());
                        ports[i] = new PortRange(p.proto(), np, nt);
                    }
                }
            }
            byWorkload.computeIfAbsent(wl, k -> new ArrayList<>()).add(new PolicyModel.Binding(vs, ports));
        }
        PolicyModel.Binding[][] out = new PolicyModel.Binding[workloads][];
        PolicyModel.Binding[] none = new PolicyModel.Binding[0];
        for (int i = 0; i < workloads; i++) {
            List<PolicyModel.Binding> l = byWorkload.get(i);
            out[i] = l == null ? none : l.toArray(none);
        }
        return out;
    }

    private int[] labelSet(JsonNode refs) {
        Set<Integer> ids = new TreeSet<>();
        for (JsonNode l : refs) {
            Integer id = labelIds.get(l.path("href").asText());
            if (id != null) {
                ids.add(id);
            }
        }
        return intern(ids);
    }

    private int[] intern(Set<Integer> sorted) {
        int[] a = toArray(sorted);
        return interned.computeIfAbsent(Arrays.toString(a), k -> a);
    }

    private static Set<Integer> toSet(int[] a) {
        Set<Integer> s = new TreeSet<>();
        for (int x : a) {
            s.add(x);
        }
        return s;
    }

    private static int[] toArray(Set<Integer> s) {
        int[] a = new int[s.size()];
        int i = 0;
        for (int x : s) {
            a[i++] = x;
        }
        Arrays.sort(a);
        return a;
    }
}
