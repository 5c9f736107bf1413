package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.ui.rulesets.RuleSetsViewModel.Editing;
import dev.pceworkbench.workspace.PolicyWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deleting in the draft through the rulesets view model, against a demo PCE of its own: nothing is
 * sent until the user confirms (the question names the object), a deleted rule or iptables rule
 * leaves its rule set pending, a provisioned rule set deleted in the draft stays visible as
 * pending deletion and can no longer be edited, a rule set that only ever existed in the draft
 * disappears, and a refusal by the PCE shows the PCE's own message.
 */
class RuleSetsDeleteTest {
    /** The hand-written rule sets other tests read; the generated ones are free to delete. */
    private static final Set<String> HAND_WRITTEN = Set.of("RS-Core-Infrastructure", "RS-HRM-US-Dev", "RS-Payments-PCI",
            "RS-NonProd-Admin", "RS-Legacy-Licensing", "RS-Internet-Egress", "RS-CRM-Partner-VPN");
    static RuleSetsFixture demo;
    PolicyWorkspace workspace;
    RecordingDialogService dialogs;
    RuleSetsViewModel vm;

    @BeforeAll
    static void startDemo() throws Exception {
        demo = new RuleSetsFixture();
    }

    @AfterAll
    static void stopDemo() {
        demo.close();
    }

    @BeforeEach
    void setUp() {
        workspace = demo.workspace();
        dialogs = new RecordingDialogService();
        vm = RuleSetsFixture.loadedModel(workspace, dialogs, new Navigator());
        dialogs.assertNoErrors();
    }

