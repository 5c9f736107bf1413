package dev.pceworkbench.ui.provision;

import dev.pceworkbench.pce.model.ModifiedObject;
import dev.pceworkbench.policy.diff.ChangeKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A modified object is named by its name; without one, by its type and short id, never by its href. */
class ModifiedRowTest {
    private static ModifiedObject object(String type, String href, String name, String updateType) {
        return new ModifiedObject(type, href, name, updateType, null, null);
    }

    @Test
    void aNamedObjectIsShownByItsName() {
        ModifiedRow r = ModifiedRow.of(object(null, "/orgs/1/sec_policy/5/rule_sets/12", "RS-Web", "update"));
        assertEquals("RS-Web", r.name());
        assertEquals(ChangeKind.MODIFIED, r.kind());
    }

    @Test
    void aBlankNameFallsBackToTypeAndShortId() {
        ModifiedRow r = ModifiedRow.of(object(null, "/orgs/1/sec_policy/5/ip_lists/77", "  ", "create"));
        assertEquals(r.typeText() + " 77", r.name());
        assertEquals(ChangeKind.ADDED, r.kind());
    }

    @Test
    void noNameAndNoHrefIsTheTypeAlone() {
        ModifiedRow r = ModifiedRow.of(object("services", null, null, "delete"));
        assertEquals(r.typeText(), r.name());
        assertEquals(ChangeKind.REMOVED, r.kind());
    }

    @Test
    void theFirewallSettingsAreNamedByTheirType() {
        ModifiedRow r = ModifiedRow.of(object(null, "/orgs/1/sec_policy/3/firewall_settings", null, "update"));
        assertEquals("Firewall settings", r.name());
    }
}
