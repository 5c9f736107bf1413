package dev.pceworkbench.demo.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.demo.http.PceApiException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The draft policy, the numbered policy versions and provisioning between them. Policy objects are
 * kept by their draft href; an object deleted in draft stays in the active version until its
 * deletion is provisioned. Not thread-safe: {@link DemoState} guards it with its lock.
 */
public final class PolicyStore {
    /** A committed policy version: its metadata object and the policy it froze. */
    public record Version(int number, ObjectNode meta, PolicySnapshot snapshot) {
    }

    /** A pending change: the draft href, how it changed, and the node (draft, or active for a delete). */
    public record Change(PolicyType type, String href, String updateType, ObjectNode node) {
    }

    /** A dependency the change subset lacks: {@code dependency} is needed by {@code requiredBy}. */
    public record Dependency(String dependency, List<String> requiredBy) {
    }

    private final PolicySnapshot draft = new PolicySnapshot();
    private final List<Version> versions = new ArrayList<>();
    private final Function<ObjectNode, Set<String>> references;

    /**
     * @param references the policy-object hrefs (in draft form) that an object refers to, for the
     *                   dependency closure of provisioning and revert
     */
    public PolicyStore(Function<ObjectNode, Set<String>> references) {
        this.references = references;
    }

    public PolicySnapshot draft() {
        return draft;
    }

    /** The active policy: the newest version, or an empty policy before the first provisioning. */
    public PolicySnapshot active() {
        return versions.isEmpty() ? new PolicySnapshot() : versions.get(versions.size() - 1).snapshot();
    }

    public List<Version> versions() {
        return List.copyOf(versions);
    }

    public int activeVersion() {
        return versions.isEmpty() ? 0 : versions.get(versions.size() - 1).number();
    }

    /** The snapshot behind a path segment: {@code draft}, {@code active} or a version number. */
    public PolicySnapshot snapshot(String pversion) {
        if ("draft".equals(pversion)) {
            return draft;
        }
        if ("active".equals(pversion)) {
            return active();
        }
        try {
            int n = Integer.parseInt(pversion);
            for (Version v : versions) {
                if (v.number() == n) {
                    return v.snapshot();
                }
            }
            throw PceApiException.notFound("Policy version " + pversion);
        } catch (NumberFormatException e) {
            throw new PceApiException(404, "not_found", "Unknown policy version '" + pversion
                    + "': use draft, active or a version number");
        }
    }

    /** How a draft object differs from the active policy: create, update, delete, or null. */
    public String updateType(PolicyType type, String href) {
        ObjectNode d = draft.of(type).get(href);
        ObjectNode a = active().of(type).get(href);
        if (d == null) {
            return a == null ? null : "delete";
        }
        if (a == null) {
            return "create";
        }
        return d == a || d.equals(a) ? null : "update";
    }

    /** Pending changes, in type order, with their update type. */
    public List<Change> pending() {
        return changes(active(), draft);
    }

