package dev.pceworkbench.ui.policycheck;

import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.policy.CheckResult;
import dev.pceworkbench.policy.Endpoint;
import dev.pceworkbench.policy.PolicyCheck;
import dev.pceworkbench.policy.PortRange;
import dev.pceworkbench.policy.RuleSearchIndex;
import dev.pceworkbench.policy.names.Names;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.ui.common.Verdict;
import dev.pceworkbench.ui.common.policy.ActorOption;
import dev.pceworkbench.ui.common.policy.ActorOptions;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * The active and draft policy checks over the workspace's two indexes, with what a check needs
 * around them: the workloads to resolve what a user typed (hostname, name, href, or an IP address)
 * and names for the answers. Built in a background task, then used from any thread.
 */
final class Checker {
    final RuleSearchIndex activeIndex;
    final RuleSearchIndex draftIndex;
    final PolicyCheck active;
    final PolicyCheck draft;
    private final Supplier<ActorOptions> workloadOptions;
    private volatile ActorOptions workloads;

    /** @param workloads the workloads as the picker offers them (asked only when a typed name must be resolved) */
    Checker(RuleSearchIndex activeIndex, RuleSearchIndex draftIndex, Supplier<ActorOptions> workloads) {
        this.activeIndex = activeIndex;
        this.draftIndex = draftIndex;
        this.active = new PolicyCheck(activeIndex);
        this.draft = new PolicyCheck(draftIndex);
        this.workloadOptions = workloads;
    }

    /** The workloads a typed name is looked up in (made on first use, off the FX thread). */
    private ActorOptions workloads() {
        ActorOptions w = workloads;
        if (w == null) {
            w = workloadOptions.get();
            workloads = w;
        }
        return w;
    }

    /**
     * The endpoint a user typed for {@code role} ("consumer" or "provider").
     *
     * @throws IllegalArgumentException with a message saying how to fix it
     */
    Endpoint endpoint(String role, String typed) {
        String t = typed == null ? "" : typed.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("Type the " + role + ": a workload (hostname, name or href) or an IP address.");
        }
        ActorOption o = workloads().resolve(t).orElseThrow(() -> new IllegalArgumentException(
                capital(role) + " '" + t + "' is neither a workload nor an IP address. Pick a workload from the "
                        + "suggestions (search by hostname, name or label), or type an IP address such as 10.0.0.5."));
        return o.ip() != null ? Endpoint.ip(o.ip()) : Endpoint.workload(o.workloadHref());
    }

    PolicyCheck.Comparison compare(Endpoint consumer, Endpoint provider, PortRange service) {
        return PolicyCheck.compare(active, draft, consumer, provider, service);
    }

    /**
     * The verdict of one version's answer: allowed; blocked when an enforcement boundary denies it or
     * the provider enforces fully; potentially blocked when the provider only watches (visibility
     * only, selective or idle: it would be blocked once enforced); otherwise not allowed (an address
     * or an unmanaged workload: no enforcement known on the provider).
     */
    Verdict verdict(CheckResult r, Endpoint provider) {
        if (r.allowed()) {
            return Verdict.ALLOWED;
        }
        if (!r.boundaries().isEmpty()) {
            return Verdict.BLOCKED;
        }
        Workload w = provider.isWorkload() ? draftIndex.model().workload(provider.workloadHref()) : null;
        String mode = w == null || w.enforcementMode() == null ? "" : w.enforcementMode();
        return switch (mode) {
            case "full" -> Verdict.BLOCKED;
            case "visibility_only", "selective", "idle" -> Verdict.POTENTIALLY_BLOCKED;
            default -> Verdict.NOT_ALLOWED;
        };
    }

    /** "workload web-01" or "IP address 10.0.0.5", for answers. */
    String describe(Endpoint e) {
        if (!e.isWorkload()) {
            return ObjectKind.IP_ADDRESS.singular() + " " + Names.ipAddress(e.ip().toString()).display();
        }
        var w = draftIndex.model().workload(e.workloadHref());
        return w == null ? e.workloadHref() : Names.workload(w).display();
    }

    private static String capital(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
