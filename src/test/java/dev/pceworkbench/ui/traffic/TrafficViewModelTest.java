package dev.pceworkbench.ui.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.connection.SavedTrafficQuery;
import dev.pceworkbench.connection.TrafficQueryStore;
import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.json.PceJson;
import dev.pceworkbench.pce.model.TrafficQuery;
import dev.pceworkbench.policy.traffic.RuleProposal;
import dev.pceworkbench.workspace.FlowIdentity;
import dev.pceworkbench.pce.model.TrafficQueryRequest;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.testing.TaskFailures;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.ui.common.Verdict;
import dev.pceworkbench.ui.common.export.CsvReader;
import dev.pceworkbench.ui.common.policy.ActorOption;
import dev.pceworkbench.ui.rulesearch.SearchDemo;
import dev.pceworkbench.workspace.PolicyWorkspace;
import dev.pceworkbench.workspace.TrafficExplorer;
import dev.pceworkbench.policy.traffic.FlowSummary;
import dev.pceworkbench.pce.model.SecRule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Traffic view model without the FX thread: bad input is refused at its field with a reason and
 * runs nothing; the query body the form builds is the PCE's (include rows OR-ed, filters AND-ed,
 * excludes, services, decisions, dates, limit, and/or); a query against the demo PCE over HTTPS
 * fills the rows, the charts and their filters, the text filter, the stale marker and the exports.
 */
