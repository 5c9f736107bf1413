package dev.pceworkbench.ui.labels;

import dev.pceworkbench.testing.TaskFailures;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.Progress;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.pce.model.Workload;
import dev.pceworkbench.policy.PolicyData;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.policy.usage.UsageReference;
import dev.pceworkbench.policy.usage.WhereUsed;
import dev.pceworkbench.task.SynchronousTaskExecutor;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.workspace.PolicyWorkspace;
import dev.pceworkbench.testing.DemoPces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The labels view model without an FX thread, against its own demo PCE: loading by dimension with
 * workload counts, filtering, the editors' validation messages, create / rename / delete round
 * trips of labels and draft label groups, the PCE's refusals (shown in its own words, with the
 * editor kept open), where-used and navigation.
 */
class LabelsViewModelTest {
    static DemoPce pce;
    static PceClient client;

    PolicyWorkspace workspace;
    SynchronousTaskExecutor executor;
    RecordingDialogService dialogs;
    Navigator navigator;
    List<Navigator.Target> opened;
    LabelsViewModel model;

    @BeforeAll
    static void start() throws Exception {
        pce = DemoPces.startSmall();
        client = DemoPces.client(pce);
    }

    @AfterAll
    static void stop() {
        pce.close();
    }

    @BeforeEach
    void setUp() {
        workspace = new PolicyWorkspace(() -> Optional.of(client));
        executor = TaskFailures.synchronousExecutor();
        dialogs = new RecordingDialogService();
        navigator = new Navigator();
        opened = new ArrayList<>();
        navigator.register(ObjectKind.RULE_SET, "rulesets", opened::add);
        navigator.fallback(opened::add);
        model = new LabelsViewModel(workspace, executor, dialogs, navigator, Duration.ZERO);
        model.onShown();
        dialogs.assertNoErrors();
    }

    @Test
    void loadsEveryDimensionWithItsLabelsAndWorkloadCounts() {
        List<String> keys = model.dimensions().stream().map(DimensionChoice::key).toList();
        assertEquals(null, keys.get(0));
        assertEquals(Set.of("role", "app", "env", "loc", "bu"), new java.util.HashSet<>(keys.subList(1, keys.size())));
        assertTrue(model.dimensions().stream().anyMatch(d -> d.displayName().equals("Environment")), model.dimensions().toString());

        List<Label> labels = client.labels().list(Map.of());
        assertEquals(labels.size(), model.rows().size());
        Map<String, Integer> counts = new HashMap<>();
        for (Workload w : client.workloads().list(Map.of())) {
            w.labels().forEach(l -> counts.merge(l.href(), 1, Integer::sum));
        }
        for (LabelRow r : model.rows()) {
            assertEquals(counts.getOrDefault(r.href(), 0), r.workloads(), r.display());
        }
        assertTrue(model.rows().stream().mapToInt(LabelRow::workloads).sum() > 300, "300 workloads carry several labels each");

        DimensionChoice env = model.dimensions().stream().filter(d -> "env".equals(d.key())).findFirst().orElseThrow();
        model.dimensionProperty().set(env);
        assertFalse(model.rows().isEmpty());
        assertTrue(model.rows().stream().allMatch(r -> r.key().equals("env")));
        assertEquals(labels.stream().filter(l -> l.key().equals("env")).count(), model.rows().size());
        assertEquals(model.rows().size() + " of " + labels.size() + " labels", model.statusBinding().get());
    }

    @Test
    void filterMatchesValueKeyAndHref() {
        model.filterProperty().set("PROD");
        assertFalse(model.rows().isEmpty());
        assertTrue(model.rows().stream().allMatch(r -> r.value().toLowerCase().contains("prod")
                || r.key().contains("prod") || r.dimension().toLowerCase().contains("prod")), model.rows().toString());
        LabelRow some = model.rows().get(0);
        model.filterProperty().set(some.href());
        assertEquals(List.of(some), List.copyOf(model.rows()));
        model.filterProperty().set("no label is called this");
        assertTrue(model.rows().isEmpty());
        assertEquals("0 of " + model.allRows().size() + " labels", model.statusBinding().get());
    }