    private Optional<RuleSetRow> find(String name) {
        return vm.allRuleSets().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    private RuleSetRow row(String name) {
        return find(name).orElseThrow(() -> new AssertionError("no rule set " + name));
    }

    /** A rule set made through the client (so only in the draft) with one rule and one iptables rule. */
    private String draftOnlyRuleSet(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("enabled", true);
        body.put("scopes", List.of(List.of()));
        body.put("ip_tables_rules", List.of(Map.of("enabled", true, "description", "Legacy port 8080",
                "statements", List.of(Map.of("table_name", "filter", "chain_name", "INPUT",
                        "parameters", "-p tcp --dport 8080 -j ACCEPT")),
                "actors", List.of(Map.of("actors", "ams")), "ip_version", "4")));
        String href = demo.client.ruleSets().create(body).href();
        demo.client.rules(href).create(Map.of("providers", List.of(Map.of("actors", "ams")),
                "consumers", List.of(Map.of("actors", "ams")), "ingress_services", List.of(Map.of("port", 8080, "proto", 6)),
                "resolve_labels_as", Map.of("providers", List.of("workloads"), "consumers", List.of("workloads"))));
        workspace.changed(PolicyWorkspace.RULE_SETS, "draft");
        dialogs.assertNoErrors();
        return href;
    }

    @Test
    void aRuleIsDeletedOnlyWhenConfirmedAndItsRuleSetShowsPending() {
        RuleSetRow legacy = row("RS-Legacy-Licensing");
        assertFalse(legacy.pending());
        assertEquals(1, legacy.intraRules());
        vm.selectedProperty().set(legacy);
        RuleRow rule = vm.intraRules().get(0);

        dialogs.answerConfirm(false);
        vm.edits().deleteRule(rule);
        assertEquals(1, dialogs.confirmations().size());
        assertEquals("Delete rule", dialogs.confirmations().get(0).title());
        String question = dialogs.confirmations().get(0).message();
        assertTrue(question.contains("'RS-Legacy-Licensing'") && question.contains("providers All Workloads"), question);
        assertTrue(question.startsWith("Rule " + rule.number() + " of 'RS-Legacy-Licensing'"), question);
        assertTrue(question.endsWith("will be deleted in the draft; it stays active until you provision."), question);
        assertEquals("Delete rule", dialogs.confirmations().get(0).action());
        workspace.changed(PolicyWorkspace.RULE_SETS, "draft");
        assertEquals(1, row("RS-Legacy-Licensing").intraRules(), "declined: nothing was sent");

        dialogs.answerConfirm(true);
        vm.edits().deleteRule(vm.intraRules().get(0));
        dialogs.assertNoErrors();
        RuleSetRow after = row("RS-Legacy-Licensing");
        assertTrue(after.pending());
        assertEquals("pending", after.status());
        assertEquals(0, after.intraRules());
        assertEquals(1, after.extraRules(), "the other rule stays");
        assertEquals(after, vm.selectedProperty().get(), "the rule set stays selected");
        assertTrue(vm.intraRules().isEmpty());
    }

    @Test
    void anIpTablesRuleThenADraftOnlyRuleSetAreDeleted() {
        draftOnlyRuleSet("RS-Delete-Me");
        vm.selectedProperty().set(row("RS-Delete-Me"));
        assertEquals(1, vm.ipTablesRules().size());
        vm.edits().deleteIpTablesRule(vm.ipTablesRules().get(0));
        dialogs.assertNoErrors();
        assertTrue(dialogs.confirmations().get(0).message().contains("'Legacy port 8080' (filter INPUT -p tcp --dport 8080 -j ACCEPT)"),
                dialogs.confirmations().get(0).message());
        RuleSetRow after = row("RS-Delete-Me");
        assertEquals(0, after.ipTablesRules());
        assertEquals(1, after.intraRules(), "the security rule stays");
        assertEquals(after, vm.selectedProperty().get());

        vm.edits().deleteRuleSet();
        dialogs.assertNoErrors();
        assertEquals("Delete rule set", dialogs.confirmations().get(1).title());
        assertTrue(dialogs.confirmations().get(1).message().contains("'RS-Delete-Me' and its 1 rule will be deleted in the draft"),
                dialogs.confirmations().get(1).message());
        assertEquals("Delete rule set", dialogs.confirmations().get(1).action());
        assertTrue(find("RS-Delete-Me").isEmpty(), "never provisioned, it is gone from the draft");
        assertNull(vm.selectedProperty().get());
    }

    @Test
    void aProvisionedRuleSetDeletedInTheDraftStaysVisibleAsPendingDeletion() {
        RuleSetRow victim = vm.allRuleSets().stream().filter(r -> !r.pending() && !HAND_WRITTEN.contains(r.name()))
                .findFirst().orElseThrow();
        String name = victim.name();
        int rules = victim.totalRules();
        vm.selectedProperty().set(victim);
        assertTrue(vm.selectionEditableProperty().get());
        vm.edits().deleteRuleSet();
        dialogs.assertNoErrors();
        RuleSetRow after = row(name);
        assertTrue(after.deleted());
        assertEquals("pending deletion", after.status());
        assertEquals(rules, after.totalRules(), "its rules are shown until the deletion is provisioned");
        assertEquals(after, vm.selectedProperty().get());
        assertFalse(vm.selectionEditableProperty().get(), "a deleted rule set cannot be edited");
        vm.edits().newRule(false);
        vm.edits().deleteRuleSet();
        assertEquals(Editing.NONE, vm.editingProperty().get());
        // The status bar first says the delete was done, then why the form and the second delete were refused.
        assertEquals(3, dialogs.notifications().size());
        assertEquals("Rule set '" + name + "' deleted in the draft", dialogs.notifications().get(0));
        assertTrue(dialogs.notifications().get(1).contains("is deleted in the draft"), dialogs.notifications().get(1));
        assertTrue(dialogs.notifications().get(2).contains("is deleted in the draft"), dialogs.notifications().get(2));
        assertEquals(1, dialogs.confirmations().size(), "no second delete was offered");
        vm.stateFilterProperty().set(RuleSetsViewModel.StateFilter.PENDING);
        assertTrue(vm.ruleSets().contains(after));
    }

    @Test
    void aRefusedDeleteShowsThePceMessage() {
        String href = draftOnlyRuleSet("RS-Gone-Elsewhere");
        vm.selectedProperty().set(row("RS-Gone-Elsewhere"));
        RuleRow rule = vm.intraRules().get(0);
        demo.client.ruleSets().delete(href); // someone else deletes it; this view still shows it
        vm.edits().deleteRule(rule);
        assertEquals(1, dialogs.errors().size());
        RecordingDialogService.Error e = dialogs.errors().get(0);
        assertEquals("The PCE refused to delete the rule", e.title());
        assertTrue(e.message().contains("Rule set " + href + " not found"), e.message());
    }
}
