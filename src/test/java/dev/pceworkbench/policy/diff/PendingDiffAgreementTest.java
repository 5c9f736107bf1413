package dev.pceworkbench.policy.diff;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.PendingChange;
import dev.pceworkbench.pce.model.PendingChanges;
import dev.pceworkbench.policy.PolicyData;
import dev.pceworkbench.policy.PolicyDataLoader;
import dev.pceworkbench.policy.PolicyModel;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.testing.DemoPces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The diff against the demo PCE over HTTPS: the draft and the active policy loaded through the
 * client and compared must name exactly the objects {@code GET sec_policy/pending} lists, for every
 * type the diff covers, each with the matching kind of change (create = added, update = modified,
 * delete = deleted): every pending href appears, nothing else. The expectation is read from the
 * demo's pending list, so the test holds whatever pending changes its data set carries.
 */
class PendingDiffAgreementTest {
    /** The pending list's type for each kind of object the diff compares. */
    static final Map<ObjectKind, String> TYPES = Map.of(ObjectKind.RULE_SET, "rule_sets", ObjectKind.IP_LIST, "ip_lists",
            ObjectKind.SERVICE, "services", ObjectKind.LABEL_GROUP, "label_groups",
            ObjectKind.VIRTUAL_SERVICE, "virtual_services", ObjectKind.ENFORCEMENT_BOUNDARY, "enforcement_boundaries");

    static DemoPce pce;
    static PceClient client;

    @BeforeAll
    static void start() throws Exception {
        pce = DemoPces.startSmall();
        client = DemoPces.client(pce);
    }

    @AfterAll
    static void stop() {
        pce.close();
    }

    @Test
    void theDiffOfDraftAndActiveIsExactlyWhatIsPending() {
        PolicyData active = PolicyDataLoader.load(client, "active");
        PolicyData draft = PolicyDataLoader.load(client, "draft");
        PendingChanges pending = client.provisioning().pending(CancellationToken.none());

        Map<String, String> expected = new TreeMap<>();
        for (String type : TYPES.values()) {
            for (PendingChange p : pending.of(type)) {
                expected.put(type + " " + Hrefs.neutral(p.href()), p.updateType());
            }
        }
        assertFalse(expected.isEmpty(), "the demo's data set leaves changes pending");

        Map<String, String> actual = new TreeMap<>();
        for (ObjectChange c : PolicyDiff.compare(active, draft, PolicyModel.build(draft).objectNames())) {
            String type = TYPES.get(c.kind());
            assertTrue(type != null, "a kind the diff covers: " + c.kind());
            String previous = actual.put(type + " " + c.href(), c.change().updateType());
            assertEquals(null, previous, "each object once: " + c.href());
            assertFalse(c.name().contains("/orgs/"), "named, not an href: " + c.name());
            if (c.change() == ChangeKind.MODIFIED) {
                assertTrue(!c.fields().isEmpty() || !c.parts().isEmpty(), "a modified object says what changed: " + c.href());
            }
        }
        assertEquals(expected, actual, "the diff's changed objects (type href → update_type) against sec_policy/pending");
    }
}