    @Test
    void aFailingFilterRunReachesTheUserAndKeepsTheRowsShown() {
        model.filterProperty().set("PROD");
        List<LabelRow> shown = List.copyOf(model.rows());
        IllegalStateException boom = new IllegalStateException("the filter broke");
        model.rowMatches = (r, text) -> {
            throw boom;
        };

        model.filterProperty().set("DEV");

        assertEquals(1, dialogs.errors().size(), dialogs.errors().toString());
        RecordingDialogService.Error e = dialogs.errors().get(0);
        assertEquals("Could not filter the labels", e.title());
        assertEquals("the filter broke", e.message());
        assertEquals(boom, e.failure());
        assertTrue(executor.unhandledFailures().isEmpty(), "the failure is handled, not left to the executor");
        assertEquals(shown, List.copyOf(model.rows()), "the last good rows stay");
    }

    @Test
    void eachKeystrokeCancelsThePendingFilterRunAndTheLastOneFiltersAfterThePause() {
        // Filter runs are held back, as a pause in typing would; everything else runs at once.
        List<dev.pceworkbench.task.BackgroundTask<?>> held = new ArrayList<>();
        boolean[] holding = {false};
        SynchronousTaskExecutor now = TaskFailures.synchronousExecutor();
        dev.pceworkbench.task.TaskExecutor executor = new dev.pceworkbench.task.TaskExecutor() {
            @Override
            public <V> dev.pceworkbench.task.BackgroundTask<V> execute(dev.pceworkbench.task.BackgroundTask<V> task) {
                if (task.title().equals("Filtering labels") && holding[0] && held.size() < 2) {
                    held.add(task);
                    return task;
                }
                return now.execute(task);
            }

            @Override
            public dev.pceworkbench.task.TaskRegistry registry() {
                return now.registry();
            }
        };
        LabelsViewModel typing = new LabelsViewModel(workspace, executor, dialogs, navigator, Duration.ofMillis(150));
        typing.onShown();
        holding[0] = true;
        int all = typing.rows().size();
        typing.filterProperty().set("p");
        typing.filterProperty().set("pr");
        assertEquals(2, held.size());
        assertTrue(held.get(0).isCancelled(), "the second keystroke cancels the first run");
        assertFalse(held.get(1).isCancelled());
        assertEquals(all, typing.rows().size(), "nothing filtered before the pause");
        long start = System.nanoTime();
        now.execute(held.get(1));
        assertTrue(System.nanoTime() - start >= 150_000_000L, "the run waits for the pause first");
        assertTrue(typing.rows().size() < all);
        assertTrue(typing.rows().stream().allMatch(r -> r.matches("pr")));
        dialogs.assertNoErrors();
    }

    @Test
    void theLabelEditorExplainsWhatIsWrong() {
        LabelEdits edits = model.edits();
        model.dimensionProperty().set(DimensionChoice.ALL);
        edits.newLabel();
        LabelEditorViewModel e = edits.labelEditorProperty().get();
        assertFalse(e.validProperty().get());
        assertTrue(e.errorProperty().get().startsWith("Choose the label's dimension"), e.errorProperty().get());
        e.dimensionProperty().set(e.dimensions().stream().filter(d -> "env".equals(d.key())).findFirst().orElseThrow());
        assertEquals("Enter a value for the label, for example Production.", e.errorProperty().get());
        LabelRow prod = model.allRows().stream().filter(r -> r.key().equals("env")).findFirst().orElseThrow();
        e.valueProperty().set(prod.value().toUpperCase());
        assertTrue(e.errorProperty().get().startsWith("There is already a label '" + prod.value() + "' in Environment"),
                e.errorProperty().get());
        e.valueProperty().set("x".repeat(256));
        assertEquals("The value has 256 characters; the PCE accepts at most 255. Shorten it.", e.errorProperty().get());
        e.valueProperty().set("all environments");
        assertTrue(e.errorProperty().get().contains("reserved"), e.errorProperty().get());
        e.valueProperty().set("  Perf  ");
        assertTrue(e.validProperty().get(), e.errorProperty().get());
        assertEquals("Perf", e.trimmedValue());
        edits.cancelLabelEditor();
        assertNull(edits.labelEditorProperty().get());
    }

