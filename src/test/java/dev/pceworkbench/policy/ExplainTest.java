package dev.pceworkbench.policy;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.ScopeEntry;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.pce.model.WorkloadInterface;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.pceworkbench.policy.HandBuiltOrg.TCP;
import static dev.pceworkbench.policy.HandBuiltOrg.label;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The explanation of an allowing rule writes every object as {@code Names} does. */
class ExplainTest {
    @Test
    void actorListsScopeExclusionsAndBlankHostnamesReadAsNamesWritesThem() {
        HandBuiltOrg org = new HandBuiltOrg("active");
        org.rule(List.of(label(org.db), Actor.labelGroup(org.lgData)), List.of(label(org.web), Actor.labelGroup(org.lgAmericas)),
                List.of(IngressService.port(5432, TCP)), false);
        org.ruleSet("x", "RS-X", true, List.of(List.of(ScopeEntry.label(org.hrm), new ScopeEntry(Href.of(org.prod), null, true, null))));
        PolicyData base = org.data();
        // A blank hostname falls back to the workload's name, as Names.workloadName does.
        Workload db = new Workload(HandBuiltOrg.workload("db-1"), "db-one", null, " ", null,
                List.of(Href.of(org.db), Href.of(org.hrm), Href.of(org.dev)), List.of(WorkloadInterface.of("eth0", "10.9.0.2")),
                null, null, null, null, null, null, null, null, null, null, null, null);
        PolicyData data = base.withWorkloads(List.of(db, base.workloads().get(0)));
        PolicyCheck check = new PolicyCheck(RuleSearchIndex.build(PolicyModel.build(data)));

        CheckResult r = check.check(Endpoint.workload(base.workloads().get(0).href()), Endpoint.workload(db.href()),
                PortRange.of(TCP, 5432));

        assertEquals(1, r.allows().size(), r.toString());
        assertEquals("Rule set 'RS-X' (scope app: HRM + not env: Prod): provider db-one matches role: DB, "
                + "label group LG-Data; consumer hrm-web matches role: Web, label group LG-Americas (intra-scope rule: both in "
                + "the scope); service 5432 TCP", r.allows().get(0).reason().text());
    }

    @Test
    void portRangesReadAsNamesWritesPorts() {
        assertEquals("443 TCP", PortRange.of(TCP, 443).toString());
        assertEquals("8000-8080 UDP", new PortRange(17, 8000, 8080).toString());
        assertEquals("GRE", PortRange.protocol(47).toString());
        assertEquals("protocol 99", PortRange.protocol(99).toString());
        assertEquals("All Services", PortRange.ALL.toString());
    }
}
