package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.Progress;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.PendingChange;
import dev.pceworkbench.pce.model.PolicyVersion;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.task.TaskContext;
import dev.pceworkbench.workspace.PolicyWorkspace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The load tasks' bodies, off the FX thread. First {@link #run}: the version's rule sets and the
 * small collections their rules refer to (through the workspace, with progress), the draft's
 * pending rule sets, the list of policy versions and the table rows, which is all the table needs.
 * Then {@link #workloadNames}: the workloads, only to name workload actors (on a large PCE they
 * take as long as the rule sets, so the table does not wait for them); when the workspace already
 * holds them, the first step names them at once and the second is skipped.
 */
final class RuleSetsLoad {
    /** What a load produced. */
    record Result(String version, List<RuleSet> ruleSets, List<RuleSetRow> rows, ActorNames names,
                  List<String> versions, Map<String, String> versionTexts, long millis) {
    }

    private RuleSetsLoad() {
    }

    static Result run(PolicyWorkspace ws, String version, TaskContext ctx) {
        long t0 = System.nanoTime();
        CancellationToken token = ctx.token();
        Progress.Listener p = ctx.pceProgress();
        // The small collections the names need download beside the rule sets, not after them.
        ws.prefetch(version, token, PolicyWorkspace.LABELS, PolicyWorkspace.LABEL_GROUPS, PolicyWorkspace.IP_LISTS,
                PolicyWorkspace.VIRTUAL_SERVICES, PolicyWorkspace.SERVICES);
        // So do the pending changes and the policy versions: two small requests that need not wait.
        PceClient client = ws.client();
        var pendingChanges = "draft".equals(version)
                ? ws.beside(() -> client.provisioning().pending(token).of(PolicyWorkspace.RULE_SETS)) : null;
        var policyVersions = ws.beside(() -> client.provisioning().versions(100, token));
        List<RuleSet> ruleSets = ws.ruleSets(version, token, p);
        ActorNames names = ActorNames.withoutWorkloads(ws.labels(token, p), ws.labelGroups(version, token, p),
                ws.ipLists(version, token, p), ws.virtualServices(version, token, p), ws.services(version, token, p));
        Optional<List<Workload>> workloads = ws.loaded(PolicyWorkspace.WORKLOADS, null);
        if (workloads.isPresent()) {
            names = names.withWorkloads(workloads.get());
        }
        Set<String> pending = new HashSet<>();
        if (pendingChanges != null) {
            ctx.message("Reading pending changes");
            for (PendingChange c : pendingChanges.join(token)) {
                pending.add(Hrefs.neutral(c.href()));
            }
        }
        ctx.message("Reading policy versions");
        List<String> versions = new ArrayList<>();
        Map<String, String> versionTexts = new HashMap<>();
        for (PolicyVersion v : policyVersions.join(token)) {
            if (v.version() != null) {
                versions.add(v.version().toString());
                versionTexts.put(v.version().toString(), VersionTexts.of(v));
            }
        }
        ctx.message("Preparing " + ruleSets.size() + " rule sets");
        List<RuleSetRow> rows = new ArrayList<>(ruleSets.size());
        for (RuleSet rs : ruleSets) {
            boolean isPending = rs.updateType() != null || (rs.href() != null && pending.contains(Hrefs.neutral(rs.href())));
            rows.add(RuleSetRow.of(rs, names, isPending));
        }
        token.throwIfCancelled("Loading rule sets");
        return new Result(version, ruleSets, rows, names, versions, versionTexts, (System.nanoTime() - t0) / 1_000_000);
    }

    /** {@code names} plus the workloads' hostnames, loading the workloads through the workspace. */
    static ActorNames workloadNames(PolicyWorkspace ws, ActorNames names, TaskContext ctx) {
        List<Workload> workloads = ws.workloads(ctx.token(), ctx.pceProgress());
        ctx.message("Naming " + workloads.size() + " workloads");
        ActorNames named = names.withWorkloads(workloads);
        ctx.token().throwIfCancelled("Naming workloads");
        return named;
    }
}
