package dev.pceworkbench.ui.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.pce.json.PceJson;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        Navigator navigator = new Navigator();
        navigator.register(ObjectKind.RULE_SET, "rulesets", t -> { });
        model = new TrafficViewModel(workspace, new TrafficExplorer(workspace, Duration.ofMinutes(2), Duration.ofMillis(100)),
                TaskFailures.synchronousExecutor(), dialogs, navigator, Clock.fixed(NOW, ZoneOffset.UTC));
        model.openRuleEditorWith((ruleSet, rule) -> proposed.add(new Object[]{ruleSet, rule}));
        model.onShown();
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
}
