package dev.pceworkbench.policy;

import dev.pceworkbench.pce.model.EnforcementBoundary;
import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.IpList;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.pce.model.ServiceBinding;
import dev.pceworkbench.pce.model.VirtualService;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.policy.names.NameLookup;
import dev.pceworkbench.policy.names.ObjectNames;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot of one policy version, compiled from the client's records
 * ({@link PolicyData}) into plain arrays: labels become small ints, label groups their members
 * through nested sub-groups, IP lists address ranges with exclusions, services port ranges,
 * workloads their labels, addresses and virtual-service bindings (with port overrides), rules
 * their compiled sides, scopes and services. References that do not resolve match nothing rather
 * than failing the build. Policy hrefs are kept in draft form internally, so models of two versions
 * can be compared. Safe to share between threads; index it with {@link RuleSearchIndex#build}.
 */
public final class PolicyModel {
    /** A workload's binding to a virtual service, with the ports the workload serves it on. */
    record Binding(int virtualService, ServiceBinding record, PortRange[] ports) {
    }

    /** An enforcement boundary, compiled like a rule without scope. */
    record Boundary(EnforcementBoundary record, boolean enabled, Side providers, Side consumers, PortRange[] services) {
    }

    final PolicyData data;
    final Map<String, Integer> labelIds;
    final Label[] labels;
    final Map<String, LabelGroup> labelGroups;
    /** Label group (draft href) → its labels through sub-groups. */
    final Map<String, int[]> groupMembers;
    /** Actor key of a label or label group → keys of the label groups that contain it, at any depth. */
    final Map<String, Set<String>> groupsContaining;
    final Map<String, Integer> workloadIds;
    final Workload[] workloads;
    final int[][] workloadLabels;
    final IpAddress[][] workloadIps;
    final Binding[][] bindings;
    final Map<String, Integer> virtualServiceIds;
    final VirtualService[] virtualServices;
    final int[][] virtualServiceLabels;
    final Map<String, Integer> ipListIds;
    final IpList[] ipLists;
    final IpRanges[] ipRanges;
    final CompiledRuleSet[] ruleSets;
    final CompiledRule[] rules;
    final Boundary[] boundaries;
    /** Service (draft href) → name, for text search. */
    final Map<String, String> serviceNames;
    private final IpListIndex ipListIndex;
    private volatile ObjectNames objectNames;
    /** Names this version's objects for explanations and search texts, from the arrays above. */
    final NameLookup names = new NameLookup() {
        @Override
        public Label label(String href) {
            Integer i = labelIds.get(href);
            return i == null ? null : labels[i];
        }

        @Override
        public LabelGroup labelGroup(String href) {
            return href == null ? null : labelGroups.get(Hrefs.neutral(href));
        }

        @Override
        public Workload workload(String href) {
            return PolicyModel.this.workload(href);
        }

        @Override
        public IpList ipList(String href) {
            Integer i = href == null ? null : ipListIds.get(Hrefs.neutral(href));
            return i == null ? null : ipLists[i];
        }

        @Override
        public VirtualService virtualService(String href) {
            Integer i = href == null ? null : virtualServiceIds.get(Hrefs.neutral(href));
            return i == null ? null : virtualServices[i];
        }
    };

    PolicyModel(PolicyData data, Map<String, Integer> labelIds, Label[] labels, Map<String, LabelGroup> labelGroups,
                Map<String, int[]> groupMembers, Map<String, Set<String>> groupsContaining,
                Map<String, Integer> workloadIds, Workload[] workloads, int[][] workloadLabels,
                IpAddress[][] workloadIps, Binding[][] bindings, Map<String, Integer> virtualServiceIds,
                VirtualService[] virtualServices, int[][] virtualServiceLabels, Map<String, Integer> ipListIds,
                IpList[] ipLists, IpRanges[] ipRanges, CompiledRuleSet[] ruleSets, CompiledRule[] rules,
                Boundary[] boundaries, Map<String, String> serviceNames) {
        this.data = data;
        this.labelIds = labelIds;
        this.labels = labels;
        this.labelGroups = labelGroups;
        this.groupMembers = groupMembers;
        this.groupsContaining = groupsContaining;
        this.workloadIds = workloadIds;
        this.workloads = workloads;
        this.workloadLabels = workloadLabels;
        this.workloadIps = workloadIps;
        this.bindings = bindings;
        this.virtualServiceIds = virtualServiceIds;
        this.virtualServices = virtualServices;
        this.virtualServiceLabels = virtualServiceLabels;
        this.ipListIds = ipListIds;
        this.ipLists = ipLists;
        this.ipRanges = ipRanges;
        this.ruleSets = ruleSets;
        this.rules = rules;
        this.boundaries = boundaries;
        this.serviceNames = serviceNames;
        this.ipListIndex = IpListIndex.of(ipRanges);
    }

    /** Compiles one version's records. */
    public static PolicyModel build(PolicyData data) {
        return new ModelCompiler(data).build();
    }

    /** The policy version the data was loaded from ({@code draft}, {@code active} or a number). */
    public String version() {
        return data.version();
    }

    public PolicyData data() {
        return data;
    }

    /** Every rule of every rule set, enabled or not. */
    public int ruleCount() {
        return rules.length;
    }

    public int ruleSetCount() {
        return ruleSets.length;
    }

    public int workloadCount() {
        return workloads.length;
    }

    /** The rule at a position of the model's rule order (rule sets in order, their rules in order). */
    public SecRule rule(int index) {
        return rules[index].record;
    }

    /** The rule set holding the rule at {@code index}. */
    public RuleSet ruleSetOf(int index) {
        return rules[index].ruleSet.record;
    }

    /** The rule's 1-based position in its rule set, for the rule at {@code index} of the model's rule order. */
    public int ruleNumber(int index) {
        return index - rules[index].ruleSet.firstRule + 1;
    }

    /**
     * This version's objects (and the org's workloads) by href, for views that name what the
     * engine returns with {@link dev.pceworkbench.policy.names.Names}; built on first use.
     */
    public ObjectNames objectNames() {
        ObjectNames n = objectNames;
        if (n == null) {
            n = new ObjectNames(data.labels(), data.labelGroups(), data.ipLists(), data.virtualServices(), data.services())
                    .withWorkloads(data.workloads());
            objectNames = n;
        }
        return n;
    }

    /** The workload with this href, or null. */
    public Workload workload(String href) {
        Integer i = workloadIds.get(href);
        return i == null ? null : workloads[i];
    }

    /** The workloads, in the order given. */
    public List<Workload> workloads() {
        return List.of(workloads);
    }

    /** The position of the workload with this href among {@link #workloads()}, or -1. */
    public int workloadIndex(String href) {
        return workloadId(href);
    }

    /** The workload at a position of {@link #workloads()}. */
    public Workload workload(int index) {
        return workloads[index];
    }

    int workloadId(String href) {
        Integer i = workloadIds.get(href);
        return i == null ? -1 : i;
    }

    /** The IP lists (by id) that contain any of {@code ips}. */
    BitSet ipListsContaining(IpAddress... ips) {
        return ipListIndex.containing(ips);
    }

    RuleHit hit(CompiledRule r) {
        return new RuleHit(r.ruleSet.record, r.record, r.index);
    }
}
