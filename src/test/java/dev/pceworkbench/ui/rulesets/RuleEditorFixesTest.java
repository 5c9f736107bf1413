package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.pce.model.IngressService;
import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.ui.rulesets.RuleSetsViewModel.Editing;
import dev.pceworkbench.workspace.PolicyWorkspace;
import javafx.collections.MapChangeListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rule editor's fixes from "legible at a laptop's size" (#13), on the view model: a field's
 * message is already the new one when the decorations hear of a change (no stale red mark); a
 * providers' resolve-as error belongs to the providers, not the consumers; what is picked or typed
 * but not added goes with Save, or is flagged (never dropped); ports read as "443 TCP" or
 * "443/tcp"; and every completed change tells the status bar.
 */
class RuleEditorFixesTest {
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
    }

    private RuleSetRow row(String name) {
        return vm.allRuleSets().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private RuleEditorViewModel newRule(String ruleSet) {
        vm.selectedProperty().set(row(ruleSet));
        vm.edits().newRule(false);
        return vm.ruleEditor();
    }

    private Name label(String key, String value) {
        return RuleSetsFixture.choice(vm.names(), ObjectKind.LABEL, key, value);
    }

    @Test
    void theDecorationsReadTheNewMessageWhenTheErrorsChange() {
        RuleEditorViewModel form = newRule("RS-HRM-US-Dev");
        List<String> seen = new ArrayList<>();
        form.messages().errors().addListener((MapChangeListener<FormField, String>) c ->
                seen.add(c.getKey() + "=" + form.messages().message(c.getKey())));
        assertTrue(form.messages().message(FormField.PROVIDERS).startsWith("Choose at least one provider"));
        form.addProvider(label("role", "Web"));
        assertEquals("", form.messages().message(FormField.PROVIDERS), "fixed: no message");
        assertTrue(seen.contains("PROVIDERS="), "when PROVIDERS left the errors its message was already empty: " + seen);
    }

    @Test
    void aProvidersResolveAsErrorShowsUnderProviders() {
        RuleEditorViewModel form = newRule("RS-HRM-US-Dev");
        form.providersAsWorkloadsProperty().set(false);
        assertTrue(form.messages().message(FormField.PROVIDERS_RESOLVE_AS).contains("providers' labels"),
                form.messages().message(FormField.PROVIDERS_RESOLVE_AS));
        assertEquals("", form.messages().message(FormField.CONSUMERS_RESOLVE_AS));
        form.providersAsWorkloadsProperty().set(true);
        form.consumersAsVirtualServicesProperty().set(true);
        assertTrue(form.messages().message(FormField.CONSUMERS_RESOLVE_AS).startsWith("Consumers may use virtual services"),
                form.messages().message(FormField.CONSUMERS_RESOLVE_AS));
        assertEquals("", form.messages().message(FormField.PROVIDERS_RESOLVE_AS));
    }

    @Test
    void whatIsPickedOrTypedButNotAddedGoesWithSave() {
        RuleSetRow before = row("RS-Internet-Egress");
        int rules = before.ruleSet().rules().size();
        RuleEditorViewModel form = newRule("RS-Internet-Egress");
        Name proxy = label("role", "Proxy");
        Name web = label("role", "Web");
        form.providerChoiceProperty().set(proxy); // picked, "Add" not pressed
        form.consumerChoiceProperty().set(web);
        form.portTextProperty().set("3129 TCP"); // typed as the chips write it, "Add port" not pressed
        assertTrue(form.messages().isValid(), () -> form.messages().errors().toString());
        assertTrue(vm.edits().save());
        dialogs.assertNoErrors();
        assertEquals(List.of(proxy), form.providers());
        assertEquals(List.of(web), form.consumers());
        assertEquals(List.of(IngressService.port(3129, 6)), form.services());
        assertEquals(rules + 1, row("RS-Internet-Egress").ruleSet().rules().size(), "sent with everything picked");
        assertEquals(List.of("Rule created in 'RS-Internet-Egress' (draft)"), dialogs.notifications());
    }

    @Test
    void aTypedPortThatCannotBeReadIsFlaggedAndNothingIsSent() {
        RuleEditorViewModel form = newRule("RS-Internet-Egress");
        form.addProvider(label("role", "Proxy"));
        form.addConsumer(label("role", "Web"));
        form.portTextProperty().set("443/tcp");
        assertTrue(form.messages().isValid(), "443/tcp reads too");
        form.portTextProperty().set("70000/tcp");
        assertFalse(form.messages().isValid());
        assertTrue(form.messages().message(FormField.SERVICES).startsWith("'70000/tcp' is not added"),
                form.messages().message(FormField.SERVICES));
        assertFalse(vm.edits().save());
        assertEquals(Editing.RULE, vm.editingProperty().get());
        assertEquals("70000/tcp", form.portTextProperty().get(), "what was typed stays");
        form.portTextProperty().set("7000 TCP");
        assertEquals("", form.messages().message(FormField.SERVICES), "fixed: the mark goes at once");
    }

    @Test
    void everyCompletedChangeTellsTheStatusBar() {
        vm.edits().newRuleSet();
        vm.ruleSetEditor().nameProperty().set("RS-Notified");
        vm.ruleSetEditor().addToScopeDraft(label("app", "HRM"));
        vm.ruleSetEditor().addScope();
        assertTrue(vm.edits().save());
        vm.selectedProperty().set(row("RS-Notified"));
        vm.edits().deleteRuleSet();
        dialogs.assertNoErrors();
        assertEquals(List.of("Rule set 'RS-Notified' created (draft)", "Rule set 'RS-Notified' deleted in the draft"),
                dialogs.notifications());
        assertEquals("Delete rule set", dialogs.confirmations().get(0).action());
        assertTrue(dialogs.confirmations().get(0).message().endsWith("was never provisioned, so the active policy does not change."),
                dialogs.confirmations().get(0).message());
    }
}
