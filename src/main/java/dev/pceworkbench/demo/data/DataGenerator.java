package dev.pceworkbench.demo.data;

import dev.pceworkbench.demo.store.DemoState;
import dev.pceworkbench.demo.store.PolicySnapshot;
import dev.pceworkbench.demo.store.PolicyType;
import dev.pceworkbench.demo.store.PolicyVersions;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Fills an empty {@link DemoState} with a believable, fully deterministic demo organisation: label
 * dimensions and labels, workloads with VENs, IP lists, services, label groups, virtual services
 * with bindings, rule sets covering every kind of rule, enforcement boundaries, container clusters,
 * pairing profiles and events, provisioned as three policy versions with a few changes left pending
 * in the draft. The same seed and scale always give the same JSON: choices come from one seeded
 * {@link java.util.Random}, UUIDs from the state's seeded source, timestamps from a fixed base
 * instant (only the policy versions' own {@code created_at} comes from the state's clock).
 */
public final class DataGenerator {
    /** How big the org is: SMALL for everyday demos and tests, LARGE for performance work. */
    public enum Scale {
        /** About 100 labels, 300 workloads, 40 rule sets with 400 rules. */
        SMALL(300, 40, 400, 30),
        /** About 300 labels, 50,000 workloads, 700 rule sets with 200,000 rules. */
        LARGE(50_000, 700, 200_000, 3_000);

        final int workloads;
        final int ruleSets;
        final int rules;
        final int events;

        Scale(int workloads, int ruleSets, int rules, int events) {
            this.workloads = workloads;
            this.ruleSets = ruleSets;
            this.rules = rules;
            this.events = events;
        }
    }

    /**
     * What was generated. Policy object counts are of the draft as {@code GET sec_policy/draft/...}
     * lists it: new and changed objects, and objects pending deletion (still active); rule counts
     * are of the draft rule sets that are not pending deletion.
     */
    public record Summary(int labelDimensions, int labels, int workloads, int managedWorkloads, int vens,
                          int ipLists, int services, int labelGroups, int virtualServices, int serviceBindings,
                          int ruleSets, int rules, int ipTablesRules, int enforcementBoundaries,
                          int containerClusters, int containerWorkloadProfiles, int pairingProfiles, int events,
                          int policyVersions, int pendingChanges) {
    }

    /** One day, in the seconds that timestamps are offset from the base instant by. */
    private static final long DAY = 86_400L;

    private DataGenerator() {
    }