    @Test
    void createRenameAndDeleteALabel() {
        LabelEdits edits = model.edits();
        model.dimensionProperty().set(model.dimensions().stream().filter(d -> "env".equals(d.key())).findFirst().orElseThrow());
        edits.newLabel();
        LabelEditorViewModel e = edits.labelEditorProperty().get();
        assertEquals("env", e.key(), "a new label starts in the dimension shown");
        e.valueProperty().set("Perf-Lab");
        edits.saveLabel();
        dialogs.assertNoErrors();
        assertNull(edits.labelEditorProperty().get());
        LabelRow created = model.selectedLabelProperty().get();
        assertNotNull(created);
        assertEquals("Perf-Lab", created.value());
        assertTrue(model.rows().contains(created));
        assertEquals("Perf-Lab", client.labels().get(created.href()).value());

        edits.renameLabel();
        e = edits.labelEditorProperty().get();
        assertEquals("Type the new value for the label.", e.errorProperty().get());
        e.valueProperty().set("Perf-Lab-2");
        edits.saveLabel();
        dialogs.assertNoErrors();
        assertEquals("Perf-Lab-2", model.selectedLabelProperty().get().value());
        assertEquals(created.href(), model.selectedLabelProperty().get().href());
        assertEquals("Perf-Lab-2", client.labels().get(created.href()).value());

        dialogs.answerConfirm(false);
        edits.deleteLabel();
        assertEquals("Perf-Lab-2", client.labels().get(created.href()).value(), "answering no keeps the label");
        dialogs.answerConfirm(true);
        edits.deleteLabel();
        dialogs.assertNoErrors();
        assertEquals(2, dialogs.confirmations().size());
        assertTrue(model.allRows().stream().noneMatch(r -> r.href().equals(created.href())));
        assertTrue(client.labels().list(Map.of("key", "env")).stream().noneMatch(l -> l.href().equals(created.href())));
        assertNull(model.selectedLabelProperty().get());
    }

    @Test
    void deletingALabelARuleSetUsesShowsThePcesRefusal() {
        String version = "draft";
        PolicyData draft = data("draft");
        PolicyData active = data("active");
        // A label the PCE finds in a rule set before anything else (not in a group or virtual service).
        LabelRow used = model.allRows().stream().filter(r -> {
            List<UsageReference> d = WhereUsed.of(draft, r.href());
            List<UsageReference> a = WhereUsed.of(active, r.href());
            return d.stream().anyMatch(u -> u.direct() && u.kind() == UsageReference.Kind.RULE_SET)
                    && !hasDirect(d, UsageReference.Kind.LABEL_GROUP, UsageReference.Kind.VIRTUAL_SERVICE)
                    && !hasDirect(a, UsageReference.Kind.LABEL_GROUP, UsageReference.Kind.VIRTUAL_SERVICE);
        }).findFirst().orElseThrow();
        model.selectedLabelProperty().set(used);
        assertTrue(model.whereUsed().usages().stream().anyMatch(u -> u.kind() == UsageReference.Kind.RULE_SET && u.usage().equals("scope")),
                version + " where-used of " + used.display() + ": " + model.whereUsed().usages());

        model.edits().deleteLabel();
        assertEquals(1, dialogs.errors().size());
        RecordingDialogService.Error error = dialogs.errors().get(0);
        assertTrue(error.message().contains("label_still_has_associated_rule_set"), error.message());
        assertTrue(error.message().contains("is still used by"), error.message());
        assertTrue(model.allRows().contains(used), "the label stays");
    }

