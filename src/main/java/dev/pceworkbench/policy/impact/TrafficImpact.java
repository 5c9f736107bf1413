package dev.pceworkbench.policy.impact;

import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.TrafficFlow;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.policy.Endpoint;
import dev.pceworkbench.policy.IpAddress;
import dev.pceworkbench.policy.PolicyCheck;
import dev.pceworkbench.policy.PolicyModel;
import dev.pceworkbench.policy.PortRange;
import dev.pceworkbench.policy.RuleSearchIndex;
import dev.pceworkbench.policy.diff.ObjectChange;
import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.policy.names.NameLookup;
import dev.pceworkbench.policy.names.Names;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * The impact of provisioning on real traffic: each observed flow is evaluated under the active
 * policy and under the draft with the engine's {@link PolicyCheck}, and the flows whose
 * {@link Decision} changes are listed and grouped ({@link ImpactReport}). This is what the PCE
 * console cannot show before provisioning.
 *
 * <p>Fast on large traffic: flows are evaluated once per distinct (source, destination, port,
 * protocol); a flow to anything but a managed workload is never checked (its decision is unknown in
 * both); and a flow is checked in full only when a rule or boundary that differs between the two
 * versions could apply to it ({@code ChangedPolicy}: rules only allow, so a rule that means the same
 * in both versions cannot change a decision): flows on ports no differing rule or boundary covers
 * are passed over at once, the rest are tested against small policies of the differing rules
 * first. The checks run on the common fork-join pool. Decisions are the destination's, as
 * {@link Decision} says; the flows' own {@code policy_decision} is not read.
 * Pure: works on the compiled policies and flows it is given.
 */
public final class TrafficImpact {
    /** Receives progress: distinct flows evaluated so far out of all. Called from worker threads. */
    @FunctionalInterface
    public interface ProgressListener {
        void evaluated(int done, int total);

        ProgressListener NONE = (done, total) -> {
        };
    }

    private static final int CHUNK = 512;

    private TrafficImpact() {
    }

    /** The flows of a traffic query download, as the impact reads them. */
    public static List<ImpactFlow> flows(List<TrafficFlow> flows) {
        List<ImpactFlow> out = new ArrayList<>(flows.size());
        for (TrafficFlow f : flows) {
            out.add(ImpactFlow.of(f));
        }
        return out;
    }

    /** {@link #evaluate(List, RuleSearchIndex, RuleSearchIndex, BooleanSupplier, ProgressListener)}, not cancellable. */
    public static ImpactReport evaluate(List<ImpactFlow> flows, RuleSearchIndex active, RuleSearchIndex draft) {
        return evaluate(flows, active, draft, () -> false, ProgressListener.NONE);
    }

    /**
     * Evaluates {@code flows} under {@code active} (the policy in force) and {@code draft} (the policy
     * after provisioning; or any two versions, older first).
     *
     * @param cancelled polled between chunks of flows
     * @throws CancellationException when {@code cancelled} says so
     */
    public static ImpactReport evaluate(List<ImpactFlow> flows, RuleSearchIndex active, RuleSearchIndex draft,
                                        BooleanSupplier cancelled, ProgressListener progress) {
        return evaluate(flows, active, draft, null, cancelled, progress);
    }

