package dev.pceworkbench.ui.rulesearch;

import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.testing.TaskFailures;
import dev.pceworkbench.ui.common.policy.ActorOption;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.pce.model.Actor;
import dev.pceworkbench.pce.model.SecRule;
import dev.pceworkbench.policy.PortRange;
import dev.pceworkbench.policy.RuleHit;
import dev.pceworkbench.policy.RuleSearch;
import dev.pceworkbench.policy.RuleSearchIndex;
import dev.pceworkbench.task.SynchronousTaskExecutor;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.ui.common.export.CsvReader;
import dev.pceworkbench.ui.rulesearch.SearchRequest.Side;
import dev.pceworkbench.workspace.PolicyWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rule search view model over a demo PCE, without the FX thread: its answers are the engine's
 * for the same query, bad input is explained in the form, exports hold every result, results open
 * through the navigator, the PCE's own rule search agrees, and a policy change drops the results.
 */
class RuleSearchViewModelTest {
    static SearchDemo demo;
    PolicyWorkspace workspace;
    RecordingDialogService dialogs;
    Navigator navigator;
    List<Navigator.Target> opened;
    RuleSearchViewModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        demo = new SearchDemo();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @BeforeEach
    void setUp() {
        workspace = demo.workspace();
        dialogs = new RecordingDialogService();
        navigator = new Navigator();
        opened = new ArrayList<>();
        navigator.register(ObjectKind.RULE_SET, "rule-sets", opened::add);
        model = new RuleSearchViewModel(workspace, TaskFailures.synchronousExecutor(), dialogs, navigator);
        model.loadChoices();
    }