    @Test
    void aRefusedSaveKeepsTheEditorOpenWithWhatWasTyped() {
        LabelEdits edits = model.edits();
        edits.newLabel();
        LabelEditorViewModel e = edits.labelEditorProperty().get();
        e.dimensionProperty().set(e.dimensions().stream().filter(d -> "loc".equals(d.key())).findFirst().orElseThrow());
        e.valueProperty().set("Moon-Base");
        // Someone else creates the same label meanwhile: the view model's list does not know it yet.
        client.labels().create(Label.of("loc", "Moon-Base"));
        edits.saveLabel();
        assertEquals(1, dialogs.errors().size());
        assertTrue(dialogs.errors().get(0).message().contains("label_not_unique"), dialogs.errors().get(0).message());
        assertTrue(dialogs.errors().get(0).message().contains("already exists"), dialogs.errors().get(0).message());
        assertEquals(e, edits.labelEditorProperty().get(), "the editor stays open");
        assertEquals("Moon-Base", e.valueProperty().get());
        assertEquals("loc", e.key());
        assertFalse(e.savingProperty().get());
    }

    @Test
    void createEditAndDeleteADraftLabelGroup() {
        LabelEdits edits = model.edits();
        edits.newGroup();
        LabelGroupEditorViewModel g = edits.groupEditorProperty().get();
        assertEquals("Enter a name for the label group.", g.errorProperty().get());
        g.nameProperty().set("LG-E-NonProd");
        assertTrue(g.errorProperty().get().startsWith("A label group named 'LG-E-NonProd' already exists"), g.errorProperty().get());
        g.nameProperty().set("LG-Test-Envs");
        g.dimensionProperty().set(null);
        assertTrue(g.errorProperty().get().startsWith("Choose the group's dimension"), g.errorProperty().get());
        g.dimensionProperty().set(g.dimensions().stream().filter(d -> "role".equals(d.key())).findFirst().orElseThrow());
        MemberChoice role = g.memberChoices().get(0);
        role.selectedProperty().set(true);
        g.dimensionProperty().set(g.dimensions().stream().filter(d -> "env".equals(d.key())).findFirst().orElseThrow());
        assertTrue(g.errorProperty().get().startsWith("Label Role: " + role.text() + " is not in the Environment dimension."),
                g.errorProperty().get());
        g.select(role.href(), false);
        List<MemberChoice> envs = g.memberChoices().stream().filter(c -> c.key().equals("env")).limit(2).toList();
        envs.forEach(c -> c.selectedProperty().set(true));
        MemberChoice nonProd = g.subGroupChoices().stream().filter(c -> c.text().equals("LG-E-NonProd")).findFirst().orElseThrow();
        nonProd.selectedProperty().set(true);
        assertTrue(g.validProperty().get(), g.errorProperty().get());
        edits.saveGroup();
        dialogs.assertNoErrors();
        assertNull(edits.groupEditorProperty().get());
        GroupTree.Node created = model.selectedGroupProperty().get();
        assertNotNull(created);
        assertEquals("LG-Test-Envs", created.name());
        assertEquals("created in draft", created.status());
        LabelGroup onPce = client.labelGroups().get(created.href());
        assertEquals(envs.stream().map(MemberChoice::href).collect(Collectors.toSet()),
                onPce.labels().stream().map(Href::href).collect(Collectors.toSet()));
        assertEquals(1, onPce.subGroups().size());
        // The new group holds the nested one: the tree shows it as a child.
        assertTrue(model.treeProperty().get().children(created).stream().anyMatch(n -> n.group() && n.name().equals("LG-E-NonProd")));

        edits.editGroup();
        g = edits.groupEditorProperty().get();
        assertEquals("LG-Test-Envs", g.nameProperty().get());
        assertEquals(2, g.memberChoices().stream().filter(MemberChoice::isSelected).count());
        g.nameProperty().set("LG-Test-Renamed");
        edits.saveGroup();
        dialogs.assertNoErrors();
        assertEquals("LG-Test-Renamed", model.selectedGroupProperty().get().name());
        assertEquals("LG-Test-Renamed", client.labelGroups().get(created.href()).name());

        edits.deleteGroup();
        dialogs.assertNoErrors();
        assertTrue(model.treeProperty().get().group(created.href()).isEmpty(), "a group created and deleted in draft is gone");
    }