    /**
     * The same, given the diff of the two versions already worked out (as the Provision view has
     * it: {@code PolicyDiff.compare(active data, draft data, names)}), which then is not worked out
     * again; null to work it out here.
     */
    public static ImpactReport evaluate(List<ImpactFlow> flows, RuleSearchIndex active, RuleSearchIndex draft,
                                        List<ObjectChange> changes, BooleanSupplier cancelled,
                                        ProgressListener progress) {
        PolicyModel am = active.model();
        PolicyModel dm = draft.model();
        // Distinct flows: what a decision depends on. A known workload is matched by itself, not the address seen.
        Map<Key, Integer> ids = new HashMap<>();
        List<Key> keys = new ArrayList<>();
        int[] keyOf = new int[flows.size()];
        for (int i = 0; i < flows.size(); i++) {
            Key k = Key.of(flows.get(i), dm);
            Integer id = ids.get(k);
            if (id == null) {
                id = keys.size();
                ids.put(k, id);
                keys.add(k);
            }
            keyOf[i] = id;
        }
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("Impact cancelled");
        }
        ChangedPolicy changed = changes == null ? ChangedPolicy.of(am.data(), dm.data())
                : ChangedPolicy.of(am.data(), dm.data(), changes);
        Checks checks = new Checks(active, draft, changed);
        byte[] before = new byte[keys.size()];
        byte[] after = new byte[keys.size()];
        AtomicInteger done = new AtomicInteger();
        AtomicInteger checked = new AtomicInteger();
        int chunks = (keys.size() + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("Impact cancelled");
            }
            int end = Math.min(keys.size(), (c + 1) * CHUNK);
            for (int k = c * CHUNK; k < end; k++) {
                Decision[] d = checks.decide(keys.get(k));
                if (d != null) {
                    checked.incrementAndGet();
                    before[k] = (byte) d[0].ordinal();
                    after[k] = (byte) d[1].ordinal();
                }
            }
            progress.evaluated(done.addAndGet(end - c * CHUNK), keys.size());
        });
        return report(flows, keys, keyOf, before, after, checked.get(), dm);
    }

    /**
     * One flow's decision under one policy, as the PCE would report it (see {@link Decision}):
     * {@link Decision#UNKNOWN} for a flow to anything but a managed workload of that policy's org,
     * or from a source with neither a known workload nor an address.
     */
    public static Decision decide(ImpactFlow flow, PolicyCheck check) {
        Key k = Key.of(flow, check.model());
        Workload destination = k.dstWorkload() ? check.model().workload(k.dst()) : null;
        Endpoint consumer = k.srcWorkload() ? Endpoint.workload(k.src()) : Checks.address(k.src());
        if (destination == null || consumer == null) {
            return Decision.UNKNOWN;
        }
        return Checks.decision(check, destination, consumer, Endpoint.workload(k.dst()), k.service());
    }

    private static ImpactReport report(List<ImpactFlow> flows, List<Key> keys, int[] keyOf, byte[] before, byte[] after,
                                       int checked, PolicyModel names) {
        Decision[] values = Decision.values();
        List<ChangedFlow> changed = new ArrayList<>();
        Map<GroupKey, long[]> groups = new LinkedHashMap<>();
        Map<String, List<Name>> endpointNames = new HashMap<>();
        NameLookup lookup = names.objectNames();
        for (int i = 0; i < flows.size(); i++) {
            int k = keyOf[i];
            if (before[k] == after[k]) {
                continue;
            }
            ImpactFlow f = flows.get(i);
            Decision b = values[before[k]];
            Decision a = values[after[k]];
            changed.add(new ChangedFlow(f, b, a));
            Key key = keys.get(k);
            GroupKey g = new GroupKey(ImpactKind.of(b, a), b, a,
                    endpointNames.computeIfAbsent(key.src(), s -> endpointNames(s, names, lookup)),
                    endpointNames.computeIfAbsent(key.dst(), s -> endpointNames(s, names, lookup)), key.service());
            long[] counts = groups.computeIfAbsent(g, x -> new long[2]);
            counts[0]++;
            counts[1] += f.connections();
        }
        List<ImpactGroup> out = new ArrayList<>();
        groups.forEach((g, n) -> out.add(new ImpactGroup(g.kind(), g.before(), g.after(), g.source(), g.destination(),
                g.service(), (int) n[0], n[1])));
        out.sort(Comparator.comparing(ImpactGroup::kind).thenComparing(ImpactGroup::connections, Comparator.reverseOrder())
                .thenComparing(ImpactGroup::flows, Comparator.reverseOrder())
                .thenComparing(ImpactGroup::sourceText).thenComparing(ImpactGroup::destinationText)
                .thenComparing(g -> g.service().toString()));
        return new ImpactReport(flows.size(), keys.size(), checked, changed, out);
    }

    /** A workload by its labels in key order (by itself when it has none), an address by itself. */
    private static List<Name> endpointNames(String endpoint, PolicyModel model, NameLookup lookup) {
        Workload w = model.workload(endpoint);
        if (w == null) {
            return List.of(Names.ipAddress(endpoint));
        }
        if (w.labels().isEmpty()) {
            return List.of(Names.workload(w));
        }
        List<Name> out = new ArrayList<>();
        for (Href h : w.labels()) {
            out.add(Names.label(h, lookup));
        }
        out.sort(Comparator.comparing((Name n) -> n.key() == null ? "" : n.key()).thenComparing(Name::text));
        return out;
    }

    /** What a decision depends on; src and dst are a workload href or an IP address text. */
    record Key(String src, boolean srcWorkload, String dst, boolean dstWorkload, PortRange service) {
        static Key of(ImpactFlow f, PolicyModel model) {
            boolean sw = f.sourceWorkload() != null && model.workload(f.sourceWorkload()) != null;
            boolean dw = f.destinationWorkload() != null && model.workload(f.destinationWorkload()) != null;
            return new Key(sw ? f.sourceWorkload() : f.sourceIp(), sw, dw ? f.destinationWorkload() : f.destinationIp(), dw,
                    f.service());
        }
    }

    private record GroupKey(ImpactKind kind, Decision before, Decision after, List<Name> source, List<Name> destination,
                            PortRange service) {
    }

    /** The checks of one evaluation: the shortcut through the changed rules, then both policies in full. */
    private static final class Checks {
        final PolicyCheck active;
        final PolicyCheck draft;
        private final ChangedPolicy changed;
        private final boolean shortcut;
        private volatile PolicyCheck[] small;
        /** No rule and no boundary differs: no decision can change, nothing is checked. */
        final boolean nothingChanged;

        Checks(RuleSearchIndex active, RuleSearchIndex draft, ChangedPolicy changed) {
            this.active = new PolicyCheck(active);
            this.draft = new PolicyCheck(draft);
            // A change touching most rules gains nothing from the shortcut: check everything in full.
            int rules = Math.max(active.model().ruleCount(), draft.model().ruleCount());
            this.nothingChanged = changed.active != null && changed.changedRules == 0
                    && changed.active.enforcementBoundaries().isEmpty() && changed.draft.enforcementBoundaries().isEmpty();
            this.changed = changed;
            this.shortcut = changed.active != null && !nothingChanged && changed.changedRules <= rules / 2;
        }

        /** The small policies of the changed rules, compiled when a flow first needs them. */
        private PolicyCheck[] small() {
            PolicyCheck[] s = small;
            if (s == null) {
                synchronized (this) {
                    s = small;
                    if (s == null) {
                        s = java.util.stream.Stream.of(changed.active, changed.draft).parallel()
                                .map(d -> new PolicyCheck(RuleSearchIndex.build(PolicyModel.build(d))))
                                .toArray(PolicyCheck[]::new);
                        small = s;
                    }
                }
            }
            return s;
        }

        /** Whether a changed rule or boundary can cover the flow's port at all. */
        private boolean portTouched(PortRange q) {
            if (changed.ports == null) {
                return true;
            }
            for (PortRange p : changed.ports) {
                if (p.covers(q)) {
                    return true;
                }
            }
            return false;
        }

        /** Both decisions of the key, or null when they cannot differ (then they were not worked out). */
        Decision[] decide(Key k) {
            if (nothingChanged || !k.dstWorkload()) {
                return null; // not a workload in either policy: unknown in both
            }
            Workload da = active.model().workload(k.dst());
            Workload dd = draft.model().workload(k.dst());
            if ((da == null || !da.managed()) && (dd == null || !dd.managed())) {
                return null;
            }
            Endpoint consumer = k.srcWorkload() ? Endpoint.workload(k.src()) : address(k.src());
            if (consumer == null) {
                return null; // no address to match: nothing can tell the versions apart
            }
            Endpoint provider = Endpoint.workload(k.dst());
            if (shortcut) {
                if (!portTouched(k.service())) {
                    return null;
                }
                PolicyCheck[] s = small();
                if (!touched(s[0], consumer, provider, k.service()) && !touched(s[1], consumer, provider, k.service())) {
                    return null;
                }
            }
            return new Decision[]{decision(active, da, consumer, provider, k.service()),
                    decision(draft, dd, consumer, provider, k.service())};
        }

        private static boolean touched(PolicyCheck changed, Endpoint consumer, Endpoint provider, PortRange service) {
            PolicyCheck.Outcome o = outcome(changed, consumer, provider, service);
            return o != null && o.touched();
        }

        private static Decision decision(PolicyCheck check, Workload destination, Endpoint consumer, Endpoint provider,
                                         PortRange service) {
            if (destination == null || !destination.managed()) {
                return Decision.UNKNOWN;
            }
            PolicyCheck.Outcome o = outcome(check, consumer, provider, service);
            return o == null ? Decision.UNKNOWN : Decision.of(o, destination);
        }

        /** The verdict alone (no rule named, no reason: many flows), or null when an end is a workload this version does not have. */
        private static PolicyCheck.Outcome outcome(PolicyCheck check, Endpoint consumer, Endpoint provider,
                                                   PortRange service) {
            try {
                return check.decide(consumer, provider, service);
            } catch (IllegalArgumentException notInThisVersion) {
                return null;
            }
        }

        private static Endpoint address(String ip) {
            IpAddress a = IpAddress.parseOrNull(ip);
            return a == null ? null : new Endpoint(null, a);
        }
    }
}
