package dev.pceworkbench.workspace;

import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.Progress;
import dev.pceworkbench.pce.api.ChangeSubset;
import dev.pceworkbench.pce.api.ProvisioningApi;
import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.DependencyReport;
import dev.pceworkbench.pce.model.ModifiedObject;
import dev.pceworkbench.pce.model.PendingChanges;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.pce.model.PolicyDependency;
import dev.pceworkbench.pce.model.PolicyVersion;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.policy.PolicyData;
import dev.pceworkbench.policy.diff.ObjectChange;
import dev.pceworkbench.policy.diff.PolicyDiff;
import dev.pceworkbench.policy.names.ObjectNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Provisioning on the active connection, for the Provision view: what is pending, what a change
 * subset depends on, provisioning and reverting, the policy versions, and the semantic diff of two
 * policy versions ("draft", "active" or a number), computed client-side from the workspace's
 * collections (the PCE has no field diff). Blocking: call from a background task with its token.
 * After a provision or revert the caller tells the workspace ({@link PolicyWorkspace#refreshAll},
 * {@link PolicyWorkspace#changed}) on its own thread, so listeners hear it where they expect.
 */
public final class PolicyProvisioning {
    private final PolicyWorkspace workspace;

    public PolicyProvisioning(PolicyWorkspace workspace) {
        this.workspace = Objects.requireNonNull(workspace);
    }

    private ProvisioningApi api() {
        return workspace.client().provisioning();
    }

    public PendingChanges pending(CancellationToken token) {
        return api().pending(token);
    }

    /** What else must be provisioned ({@code commit}) or reverted with {@code subset}; empty when it is closed. */
    public List<PolicyDependency> dependencies(ChangeSubset subset, boolean commit, CancellationToken token) {
        return api().dependencies(subset, commit, token);
    }

    /** The same as {@link #dependencies}, with the shape the PCE answered in. */
    public DependencyReport dependencyReport(ChangeSubset subset, boolean commit, CancellationToken token) {
        return api().dependencyReport(subset, commit, token);
    }

    /** The objects policy version {@code n} created, updated or deleted, as the PCE lists them. */
    public List<ModifiedObject> modifiedObjects(int n, CancellationToken token) {
        return api().modifiedObjects(n, token);
    }

    /** Provisions {@code subset} (null: everything pending) into a new policy version. */
    public PolicyVersion provision(String description, ChangeSubset subset, CancellationToken token) {
        return api().provision(description, subset, token);
    }

    public void revert(ChangeSubset subset, CancellationToken token) {
        api().revert(subset, token);
    }

    public void revertAll(CancellationToken token) {
        api().revertAll(token);
    }

    /**
     * The numbers (1-based, in order) of the draft rules of rule set {@code ruleSetHref} that name
     * {@code objectHref} (an IP list, label group, workload or virtual service among their actors,
     * or a service among their services): why a rule set needs an object. Any version of either
     * href matches; empty when the rule set is not in the draft.
     */
    public List<Integer> rulesUsing(String ruleSetHref, String objectHref, CancellationToken token,
                                    Progress.Listener progress) {
        String rs = Hrefs.neutral(ruleSetHref);
        String object = Hrefs.neutral(objectHref);
        List<Integer> out = new ArrayList<>();
        for (RuleSet set : workspace.ruleSets("draft", token, progress)) {
            if (set.href() == null || !Hrefs.neutral(set.href()).equals(rs) || set.rules() == null) {
                continue;
            }
            for (int i = 0; i < set.rules().size(); i++) {
                if (names(set.rules().get(i), object)) {
                    out.add(i + 1);
                }
            }
        }
        return out;
    }

    private static boolean names(SecRule r, String object) {
        List<Actor> actors = new ArrayList<>();
        if (r.providers() != null) {
            actors.addAll(r.providers());
        }
        if (r.consumers() != null) {
            actors.addAll(r.consumers());
        }
        for (Actor a : actors) {
            for (Href h : new Href[]{a.ipList(), a.labelGroup(), a.workload(), a.virtualService(), a.virtualServer()}) {
                if (h != null && h.href() != null && Hrefs.neutral(h.href()).equals(object)) {
                    return true;
                }
            }
        }
        List<IngressService> services = new ArrayList<>();
        if (r.ingressServices() != null) {
            services.addAll(r.ingressServices());
        }
        if (r.egressServices() != null) {
            services.addAll(r.egressServices());
        }
        return services.stream().anyMatch(s -> s.href() != null && Hrefs.neutral(s.href()).equals(object));
    }

    /** Policy versions, newest first. */
    public List<PolicyVersion> versions(int max, CancellationToken token) {
        return api().versions(max, token);
    }

    /**
     * Every object that differs from {@code before} to {@code after} (each "draft", "active" or a
     * version number), named with the objects of both versions (an IP list new in one of them is
     * still named). Workloads are named only when the workspace already holds them (they can be
     * as large as the policy, and rules rarely name one).
     */
    public List<ObjectChange> diff(String before, String after, CancellationToken token, Progress.Listener progress) {
        PolicyData a = policy(before, token, progress);
        PolicyData b = policy(after, token, progress);
        progress.onProgress(Progress.phase("diff", "Comparing " + before + " with " + after));
        token.throwIfCancelled("Comparing policy versions");
        ObjectNames names = new ObjectNames(b.labels(), both(a.labelGroups(), b.labelGroups()),
                both(a.ipLists(), b.ipLists()), both(a.virtualServices(), b.virtualServices()),
                both(a.services(), b.services()));
        List<Workload> workloads = workspace.<List<Workload>>loaded(PolicyWorkspace.WORKLOADS, null).orElse(null);
        if (workloads != null) {
            names = names.withWorkloads(workloads);
        }
        return PolicyDiff.compare(a, b, names);
    }

    private PolicyData policy(String version, CancellationToken token, Progress.Listener progress) {
        return PolicyData.empty(version)
                .withRuleSets(workspace.ruleSets(version, token, progress))
                .withLabelGroups(workspace.labelGroups(version, token, progress))
                .withIpLists(workspace.ipLists(version, token, progress))
                .withServices(workspace.services(version, token, progress))
                .withVirtualServices(workspace.virtualServices(version, token, progress))
                .withEnforcementBoundaries(workspace.enforcementBoundaries(version, token, progress))
                .withLabels(workspace.labels(token, progress));
    }

    /** Both versions' objects; {@code after}'s come last, so their names win (the index keeps the last). */
    private static <T> List<T> both(List<T> before, List<T> after) {
        List<T> out = new ArrayList<>(before);
        out.addAll(after);
        return out;
    }
}