    @Test
    void aGroupCannotTakeAGroupThatContainsItAsSubGroup() {
        model.open(Navigator.Target.of(ObjectKind.LABEL_GROUP, "/orgs/1/sec_policy/draft/label_groups/"
                + groupId("LG-L-Americas"), "draft"));
        assertEquals("LG-L-Americas", model.selectedGroupProperty().get().name());
        model.edits().editGroup();
        LabelGroupEditorViewModel g = model.edits().groupEditorProperty().get();
        List<String> offered = g.subGroupChoices().stream().map(MemberChoice::text).toList();
        assertFalse(offered.contains("LG-L-Global"), "Global contains Americas: " + offered);
        assertFalse(offered.contains("LG-L-Americas"), offered.toString());
        assertTrue(offered.contains("LG-L-EMEA"), offered.toString());
    }

    @Test
    void whereUsedEntriesOpenThroughTheNavigator() {
        LabelRow us = model.allRows().stream().filter(r -> r.key().equals("loc") && r.value().equals("US")).findFirst().orElseThrow();
        model.selectedLabelProperty().set(us);
        assertTrue(model.whereUsed().titleProperty().get().startsWith("Where Location: US is used (draft)"), model.whereUsed().titleProperty().get());
        assertTrue(model.whereUsed().usages().stream().anyMatch(u -> u.kind() == UsageReference.Kind.LABEL_GROUP
                && u.name().equals("LG-L-Global") && "LG-L-Americas".equals(u.via())), model.whereUsed().usages().toString());
        UsageReference rule = model.whereUsed().usages().stream().filter(u -> u.kind() == UsageReference.Kind.RULE).findFirst().orElseThrow();
        model.whereUsed().open(rule);
        assertEquals(ObjectKind.RULE_SET, opened.get(0).kind());
        assertEquals(rule.href(), opened.get(0).selectHref());
        UsageReference workload = model.whereUsed().usages().stream().filter(u -> u.kind() == UsageReference.Kind.WORKLOAD).findFirst().orElseThrow();
        model.whereUsed().open(workload);
        assertEquals(ObjectKind.WORKLOAD, opened.get(1).kind());
        assertEquals(us.workloads(), model.whereUsed().usages().stream().filter(u -> u.kind() == UsageReference.Kind.WORKLOAD).count());
    }

    @Test
    void openSelectsALabelOrAGroupInItsVersion() {
        model.filterProperty().set("zzz");
        LabelRow target = model.allRows().stream().filter(r -> r.key().equals("app")).findFirst().orElseThrow();
        model.open(Navigator.Target.of(ObjectKind.LABEL, target.href(), null));
        assertEquals(target, model.selectedLabelProperty().get());
        assertEquals("app", model.dimensionProperty().get().key());
        assertEquals("", model.filterProperty().get());
        assertEquals(LabelsViewModel.Section.LABELS, model.sectionProperty().get());

        String global = "/orgs/1/sec_policy/active/label_groups/" + groupId("LG-L-Global");
        model.open(Navigator.Target.of(ObjectKind.LABEL_GROUP, global, "active"));
        assertEquals("active", model.versionProperty().get());
        assertEquals(LabelsViewModel.Section.GROUPS, model.sectionProperty().get());
        assertEquals("LG-L-Global", model.selectedGroupProperty().get().name());
        assertFalse(model.edits().canChangeGroupBinding().get(), "active groups are read-only");
        dialogs.assertNoErrors();
    }

    private String groupId(String name) {
        String href = model.groups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow().href();
        return href.substring(href.lastIndexOf('/') + 1);
    }

    private static boolean hasDirect(List<UsageReference> refs, UsageReference.Kind... kinds) {
        Set<UsageReference.Kind> k = Set.of(kinds);
        return refs.stream().anyMatch(u -> u.direct() && k.contains(u.kind()));
    }

    private PolicyData data(String version) {
        CancellationToken t = CancellationToken.none();
        Progress.Listener p = Progress.Listener.NONE;
        return PolicyData.empty(version).withLabelGroups(workspace.labelGroups(version, t, p))
                .withRuleSets(workspace.ruleSets(version, t, p)).withVirtualServices(workspace.virtualServices(version, t, p))
                .withEnforcementBoundaries(workspace.enforcementBoundaries(version, t, p))
                .withLabels(workspace.labels(t, p)).withWorkloads(workspace.workloads(t, p));
    }
}