    /**
     * What policy version {@code number} changed against the version before it (an empty policy
     * before version 1): the objects it created, updated or deleted, in type order; a deletion
     * carries the object as it was before.
     */
    public List<Change> modifiedIn(int number) {
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).number() == number) {
                PolicySnapshot before = i == 0 ? new PolicySnapshot() : versions.get(i - 1).snapshot();
                return changes(before, versions.get(i).snapshot());
            }
        }
        throw PceApiException.notFound("Policy version " + number);
    }

    private static List<Change> changes(PolicySnapshot before, PolicySnapshot after) {
        List<Change> out = new ArrayList<>();
        for (PolicyType t : PolicyType.values()) {
            Map<String, ObjectNode> d = after.of(t);
            Map<String, ObjectNode> a = before.of(t);
            for (Map.Entry<String, ObjectNode> e : d.entrySet()) {
                ObjectNode act = a.get(e.getKey());
                if (act == null) {
                    out.add(new Change(t, e.getKey(), "create", e.getValue()));
                } else if (act != e.getValue() && !act.equals(e.getValue())) {
                    out.add(new Change(t, e.getKey(), "update", e.getValue()));
                }
            }
            for (Map.Entry<String, ObjectNode> e : a.entrySet()) {
                if (!d.containsKey(e.getKey())) {
                    out.add(new Change(t, e.getKey(), "delete", e.getValue()));
                }
            }
        }
        return out;
    }

    /** Draft objects of any type that refer to {@code href} (which is in draft form). */
    public List<String> draftReferrers(String href) {
        List<String> out = new ArrayList<>();
        for (PolicyType t : PolicyType.values()) {
            for (Map.Entry<String, ObjectNode> e : draft.of(t).entrySet()) {
                if (!e.getKey().equals(href) && references.apply(e.getValue()).contains(href)) {
                    out.add(e.getKey());
                }
            }
        }
        return out;
    }

    /**
     * What the subset lacks to be provisioned ({@code commit}) or reverted ({@code revert}) alone.
     * Commit: a created or updated object needs every pending-create object it refers to, and a
     * deletion needs the pending changes of active objects that referred to the deleted one.
     * Revert: reverting a create needs the revert of pending objects that refer to it; reverting a
     * delete needs the revert of deletions it refers to.
     */
    public List<Dependency> missingDependencies(Set<String> subset, boolean commit) {
        Map<String, Change> pendingByHref = new LinkedHashMap<>();
        for (Change c : pending()) {
            pendingByHref.put(c.href(), c);
        }
        Map<String, List<String>> missing = new LinkedHashMap<>();
        PolicySnapshot active = active();
        for (String href : subset) {
            Change c = pendingByHref.get(href);
            if (c == null) {
                continue;
            }
            Set<String> needs = new LinkedHashSet<>();
            if (commit) {
                if (!"delete".equals(c.updateType())) {
                    for (String ref : references.apply(c.node())) {
                        Change rc = pendingByHref.get(ref);
                        if (rc != null && "create".equals(rc.updateType())) {
                            needs.add(ref);
                        }
                    }
                } else {
                    for (PolicyType t : PolicyType.values()) {
                        for (Map.Entry<String, ObjectNode> e : active.of(t).entrySet()) {
                            if (references.apply(e.getValue()).contains(href) && pendingByHref.containsKey(e.getKey())) {
                                needs.add(e.getKey());
                            }
                        }
                    }
                }
            } else {
                if ("create".equals(c.updateType())) {
                    for (Change other : pendingByHref.values()) {
                        if (!"delete".equals(other.updateType()) && references.apply(other.node()).contains(href)) {
                            needs.add(other.href());
                        }
                    }
                } else if ("delete".equals(c.updateType()) || "update".equals(c.updateType())) {
                    ObjectNode restored = active.get(href);
                    if (restored != null) {
                        for (String ref : references.apply(restored)) {
                            Change rc = pendingByHref.get(ref);
                            if (rc != null && "delete".equals(rc.updateType())) {
                                needs.add(ref);
                            }
                        }
                    }
                }
            }
            for (String n : needs) {
                if (!subset.contains(n)) {
                    missing.computeIfAbsent(n, k -> new ArrayList<>()).add(href);
                }
            }
        }
        List<Dependency> out = new ArrayList<>();
        missing.forEach((dep, by) -> out.add(new Dependency(dep, by)));
        return out;
    }

    /** The draft hrefs of every pending change. */
    public Set<String> allPendingHrefs() {
        Set<String> all = new LinkedHashSet<>();
        for (Change c : pending()) {
            all.add(c.href());
        }
        return all;
    }

    /**
     * Commits the pending changes in {@code subset} as a new version whose metadata is built by
     * {@code meta} (given the version number and object counts). The caller has checked dependencies.
     */
    public Version provision(Set<String> subset, Function<Integer, ObjectNode> meta) {
        PolicySnapshot next = active().copy();
        for (String href : subset) {
            PolicyType t = PolicyType.ofHref(href).orElseThrow();
            ObjectNode d = draft.of(t).get(href);
            if (d == null) {
                next.of(t).remove(href);
            } else {
                next.of(t).put(href, d);
            }
        }
        int number = activeVersion() + 1;
        Version v = new Version(number, meta.apply(number), next);
        versions.add(v);
        return v;
    }

    /** Puts the draft of every href in {@code subset} back to its active state. */
    public void revert(Collection<String> subset) {
        PolicySnapshot active = active();
        for (String href : subset) {
            PolicyType t = PolicyType.ofHref(href).orElseThrow();
            ObjectNode a = active.of(t).get(href);
            Map<String, ObjectNode> d = draft.of(t);
            if (a == null) {
                d.remove(href);
            } else {
                // Keep the draft's insertion order where the object still exists.
                d.put(href, a);
            }
        }
    }

    /** Object counts of a snapshot, as in a policy version's {@code object_counts}. */
    public static Map<String, Integer> counts(PolicySnapshot s) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (PolicyType t : PolicyType.values()) {
            out.put(t.collection(), s.count(t));
        }
        return out;
    }

}