    private static Set<String> hrefs(List<RuleHit> hits) {
        return hits.stream().map(RuleHit::href).collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> resultHrefs() {
        return model.results().stream().map(RuleRow::href).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void portSearchAnswersWhatTheEngineAnswers() {
        for (String version : List.of("draft", "active")) {
            model.form().versionProperty().set(version);
            model.form().portsProperty().set("161/udp");
            model.search();
            dialogs.assertNoErrors();
            RuleSearchIndex ix = SearchDemo.index(workspace, version);
            Set<String> expected = hrefs(RuleSearch.builder().port(PortRange.of(PortRange.UDP, 161)).build().run(ix));
            assertFalse(expected.isEmpty(), "the demo has SNMP rules");
            assertEquals(expected, resultHrefs());
            assertTrue(model.statusProperty().get().matches("[\\d,]+ rules? in (under 1 ms|[\\d,]+ ms) \\(" + version + " policy\\)"),
                    model.statusProperty().get());
            assertTrue(model.results().stream().allMatch(r -> r.href().contains("/sec_policy/" + version + "/")));
        }
    }

    @Test
    void actorFiltersComeFromThePickerAndMatchLikeTheEngine() {
        RuleSearchIndex ix = SearchDemo.index(workspace, "draft");
        // A label some rule names as provider, picked by the text the picker shows for it.
        Actor label = ix.model().data().ruleSets().stream().flatMap(rs -> rs.rules().stream())
                .flatMap(r -> r.providers().stream()).filter(a -> a.label() != null).findFirst().orElseThrow();
        ActorOption option = model.form().options().all().stream().filter(o -> label.equals(o.actor())).findFirst().orElseThrow();
        assertFalse(model.form().suggest(option.text().toUpperCase()).isEmpty(), "suggestions ignore case");
        model.form().actorSideProperty().set(Side.PROVIDER);
        model.form().actorTextProperty().set(option.text().toUpperCase());
        assertTrue(model.form().addActor());
        assertEquals("", model.form().actorTextProperty().get());
        model.search();
        Set<String> expected = hrefs(RuleSearch.builder().provider(label).build().run(ix));
        assertFalse(expected.isEmpty());
        assertEquals(expected, resultHrefs());

        // Resolving through label groups and All Workloads finds at least as many.
        model.form().resolveActorsProperty().set(true);
        model.search();
        assertEquals(hrefs(RuleSearch.builder().provider(label).resolveActors(true).build().run(ix)), resultHrefs());
        assertTrue(resultHrefs().containsAll(expected));

        // An IP address on either side: the rules naming an IP list holding it.
        model.form().filters().clear();
        model.form().resolveActorsProperty().set(false);
        model.form().actorSideProperty().set(Side.EITHER);
        String ip = ix.model().data().ipLists().stream().flatMap(l -> l.ipRanges().stream())
                .map(r -> r.fromIp().replaceAll("/.*", "")).findFirst().orElseThrow();
        model.form().actorTextProperty().set(ip);
        assertTrue(model.form().addActor());
        model.search();
        assertEquals(hrefs(RuleSearch.builder().providerOrConsumer(RuleSearch.ActorFilter.ip(ip)).build().run(ix)),
                resultHrefs());
        assertTrue(model.verifyUnsupportedProperty().get().contains("IP addresses"), "the PCE's search takes no IPs");
    }

    @Test
    void badInputIsExplainedInTheForm() {
        model.form().portsProperty().set("161/udp");
        model.search();
        int before = model.results().size();
        model.form().portsProperty().set("161/snmp");
        model.search();
        assertTrue(model.form().errorProperty().get().contains("'snmp' is not a protocol"), model.form().errorProperty().get());
        assertEquals(before, model.results().size(), "a bad query keeps the last results");
        assertTrue(model.staleProperty().get(), "... marked as answering the previous query");
        model.form().actorTextProperty().set("no such thing");
        assertFalse(model.form().addActor());
        assertTrue(model.form().errorProperty().get().startsWith("'no such thing' is not a label, label group, workload, "
                + "IP list or IP address \u2014 pick a suggestion"), model.form().errorProperty().get());
        assertTrue(model.form().filters().isEmpty());
        dialogs.assertNoErrors();
    }

    @Test
    void columnChoicesAreRememberedAcrossRestartsAndNewColumnsKeepTheirDefault() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("ui-settings").resolve("ui-settings.properties");
        try {
            dev.pceworkbench.ui.common.UiSettings settings = new dev.pceworkbench.ui.common.UiSettings(file);
            model.rememberColumnsIn(settings);
            assertTrue(model.columnVisibleProperty(RuleColumn.DESCRIPTION).get(), "the default before any choice");
            model.columnVisibleProperty(RuleColumn.DESCRIPTION).set(false);
            model.columnVisibleProperty(RuleColumn.HREF).set(true);

            // The next start: a new view model with the settings read again from the file.
            settings.awaitWritten();
            settings = new dev.pceworkbench.ui.common.UiSettings(file);
            RuleSearchViewModel next = new RuleSearchViewModel(workspace, TaskFailures.synchronousExecutor(), dialogs, navigator);
            next.rememberColumnsIn(settings);
            for (RuleColumn c : RuleColumn.values()) {
                boolean expected = c == RuleColumn.HREF || (c != RuleColumn.DESCRIPTION && c.shownByDefault());
                assertEquals(expected, next.columnVisibleProperty(c).get(), c.name());
            }

            // Settings written by a version without the STATELESS column: it keeps its default (hidden),
            // the others are as chosen.
            settings.columns(RuleSearchViewModel.COLUMNS_KEY, java.util.Map.of("DESCRIPTION", false, "KIND", false));
            RuleSearchViewModel older = new RuleSearchViewModel(workspace, TaskFailures.synchronousExecutor(), dialogs, navigator);
            older.rememberColumnsIn(settings);
            assertFalse(older.columnVisibleProperty(RuleColumn.DESCRIPTION).get());
            assertFalse(older.columnVisibleProperty(RuleColumn.KIND).get());
            assertTrue(older.columnVisibleProperty(RuleColumn.PROVIDERS).get());
            assertFalse(older.columnVisibleProperty(RuleColumn.STATELESS).get());
            settings.awaitWritten(); // the writer's last file is in place before the folder is removed
        } finally {
            java.nio.file.Files.deleteIfExists(file);
            java.nio.file.Files.deleteIfExists(file.getParent());
        }
    }

    @Test
    void exportsEveryResultAsCsvAndJson() throws Exception {
        SecRule target = demo.draftRuleSets().get(3).rules().get(0);
        model.form().basicModeProperty().set(true);
        model.form().basicTextProperty().set("");
        model.search();
        int all = SearchDemo.index(workspace, "draft").model().ruleCount();
        assertEquals(all, model.results().size(), "no cap: every rule");
        model.columnVisibleProperty(RuleColumn.DESCRIPTION).set(false);

        Path csv = dir.resolve("all.csv");
        dialogs.willSaveTo(csv);
        model.exportCsv();
        List<CsvReader.Row> rows = CsvReader.read(csv);
        assertEquals(all + 1, rows.size());
        assertEquals(List.of(RuleColumn.values()).stream().map(RuleColumn::header).toList(), rows.get(0).cells(),
                "every column, shown or not");
        assertTrue(rows.stream().anyMatch(r -> r.cells().contains(target.href())));

        Path json = dir.resolve("all.json");
        dialogs.willSaveTo(json);
        model.exportJson();
        JsonNode back = PceJson.mapper().readTree(json.toFile());
        assertEquals(all, back.size());
        assertEquals("draft", back.get(0).get("policy_version").asText());
        assertEquals(model.results().get(0).href(), back.get(0).get("rule").get("href").asText());
        assertNotNull(back.get(0).get("rule_set").get("name").asText());
        dialogs.assertNoErrors();
        assertEquals(2, dialogs.notifications().stream().filter(n -> n.startsWith("Exported")).count());
    }

    @Test
    void opensAResultInTheRuleSetView() {
        model.form().versionProperty().set("active");
        model.form().portsProperty().set("161/udp");
        model.search();
        RuleRow row = model.results().get(0);
        model.open(row);
        assertEquals(1, opened.size());
        Navigator.Target t = opened.get(0);
        assertEquals(ObjectKind.RULE_SET, t.kind());
        assertEquals(row.href(), t.selectHref());
        assertEquals(row.hit().ruleSet().href(), t.href());
        assertEquals("active", t.version());
    }

    @Test
    void thePcesOwnRuleSearchAgrees() {
        model.form().portsProperty().set("161/udp, 5432 tcp");
        model.form().enabledProperty().set(SearchRequest.Flag.YES);
        model.search();
        assertEquals("", model.verifyUnsupportedProperty().get());
        assertTrue(model.canVerifyProperty().get());
        model.verifyOnPce();
        dialogs.assertNoErrors();
        assertTrue(model.agreementProperty().get().agrees(), model.verifyStatusProperty().get());
        assertEquals(model.results().size(), model.agreementProperty().get().pce());
        assertTrue(model.verifyStatusProperty().get().startsWith("The PCE agrees"));

        model.form().basicModeProperty().set(true);
        model.form().basicTextProperty().set("snmp");
        model.search();
        assertFalse(model.canVerifyProperty().get(), "the PCE has no text search");
        assertTrue(model.verifyUnsupportedProperty().get().contains("advanced mode"));
    }

    @Test
    void aPolicyChangeDropsTheResults() {
        model.form().portsProperty().set("161/udp");
        model.search();
        assertFalse(model.results().isEmpty());
        workspace.changed(PolicyWorkspace.RULE_SETS, "draft");
        assertTrue(model.results().isEmpty());
        assertTrue(model.statusProperty().get().contains("changed"));
        assertFalse(model.form().options().isEmpty(), "the picker's choices are loaded again");
    }
}
