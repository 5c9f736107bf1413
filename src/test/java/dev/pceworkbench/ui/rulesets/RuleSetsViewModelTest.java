package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.testing.SteppingExecutor;
import dev.pceworkbench.policy.names.Name;
import dev.pceworkbench.policy.names.Names;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.pce.model.IpTablesRule;
import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.ui.rulesets.RuleSetsViewModel.Editing;
import dev.pceworkbench.ui.rulesets.RuleSetsViewModel.StateFilter;
import dev.pceworkbench.workspace.PolicyWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rulesets view model against a demo PCE of its own, without the FX thread: loading a version
 * with readable names, counts and pending badges, the filters, opening from another view, and
 * editing the draft (valid rules are sent and show as pending, invalid ones are not sent and say
 * why on their field, a PCE refusal shows the PCE's message and keeps the form).
 */
class RuleSetsViewModelTest {
    static RuleSetsFixture demo;
    PolicyWorkspace workspace;
    RecordingDialogService dialogs;
    Navigator navigator;
    List<Navigator.Target> opened;
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
        navigator = new Navigator();
        opened = new ArrayList<>();
        navigator.register(dev.pceworkbench.policy.names.ObjectKind.LABEL, "labels", opened::add);
        vm = RuleSetsFixture.loadedModel(workspace, dialogs, navigator);
        dialogs.assertNoErrors();
        assertTrue(vm.loadedProperty().get());
    }

    private RuleSetRow row(String name) {
        return vm.allRuleSets().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no rule set " + name));
    }

    @Test
    void loadsTheDraftWithReadableScopesRulesAndPendingBadges() {
        assertTrue(vm.allRuleSets().size() >= 41, "rule sets: " + vm.allRuleSets().size());
        RuleSetRow hrm = row("RS-HRM-US-Dev");
        assertEquals(2, hrm.intraRules());
        assertEquals(2, hrm.extraRules());
        assertEquals(List.of("HRM", "US", "Dev"), hrm.scopes().get(0).stream().map(Name::text).toList());
        assertEquals(List.of("app: HRM", "loc: US", "env: Dev"), hrm.scopes().get(0).stream().map(Name::display).toList());
        assertEquals("app: HRM + loc: US + env: Dev", hrm.scopeText());
        assertTrue(row("RS-CRM-Partner-VPN").pending(), "a new draft rule set is pending");
        assertEquals("Select a rule set", vm.selectedTitleProperty().get());
        vm.selectedProperty().set(row("RS-CRM-Partner-VPN"));
        assertEquals("RS-CRM-Partner-VPN", vm.selectedTitleProperty().get());
        assertEquals("pending", vm.selectedStatusProperty().get());
        vm.selectedProperty().set(hrm);
        assertEquals("RS-HRM-US-Dev", vm.selectedTitleProperty().get());
        assertEquals(hrm.ruleSet().description() == null ? "" : hrm.ruleSet().description(), vm.selectedDescriptionProperty().get());
        assertEquals(2, vm.intraRules().size());
        assertEquals(2, vm.extraRules().size());
        List<String> providers = vm.intraRules().stream()
                .flatMap(r -> vm.names().actors(r.rule().providers()).stream()).map(Name::display).toList();
        assertEquals(List.of("role: App", "role: DB"), providers);
        assertEquals(providers, vm.intraRules().stream().flatMap(r -> vm.cells().providers(r).stream()).map(Name::display).toList(),
                "the providers column shows the same names");
        assertTrue(vm.canOpen(vm.cells().providers(vm.intraRules().get(0)).get(0)), "a label opens in the labels view");
        assertFalse(vm.canOpen(Names.allWorkloads()), "All Workloads is no object to open");
        assertFalse(vm.canOpen(vm.cells().services(vm.extraRules().get(0)).get(0)), "services do not open");
        assertTrue(vm.cells().consumers(vm.extraRules().get(0)).stream().map(Name::display).toList().contains("IP list IPL-Corporate-Networks"));
        Name consumer = vm.names().actors(vm.extraRules().get(0).rule().consumers()).get(0);
        assertEquals("IP list IPL-Corporate-Networks", consumer.display());
        assertEquals("HTTPS", vm.names().services(vm.extraRules().get(0).rule().ingressServices()).get(0).text().replace("S-", ""));
        RuleSetRow nonProd = row("RS-NonProd-Admin");
        vm.selectedProperty().set(nonProd);
        assertEquals(2, vm.ipTablesRules().size());
        assertEquals(ObjectKind.LABEL_GROUP, nonProd.scopes().get(0).get(0).kind());
    }

    @Test
    void anExcludedScopeEntryStaysExcludedWhenSaved() {
        Name prod = new Name(ObjectKind.LABEL, "env", "Prod", "/orgs/1/labels/2");
        assertEquals("not env: Prod", prod.exclude().display());
        assertEquals(Boolean.TRUE, Actors.scopeEntry(prod.exclude()).exclusion());
        assertEquals(null, Actors.scopeEntry(prod).exclusion());
    }

    @Test
    void theTableComesFirstAndWorkloadActorsAreNamedWhenTheWorkloadsArrive() {
        SteppingExecutor steps = new SteppingExecutor();
        RuleSetsViewModel v = new RuleSetsViewModel(demo.workspace(), steps, dialogs, navigator);
        v.load();
        assertEquals("Loading rule sets (draft)", steps.runNext());
        assertTrue(v.loadedProperty().get(), "the table is ready");
        assertFalse(v.workloadNamesReadyProperty().get());
        assertTrue(v.statusProperty().get().endsWith("loading workload names…"), v.statusProperty().get());
        assertTrue(v.names().choices().stream().noneMatch(c -> c.kind() == ObjectKind.WORKLOAD));
        v.selectedProperty().set(v.allRuleSets().stream().filter(r -> r.name().equals("RS-Core-Infrastructure"))
                .findFirst().orElseThrow());
        RuleRow jump = v.intraRules().stream().filter(r -> r.description().startsWith("Windows administration from "))
                .findFirst().orElseThrow();
        String hostname = jump.description().substring("Windows administration from ".length());
        Name before = v.names().actors(jump.rule().consumers()).get(0);
        assertEquals(ObjectKind.WORKLOAD, before.kind());
        String id = jump.rule().consumers().get(0).ref().href().substring("/orgs/1/workloads/".length());
        assertEquals("workload " + id.substring(0, 8) + "…", before.display(), "the href's short form until then");

        assertEquals("Loading workload names", steps.runNext());
        assertTrue(v.workloadNamesReadyProperty().get());
        assertEquals(hostname, v.names().actors(jump.rule().consumers()).get(0).text());
        assertEquals("workload " + hostname, v.names().actors(jump.rule().consumers()).get(0).display());
        assertTrue(v.names().choices().stream().anyMatch(c -> c.kind() == ObjectKind.WORKLOAD && c.text().equals(hostname)));
        assertTrue(v.statusProperty().get().contains("workload names in"), v.statusProperty().get());

        // The workspace holds the workloads now: a reload names them in its first step.
        v.load();
        steps.runNext();
        assertTrue(v.workloadNamesReadyProperty().get());
        assertEquals(0, steps.queued());
        dialogs.assertNoErrors();
    }

    @Test
    void aReloadCancelsTheWorkloadNamesOfThePreviousLoad() {
        SteppingExecutor steps = new SteppingExecutor();
        RuleSetsViewModel v = new RuleSetsViewModel(demo.workspace(), steps, dialogs, navigator);
        v.load();
        steps.runNext();
        v.versionProperty().set("active"); // queues a new first step and cancels the queued names
        ActorNames draftNames = v.names();
        assertEquals("Loading workload names", steps.runNext());
        assertEquals(draftNames, v.names(), "the cancelled step changed nothing");
        assertFalse(v.workloadNamesReadyProperty().get());
        assertEquals("Loading rule sets (active)", steps.runNext());
        ActorNames activeNames = v.names();
        assertFalse(activeNames.workloadsNamed());
        assertEquals("Loading workload names", steps.runNext());
        assertTrue(v.workloadNamesReadyProperty().get());
        assertTrue(v.names() != activeNames && v.names().workloadsNamed());
        assertTrue(v.allRuleSets().get(0).href().contains("/active/"));
        dialogs.assertNoErrors();
    }

    @Test
    void filtersByNameScopeLabelAndState() {
        vm.filterTextProperty().set("hrm-us");
        assertEquals(List.of("RS-HRM-US-Dev"), vm.ruleSets().stream().map(RuleSetRow::name).toList());
        vm.filterTextProperty().set("payments");
        assertTrue(vm.ruleSets().stream().anyMatch(r -> r.name().equals("RS-Payments-PCI")));
        vm.filterTextProperty().set("app: licensing");
        assertTrue(vm.ruleSets().stream().anyMatch(r -> r.name().equals("RS-Legacy-Licensing")));
        assertTrue(vm.ruleSets().stream().allMatch(r -> r.scopeText().contains("app: Licensing")));
        vm.filterTextProperty().set("");
        vm.stateFilterProperty().set(StateFilter.DISABLED);
        assertTrue(vm.ruleSets().stream().allMatch(r -> !r.enabled()));
        assertTrue(vm.ruleSets().stream().anyMatch(r -> r.name().equals("RS-Legacy-Licensing")));
        vm.stateFilterProperty().set(StateFilter.PENDING);
        assertTrue(vm.ruleSets().stream().allMatch(RuleSetRow::pending));
        assertFalse(vm.ruleSets().isEmpty());
    }

    @Test
    void ruleFilterFindsRulesAcrossRuleSetsByReadableNames() {
        vm.ruleFilter().queryProperty().set("ipl-vulnerability");
        assertFalse(vm.ruleFilter().results().isEmpty());
        for (RuleRow r : vm.ruleFilter().results()) {
            List<Name> chips = new ArrayList<>(vm.names().actors(r.rule().providers()));
            chips.addAll(vm.names().actors(r.rule().consumers()));
            assertTrue(chips.stream().anyMatch(c -> c.text().equals("IPL-Vulnerability-Scanners"))
                    || r.ruleSet().name().toLowerCase().contains("ipl-vulnerability"), r.toString());
        }
        assertTrue(vm.ruleFilter().statusProperty().get().contains("rules match"), vm.ruleFilter().statusProperty().get());
        vm.ruleFilter().queryProperty().set("label group LG-R-Admin-Tools");
        assertFalse(vm.ruleFilter().results().isEmpty(), "found by the text its chip shows");
        for (RuleRow r : vm.ruleFilter().results()) {
            List<String> shown = new ArrayList<>(vm.cells().providers(r).stream().map(Name::display).toList());
            vm.cells().consumers(r).forEach(n -> shown.add(n.display()));
            assertTrue(shown.contains("label group LG-R-Admin-Tools") || r.description().toLowerCase().contains("lg-r-admin-tools"), shown.toString());
        }
        vm.ruleFilter().queryProperty().set("no rule says this xyzzy");
        assertEquals(0, vm.ruleFilter().results().size());
        vm.ruleFilter().queryProperty().set("");
        assertEquals(0, vm.ruleFilter().results().size());
    }

    @Test
    void ruleFilterMatchesDescriptionsPortsServicesHostnamesAndRuleSetNames() {
        vm.ruleFilter().queryProperty().set("CLUSTER replication");
        assertEquals(List.of("Cluster replication"), vm.ruleFilter().results().stream().map(RuleRow::description).toList());
        vm.ruleFilter().queryProperty().set("7800-7900 tcp");
        assertTrue(vm.ruleFilter().results().stream().anyMatch(r -> r.description().equals("Cluster replication")));
        vm.ruleFilter().queryProperty().set("winrm");
        List<RuleRow> winrm = List.copyOf(vm.ruleFilter().results());
        assertFalse(winrm.isEmpty());
        assertTrue(winrm.stream().allMatch(r -> vm.names().services(r.rule().ingressServices()).stream()
                .anyMatch(c -> c.text().toLowerCase().contains("winrm"))), winrm.toString());
        RuleRow jump = winrm.stream().filter(r -> r.description().startsWith("Windows administration from ")).findFirst()
                .orElseThrow();
        String hostname = jump.description().substring("Windows administration from ".length());
        vm.ruleFilter().queryProperty().set("workload " + hostname);
        assertTrue(vm.ruleFilter().results().stream().anyMatch(r -> r.rule().href().equals(jump.rule().href())),
                "found by its consumer's hostname, not its description");
        vm.ruleFilter().queryProperty().set("rs-legacy-licensing");
        assertEquals(row("RS-Legacy-Licensing").totalRules() - row("RS-Legacy-Licensing").ipTablesRules(),
                vm.ruleFilter().results().size(), "every rule of the rule set named so");
        vm.ruleFilter().queryProperty().set("all workloads");
        assertTrue(vm.ruleFilter().results().stream().allMatch(r -> r.rule().providers().stream().anyMatch(a -> a.allWorkloadsActor())
                || r.rule().consumers().stream().anyMatch(a -> a.allWorkloadsActor())
                || r.description().toLowerCase().contains("all workloads")));
        assertFalse(vm.ruleFilter().results().isEmpty());
    }

    @Test
    void versionsIncludeActiveAndOpenSwitchesVersionAndSelectsTheRule() {
        assertTrue(vm.versions().containsAll(List.of("draft", "active")));
        RuleSet hrm = row("RS-HRM-US-Dev").ruleSet();
        String ruleHref = hrm.rules().get(1).href().replace("/draft/", "/active/");
        vm.open(Navigator.Target.fromHref(ruleHref));
        assertEquals("active", vm.versionProperty().get());
        assertEquals("RS-HRM-US-Dev", vm.selectedProperty().get().name());
        assertTrue(vm.selectedProperty().get().href().contains("/active/"));
        assertNotNull(vm.selectedRuleProperty().get());
        assertTrue(vm.selectedRuleProperty().get().rule().href().endsWith(ruleHref.substring(ruleHref.lastIndexOf('/'))));
        assertFalse(vm.editableProperty().get(), "only the draft is editable");
        vm.edits().newRule(false);
        assertEquals(Editing.NONE, vm.editingProperty().get());
        assertEquals(1, dialogs.notifications().size());
        vm.openObject(vm.selectedProperty().get().scopes().get(0).get(0));
        assertEquals(dev.pceworkbench.policy.names.ObjectKind.LABEL, opened.get(0).kind());
    }

    @Test
    void aValidRuleIsSentAndItsRuleSetShowsPending() {
        RuleSetRow before = row("RS-Internet-Egress");
        assertFalse(before.pending());
        int intra = before.intraRules();
        vm.selectedProperty().set(before);
        vm.edits().newRule(false);
        assertEquals(Editing.RULE, vm.editingProperty().get());
        RuleEditorViewModel form = vm.ruleEditor();
        assertFalse(form.messages().isValid(), "an empty rule is not valid");
        form.addProvider(RuleSetsFixture.choice(vm.names(), ObjectKind.LABEL, "role", "DB"));
        form.addConsumer(RuleSetsFixture.choice(vm.names(), ObjectKind.LABEL, "role", "Web"));
        form.portTextProperty().set("3306/tcp");
        assertTrue(form.addPort());
        form.descriptionProperty().set("Web tier reads the reporting database");
        assertTrue(form.messages().isValid(), () -> form.messages().errors().toString());
        assertTrue(vm.edits().save());
        dialogs.assertNoErrors();
        assertEquals(Editing.NONE, vm.editingProperty().get());
        RuleSetRow after = row("RS-Internet-Egress");
        assertTrue(after.pending());
        assertEquals(intra + 1, after.intraRules());
        assertEquals(after, vm.selectedProperty().get());
        assertEquals("Web tier reads the reporting database", vm.selectedRuleProperty().get().description());
        assertTrue(vm.selectedRuleProperty().get().pending());
    }

    @Test
    void anInvalidStatelessRuleIsExplainedOnItsFieldAndNotSent() {
        RuleSetRow rs = row("RS-Payments-PCI");
        int rules = rs.ruleSet().rules().size();
        vm.selectedProperty().set(rs);
        vm.edits().newRule(false);
        RuleEditorViewModel form = vm.ruleEditor();
        form.addProvider(RuleSetsFixture.choice(vm.names(), ObjectKind.LABEL, "role", "DB"));
        RuleSetsFixture.fiveLabels(vm.names()).forEach(form::addConsumer);
        form.addService(vm.names().serviceChoices().get(0));
        form.statelessProperty().set(true);
        assertFalse(form.messages().isValid());
        assertTrue(form.messages().message(FormField.CONSUMERS).contains("There are 5 labels"),
                form.messages().message(FormField.CONSUMERS));
        assertEquals("", form.messages().message(FormField.PROVIDERS));
        assertFalse(vm.edits().save());
        assertEquals(Editing.RULE, vm.editingProperty().get(), "the form stays open");
        workspace.changed(PolicyWorkspace.RULE_SETS, "draft");
        assertEquals(rules, row("RS-Payments-PCI").ruleSet().rules().size(), "nothing was sent");
        // Making the rule stateful fixes it.
        form.statelessProperty().set(false);
        assertTrue(form.messages().isValid(), () -> form.messages().errors().toString());
    }

    @Test
    void aPceRefusalShowsThePceMessageAndKeepsTheForm() {
        vm.selectedProperty().set(row("RS-Core-Infrastructure"));
        vm.edits().newRule(true);
        RuleEditorViewModel form = vm.ruleEditor();
        Name ghost = new Name(ObjectKind.LABEL, "role", "Ghost", "/orgs/1/labels/999999");
        form.addProvider(ghost);
        form.addConsumer(vm.names().choices().get(0));
        form.portTextProperty().set("22");
        form.addPort();
        assertTrue(form.messages().isValid(), () -> form.messages().errors().toString());
        assertTrue(vm.edits().save());
        assertEquals(1, dialogs.errors().size());
        assertTrue(dialogs.errors().get(0).message().contains("does not exist"), dialogs.errors().get(0).message());
        assertEquals(Editing.RULE, vm.editingProperty().get());
        assertEquals(List.of(ghost), form.providers());
        assertEquals(1, form.services().size());
    }

    @Test
    void iptablesRulesAreCheckedThenSaved() {
        RuleSetRow rs = row("RS-HRM-US-Dev");
        vm.selectedProperty().set(rs);
        vm.edits().newIpTablesRule();
        IpTablesEditorViewModel form = vm.ipTablesEditor();
        form.addActor(RuleSetsFixture.choice(vm.names(), ObjectKind.LABEL, "role", "Web"));
        form.statementsProperty().set("nat PREROUTING -p tcp --dport 80 -j DROP");
        assertTrue(form.messages().message(FormField.IP_TABLES).contains("DROP is not allowed in the nat table"));
        assertFalse(vm.edits().save());
        form.statementsProperty().set("nat PREROUTING -p tcp --dport 80 -j REDIRECT --to-port 8080\n"
                + "filter INPUT -p tcp --dport 8080 -j ACCEPT");
        assertTrue(form.messages().isValid(), () -> form.messages().errors().toString());
        assertTrue(vm.edits().save());
        dialogs.assertNoErrors();
        RuleSetRow after = row("RS-HRM-US-Dev");
        assertTrue(after.pending());
        assertEquals(1, after.ipTablesRules());
        IpTablesRule saved = after.ruleSet().ipTablesRules().get(0);
        assertEquals(2, saved.statements().size());
        assertEquals("REDIRECT", saved.statements().get(0).parameters().split(" -j ")[1].split(" ")[0]);
    }

    @Test
    void aNewRuleSetIsCreatedWithItsScopeAndUniqueName() {
        vm.edits().newRuleSet();
        RuleSetEditorViewModel form = vm.ruleSetEditor();
        form.nameProperty().set("RS-HRM-US-Dev");
        assertTrue(form.messages().message(FormField.NAME).contains("already called"));
        form.nameProperty().set("RS-Workbench-Test");
        form.addToScopeDraft(RuleSetsFixture.choice(vm.names(), ObjectKind.LABEL, "app", "HRM"));
        form.addToScopeDraft(RuleSetsFixture.choice(vm.names(), ObjectKind.LABEL, "app", "CRM"));
        assertTrue(form.messages().message(FormField.SCOPES).contains("two 'app' entries"));
        form.clearScopeDraft();
        form.addToScopeDraft(RuleSetsFixture.choice(vm.names(), ObjectKind.LABEL, "app", "HRM"));
        form.addScope();
        assertTrue(form.messages().isValid(), () -> form.messages().errors().toString());
        assertTrue(vm.edits().save());
        dialogs.assertNoErrors();
        RuleSetRow created = row("RS-Workbench-Test");
        assertTrue(created.pending());
        assertEquals(created, vm.selectedProperty().get());
        assertEquals("app: HRM", created.scopeText());
    }
}
