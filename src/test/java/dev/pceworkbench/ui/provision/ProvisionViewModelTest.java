package dev.pceworkbench.ui.provision;

import dev.pceworkbench.pce.model.PendingChange;
import dev.pceworkbench.policy.diff.ChangeKind;
import dev.pceworkbench.task.SynchronousTaskExecutor;
import dev.pceworkbench.testing.TaskFailures;
import dev.pceworkbench.ui.RecordingDialogService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.pceworkbench.ui.provision.ProvisionDemo.EDITED_SERVICE;
import static dev.pceworkbench.ui.provision.ProvisionDemo.NEW_IP_LIST;
import static dev.pceworkbench.ui.provision.ProvisionDemo.RULE_SET;
import static dev.pceworkbench.ui.provision.ProvisionDemo.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Provision view model against the embedded demo PCE over HTTPS, without the FX thread: the
 * pending changes grouped by type with their field-level diff (names, never hrefs), dependencies
 * that grow the selection only on OK, provisioning with a required description into a new version,
 * a refusal that keeps the input, revert with its confirmation, the history's version diff, and
 * caps that turn the actions off with a reason.
 */
class ProvisionViewModelTest {
    ProvisionDemo demo;
    SynchronousTaskExecutor executor;
    RecordingDialogService dialogs;
    ProvisionViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        executor = TaskFailures.synchronousExecutor();
        demo = new ProvisionDemo(executor);
        dialogs = new RecordingDialogService();
        model = demo.model(executor, dialogs);
        model.onShown();
        dialogs.assertNoErrors();
        assertTrue(model.loadedProperty().get());
    }

    @AfterEach
    void tearDown() {
        demo.close();
    }

    @Test
    void pendingChangesAreGroupedByTypeWithTheirDiff() {
        assertTrue(model.rows().size() >= 5, model.rows().toString());
        assertEquals(model.rows().size(), demo.count.countProperty().get(), "the sidebar badge counts them");
        List<Integer> ranks = model.rows().stream().map(r -> ChangeTypes.rank(r.type())).toList();
        assertEquals(ranks.stream().sorted().toList(), ranks, "grouped by type");
        assertEquals(ChangeKind.ADDED, row(model, RULE_SET).kind());
        assertEquals(ChangeKind.ADDED, row(model, NEW_IP_LIST).kind());
        assertEquals(ChangeKind.MODIFIED, row(model, EDITED_SERVICE).kind());
        assertTrue(model.rows().stream().anyMatch(r -> r.kind() == ChangeKind.REMOVED), "a deletion is pending");

        model.currentProperty().set(row(model, RULE_SET));
        assertTrue(model.diffTitleProperty().get().startsWith(RULE_SET), model.diffTitleProperty().get());
        List<String> lines = model.diff().stream().map(DiffLine::text).toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Rule 1")), "the rule-level breakdown: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.contains(NEW_IP_LIST)), "rules name the IP list: " + lines);
        assertTrue(lines.stream().noneMatch(l -> l.contains("/orgs/")), "no raw hrefs: " + lines);

        model.currentProperty().set(row(model, EDITED_SERVICE));
        assertTrue(model.diff().stream().anyMatch(l -> l.text().startsWith("service_ports: ")), model.diff().toString());
        model.currentProperty().set(null);
        assertTrue(model.diff().isEmpty(), "no stale diff once nothing is in focus");

        model.filterProperty().set("partner");
        assertEquals(3, model.visibleRows().size(), model.visibleRows().toString());
        model.checkAllShown();
        assertEquals(3, model.checked().size());
        assertTrue(model.selectionTextProperty().get().startsWith("3 of "), model.selectionTextProperty().get());
    }

    @Test
    void dependenciesGrowTheSelectionOnlyWhenConfirmed() {
        row(model, RULE_SET).checkedProperty().set(true);
        dialogs.answerConfirm(false);
        model.dependencies().check();
        dialogs.assertNoErrors();
        assertEquals(1, model.checked().size(), "declined: the selection stays as it was");
        DependencyRow dep = model.dependencies().rows().get(0);
        assertEquals(NEW_IP_LIST, dep.name());
        assertEquals("rules 1 and 2 of " + RULE_SET + " (rule set) use it; new in the draft", dep.why());
        assertTrue(model.dependencies().statusProperty().get().startsWith("Not added"));

        dialogs.answerConfirm(true);
        model.dependencies().check();
        String asked = dialogs.confirmations().get(dialogs.confirmations().size() - 1).message();
        assertTrue(asked.contains(NEW_IP_LIST) && asked.contains(RULE_SET), asked);
        assertTrue(row(model, NEW_IP_LIST).isChecked(), "confirmed: the IP list joins the selection");
        assertEquals(2, model.dependencies().rows().size(), "the reasons stay on screen (the IP list and the new service)");
        assertTrue(model.dependencies().shapeProperty().get().startsWith("The PCE answered with "));

        row(model, RULE_SET).checkedProperty().set(false);
        assertTrue(model.dependencies().rows().isEmpty(), "a new selection drops the stale dependencies");
    }

    @Test
    void provisionNeedsADescriptionAndCreatesAVersion() {
        int before = model.history().versions().size();
        String latest = model.history().versions().get(0).number();
        row(model, RULE_SET).checkedProperty().set(true);
        row(model, NEW_IP_LIST).checkedProperty().set(true);
        row(model, "S-Partner-Portal").checkedProperty().set(true);

        model.actions().provision();
        assertEquals(ProvisionActions.DESCRIPTION_REQUIRED, model.actions().message(ProvisionActions.Field.DESCRIPTION).get());
        assertTrue(model.actions().errors().containsKey(ProvisionActions.Field.DESCRIPTION));
        assertTrue(dialogs.confirmations().isEmpty(), "nothing is asked without a description");

        model.actions().descriptionProperty().set("Partner VPN access for CRM");
        assertEquals("", model.actions().message(ProvisionActions.Field.DESCRIPTION).get());
        model.actions().provision();
        dialogs.assertNoErrors();
        var asked = dialogs.confirmations().get(0);
        assertEquals("Provision", asked.action());
        assertTrue(asked.message().contains("1 rule set, 1 IP list"), asked.message());
        assertTrue(asked.message().contains(RULE_SET) && asked.message().contains(NEW_IP_LIST), asked.message());

        assertNotNull(model.actions().lastVersionProperty().get());
        int version = model.actions().lastVersionProperty().get().version();
        assertEquals(Integer.parseInt(latest) + 1, version);
        assertTrue(model.actions().lastVersionTextProperty().get().startsWith("Version " + version + " provisioned: "),
                model.actions().lastVersionTextProperty().get());
        assertTrue(model.actions().lastVersionTextProperty().get().contains("workloads affected"));
        assertEquals("", model.actions().descriptionProperty().get());
        // The workspace heard of it and the view reloaded: the provisioned changes are gone, the version listed.
        assertTrue(model.rows().stream().noneMatch(r -> r.name().equals(RULE_SET) || r.name().equals(NEW_IP_LIST)));
        assertEquals(before + 1, model.history().versions().size());
        assertEquals("Partner VPN access for CRM", model.history().versions().get(0).description());
        assertTrue(dialogs.notifications().stream().anyMatch(n -> n.startsWith("Version " + version + " provisioned")));

        // The new version's modified_objects: what it changed as the PCE lists it, named, never hrefs.
        ProvisionHistory h = model.history();
        h.selectedProperty().set(h.versions().get(0));
        dialogs.assertNoErrors();
        List<ModifiedRow> modified = List.copyOf(h.modified());
        assertTrue(modified.contains(new ModifiedRow("rule_sets", ChangeKind.ADDED, "rule set", RULE_SET)), modified.toString());
        assertTrue(modified.contains(new ModifiedRow("ip_lists", ChangeKind.ADDED, "IP list", NEW_IP_LIST)), modified.toString());
        assertTrue(h.modifiedStatusProperty().get().startsWith("Version " + version + " changed "), h.modifiedStatusProperty().get());
        // A new selection drops the list of the previous one.
        h.selectedProperty().set(null);
        assertTrue(h.modified().isEmpty());
    }

    @Test
    void aRefusalShowsThePcesMessageAndKeepsTheInput() {
        row(model, RULE_SET).checkedProperty().set(true);
        model.actions().descriptionProperty().set("Only the rule set");
        model.actions().provision();
        assertEquals(1, dialogs.errors().size());
        RecordingDialogService.Error e = dialogs.errors().get(0);
        assertEquals("Provisioning refused", e.title());
        assertTrue(e.message().contains("without its dependencies"), "the PCE's own message: " + e.message());
        assertFalse(e.message().contains("HTTP 406"), "the message is the PCE's, the status is in the details");
        assertEquals("Only the rule set", model.actions().descriptionProperty().get());
        assertEquals(List.of(row(model, RULE_SET)), List.copyOf(model.checked()));
        assertNull(model.actions().lastVersionProperty().get());
        assertTrue(model.statusProperty().get().startsWith("The PCE refused"), model.statusProperty().get());
    }

    @Test
    void revertAskesFirstNamingTheChangesAndCancelKeepsThem() {
        row(model, EDITED_SERVICE).checkedProperty().set(true);
        dialogs.answerConfirm(false);
        model.actions().revertSelected();
        assertTrue(model.rows().stream().anyMatch(r -> r.name().equals(EDITED_SERVICE)), "Cancel reverts nothing");
        var asked = dialogs.confirmations().get(0);
        assertTrue(asked.message().contains(EDITED_SERVICE), asked.message());
        assertEquals("Revert 1 change", asked.action());

        dialogs.answerConfirm(true);
        int before = model.rows().size();
        model.actions().revertSelected();
        dialogs.assertNoErrors();
        assertEquals(before - 1, model.rows().size());
        assertTrue(model.rows().stream().noneMatch(r -> r.name().equals(EDITED_SERVICE)));
        assertTrue(dialogs.notifications().stream().anyMatch(n -> n.startsWith("Reverted 1 change")));

        model.actions().revertAll();
        assertTrue(dialogs.confirmations().get(dialogs.confirmations().size() - 1).action().startsWith("Revert all"));
        assertTrue(model.rows().isEmpty(), model.rows().toString());
        assertEquals(0, demo.count.countProperty().get());
        assertEquals("Nothing is pending.", model.actions().revertAllBlockedProperty().get());
    }

    @Test
    void revertingANewObjectRevertsWhatUsesItToo() {
        row(model, NEW_IP_LIST).checkedProperty().set(true);
        model.actions().revertSelected();
        dialogs.assertNoErrors();
        var asked = dialogs.confirmations().get(0);
        assertTrue(asked.message().contains("Also reverted") && asked.message().contains(RULE_SET), asked.message());
        assertEquals("Revert 2 changes", asked.action());
        assertTrue(model.rows().stream().noneMatch(r -> r.name().equals(NEW_IP_LIST) || r.name().equals(RULE_SET)),
                model.rows().toString());
    }

    @Test
    void aCancelledLoadSaysSoAndLeavesNothingHalfShown() {
        // As the shell does when the user leaves: the running load is cancelled (here: the next one, at once).
        dev.pceworkbench.task.TaskExecutor cancelling = new dev.pceworkbench.task.TaskExecutor() {
            @Override
            public <V> dev.pceworkbench.task.BackgroundTask<V> execute(dev.pceworkbench.task.BackgroundTask<V> task) {
                task.cancel();
                return executor.execute(task);
            }

            @Override
            public dev.pceworkbench.task.TaskRegistry registry() {
                return executor.registry();
            }
        };
        ProvisionViewModel m = demo.model(cancelling, dialogs);
        m.onShown();
        assertFalse(m.loadedProperty().get());
        assertFalse(m.loadingProperty().get());
        assertTrue(m.statusProperty().get().startsWith("Loading cancelled"), m.statusProperty().get());
    }

    @Test
    void theHistoryComparesTwoVersionsWithTheSameDiff() {
        ProvisionHistory h = model.history();
        assertTrue(h.versions().size() >= 2);
        HistoryRow newest = h.versions().get(0);
        assertFalse(newest.who().contains("/orgs/"), newest.who());
        h.selectedProperty().set(newest);
        dialogs.assertNoErrors();
        assertEquals(h.versions().get(1).number(), h.fromProperty().get());
        assertEquals(newest.number(), h.toProperty().get());
        assertFalse(h.diff().isEmpty(), "what the newest version changed: " + h.statusProperty().get());
        assertTrue(h.diff().stream().noneMatch(l -> l.text().contains("/orgs/")));

        h.toProperty().set(ProvisionHistory.DRAFT);
        assertTrue(h.diff().isEmpty(), "a new choice drops the old comparison");
        h.fromProperty().set(newest.number());
        h.compare();
        assertTrue(h.diff().stream().anyMatch(l -> l.depth() == 0 && l.text().startsWith(RULE_SET)),
                "the newest version against the draft shows the pending rule set: " + h.diff());
    }

    @Test
    void theSidebarCountAsksThePceAndHidesWithoutAConnection() {
        PendingCount fresh = new PendingCount(demo.provisioning, executor);
        assertEquals(-1, fresh.countProperty().get(), "unknown until asked");
        fresh.refresh();
        assertEquals(model.rows().size(), fresh.countProperty().get());
        PendingCount offline = new PendingCount(new dev.pceworkbench.workspace.PolicyProvisioning(
                new dev.pceworkbench.workspace.PolicyWorkspace(java.util.Optional::empty)), executor);
        offline.refresh();
        assertEquals(-1, offline.countProperty().get(), "no connection: no badge");
    }

    @Test
    void withoutTheProvisionCapTheActionsSayWhyTheyAreOff() {
        PendingRow readOnly = new PendingRow("rule_sets", new PendingChange("/orgs/1/sec_policy/draft/rule_sets/9", "RS-Locked",
                "update", null, null, List.of("write"), null));
        assertFalse(readOnly.mayProvision());
        assertEquals("You may not provision RS-Locked (rule set): the PCE does not give you the provision capability for it.",
                ProvisionActions.capsReason(List.of(readOnly), "provision"));
        assertEquals("", ProvisionActions.capsReason(List.of(row(model, RULE_SET)), "provision"));
        assertEquals("Select the changes to provision.", model.actions().provisionBlockedProperty().get());
        row(model, RULE_SET).checkedProperty().set(true);
        assertEquals("", model.actions().provisionBlockedProperty().get());
    }
}
