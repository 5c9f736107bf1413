package dev.pceworkbench.ui.policycheck;

import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.policy.Endpoint;
import dev.pceworkbench.policy.PolicyCheck;
import dev.pceworkbench.policy.PortRange;
import dev.pceworkbench.policy.RuleSearchIndex;
import dev.pceworkbench.policy.names.Names;
import dev.pceworkbench.ui.common.policy.PortSpec;
import dev.pceworkbench.ui.rulesearch.SearchDemo;
import dev.pceworkbench.workspace.PolicyWorkspace;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Test tuples found in the demo data by asking the engine, never written down: a workload-to-workload
 * connection some rule allows now, and one that no rule allows in either version.
 */
record CheckTuples(Workload consumer, Workload provider, PortRange service, PolicyCheck.Comparison comparison) {

    String serviceText() {
        return PortSpec.format(service);
    }

    String consumerText() {
        return Names.workloadName(consumer);
    }

    String providerText() {
        return Names.workloadName(provider);
    }

    /** The first tuple of the kind asked for in the workspace's active and draft versions. */
    static CheckTuples find(PolicyWorkspace workspace, boolean allowed) {
        return find(SearchDemo.index(workspace, "active"), SearchDemo.index(workspace, "draft"), allowed);
    }

    static CheckTuples find(RuleSearchIndex active, RuleSearchIndex draft, boolean allowed) {
        PolicyCheck a = new PolicyCheck(active);
        PolicyCheck d = new PolicyCheck(draft);
        Set<PortRange> ports = new LinkedHashSet<>();
        for (RuleSet rs : active.model().data().ruleSets()) {
            for (SecRule r : rs.rules()) {
                for (IngressService s : r.ingressServices()) {
                    if (!s.serviceRef() && s.port() != null && s.proto() != null && (s.proto() == 6 || s.proto() == 17)) {
                        ports.add(PortRange.of(s.proto(), s.port()));
                    }
                }
            }
        }
        List<Workload> ws = active.model().workloads();
        for (PortRange p : ports) {
            for (Workload c : ws) {
                for (Workload pr : ws) {
                    if (c == pr) {
                        continue;
                    }
                    PolicyCheck.Comparison cmp = PolicyCheck.compare(a, d, Endpoint.workload(c.href()),
                            Endpoint.workload(pr.href()), p);
                    boolean any = cmp.allowedNow() || cmp.allowedAfterProvisioning();
                    if (allowed ? cmp.allowedNow() && cmp.allowedAfterProvisioning() : !any) {
                        return new CheckTuples(c, pr, p, cmp);
                    }
                }
            }
        }
        throw new AssertionError("the demo data has no " + (allowed ? "allowed" : "unallowed") + " connection");
    }

    /**
     * A workload-to-workload connection nothing allows in the draft while a disabled rule (or a rule
     * of a disabled rule set) would: ports from the disabled rules, then every pair the engine tries.
     */
    static CheckTuples findDisabled(PolicyWorkspace workspace) {
        RuleSearchIndex active = SearchDemo.index(workspace, "active");
        RuleSearchIndex draft = SearchDemo.index(workspace, "draft");
        PolicyCheck a = new PolicyCheck(active);
        PolicyCheck d = new PolicyCheck(draft);
        Set<PortRange> ports = new LinkedHashSet<>();
        for (RuleSet rs : draft.model().data().ruleSets()) {
            for (SecRule r : rs.rules()) {
                if (Boolean.FALSE.equals(rs.enabled()) || Boolean.FALSE.equals(r.enabled())) {
                    for (IngressService s : r.ingressServices()) {
                        if (!s.serviceRef() && s.port() != null && s.proto() != null && (s.proto() == 6 || s.proto() == 17)) {
                            ports.add(PortRange.of(s.proto(), s.port()));
                        }
                    }
                }
            }
        }
        // Disabled rules often name service objects (or All Services): their ports too, then common ones.
        for (var svc : draft.model().data().services()) {
            for (var sp : svc.servicePorts()) {
                if (sp.port() != null && sp.proto() != null && (sp.proto() == 6 || sp.proto() == 17)) {
                    ports.add(PortRange.of(sp.proto(), sp.port()));
                }
            }
        }
        ports.add(PortRange.of(6, 443));
        ports.add(PortRange.of(6, 22));
        List<Workload> ws = draft.model().workloads();
        for (PortRange p : ports) {
            for (Workload c : ws) {
                for (Workload pr : ws) {
                    if (c == pr) {
                        continue;
                    }
                    Endpoint ce = Endpoint.workload(c.href());
                    Endpoint pe = Endpoint.workload(pr.href());
                    PolicyCheck.Comparison cmp = PolicyCheck.compare(a, d, ce, pe, p);
                    if (!cmp.allowedAfterProvisioning() && !d.disabledAllows(ce, pe, p).isEmpty()) {
                        return new CheckTuples(c, pr, p, cmp);
                    }
                }
            }
        }
        throw new AssertionError("the demo data has no connection only a disabled rule would allow");
    }
}
