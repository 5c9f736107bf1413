package dev.pceworkbench.ui.rulesearch;

import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.pce.model.IpList;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.pce.model.ScopeEntry;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.pce.model.Service;
import dev.pceworkbench.pce.model.ServicePort;
import dev.pceworkbench.policy.PolicyData;
import dev.pceworkbench.policy.PolicyModel;
import dev.pceworkbench.policy.RuleHit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The results table writes rules as Names does: actor lists, services and scopes. */
class RuleRowTest {
    static final String P = "/orgs/1/sec_policy/active/";

    static Label label(int id, String key, String value) {
        return new Label("/orgs/1/labels/" + id, key, value, null, null, null);
    }

    @Test
    void rowsReadAsNamesWritesThem() {
        Label web = label(1, "role", "Web");
        Label crm = label(2, "app", "CRM");
        Label prod = label(3, "env", "Prod");
        Label erp = label(4, "app", "ERP");
        LabelGroup data = new LabelGroup(P + "label_groups/5", "LG-Data", null, "role", List.of(), List.of(), null);
        IpList corp = new IpList(P + "ip_lists/3", "Corp", null, List.of(), null, null);
        Service sWeb = new Service(P + "services/7", "S-Web", null, null, null, List.of(ServicePort.of(80, 6)), null, null);
        // The rules name policy objects in draft form; the names are found in any version.
        SecRule first = SecRule.of(List.of(Actor.label(web.href()), Actor.ipList(corp.href().replace("/active/", "/draft/"))),
                List.of(Actor.allWorkloads()), List.of(IngressService.service(sWeb.href()), IngressService.range(8000, 8080, 17)));
        SecRule second = SecRule.of(List.of(Actor.labelGroup(data.href())), List.of(Actor.label(web.href())), List.of())
                .withUnscopedConsumers(true).withEnabled(false);
        RuleSet scoped = new RuleSet(P + "rule_sets/1", "RS-CRM", null, true,
                List.of(List.of(ScopeEntry.label(crm.href()), new ScopeEntry(Href.of(prod.href()), null, true, null)),
                        List.of(ScopeEntry.label(erp.href()))), List.of(first, second), null, null);
        RuleSet global = new RuleSet(P + "rule_sets/2", "RS-Global", null, true, List.of(), List.of(first), null, null);
        PolicyData d = PolicyData.empty("active").withLabels(List.of(web, crm, prod, erp)).withLabelGroups(List.of(data))
                .withIpLists(List.of(corp)).withServices(List.of(sWeb)).withRuleSets(List.of(scoped, global));
        PolicyModel model = PolicyModel.build(d);
        List<RuleHit> hits = new ArrayList<>();
        for (int i = 0; i < model.ruleCount(); i++) {
            hits.add(new RuleHit(model.ruleSetOf(i), model.rule(i), i));
        }

        List<RuleRow> rows = RuleRow.of(hits, model);

        RuleRow a = rows.get(0);
        assertEquals(1, a.number());
        assertEquals("role: Web, IP list Corp", a.providers());
        assertEquals("All Workloads", a.consumers());
        assertEquals("S-Web, 8000-8080 UDP", a.services());
        assertEquals("app: CRM + not env: Prod | app: ERP", a.scope());
        assertEquals(RuleRow.INTRA, a.kind());
        RuleRow b = rows.get(1);
        assertEquals(2, b.number());
        assertEquals("label group LG-Data", b.providers());
        assertEquals("role: Web", b.consumers());
        assertEquals(RuleRow.NO_SERVICES, b.services());
        assertEquals(RuleRow.EXTRA, b.kind());
        assertEquals(false, b.enabled());
        RuleRow c = rows.get(2);
        assertEquals(1, c.number(), "numbers count within each rule set");
        assertEquals("All", c.scope());
    }
}
