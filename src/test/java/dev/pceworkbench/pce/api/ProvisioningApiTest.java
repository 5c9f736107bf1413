package dev.pceworkbench.pce.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.api.ApiVariants;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceApiException;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.model.DependencyReport;
import dev.pceworkbench.pce.model.ModifiedObject;
import dev.pceworkbench.pce.model.PendingChange;
import dev.pceworkbench.pce.model.PendingChanges;
import dev.pceworkbench.pce.model.PolicyDependency;
import dev.pceworkbench.pce.model.PolicyVersion;
import dev.pceworkbench.testing.DemoPces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provisioning client against the demo PCE over verified HTTPS, each test on a fresh demo
 * (its data set leaves rule sets, IP lists, services and label groups created, updated and deleted
 * in the draft, plus a security-settings edit): pending changes, dependencies in both answer
 * shapes, provisioning a subset (refused without its dependencies, with the PCE's own message),
 * history with {@code modified_objects} and both forms of {@code object_counts}, and revert.
 */
class ProvisioningApiTest {
    private static final CancellationToken NONE = CancellationToken.none();
    private static final String FIREWALL = "/orgs/1/sec_policy/draft/firewall_settings";

    DemoPce pce;
    PceClient client;
    ProvisioningApi api;

    @BeforeEach
    void start() throws Exception {
        pce = DemoPces.startSmall();
        client = DemoPces.client(pce);
        api = client.provisioning();
    }

    @AfterEach
    void stop() {
        pce.close();
    }

    private String pendingHref(String type, String updateType) {
        return api.pending(NONE).of(type).stream().filter(c -> c.updateType().equals(updateType))
                .findFirst().orElseThrow(() -> new AssertionError("no pending " + updateType + " of " + type)).href();
    }

    private static Set<String> dependencyHrefs(List<PolicyDependency> deps) {
        return deps.stream().map(PolicyDependency::dependencyHref).collect(Collectors.toSet());
    }

    @Test
    void pendingShowsEveryKindOfChangeAndTheSecuritySettingsAsOneObject() {
        PendingChanges pending = api.pending(NONE);
        for (String type : List.of("rule_sets", "ip_lists", "services", "label_groups")) {
            assertEquals(Set.of("create", "update", "delete"),
                    pending.of(type).stream().map(PendingChange::updateType).collect(Collectors.toSet()), type);
        }
        assertEquals(Set.of("firewall_settings"), pending.singleObjectTypes(), "the PCE sends firewall_settings as an object");
        PendingChange fw = pending.of("firewall_settings").get(0);
        assertEquals(FIREWALL, fw.href());
        assertEquals("update", fw.updateType());
        assertTrue(fw.caps().contains("provision"));
        JsonNode raw = client.raw().get("/sec_policy/pending", true, Map.of(), NONE).json();
        assertTrue(raw.get("firewall_settings").isObject(), raw.toString());
    }

    @Test
    void dependenciesAreReadInBothShapes() {
        String rs = pendingHref("rule_sets", "create");
        Set<String> expected = Set.of(pendingHref("ip_lists", "create"), pendingHref("services", "create"));

        DependencyReport list = api.dependencyReport(ChangeSubset.of(rs), true, NONE);
        assertEquals(DependencyReport.Shape.LIST, list.shape());
        assertEquals(expected, dependencyHrefs(list.dependencies()));
        list.dependencies().forEach(d -> assertEquals(rs, d.requiredBy().get("rule_sets").get(0).href()));
        assertEquals(list.dependencies(), api.dependencies(ChangeSubset.of(rs), true, NONE), "the list-only call agrees");

        pce.variants().dependencies(ApiVariants.DependencyShape.BY_TYPE);
        DependencyReport byType = api.dependencyReport(ChangeSubset.of(rs), true, NONE);
        assertEquals(DependencyReport.Shape.BY_TYPE, byType.shape());
        assertEquals(expected, dependencyHrefs(byType.dependencies()));
        assertEquals(Set.of("ip_lists", "services"),
                byType.dependencies().stream().map(PolicyDependency::dependencyType).collect(Collectors.toSet()));
        byType.dependencies().forEach(d -> assertEquals(rs, d.requiredBy().get("rule_sets").get(0).href()));
        assertEquals(expected, dependencyHrefs(api.dependencies(ChangeSubset.of(rs), true, NONE)));

        List<String> closed = List.of(rs, pendingHref("ip_lists", "create"), pendingHref("services", "create"));
        DependencyReport none = api.dependencyReport(ChangeSubset.of(closed), true, NONE);
        assertTrue(none.isEmpty());
        assertEquals(DependencyReport.Shape.BY_TYPE, none.shape(), "{} is the type-keyed shape, empty");

        // Reverting the new service alone would leave the new rule set pointing at nothing.
        pce.variants().dependencies(ApiVariants.DependencyShape.LIST);
        DependencyReport revert = api.dependencyReport(ChangeSubset.of(pendingHref("services", "create")), false, NONE);
        assertEquals(Set.of(rs), dependencyHrefs(revert.dependencies()));
    }

    @Test
    void aRuleSetIsRefusedWithoutItsDependenciesThenProvisionedWithThem() {
        String rs = pendingHref("rule_sets", "create");
        String ipl = pendingHref("ip_lists", "create");
        String svc = pendingHref("services", "create");
        int before = api.versions(1, NONE).get(0).version();

        PceApiException refused = assertThrows(PceApiException.class,
                () -> api.provision("rule set alone", ChangeSubset.of(rs), NONE));
        assertEquals(406, refused.status());
        String pceMessage = refused.errors().get(0).message();
        assertTrue(pceMessage.contains(ipl) && pceMessage.contains(svc), pceMessage);
        assertTrue(refused.getMessage().contains(pceMessage), "the PCE's own words reach the user: " + refused.getMessage());
        assertEquals(before, api.versions(1, NONE).get(0).version(), "nothing was provisioned");

        // A rule's href stands for its rule set.
        String ruleHref = client.ruleSets().get(rs).rules().get(0).href();
        PolicyVersion v = api.provision("rule set with its IP list and service", ChangeSubset.of(ruleHref, ipl, svc), NONE);
        assertEquals(before + 1, v.version());
        assertEquals("rule set with its IP list and service", v.commitMessage());
        assertEquals("/orgs/1/sec_policy/" + v.version(), v.href());

        List<ModifiedObject> modified = api.modifiedObjects(v.version(), NONE);
        assertEquals(Set.of(rs, ipl, svc), modified.stream().map(ModifiedObject::href).collect(Collectors.toSet()),
                "modified_objects lists exactly what was provisioned");
        assertEquals(3, modified.size());
        modified.forEach(m -> assertEquals("create", m.updateType(), m.href()));
        assertEquals(Set.of("rule_sets", "ip_lists", "services"),
                modified.stream().map(ModifiedObject::type).collect(Collectors.toSet()));

        PendingChanges after = api.pending(NONE);
        assertTrue(after.changeSubset().values().stream().flatMap(List::stream).noneMatch(h ->
                Set.of(rs, ipl, svc).contains(h.href())), "no longer pending");
        assertEquals(Set.of("update", "delete"),
                after.of("rule_sets").stream().map(PendingChange::updateType).collect(Collectors.toSet()),
                "the other rule-set changes stay pending");
    }

    @Test
    void historyIsNewestFirstAndReadsBothFormsOfObjectCounts() {
        String svc = pendingHref("services", "update");
        PolicyVersion v = api.provision("security settings and a service", ChangeSubset.of(FIREWALL, svc), NONE);

        List<PolicyVersion> versions = api.versions(null, NONE);
        assertEquals(v.version(), versions.get(0).version());
        for (int i = 1; i < versions.size(); i++) {
            assertTrue(versions.get(i - 1).version() > versions.get(i).version(), "newest first");
        }
        PolicyVersion read = api.version(v.version(), NONE);
        assertEquals(v, read);
        assertEquals(1, read.objectCounts().of("firewall_settings").orElseThrow());
        int total = read.objectCounts().total();
        assertEquals(read.objectCounts().byType().orElseThrow().values().stream().mapToInt(Integer::intValue).sum(), total);

        assertEquals(Map.of(FIREWALL, "update", svc, "update"), api.modifiedObjects(v.version(), NONE).stream()
                .collect(Collectors.toMap(ModifiedObject::href, ModifiedObject::updateType)));
        assertFalse(api.pending(NONE).singleObjectTypes().contains("firewall_settings"), "the settings are provisioned");
        assertTrue(api.pending(NONE).of("firewall_settings").isEmpty());

        pce.variants().objectCounts(ApiVariants.ObjectCountsShape.INTEGER);
        PolicyVersion asInteger = api.version(v.version(), NONE);
        assertEquals(total, asInteger.objectCounts().total());
        assertTrue(asInteger.objectCounts().byType().isEmpty());
        assertTrue(api.versions(null, NONE).stream().allMatch(p -> p.objectCounts().byType().isEmpty()));
        PolicyVersion next = api.provision("a label group", ChangeSubset.of(pendingHref("label_groups", "update")), NONE);
        assertTrue(next.objectCounts().total() > 0);
        assertTrue(next.objectCounts().byType().isEmpty());
    }

    @Test
    void revertASubsetThenWithTheDeleteBodyThenEverything() {
        int events = pce.state().collection("events").size();
        String ipl = pendingHref("ip_lists", "update");
        api.revert(ChangeSubset.of(ipl), NONE);
        PendingChanges after = api.pending(NONE);
        assertTrue(after.of("ip_lists").stream().noneMatch(c -> c.href().equals(ipl)));
        assertEquals(Set.of("create", "delete"),
                after.of("ip_lists").stream().map(PendingChange::updateType).collect(Collectors.toSet()));

        String lg = pendingHref("label_groups", "delete");
        int pendingBefore = api.pending(NONE).count();
        api.revertPending(ChangeSubset.of(lg), NONE);
        PendingChanges afterDelete = api.pending(NONE);
        assertEquals(pendingBefore - 1, afterDelete.count(), "DELETE sec_policy/pending with a body reverts only its subset");
        assertTrue(afterDelete.of("label_groups").stream().noneMatch(c -> c.href().equals(lg)));
        assertTrue(client.raw().object(lg, NONE).path("update_type").isNull(),
                "the deleted label group is back in the draft, unchanged");

        PceApiException refused = assertThrows(PceApiException.class,
                () -> api.revertPending(ChangeSubset.of(pendingHref("services", "create")), NONE));
        assertEquals(406, refused.status(), "the new rule set still uses the new service");

        api.revertAll(NONE);
        assertTrue(api.pending(NONE).isEmpty());
        List<String> types = pce.state().collection("events").all().stream().skip(events)
                .map(e -> e.get("event_type").asText()).toList();
        assertEquals(List.of("sec_policy_pending.delete", "sec_policy_pending.delete", "sec_policy_pending.delete"), types);
    }
}
