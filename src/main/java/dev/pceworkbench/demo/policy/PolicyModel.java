package dev.pceworkbench.demo.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * One policy version compiled against the org's labels, workloads and service bindings into
 * plain arrays that the {@link PolicyEvaluator} scans quickly: labels become small ints, label
 * groups their (recursively expanded) member labels, IP lists {@link IpRangeSet}s, services
 * {@link PortRange}s. Built by {@link PolicyCompiler}; immutable afterwards, so one model can serve
 * concurrent requests. Hrefs of policy objects are in draft form, as the store keeps them.
 */
public final class PolicyModel {
    /** Scopes are evaluated as bits of a long, so a rule set with more scopes is cut into slices of this many. */
    static final int MAX_SCOPES_PER_SLICE = 64;

    /**
     * The actors of one side of a rule. Label and label-group actors are grouped by label key:
     * a workload must match every key group, and any label within a group (labels of one key are
     * alternatives, labels of different keys narrow each other, as in the PCE's rule editor).
     * The other actors are alternatives to that label combination and to each other.
     */
    record Side(boolean ams, int[][] labelKeyGroups, int[] workloads, int[] virtualServices, IpRangeSet[] ipLists) {
    }

    /** A compiled rule: its stored node (for rendering) and what it matches. */
    public static final class Rule {
        final int index;
        final String rulesetHref;
        final ObjectNode node;
        final boolean enabled;
        final boolean unscopedConsumers;
        final Side providers;
        final Side consumers;
        /** The rule's ingress services; empty means "the virtual service's own ports". */
        final PortRange[] services;
        final boolean providersAsWorkloads;
        final boolean providersAsVirtualServices;
        final boolean consumersAsWorkloads;
        final boolean consumersAsVirtualServices;

        Rule(int index, String rulesetHref, ObjectNode node, boolean enabled, boolean unscopedConsumers, Side providers,
             Side consumers, PortRange[] services, boolean[] resolve) {
            this.index = index;
            this.rulesetHref = rulesetHref;
            this.node = node;
            this.enabled = enabled;
            this.unscopedConsumers = unscopedConsumers;
            this.providers = providers;
            this.consumers = consumers;
            this.services = services;
            this.providersAsWorkloads = resolve[0];
            this.providersAsVirtualServices = resolve[1];
            this.consumersAsWorkloads = resolve[2];
            this.consumersAsVirtualServices = resolve[3];
        }

        /** The stored rule node (draft hrefs). */
        public ObjectNode node() {
            return node;
        }

        /** The draft href of the rule set that holds the rule. */
        public String rulesetHref() {
            return rulesetHref;
        }

        public String href() {
            return node.path("href").asText();
        }

        /** Position in {@link PolicyModel#rules()}; unique per rule. */
        public int index() {
            return index;
        }
    }

    /**
     * A rule set (or a slice of at most 64 of its scopes; slices share the rules). Each scope is a
     * list of conditions, each condition the sorted label ids of which a workload needs one.
     */
    static final class RuleSet {
        final String href;
        final int[][][] scopes;
        final List<Rule> rules;
        final boolean hasIpListProviders;

        RuleSet(String href, int[][][] scopes, List<Rule> rules) {
            this.href = href;
            this.scopes = scopes;
            this.rules = rules;
            boolean ip = false;
            for (Rule r : rules) {
                ip |= r.providers.ipLists().length > 0;
            }
            this.hasIpListProviders = ip;
        }
    }

    /** A workload's binding to a virtual service, with the ports the workload serves it on. */
    record Binding(int virtualService, PortRange[] ports) {
    }