    /**
     * Generates into {@code state}, which must be empty and freshly seeded; afterwards its UUID
     * source is switched to a secure one ({@link DemoState#generationDone()}).
     */
    public static Summary generate(DemoState state, Scale scale, long seed) {
        if (state.collection("labels").size() > 0 || !state.policy().versions().isEmpty()
                || state.policy().draft().count(PolicyType.IP_LISTS) > 0) {
            // Built-ins must get ids 1 (Any, All Services) and hrefs must not collide.
            throw new IllegalStateException("DataGenerator needs an empty DemoState");
        }
        GenContext ctx = new GenContext(state, scale, seed);
        new LabelGenerator(ctx).generate();
        PolicyObjectsGenerator objects = new PolicyObjectsGenerator(ctx);
        objects.ipLists();
        objects.services();
        new WorkloadGenerator(ctx).generate(scale.workloads);
        PolicyActorsGenerator actors = new PolicyActorsGenerator(ctx);
        actors.labelGroups();
        actors.virtualServices();

        RuleFactory factory = new RuleFactory(ctx);
        RuleSetGenerator ruleSets = new RuleSetGenerator(ctx, factory);
        ruleSets.specialRuleSets(DAY);
        ruleSets.plan(scale.ruleSets, scale.rules);
        // Version 1 holds the bulk; version 2 adds the last tenth of the rule sets and widens a
        // service; version 3 adds the enforcement boundaries.
        int v1 = ruleSets.plannedGeneric() * 9 / 10;
        ruleSets.genericRuleSets(0, v1, DAY + 600);
        PolicyVersions.provisionAll(state, "Initial segmentation policy");
        ruleSets.genericRuleSets(v1, ruleSets.plannedGeneric(), 8 * DAY);
        objects.widenKafka();
        PolicyVersions.provisionAll(state, "Onboard remaining applications; widen Kafka brokers");
        actors.enforcementBoundaries(14 * DAY);
        // Also in version 3 (created last, so the data before them is as it always was): the
        // security settings, and a service, a label group and a disabled rule set the draft retires.
        objects.firewallSettings(14 * DAY + 300);
        objects.legacyService(14 * DAY + 360);
        actors.retiredLabelGroup(14 * DAY + 420);
        ruleSets.retiredRuleSet(14 * DAY + 480);
        PolicyVersions.provisionAll(state, "Enforcement boundaries: deny telnet/FTP, isolate production");

        // Pending draft changes, left for the user to review and provision: rule sets, IP lists,
        // services and label groups each created, updated and deleted, plus the security settings.
        // The new rule set needs the new IP list and the new service: provisioning it alone fails.
        long pending = 32 * DAY;
        objects.ipList("IPL-Partner-VPN", "Partner site-to-site VPN (new)", pending,
                List.of(ctx.f.objectNode().put("from_ip", "100.64.10.0/24").put("exclusion", false)), List.of());
        objects.partnerPortalService(pending + 30);
        ruleSets.pendingRuleSet(pending + 60);
        objects.pendingServiceEdit();
        objects.pendingIpListDelete();
        actors.labelGroup("LG-E-Validation", "Environments used for release validation", "env", pending + 120,
                List.of("Test", "QA", "Staging"), List.of());
        objects.pendingIpListEdit(pending + 180);
        objects.pendingServiceDelete();
        actors.pendingLabelGroupEdit(pending + 240);
        actors.pendingLabelGroupDelete();
        ruleSets.pendingRuleSetEdit(pending + 300);
        ruleSets.pendingRuleSetDelete();
        objects.pendingFirewallEdit(pending + 360);

        OrgObjectsGenerator org = new OrgObjectsGenerator(ctx);
        org.containerClusters();
        org.pairingProfiles();
        org.securityPrincipals();
        new EventGenerator(ctx).generate(scale.events);
        state.generationDone();
        return summary(state, ctx);
    }

    private static Summary summary(DemoState state, GenContext ctx) {
        PolicySnapshot d = state.policy().draft();
        int rules = 0;
        int ipTables = 0;
        for (JsonNode rs : d.all(PolicyType.RULE_SETS)) {
            rules += rs.get("rules").size();
            ipTables += rs.get("ip_tables_rules").size();
        }
        int managed = (int) ctx.workloads.stream().filter(GenContext.Workload::managed).count();
        return new Summary(size(state, "label_dimensions"), size(state, "labels"), size(state, "workloads"), managed,
                size(state, "vens"), listed(state, PolicyType.IP_LISTS), listed(state, PolicyType.SERVICES),
                listed(state, PolicyType.LABEL_GROUPS), listed(state, PolicyType.VIRTUAL_SERVICES),
                size(state, "service_bindings"), listed(state, PolicyType.RULE_SETS), rules, ipTables,
                listed(state, PolicyType.ENFORCEMENT_BOUNDARIES),
                size(state, "container_clusters"), size(state, "container_workload_profiles"),
                size(state, "pairing_profiles"), size(state, "events"), state.policy().versions().size(),
                state.policy().pending().size());
    }

    /** How many objects the draft lists: its own, plus active ones pending deletion. */
    private static int listed(DemoState state, PolicyType type) {
        int n = state.policy().draft().count(type);
        for (String href : state.policy().active().of(type).keySet()) {
            if (!state.policy().draft().of(type).containsKey(href)) {
                n++;
            }
        }
        return n;
    }

    private static int size(DemoState state, String collection) {
        return state.collection(collection).size();
    }
}
