package dev.pceworkbench.policy.traffic;

import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.pce.model.TrafficFlow;
import dev.pceworkbench.policy.impact.Decision;
import dev.pceworkbench.policy.names.NameLookup;
import dev.pceworkbench.policy.names.ObjectKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Group-by summaries over hand-made flows. */
class FlowSummaryTest {
    static String wl(String href, String... labels) {
        StringBuilder b = new StringBuilder("{'href':'" + href + "','name':'" + href.substring(href.lastIndexOf('/') + 1)
                + "','labels':[");
        for (int i = 0; i < labels.length; i++) {
            String[] kv = labels[i].split("=");
            b.append(i == 0 ? "" : ",").append("{'href':'/orgs/1/labels/").append(kv[0]).append('-').append(kv[1])
                    .append("','key':'").append(kv[0]).append("','value':'").append(kv[1]).append("'}");
        }
        return b.append("]}").toString();
    }

    static TrafficFlow flow(String src, String dst, int port, int proto, String decision, int connections,
                            String first, String last) {
        String json = "{'src':" + src + ",'dst':" + dst + ",'service':{'port':" + port + ",'proto':" + proto + "},"
                + "'num_connections':" + connections + ",'policy_decision':'" + decision + "',"
                + "'timestamp_range':{'first_detected':'" + first + "','last_detected':'" + last + "'}}";
        try {
            return PceJson.mapper().readValue(json.replace('\'', '"'), TrafficFlow.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String at(String ip, String workload) {
        return "{'ip':'" + ip + "'" + (workload == null ? "" : ",'workload':" + workload) + "}";
    }

    static final String WEB = at("10.0.0.1", wl("/orgs/1/workloads/web1", "role=Web", "app=Shop", "env=Prod"));
    static final String WEB2 = at("10.0.0.2", wl("/orgs/1/workloads/web2", "role=Web", "app=Shop", "env=Prod"));
    static final String DB = at("10.0.0.3", wl("/orgs/1/workloads/db1", "role=DB", "app=Shop", "env=Prod"));
    static final String PAY = at("10.0.0.4", wl("/orgs/1/workloads/pay1", "role=API", "app=Pay"));
    static final String OUT = "{'ip':'203.0.113.9','ip_lists':[{'href':'/orgs/1/sec_policy/active/ip_lists/1','name':'Any'}]}";

    static final List<TrafficFlow> FLOWS = List.of(
            flow(WEB, DB, 5432, 6, "allowed", 10, "2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z"),
            flow(WEB2, DB, 5432, 6, "blocked", 5, "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"),
            flow(PAY, DB, 5432, 6, "potentially_blocked", 1, "2026-01-05T00:00:00Z", "2026-01-06T00:00:00Z"),
            flow(OUT, WEB, 443, 6, "allowed", 100, "2026-01-01T00:00:00Z", "2026-01-09T00:00:00Z"),
            flow(WEB, DB, 22, 6, "allowed", 1, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"));

    @Test
    void appGroupSummaryGroupsAppAndEnvToAppAndEnvOnPort() {
        List<FlowSummary.Row> rows = FlowSummary.groupBy(FLOWS, FlowSummary.appGroupDimensions(), null, NameLookup.NONE);
        assertEquals(4, rows.size(), rows.toString());
        // Most connections first: the internet to the web tier.
        FlowSummary.Row top = rows.get(0);
        assertEquals("IP list Any → app: Shop | env: Prod → 443 TCP", top.text());
        assertEquals(ObjectKind.IP_LIST, top.values().get(0).names().get(0).kind());
        FlowSummary.Row pg = rows.get(1);
        assertEquals("app: Shop | env: Prod → app: Shop | env: Prod → 5432 TCP", pg.text());
        assertEquals(2, pg.flowCount());
        assertArrayEquals(new int[]{0, 1}, pg.flows());
        assertEquals(15, pg.connections());
        assertEquals(1, pg.decisions(Decision.ALLOWED));
        assertEquals(1, pg.decisions(Decision.BLOCKED));
        assertEquals("2026-01-01T00:00:00Z", pg.firstSeen());
        assertEquals("2026-01-03T00:00:00Z", pg.lastSeen());
        assertEquals(2, pg.values().get(0).names().size(), "label chips for app and env");
        FlowSummary.Row pay = rows.stream().filter(r -> r.text().startsWith("app: Pay")).findFirst().orElseThrow();
        assertEquals("app: Pay | no env → app: Shop | env: Prod → 5432 TCP", pay.text(), "a missing label says so");
    }

    @Test
    void anyDimensionWithDraftDecisions() {
        Decision[] draft = {Decision.ALLOWED, Decision.ALLOWED, Decision.BLOCKED, Decision.ALLOWED, Decision.BLOCKED};
        List<FlowSummary.Row> rows = FlowSummary.groupBy(FLOWS, List.of(FlowSummary.Dimension.service(),
                FlowSummary.Dimension.decision()), draft, NameLookup.NONE);
        assertEquals(List.of("443 TCP → Allowed", "5432 TCP → Allowed", "5432 TCP → Blocked",
                "22 TCP → Allowed", "5432 TCP → Potentially blocked"), rows.stream().map(FlowSummary.Row::text).toList());
        FlowSummary.Row blockedNow = rows.get(2);
        assertEquals(1, blockedNow.draftDecisions(Decision.ALLOWED), "allowed in the draft");

        List<FlowSummary.Row> byWorkload = FlowSummary.groupBy(FLOWS, List.of(FlowSummary.Dimension.workload(
                FlowSummary.End.DESTINATION), FlowSummary.Dimension.draftDecision()), draft, NameLookup.NONE);
        assertEquals(List.of("workload web1 → Allowed", "workload db1 → Allowed", "workload db1 → Blocked"),
                byWorkload.stream().map(FlowSummary.Row::text).toList());
        assertEquals(2, byWorkload.get(2).flowCount());
        assertThrows(IllegalArgumentException.class, () -> FlowSummary.Dimension.sourceLabels());
        assertThrows(IllegalArgumentException.class, () -> new FlowSummary.Dimension(FlowSummary.Kind.SERVICE,
                FlowSummary.End.SOURCE, null));
    }

    @Test
    void ipListsOfEndpointsWithoutAnyGroupByTheirAddress() {
        // The PCE leaves ip_lists out for workloads: such an endpoint groups by its address.
        List<FlowSummary.Row> rows = FlowSummary.groupBy(FLOWS, List.of(FlowSummary.Dimension.ipList(FlowSummary.End.SOURCE),
                FlowSummary.Dimension.ipList(FlowSummary.End.DESTINATION)), null, NameLookup.NONE);
        assertEquals(List.of("IP list Any → 10.0.0.1", "10.0.0.1 → 10.0.0.3", "10.0.0.2 → 10.0.0.3", "10.0.0.4 → 10.0.0.3"),
                rows.stream().map(FlowSummary.Row::text).toList());
        assertArrayEquals(new int[]{0, 4}, rows.get(1).flows());
    }
}