class TrafficViewModelTest {
    static SearchDemo demo;
    static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    @TempDir
    Path dir;
    PolicyWorkspace workspace;
    RecordingDialogService dialogs;
    TrafficViewModel model;
    List<Object[]> proposed = new java.util.ArrayList<>();
    final AtomicReference<Optional<QueryLibrary.Profile>> profile =
            new AtomicReference<>(Optional.of(new QueryLibrary.Profile("profile-1", "Demo PCE")));

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
        model = newModel();
    }

    /** A view model over the demo PCE, keeping its traffic queries in {@link #dir} (a second one is "after a restart"). */
    TrafficViewModel newModel() {
        Navigator navigator = new Navigator();
        navigator.register(ObjectKind.RULE_SET, "rulesets", t -> { });
        TrafficViewModel m = new TrafficViewModel(workspace, new TrafficExplorer(workspace, Duration.ofMinutes(2), Duration.ofMillis(100)),
                TaskFailures.synchronousExecutor(), dialogs, navigator, Clock.fixed(NOW, ZoneOffset.UTC),
                new TrafficQueryStore(dir.resolve("config")), profile::get);
        m.openRuleEditorWith((ruleSet, rule) -> proposed.add(new Object[]{ruleSet, rule}));
        m.onShown();
        return m;
    }

    @Test
    void badInputIsRefusedAtItsFieldWithAReason() {
        QueryForm f = model.form();
        f.maxResultsProperty().set("300000");
        f.servicesIncludeProperty().set("443/tcp, 99999/udp");
        f.servicesExcludeProperty().set("process ");
        f.presetProperty().set(TimePreset.CUSTOM);
        f.customStartProperty().set("yesterday");
        f.sources().textProperty().set("no such thing here");
        model.run();
        assertTrue(f.errorProperty(QueryForm.Field.MAX_RESULTS).get().contains("200,000"));
        assertTrue(f.errorProperty(QueryForm.Field.SERVICES_INCLUDE).get().contains("99999/udp"),
                f.errorProperty(QueryForm.Field.SERVICES_INCLUDE).get());
        assertTrue(f.errorProperty(QueryForm.Field.SERVICES_EXCLUDE).get().contains("process"));
        assertTrue(f.errorProperty(QueryForm.Field.TIME).get().contains("yesterday"));
        assertTrue(f.sources().errorProperty().get().contains("'no such thing here'"));
        assertTrue(model.rows().isEmpty());
        assertTrue(model.statusProperty().get().contains("errors"));
        assertTrue(model.recent().isEmpty());

        f.maxResultsProperty().set("ten");
        f.customStartProperty().set("2026-12-04");
        f.customEndProperty().set("2026-12-03");
        f.validate(NOW);
        assertTrue(f.errorProperty(QueryForm.Field.MAX_RESULTS).get().contains("'ten'"));
        assertTrue(f.errorProperty(QueryForm.Field.TIME).get().contains("before the end"));
        // Editing a field clears its reason.
        f.maxResultsProperty().set("5000");
        assertEquals("", f.errorProperty(QueryForm.Field.MAX_RESULTS).get());
    }

    @Test
    void theFormBuildsThePceQueryBody() {
        QueryForm f = model.form();
        ActorOption label = f.sources().suggest("app").stream().filter(o -> o.kind() == ObjectKind.LABEL)
                .findFirst().orElseThrow();
        f.sources().addPicked(label);
        f.sources().textProperty().set("10.0.0.0/8");
        f.sources().targetProperty().set(EndpointsForm.Target.NEW_ROW);
        assertTrue(f.sources().addTyped());
        ActorOption ipList = f.destinations().suggest("ip list").stream().filter(o -> o.kind() == ObjectKind.IP_LIST)
                .findFirst().orElseThrow();
        f.destinations().targetProperty().set(EndpointsForm.Target.EXCLUDE);
        f.destinations().addPicked(ipList);
        f.destinations().textProperty().set("broadcast");
        f.destinations().targetProperty().set(EndpointsForm.Target.EXCLUDE);
        assertTrue(f.destinations().addTyped());
        f.servicesIncludeProperty().set("443/tcp, 8000-8080/udp, process sshd");
        f.servicesExcludeProperty().set("icmp");
        f.decisionProperty("blocked").set(true);
        f.decisionProperty("potentially_blocked").set(true);
        f.presetProperty().set(TimePreset.LAST_WEEK);
        f.maxResultsProperty().set("150,000");
        f.eitherProperty().set(true);

        TrafficQueryRequest req = f.validate(NOW).orElseThrow();
        JsonNode j = PceJson.mapper().valueToTree(req);
        assertEquals(label.name().href(), j.at("/sources/include/0/0/label/href").asText());
        assertEquals("10.0.0.0/8", j.at("/sources/include/1/0/ip_address").asText());
        assertEquals(2, j.at("/sources/include").size());
        assertEquals(0, j.at("/sources/exclude").size());
        assertEquals(1, j.at("/destinations/include").size());
        assertEquals(0, j.at("/destinations/include/0").size(), "an empty include is [[]]");
        assertEquals(ipList.name().href(), j.at("/destinations/exclude/0/ip_list/href").asText());
        assertEquals("broadcast", j.at("/destinations/exclude/1/transmission").asText());
        assertEquals(443, j.at("/services/include/0/port").asInt());
        assertEquals(6, j.at("/services/include/0/proto").asInt());
        assertEquals(8000, j.at("/services/include/1/port").asInt());
        assertEquals(8080, j.at("/services/include/1/to_port").asInt());
        assertEquals(17, j.at("/services/include/1/proto").asInt());
        assertEquals("sshd", j.at("/services/include/2/process_name").asText());
        assertEquals(1, j.at("/services/exclude/0/proto").asInt());
        assertEquals(List.of("potentially_blocked", "blocked"),
                List.of(j.at("/policy_decisions/0").asText(), j.at("/policy_decisions/1").asText()));
        assertEquals(150_000, j.at("/max_results").asInt());
        assertEquals("or", j.at("/sources_destinations_query_op").asText());
        assertEquals("2026-11-28T12:00:00Z", j.at("/start_date").asText());
        assertEquals("2026-12-05T12:00:00Z", j.at("/end_date").asText());
        assertTrue(f.describe().endsWith(", up to 150,000 flows"), "a limit other than the default is in the words: " + f.describe());
        f.maxResultsProperty().set("100,000");
        assertFalse(f.describe().contains("up to"), "the default limit goes unsaid: " + f.describe());
        f.maxResultsProperty().set("150,000");

        // The same query read back (an earlier PCE query, a recent one) fills the form alike.
        QueryForm again = new QueryForm();
        again.load(req, dev.pceworkbench.policy.names.ObjectNames.EMPTY);
        assertEquals(f.sources().rows().size(), again.sources().rows().size());
        assertEquals(req.withDates(null, null), again.validate(NOW).orElseThrow().withDates(null, null));
    }

    @Test
    void aQueryFillsTheTableChartsAndFiltersAndExports() throws Exception {
        model.form().presetProperty().set(TimePreset.CUSTOM);
        model.form().customStartProperty().set("2000-01-01");
        model.form().customEndProperty().set("2100-01-01");
        model.form().maxResultsProperty().set("200000");
        model.run();
        dialogs.assertNoErrors();
        int n = model.rows().size();
        assertTrue(n > 1000, "the small demo data set has thousands of flows: " + n);
        assertFalse(model.limitReachedProperty().get());
        assertFalse(model.staleProperty().get());
        assertEquals(1, model.recent().size());
        FlowRow first = model.rows().get(0);
        assertFalse(first.source().text().isEmpty());
        assertFalse(first.source().text().startsWith("/orgs/"), "names, not hrefs");
        assertTrue(first.decisionVerdict() != null);

        TrafficCharts charts = model.chartsProperty().get();
        assertFalse(charts.decisionsByPort().isEmpty());
        assertFalse(charts.topTalkers().isEmpty());
        assertFalse(charts.overTime().isEmpty());
        TrafficCharts.Bar bar = charts.decisionsByPort().get(0);
        model.filterBy(bar.filter());
        assertEquals(bar.value(), model.shown().size());
        assertTrue(model.shown().stream().allMatch(r -> r.service().equals(bar.category())
                && r.decisionVerdict().word().equals(bar.series())));
        assertTrue(model.statusProperty().get().contains(bar.filter().description()));
        model.clearRowFilter();
        assertEquals(n, model.shown().size());
        long sum = charts.overTime().stream().mapToLong(TrafficCharts.Bar::value).sum();
        assertEquals(n, sum, "every flow is in one time bucket");

        model.filterTextProperty().set(first.destination().text());
        assertTrue(model.shown().size() < n && !model.shown().isEmpty());
        model.selectedProperty().set(model.shown().get(0));
        assertTrue(model.detailsProperty().get().contains("Destination: "));

        Path csv = dir.resolve("flows.csv");
        dialogs.willSaveTo(csv);
        model.exportCsv();
        List<CsvReader.Row> rows = CsvReader.read(csv);
        assertEquals(model.shown().size() + 1, rows.size());
        assertEquals("Source", rows.get(0).cell(0));
        Path json = dir.resolve("flows.json");
        dialogs.willSaveTo(json);
        model.exportJson();
        JsonNode flows = PceJson.mapper().readTree(Files.readString(json));
        assertEquals(model.shown().size(), flows.size());
        assertTrue(flows.get(0).has("flow") && flows.get(0).get("flow").has("policy_decision"));

        model.form().servicesIncludeProperty().set("443/tcp");
        assertTrue(model.staleProperty().get(), "a changed form marks the results stale");
        model.form().servicesIncludeProperty().set("");
        assertFalse(model.staleProperty().get());
        dialogs.assertNoErrors();
        assertTrue(List.of(Verdict.values()).contains(first.decisionVerdict()));
    }

    private void runEverything() {
        model.form().presetProperty().set(TimePreset.CUSTOM);
        model.form().customStartProperty().set("2000-01-01");
        model.form().customEndProperty().set("2100-01-01");
        model.form().maxResultsProperty().set("200000");
        model.run();
        dialogs.assertNoErrors();
    }

    @Test
    void summariesGroupAndFilterAndDraftDecisionsCompareAndRulesAreProposed() throws Exception {
        runEverything();
        int n = model.rows().size();
        SummaryModel s = model.summaries();
        assertEquals(FlowSummary.appGroupDimensions(), s.grouped(), "the app group summary by default");
        assertFalse(s.rows().isEmpty());
        assertEquals(n, s.rows().stream().mapToInt(FlowSummary.Row::flowCount).sum());
        FlowSummary.Row top = s.rows().get(0);
        s.showFlows(List.of(top));
        assertEquals(top.flowCount(), model.shown().size());
        assertTrue(model.rowFilterProperty().get().description().contains(top.text()));
        model.clearRowFilter();

        s.chosenProperty(FlowSummary.Dimension.decision()).set(true);
        assertTrue(s.grouped().contains(FlowSummary.Dimension.decision()));
        Path csv = dir.resolve("summary.csv");
        dialogs.willSaveTo(csv);
        s.exportCsv();
        List<CsvReader.Row> lines = CsvReader.read(csv);
        assertEquals(s.rows().size() + 1, lines.size());
        assertEquals("Decision", lines.get(0).cell(3));
        Path json = dir.resolve("summary.json");
        dialogs.willSaveTo(json);
        s.exportJson();
        assertEquals(s.rows().size(), PceJson.mapper().readTree(Files.readString(json)).size());

        // The engine's draft decisions are there at once; the PCE's agree with them.
        assertTrue(model.rows().stream().allMatch(r -> r.draft() != null));
        model.askPce();
        dialogs.assertNoErrors();
        var c = model.comparisonProperty().get();
        assertTrue(c != null && c.compared() == model.rows().size(), model.draftStatusProperty().get());
        assertEquals(c.compared(), c.agree() + c.disagree(), c.summary());
        assertTrue(model.draftStatusProperty().get().contains(c.summary()));
        // Agreement itself is the explorer's business (workspace tests); here: the disagreeing flows filter.
        model.showDisagreeing();
        if (c.disagree() > 0) {
            assertEquals(c.disagree(), model.shown().size());
            assertTrue(model.shown().stream().allMatch(r -> r.draftVerdict() != Decisions.verdict(r.flow().draftPolicyDecision())));
        }
        model.clearRowFilter();

        // A rule proposed from the top group's flows goes to the rule editor in a draft rule set.
        s.proposeRule(List.of(top));
        dialogs.assertNoErrors();
        // (When no draft rule set has the scope, one is created after the user agrees.)
        assertEquals(1, proposed.size());
        assertTrue(((String) proposed.get(0)[0]).contains("/sec_policy/draft/rule_sets/"));
        assertFalse(((SecRule) proposed.get(0)[1]).providers().isEmpty());
    }

    // ---- saved and recent queries -----------------------------------------------------------------

    static List<TrafficQuery> pceQueries() {
        return demo.client.traffic().queries(CancellationToken.none());
    }

    static Set<String> hrefs(List<TrafficQuery> queries) {
        return queries.stream().map(TrafficQuery::href).collect(Collectors.toSet());
    }

    /** Every field of the form set, several in forms the parser reads but would not write back alike. */
    private void fillEveryField(QueryForm f) {
        f.sources().addPicked(f.sources().suggest("app").stream().filter(o -> o.kind() == ObjectKind.LABEL)
                .findFirst().orElseThrow());
        f.sources().textProperty().set("10.0.0.0/8");
        f.sources().targetProperty().set(new EndpointsForm.Target(0, false));
        assertTrue(f.sources().addTyped());
        f.destinations().targetProperty().set(EndpointsForm.Target.EXCLUDE);
        f.destinations().addPicked(f.destinations().suggest("ip list").stream().filter(o -> o.kind() == ObjectKind.IP_LIST)
                .findFirst().orElseThrow());
        f.destinations().textProperty().set("multicast");
        f.destinations().targetProperty().set(EndpointsForm.Target.NEW_ROW);
        assertTrue(f.destinations().addTyped());
        f.servicesIncludeProperty().set("443/TCP,  8000-8080/udp; process sshd");
        f.servicesExcludeProperty().set("icmp");
        f.decisionProperty("blocked").set(true);
        f.decisionProperty("unknown").set(true);
        f.presetProperty().set(TimePreset.CUSTOM);
        f.customStartProperty().set("2026-11-01");
        f.customEndProperty().set("");
        f.maxResultsProperty().set("150,000");
        f.eitherProperty().set(true);
    }

    @Test
    void aSavedQueryComesBackExactlyAfterARestartPerProfile() throws Exception {
        QueryForm f = model.form();
        fillEveryField(f);
        String key = f.key();
        var state = f.state();
        QueryLibrary lib = model.queries();
        lib.nameProperty().set("  Payments on the web ");
        lib.save();
        dialogs.assertNoErrors();
        assertEquals(List.of("Payments on the web"), lib.saved().stream().map(SavedTrafficQuery::name).toList());
        assertEquals("", lib.nameProperty().get(), "the name field empties after a save");
        model.clearForm();
        assertNotEquals(key, f.key());

        // After a restart: the same lists, and loading restores every field as it was set.
        model = newModel();
        SavedTrafficQuery saved = model.queries().saved().get(0);
        assertTrue(QueryLibrary.describe(saved).contains("sshd"), QueryLibrary.describe(saved));
        model.queries().load(saved);
        dialogs.assertNoErrors();
        assertEquals(key, model.form().key());
        assertEquals(state, model.form().state());
        assertEquals("", model.form().customEndProperty().get(), "a custom range ending now still ends now");
        assertTrue(model.form().eitherProperty().get());
        assertEquals(2, model.form().sources().rows().get(0).size());
        assertEquals(Set.of("blocked", "unknown"), QueryForm.DECISIONS.keySet().stream()
                .filter(d -> model.form().decisionProperty(d).get()).collect(Collectors.toSet()));

        // Another profile has its own (empty) lists; switching back shows this one's again.
        profile.set(Optional.of(new QueryLibrary.Profile("profile-2", "Lab PCE")));
        model.onShown();
        assertTrue(model.queries().saved().isEmpty() && model.queries().recent().isEmpty());
        assertEquals("Saved queries of Lab PCE", model.queries().titleProperty().get());
        profile.set(Optional.of(new QueryLibrary.Profile("profile-1", "Demo PCE")));
        model.onShown();
        assertEquals(1, model.queries().saved().size());

        // Nothing secret on disk: no API key, no password.
        String file = Files.readString(dir.resolve("config").resolve(TrafficQueryStore.FILE_NAME));
        assertFalse(file.contains(demo.pce.credentials().secret()));
        assertFalse(file.toLowerCase(java.util.Locale.ROOT).contains("password"));
    }

    @Test
    void namesAreCheckedAndReplaceRenameAndDeleteAskFirst() {
        QueryLibrary lib = model.queries();
        lib.nameProperty().set("   ");
        lib.save();
        assertTrue(lib.nameErrorProperty().get().startsWith("Name:"), lib.nameErrorProperty().get());
        assertTrue(lib.saved().isEmpty());
        model.form().maxResultsProperty().set("0");
        lib.nameProperty().set("Bad");
        lib.save();
        assertTrue(lib.nameErrorProperty().get().contains("errors"), lib.nameErrorProperty().get());
        assertTrue(lib.saved().isEmpty(), "a query with errors is not saved");
        model.form().maxResultsProperty().set("500");

        lib.nameProperty().set("SSH");
        lib.save();
        model.form().servicesIncludeProperty().set("3389/tcp");
        lib.nameProperty().set("RDP");
        lib.save();
        assertEquals(List.of("SSH", "RDP"), lib.saved().stream().map(SavedTrafficQuery::name).toList());

        // The same name (any case): asked, Cancel keeps the old one.
        model.form().servicesIncludeProperty().set("22/tcp");
        dialogs.answerConfirm(false);
        lib.nameProperty().set("rdp");
        lib.save();
        RecordingDialogService.Confirmation asked = dialogs.confirmations().get(dialogs.confirmations().size() - 1);
        assertEquals("Replace", asked.action());
        assertEquals("3389/tcp", lib.saved().get(1).formText(QueryForm.SERVICES_INCLUDE));
        dialogs.answerConfirm(true);
        lib.save();
        assertEquals(List.of("SSH", "rdp"), lib.saved().stream().map(SavedTrafficQuery::name).toList());
        assertEquals("22/tcp", lib.saved().get(1).formText(QueryForm.SERVICES_INCLUDE));

        // Rename: not to another's name; to a new one, in place.
        lib.nameProperty().set("ssh");
        lib.rename(lib.saved().get(1));
        assertTrue(lib.nameErrorProperty().get().contains("'SSH' is already saved"), lib.nameErrorProperty().get());
        lib.nameProperty().set("SSH, really");
        lib.rename(lib.saved().get(1));
        assertEquals(List.of("SSH", "SSH, really"), lib.saved().stream().map(SavedTrafficQuery::name).toList());

        // Delete: asked, Cancel keeps it.
        dialogs.answerConfirm(false);
        lib.delete(lib.saved().get(0));
        assertEquals("Delete saved query", dialogs.confirmations().get(dialogs.confirmations().size() - 1).action());
        assertEquals(2, lib.saved().size());
        dialogs.answerConfirm(true);
        lib.delete(lib.saved().get(0));
        assertEquals(List.of("SSH, really"), lib.saved().stream().map(SavedTrafficQuery::name).toList());
        assertEquals(List.of("SSH, really"), new TrafficQueryStore(dir.resolve("config")).saved("profile-1").stream()
                .map(SavedTrafficQuery::name).toList());

        // Not connected: nothing to save under.
        profile.set(Optional.empty());
        lib.nameProperty().set("Anything");
        lib.save();
        assertTrue(lib.nameErrorProperty().get().startsWith("Connect"), lib.nameErrorProperty().get());
        dialogs.assertNoErrors();
    }

    @Test
    void anUnreadableStoreIsSaidAndKeptAsideAndNothingIsLost() throws Exception {
        Path config = dir.resolve("config");
        Files.createDirectories(config);
        Files.writeString(config.resolve(TrafficQueryStore.FILE_NAME), "{ \"profiles\": [ not json");
        model = newModel();
        assertEquals(1, dialogs.errors().size(), dialogs.errors().toString());
        String said = dialogs.errors().get(0).message();
        assertTrue(said.contains("could not be read") && said.contains(".unreadable-"), said);
        assertEquals(said, model.queries().statusProperty().get());
        List<Path> aside;
        try (var files = Files.list(config)) {
            aside = files.filter(p -> p.getFileName().toString().startsWith(TrafficQueryStore.FILE_NAME + ".unreadable-")).toList();
        }
        assertEquals(1, aside.size());
        assertEquals("{ \"profiles\": [ not json", Files.readString(aside.get(0)), "the bad file is kept as it was");
        // The view goes on: saving works, into a fresh file.
        model.queries().nameProperty().set("After");
        model.queries().save();
        assertEquals(1, new TrafficQueryStore(config).saved("profile-1").size());
    }

    @Test
    void savedQueriesReRunOverHttpsUnderTheirNameAndTheLastRunComeFirst() {
        QueryForm f = model.form();
        f.presetProperty().set(TimePreset.CUSTOM);
        f.customStartProperty().set("2000-01-01");
        f.customEndProperty().set("2100-01-01");
        f.maxResultsProperty().set("200000");
        f.servicesIncludeProperty().set("22/tcp");
        model.queries().nameProperty().set("SSH everywhere");
        model.queries().save();
        model.clearForm();
        Set<String> before = hrefs(pceQueries());

        model.queries().run(model.queries().saved().get(0));
        dialogs.assertNoErrors();
        assertFalse(model.rows().isEmpty());
        assertTrue(model.rows().stream().allMatch(r -> r.flow().service().port() == 22 && r.flow().service().proto() == 6));
        List<TrafficQuery> made = pceQueries().stream().filter(q -> !before.contains(q.href())).toList();
        assertEquals(1, made.size());
        assertEquals("SSH everywhere", made.get(0).queryParameters().queryName(), "the PCE lists it under its saved name");
        assertEquals(22, made.get(0).queryParameters().services().include().get(0).port());

        // Another query, then the first again: newest first, no repeats, kept on disk; one loads back.
        f.servicesIncludeProperty().set("443/tcp");
        f.maxResultsProperty().set("50");
        model.run();
        String https = f.key();
        model.queries().run(model.queries().saved().get(0));
        assertEquals(2, model.recent().size());
        assertTrue(model.recent().get(0).name().contains("22/tcp"), model.recent().get(0).name());
        assertTrue(model.recent().get(1).name().contains("443/tcp"), model.recent().get(1).name());
        assertEquals(2, new TrafficQueryStore(dir.resolve("config")).recent("profile-1").size());
        model.queries().load(model.recent().get(1));
        assertEquals(https, model.form().key());
        // A changed form runs under the workbench's own name again.
        Set<String> before2 = hrefs(pceQueries());
        model.run();
        assertEquals(List.of(TrafficViewModel.QUERY_NAME), pceQueries().stream().filter(q -> !before2.contains(q.href()))
                .map(q -> q.queryParameters().queryName()).toList());
        dialogs.assertNoErrors();
    }

    // ---- cancel, the PCE's earlier queries, past the limit ------------------------------------------

    @Test
    void cancellingARunningQueryCancelsItOnThePce() {
        runEverything();
        int shown = model.rows().size();
        Set<String> before = hrefs(pceQueries());
        model.form().servicesIncludeProperty().set("443/tcp");
        List<String> stale = new java.util.ArrayList<>();
        model.progress().message().addListener((o, a, b) -> {
            if (b != null && b.contains("queued")) {
                stale.add(model.staleReasonProperty().get());
                model.cancel();
            }
        });
        model.run();
        dialogs.assertNoErrors();
        assertEquals(List.of(TrafficViewModel.RUNNING_TEXT), stale, "while it runs, the flows on screen are marked");
        List<TrafficQuery> made = pceQueries().stream().filter(q -> !before.contains(q.href())).toList();
        assertEquals(1, made.size());
        assertTrue(Set.of("cancel_requested", "killed").contains(made.get(0).status()), made.get(0).status());
        assertTrue(model.statusProperty().get().startsWith("Query cancelled"), model.statusProperty().get());
        assertEquals(shown, model.rows().size(), "the previous flows stay");
        assertEquals(TrafficViewModel.STALE_TEXT, model.staleReasonProperty().get(), "and are marked as the previous query's");
        assertFalse(model.busyProperty().get());
    }

    @Test
    void anEarlierPceQueryOpensWithoutRunningAgain() {
        model.form().maxResultsProperty().set("300");
        model.form().servicesIncludeProperty().set("");
        model.run();
        List<FlowIdentity> first = model.rows().stream().map(r -> FlowIdentity.of(r.flow())).toList();
        model.clearForm();
        model.loadPceQueries();
        TrafficQuery listed = model.pceQueries().get(0);
        assertEquals("completed", listed.status());
        Set<String> before = hrefs(pceQueries());
        model.openPceQuery(listed);
        dialogs.assertNoErrors();
        assertEquals(before, hrefs(pceQueries()), "no query was submitted");
        assertEquals(Set.copyOf(first), model.rows().stream().map(r -> FlowIdentity.of(r.flow())).collect(Collectors.toSet()));
        assertEquals("300", model.form().maxResultsProperty().get(), "its parameters are in the form");
        assertFalse(model.staleProperty().get());

        // Another connection: the flows were the other PCE's and go; the lists are the new profile's.
        assertFalse(model.recent().isEmpty());
        profile.set(Optional.of(new QueryLibrary.Profile("profile-2", "Lab PCE")));
        model.connectionChanged();
        assertTrue(model.rows().isEmpty());
        assertTrue(model.recent().isEmpty());
        assertFalse(model.limitReachedProperty().get() || model.staleProperty().get());
    }

    @Test
    void pastTheLimitTheSplitReturnsEveryFlowOnce() {
        runEverything();
        Set<FlowIdentity> all = model.rows().stream().map(r -> FlowIdentity.of(r.flow())).collect(Collectors.toSet());
        model.form().maxResultsProperty().set("1200");
        model.run();
        assertEquals(1200, model.rows().size());
        assertTrue(model.limitReachedProperty().get(), "the limit is said, and the split offered");
        model.getEveryFlow();
        dialogs.assertNoErrors();
        List<FlowIdentity> got = model.rows().stream().map(r -> FlowIdentity.of(r.flow())).toList();
        assertEquals(all.size(), got.size(), "no duplicates");
        assertEquals(all, Set.copyOf(got), "every flow");
        assertFalse(model.limitReachedProperty().get());
        assertTrue(model.statusProperty().get().contains("time windows, without duplicates"), model.statusProperty().get());
    }

    @Test
    void proposingARuleWhoseScopeHasNoRuleSetCreatesOneAfterAsking() {
        runEverything();
        var ruleSets = demo.draftRuleSets();
        List<FlowRow> pick = null;
        RuleProposal proposal = null;
        FlowRow a = model.rows().stream().filter(r -> r.flow().dst() != null && r.flow().dst().workload() != null)
                .findFirst().orElseThrow();
        for (FlowRow b : model.rows()) {
            if (b.flow().dst() == null || b.flow().dst().workload() == null) {
                continue;
            }
            RuleProposal p = RuleProposal.propose(List.of(a.flow(), b.flow()), ruleSets, model.names());
            if (p.ruleSet() == null && p.newRuleSet() != null) {
                pick = List.of(a, b);
                proposal = p;
                break;
            }
        }
        assertTrue(pick != null, "two flows whose common scope no draft rule set has");
        dialogs.answerConfirm(false);
        model.proposeRule(pick);
        assertEquals("Create rule set", dialogs.confirmations().get(dialogs.confirmations().size() - 1).action());
        assertTrue(proposed.isEmpty());
        assertEquals(ruleSets.size(), demo.draftRuleSets().size(), "Cancel creates nothing");

        dialogs.answerConfirm(true);
        model.proposeRule(pick);
        dialogs.assertNoErrors();
        assertEquals(1, proposed.size());
        String href = (String) proposed.get(0)[0];
        var created = demo.draftRuleSets().stream().filter(r -> r.href().equals(href)).findFirst().orElseThrow();
        assertEquals(proposal.newRuleSet().name(), created.name());
        assertEquals(ruleSets.size() + 1, demo.draftRuleSets().size());
        assertFalse(((SecRule) proposed.get(0)[1]).providers().isEmpty());
    }
}