    final Map<String, Integer> labelIds;
    final Map<String, int[]> labelGroupMembers;
    final Map<String, Integer> workloadIds;
    final String[] workloadHrefs;
    final int[][] workloadLabels;
    final IpAddress[][] workloadIps;
    final boolean[] managed;
    final String[] enforcementModes;
    final Binding[][] bindings;
    final int[][] virtualServiceLabels;
    final List<RuleSet> ruleSets;
    final List<Rule> rules;
    /**
     * Rule-set slices a labelled entity can be in scope of, by label: a slice is listed under the
     * labels of the first condition of each of its scopes (an entity inside a scope carries one of
     * them). Slices with a scope of no conditions (global) are in {@link #globalRuleSets}. This lets
     * the evaluator skip the hundreds of rule sets an entity cannot be in without checking them.
     */
    final int[][] ruleSetsByLabel;
    final int[] globalRuleSets;
    /** Slices that have IP-list providers: the only ones an address destination can match. */
    final int[] ipListProviderRuleSets;

    PolicyModel(Map<String, Integer> labelIds, Map<String, int[]> labelGroupMembers, Map<String, Integer> workloadIds, String[] workloadHrefs,
                int[][] workloadLabels, IpAddress[][] workloadIps, boolean[] managed, String[] enforcementModes,
                Binding[][] bindings, int[][] virtualServiceLabels, List<RuleSet> ruleSets, List<Rule> rules) {
        this.labelIds = labelIds;
        this.labelGroupMembers = labelGroupMembers;
        this.workloadIds = workloadIds;
        this.workloadHrefs = workloadHrefs;
        this.workloadLabels = workloadLabels;
        this.workloadIps = workloadIps;
        this.managed = managed;
        this.enforcementModes = enforcementModes;
        this.bindings = bindings;
        this.virtualServiceLabels = virtualServiceLabels;
        this.ruleSets = ruleSets;
        this.rules = rules;
        List<List<Integer>> byLabel = new java.util.ArrayList<>();
        for (int i = 0; i < labelIds.size(); i++) {
            byLabel.add(new java.util.ArrayList<>());
        }
        List<Integer> global = new java.util.ArrayList<>();
        List<Integer> ipProviders = new java.util.ArrayList<>();
        for (int i = 0; i < ruleSets.size(); i++) {
            RuleSet rs = ruleSets.get(i);
            java.util.Set<Integer> anchors = new java.util.TreeSet<>();
            boolean isGlobal = false;
            for (int[][] scope : rs.scopes) {
                if (scope.length == 0) {
                    isGlobal = true;
                } else {
                    for (int l : scope[0]) {
                        anchors.add(l);
                    }
                }
            }
            if (isGlobal) {
                global.add(i);
            } else {
                for (int l : anchors) {
                    byLabel.get(l).add(i);
                }
            }
            if (rs.hasIpListProviders) {
                ipProviders.add(i);
            }
        }
        this.ruleSetsByLabel = byLabel.stream().map(PolicyModel::ints).toArray(int[][]::new);
        this.globalRuleSets = ints(global);
        this.ipListProviderRuleSets = ints(ipProviders);
    }

    private static int[] ints(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The id of a label href, or -1 for a label that does not exist. */
    public int labelId(String href) {
        Integer i = labelIds.get(href);
        return i == null ? -1 : i;
    }

    /** The sorted label ids of a workload (shared: do not modify). */
    public int[] labels(int workload) {
        return workloadLabels[workload];
    }

    /** The label ids a label group (draft href) stands for, through sub-groups; null if it does not exist. */
    public int[] labelGroupMembers(String draftHref) {
        return labelGroupMembers.get(draftHref);
    }

    /** The model index of a workload href, or -1. */
    public int workload(String href) {
        Integer i = workloadIds.get(href);
        return i == null ? -1 : i;
    }

    public int workloadCount() {
        return workloadHrefs.length;
    }

    public String workloadHref(int workload) {
        return workloadHrefs[workload];
    }

    /** Managed = has a VEN; only managed workloads enforce (and report) policy. */
    public boolean managed(int workload) {
        return managed[workload];
    }

    public String enforcementMode(int workload) {
        return enforcementModes[workload];
    }

    /** Every rule of every rule set, in rule-set order. */
    public List<Rule> rules() {
        return rules;
    }
}
