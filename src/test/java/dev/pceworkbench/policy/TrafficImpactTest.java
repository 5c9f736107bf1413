package dev.pceworkbench.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.IpList;
import dev.pceworkbench.pce.model.IpRange;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.pce.model.ServicePort;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.policy.impact.ChangedFlow;
import dev.pceworkbench.policy.impact.ImpactFlow;
import dev.pceworkbench.policy.impact.ImpactGroup;
import dev.pceworkbench.policy.impact.ImpactKind;
import dev.pceworkbench.policy.impact.ImpactReport;
import dev.pceworkbench.policy.impact.TrafficImpact;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

import static dev.pceworkbench.policy.HandBuiltOrg.TCP;
import static dev.pceworkbench.policy.HandBuiltOrg.UDP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-worked traffic impact on {@link HandBuiltOrg}: the active policy is the standard org, the
 * draft changes it in five ways, and each flow's decisions were worked out by hand from the rules
 * (see each flow's comment). Enforcement: hrm-db full, hrm-web visibility only, hrm-db-prod
 * selective (inside boundary EB-Prod), erp-eu-db unmanaged, the others full.
 */
class TrafficImpactTest {
    static final Map<String, String> MODES = Map.of("hrm-web", "visibility_only", "hrm-db", "full", "erp-web", "full",
            "hrm-eu-web", "full", "hrm-db-prod", "selective");

    /** The org with managed workloads in their modes (erp-eu-db stays unmanaged). */
    static PolicyData managed(PolicyData d) {
        List<Workload> wl = new ArrayList<>();
        for (Workload w : d.workloads()) {
            String mode = MODES.get(w.name());
            wl.add(mode == null ? w : w.withEnforcementMode(mode).withExtra(Map.of("managed", BooleanNode.TRUE)));
        }
        return d.withWorkloads(wl);
    }

    static final PolicyData ACTIVE = managed(new HandBuiltOrg("active").standardRuleSets().data());
    static final PolicyData DRAFT = draft();

    /**
     * The draft: (1) RS-HRM-US-Dev loses rule 1 (DB ← Web on 5432); (2) IPL-Corp shrinks from
     * 10.0.0.0/8 to 10.1.0.0/16 (rule edge/1, Web ← IPL-Corp on 4443, itself unchanged); (3)
     * RS-Admin gains rule 2, All Workloads ← IPL-Admins on 3389; (4) EB-Prod is disabled; (5)
     * RS-Mixed is marked for deletion ({@code update_type: delete}); (6) S-Web's 8000-8100 TCP
     * becomes 8000-8200 (rule ports/1, Web ← DB on S-Web, is itself unchanged). RS-Regions is
     * renamed (no effect).
     */
    static PolicyData draft() {
        HandBuiltOrg org = new HandBuiltOrg("draft").standardRuleSets();
        PolicyData d = managed(org.data());
        List<RuleSet> sets = new ArrayList<>();
        for (RuleSet rs : d.ruleSets()) {
            switch (rs.name()) {
                case "RS-HRM-US-Dev" -> rs = rs.withRules(rs.rules().subList(1, 2));
                case "RS-Admin" -> {
                    SecRule r = SecRule.of(List.of(Actor.allWorkloads()), List.of(Actor.ipList(org.iplAdmins)),
                            List.of(IngressService.port(3389, TCP)));
                    r = new SecRule(rs.href() + "/sec_rules/2", null, null, r.providers(), r.consumers(),
                            r.ingressServices(), null, null, false, null, null, null, null, null, null, null);
                    rs = rs.withRules(List.of(rs.rules().get(0), r));
                }
                case "RS-Mixed" -> rs = rs.withExtra(Map.<String, JsonNode>of("update_type", TextNode.valueOf("delete")));
                case "RS-Regions" -> rs = rs.withName("RS-Regions-Renamed");
                default -> {
                }
            }
            sets.add(rs);
        }
        List<IpList> lists = d.ipLists().stream().map(l -> l.name().equals("IPL-Corp")
                ? l.withIpRanges(List.of(IpRange.of("10.1.0.0/16"))) : l).toList();
        List<dev.pceworkbench.pce.model.Service> services = d.services().stream().map(sv -> sv.name().equals("S-Web")
                ? sv.withServicePorts(List.of(ServicePort.of(80, TCP), ServicePort.range(8000, 8200, TCP))) : sv).toList();
        return d.withRuleSets(sets).withIpLists(lists).withServices(services)
                .withEnforcementBoundaries(d.enforcementBoundaries().stream().map(b -> b.withEnabled(false)).toList());
    }

    static ImpactFlow flow(String src, String srcIp, String dst, String dstIp, PortRange service, long connections) {
        return new ImpactFlow(src == null ? null : HandBuiltOrg.workload(src), srcIp,
                dst == null ? null : HandBuiltOrg.workload(dst), dstIp, service, connections);
    }

    static List<ImpactFlow> flows() {
        return List.of(
                // (1) allowed by hrm/1 now; hrm-db enforces fully: blocked. Seen three times.
                flow("hrm-web", "10.1.0.1", "hrm-db", "10.1.0.2", PortRange.of(TCP, 5432), 10),
                flow("hrm-web", "10.1.0.1", "hrm-db", "10.1.0.2", PortRange.of(TCP, 5432), 5),
                flow("hrm-web", "10.1.0.1", "hrm-db", "10.1.0.2", PortRange.of(TCP, 5432), 1),
                // (2) erp-web (10.2.0.1) was in IPL-Corp, is not now; hrm-web only watches: potentially blocked.
                flow("erp-web", "10.2.0.1", "hrm-web", "10.1.0.1", PortRange.of(TCP, 4443), 2),
                // (2) hrm-db (10.1.0.2) is still in IPL-Corp: allowed in both.
                flow("hrm-db", "10.1.0.2", "hrm-web", "10.1.0.1", PortRange.of(TCP, 4443), 2),
                // (3) from an admin address: blocked by hrm-db now, allowed by admin/2 after.
                flow(null, "192.168.1.7", "hrm-db", "10.1.0.2", PortRange.of(TCP, 3389), 4),
                // (3) the same to the unmanaged erp-eu-db: unknown in both.
                flow(null, "192.168.1.7", "erp-eu-db", "10.4.0.1", PortRange.of(TCP, 3389), 4),
                // (4) no rule in either; selective hrm-db-prod blocks inside EB-Prod, only watches once it is off.
                flow("hrm-web", "10.1.0.1", "hrm-db-prod", "10.5.0.1", PortRange.of(TCP, 5432), 7),
                // (5) allowed by mixed/1 now; RS-Mixed deleted: hrm-db blocks it.
                flow("erp-web", "10.2.0.1", "hrm-db", "10.1.0.2", PortRange.of(TCP, 6543), 3),
                // unchanged: regions/1 (renamed rule set) allows in both; RS-SNMP allows SNMP to Web in both.
                flow("hrm-web", "10.1.0.1", "hrm-db", "10.1.0.2", PortRange.of(TCP, 1521), 9),
                flow("hrm-db", "10.1.0.2", "hrm-web", "10.1.0.1", PortRange.of(UDP, 161), 9),
                // (6) no rule now (hrm-web only watches); ports/1 allows 8150 after.
                flow("hrm-db", "10.1.0.2", "hrm-web", "10.1.0.1", PortRange.of(TCP, 8150), 5),
                // (6) S-Web covers 80 in both: allowed in both, and not checked (S-Web changed only above 8100).
                flow("hrm-db", "10.1.0.2", "hrm-web", "10.1.0.1", PortRange.of(TCP, 80), 5),
                // unchanged: no rule in either, to a full workload: blocked in both.
                flow("hrm-web", "10.1.0.1", "hrm-db", "10.1.0.2", PortRange.of(TCP, 9), 1));
    }

    static ImpactReport impact(PolicyData active, PolicyData draft, List<ImpactFlow> flows) {
        return TrafficImpact.evaluate(flows, RuleSearchIndex.build(PolicyModel.build(active)),
                RuleSearchIndex.build(PolicyModel.build(draft)));
    }

    static String line(ChangedFlow c) {
        ImpactFlow f = c.flow();
        return (f.sourceWorkload() == null ? f.sourceIp() : f.sourceWorkload().substring("/orgs/1/workloads/".length()))
                + " → " + f.destinationWorkload().substring("/orgs/1/workloads/".length()) + " " + f.service() + ": "
                + c.before() + " → " + c.after();
    }

    @Test
    void theFlowsWhoseDecisionChangesAndHow() {
        ImpactReport r = impact(ACTIVE, DRAFT, flows());
        assertEquals(List.of(
                "hrm-web → hrm-db 5432 TCP: Allowed → Blocked",
                "hrm-web → hrm-db 5432 TCP: Allowed → Blocked",
                "hrm-web → hrm-db 5432 TCP: Allowed → Blocked",
                "erp-web → hrm-web 4443 TCP: Allowed → Potentially blocked",
                "192.168.1.7 → hrm-db 3389 TCP: Blocked → Allowed",
                "hrm-web → hrm-db-prod 5432 TCP: Blocked → Potentially blocked",
                "erp-web → hrm-db 6543 TCP: Allowed → Blocked",
                "hrm-db → hrm-web 8150 TCP: Potentially blocked → Allowed"), r.changed().stream().map(TrafficImpactTest::line).toList());
        assertEquals(14, r.flows());
        assertEquals(12, r.distinctFlows(), "the three 5432 flows are one");
        assertEquals(4, r.count(ImpactKind.NEWLY_BLOCKED));
        assertEquals(2, r.count(ImpactKind.NEWLY_ALLOWED));
        assertEquals(2, r.count(ImpactKind.NEWLY_POTENTIALLY_BLOCKED));
    }

    @Test
    void groupedBySourceLabelsDestinationLabelsAndPortWithCounts() {
        ImpactReport r = impact(ACTIVE, DRAFT, flows());
        assertEquals(List.of(
                "Newly allowed: app: HRM, env: Dev, loc: US, role: DB → app: HRM, env: Dev, loc: US, role: Web on 8150 TCP"
                        + " (1 flow, 5 connections)",
                "Newly allowed: 192.168.1.7 → app: HRM, env: Dev, loc: US, role: DB on 3389 TCP (1 flow, 4 connections)",
                "Newly blocked: app: HRM, env: Dev, loc: US, role: Web → app: HRM, env: Dev, loc: US, role: DB on 5432 TCP"
                        + " (3 flows, 16 connections)",
                "Newly blocked: app: ERP, env: Dev, loc: US, role: Web → app: HRM, env: Dev, loc: US, role: DB on 6543 TCP"
                        + " (1 flow, 3 connections)",
                "Newly potentially blocked: app: HRM, env: Dev, loc: US, role: Web → app: HRM, env: Prod, loc: US, role: DB"
                        + " on 5432 TCP (1 flow, 7 connections)",
                "Newly potentially blocked: app: ERP, env: Dev, loc: US, role: Web → app: HRM, env: Dev, loc: US, role: Web"
                        + " on 4443 TCP (1 flow, 2 connections)"),
                r.groups().stream().map(ImpactGroup::summary).toList());
    }

    @Test
    void onlyFlowsAChangedRuleOrBoundaryCouldTouchAreCheckedInFull() {
        ImpactReport r = impact(ACTIVE, DRAFT, flows());
        // Of the 12 distinct flows: the unmanaged destination is never checked; the SNMP flow (RS-SNMP
        // unchanged, RS-Monitoring unchanged) and port 9 touch no changed rule. 1521 is allowed by
        // regions/1, whose rule set was only renamed; S-Web on 80 did not change.
        assertEquals(7, r.checkedFlows(), "checked: 5432, 4443 (×2, IPL-Corp), 3389, 5432 to Prod, 6543, 8150");
    }

    @Test
    void aChangedServiceTouchesOnlyFlowsOnThePortsItGainedOrLost() {
        PolicyData standard = managed(new HandBuiltOrg("draft").standardRuleSets().data());
        PolicyData draft = standard.withServices(DRAFT.services());
        ImpactReport r = impact(ACTIVE, draft, flows());
        assertEquals(List.of("hrm-db → hrm-web 8150 TCP: Potentially blocked → Allowed"),
                r.changed().stream().map(TrafficImpactTest::line).toList());
        assertEquals(1, r.checkedFlows(), "only 8150 is on a port S-Web gained; 80 stays covered, the rest never were");
    }

    @Test
    void theSamePolicyChangesNothingAndChecksNothing() {
        ImpactReport r = impact(ACTIVE, managed(new HandBuiltOrg("draft").standardRuleSets().data()), flows());
        assertTrue(r.isEmpty());
        assertEquals(0, r.checkedFlows());
    }

    @Test
    void withoutTheShortcutTheAnswerIsTheSame() {
        // Different org data (one more label) turns the shortcut off: every flow is checked in full.
        PolicyData draft = DRAFT.withLabels(new ArrayList<>(DRAFT.labels()) {{
            add(new dev.pceworkbench.pce.model.Label("/orgs/1/labels/99", "env", "Test", null, null, null));
        }});
        ImpactReport full = impact(ACTIVE, draft, flows());
        ImpactReport fast = impact(ACTIVE, DRAFT, flows());
        assertEquals(fast.changed(), full.changed());
        assertEquals(11, full.checkedFlows(), "every managed destination with an address to match");
    }

    @Test
    void givenTheDiffAlreadyWorkedOutTheAnswerIsTheSame() {
        RuleSearchIndex a = RuleSearchIndex.build(PolicyModel.build(ACTIVE));
        RuleSearchIndex d = RuleSearchIndex.build(PolicyModel.build(DRAFT));
        ImpactReport given = TrafficImpact.evaluate(flows(), a, d,
                dev.pceworkbench.policy.diff.PolicyDiff.compare(ACTIVE, DRAFT, d.model().objectNames()), () -> false,
                TrafficImpact.ProgressListener.NONE);
        assertEquals(TrafficImpact.evaluate(flows(), a, d).changed(), given.changed());
        assertEquals(7, given.checkedFlows());
    }

    @Test
    void aTrafficDownloadIsReadAndCancellingStops() {
        List<ImpactFlow> many = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            many.addAll(flows());
        }
        RuleSearchIndex a = RuleSearchIndex.build(PolicyModel.build(ACTIVE));
        RuleSearchIndex d = RuleSearchIndex.build(PolicyModel.build(DRAFT));
        ImpactReport r = TrafficImpact.evaluate(many, a, d);
        assertEquals(12, r.distinctFlows());
        assertEquals(40_000, r.changed().size());
        Map<ImpactKind, Long> byKind = r.changed().stream().collect(Collectors.groupingBy(ChangedFlow::kind, Collectors.counting()));
        assertEquals(20_000L, byKind.get(ImpactKind.NEWLY_BLOCKED));
        assertEquals(6, r.groups().size());
        assertThrows(CancellationException.class, () -> TrafficImpact.evaluate(many, a, d, () -> true,
                TrafficImpact.ProgressListener.NONE));
    }
}
