package dev.pceworkbench.policy.impact;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.api.ChangeSubset;
import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.PendingChange;
import dev.pceworkbench.pce.model.PendingChanges;
import dev.pceworkbench.policy.PolicyData;
import dev.pceworkbench.policy.PolicyDataLoader;
import dev.pceworkbench.policy.PolicyModel;
import dev.pceworkbench.policy.diff.ObjectChange;
import dev.pceworkbench.policy.diff.PolicyDiff;
import dev.pceworkbench.testing.DemoPces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Active plus the selected draft changes", checked against the demo PCE over HTTPS: it differs
 * from active in exactly the selected objects, it is the draft when everything is selected, and it
 * is what the PCE's active policy becomes once that selection is provisioned.
 */
class PartialProvisionTest {
    static final Set<String> SELECTION = Set.of("RS-CRM-Partner-VPN", "IPL-Partner-VPN", "S-Partner-Portal",
            "IPL-Vendor-Legacy", "S-Web-Alt");

    DemoPce pce;
    PceClient client;

    @BeforeEach
    void start() throws Exception {
        pce = DemoPces.startSmall();
        client = DemoPces.client(pce);
    }

    @AfterEach
    void stop() {
        pce.close();
    }

    private List<PendingChange> pending() {
        PendingChanges p = client.provisioning().pending(CancellationToken.none());
        return p.changes().values().stream().flatMap(List::stream).toList();
    }

    private static Set<String> changedHrefs(PolicyData from, PolicyData to) {
        return PolicyDiff.compare(from, to, PolicyModel.build(to).objectNames()).stream().map(ObjectChange::href)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void differsFromActiveInExactlyTheSelectedChangesAndIsWhatThePceProvisions() {
        PolicyData active = PolicyDataLoader.load(client, "active");
        PolicyData draft = PolicyDataLoader.load(client, "draft");
        List<PendingChange> chosen = pending().stream().filter(p -> p.name() != null && SELECTION.contains(p.name())).toList();
        assertEquals(SELECTION.size(), chosen.size(), "the data set has these pending: " + chosen);
        Set<String> hrefs = chosen.stream().map(PendingChange::href).collect(Collectors.toSet());

        PolicyData partial = PartialProvision.of(active, draft, hrefs);
        Set<String> expected = hrefs.stream().map(Hrefs::neutral).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, changedHrefs(active, partial), "only the selected objects differ from active");
        assertTrue(partial.ipLists().stream().noneMatch(l -> "IPL-Vendor-Legacy".equals(l.name())),
                "a selected deletion is gone");

        client.provisioning().provision("The selection", ChangeSubset.of(hrefs), CancellationToken.none());
        PolicyData provisioned = PolicyDataLoader.load(client, "active");
        assertEquals(Set.of(), changedHrefs(provisioned, partial), "the PCE's new active policy is the partial one");
    }

    @Test
    void everythingSelectedIsTheDraft() {
        PolicyData active = PolicyDataLoader.load(client, "active");
        PolicyData draft = PolicyDataLoader.load(client, "draft");
        Set<String> all = pending().stream().map(PendingChange::href).collect(Collectors.toSet());
        assertEquals(Set.of(), changedHrefs(PartialProvision.of(active, draft, all), draft));
        assertEquals(Set.of(), changedHrefs(PartialProvision.of(active, draft, Set.of()), active), "nothing selected is active");
    }
}
