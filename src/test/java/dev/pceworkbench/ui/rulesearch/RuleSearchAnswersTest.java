package dev.pceworkbench.ui.rulesearch;

import dev.pceworkbench.pce.model.RuleSet;
import dev.pceworkbench.policy.RuleHit;
import dev.pceworkbench.policy.RuleSearch;
import dev.pceworkbench.policy.RuleSearchIndex;
import dev.pceworkbench.policy.RuleState;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.task.SynchronousTaskExecutor;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.ui.common.policy.ActorOption;
import dev.pceworkbench.workspace.PolicyWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Results belong to the query that made them (issue #13): Basic mode never shows Advanced results,
 * a changed form marks results stale until the next search, actor text typed but not added is
 * added on Search or flagged, and a rule of a disabled rule set reads "Disabled (rule set)", never
 * enabled. Expected rules come from the engine over the demo's data.
 */
class RuleSearchAnswersTest {
    static SearchDemo demo;
    PolicyWorkspace workspace;
    RecordingDialogService dialogs;
    RuleSearchViewModel model;

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
        navigator.register(ObjectKind.RULE_SET, "rule-sets", t -> { });
        model = new RuleSearchViewModel(workspace, new SynchronousTaskExecutor(), dialogs, navigator);
        model.loadChoices();
    }

    private Set<String> shown() {
        return model.results().stream().map(RuleRow::href).collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> engine(RuleSearch q) {
        return q.run(SearchDemo.index(workspace, "draft")).stream().map(RuleHit::href)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void basicModeNeverShowsAdvancedResults() {
        model.form().portsProperty().set("161/udp");
        model.search();
        assertFalse(model.results().isEmpty(), "the demo has rules on 161/udp");
        assertFalse(model.form().basicModeProperty().get());

        model.form().basicModeProperty().set(true);
        assertTrue(model.results().isEmpty(), "basic mode drops the advanced results");
        assertNull(model.lastRequestProperty().get());
        assertFalse(model.staleProperty().get());
        assertTrue(model.statusProperty().get().startsWith("Basic search of the draft policy"), model.statusProperty().get());

        model.form().basicTextProperty().set("Monitoring");
        model.search();
        assertEquals(engine(RuleSearch.builder().text("Monitoring").build()), shown());
        model.form().basicModeProperty().set(false);
        assertTrue(model.results().isEmpty(), "and advanced mode drops the basic ones");
        dialogs.assertNoErrors();
    }

    @Test
    void changedInputsMarkTheResultsStaleUntilTheNextSearch() {
        model.form().portsProperty().set("161/udp");
        model.search();
        assertFalse(model.staleProperty().get());
        model.form().portsProperty().set("162/udp");
        assertTrue(model.staleProperty().get(), "the results answer 161/udp, not the form's 162/udp");
        model.form().portsProperty().set("161/udp");
        assertFalse(model.staleProperty().get(), "back to the searched query: current again");
        model.form().descriptionProperty().set("x");
        assertTrue(model.staleProperty().get());
        model.form().descriptionProperty().set("");
        model.form().portsProperty().set("53/udp");
        model.search();
        assertFalse(model.staleProperty().get());
        assertEquals(engine(RuleSearch.builder().port(dev.pceworkbench.policy.PortRange.of(17, 53)).build()), shown());
        dialogs.assertNoErrors();
    }

    @Test
    void actorTextTypedButNotAddedIsAddedOnSearch() {
        ActorOption label = model.form().options().all().stream().filter(o -> o.kind() == ObjectKind.LABEL)
                .findFirst().orElseThrow();
        model.form().actorTextProperty().set(label.text());
        model.search();
        assertEquals(1, model.form().filters().size(), "the typed actor became a filter");
        assertEquals(label, model.form().filters().get(0).option());
        assertEquals("", model.form().actorTextProperty().get());
        assertEquals(engine(RuleSearch.builder().provider(RuleSearch.ActorFilter.of(label.actor())).build()), shown());
        dialogs.assertNoErrors();
    }

    @Test
    void actorTextThatIsNoActorIsFlaggedAndNothingIsSearched() {
        model.form().portsProperty().set("161/udp");
        model.search();
        Set<String> before = shown();
        String typo = "role: Wbe-" + System.nanoTime();
        model.form().actorTextProperty().set(typo);
        model.search();
        assertEquals("'" + typo + "' is not a label, label group, workload, IP list or IP address \u2014 pick a "
                + "suggestion (e.g. 'role: Web') or remove it.", model.form().errorProperty().get());
        assertTrue(model.form().filters().isEmpty());
        assertEquals(typo, model.form().actorTextProperty().get(), "what was typed stays, to be fixed");
        assertEquals(before, shown(), "no search ran");
    }

    @Test
    void aRuleOfADisabledRuleSetIsShownDisabled() {
        RuleSearchIndex ix = SearchDemo.index(workspace, "draft");
        RuleSet off = ix.model().data().ruleSets().stream()
                .filter(rs -> Boolean.FALSE.equals(rs.enabled()) && !rs.rules().isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("the demo has a disabled rule set with rules"));
        model.form().basicModeProperty().set(true);
        model.form().basicTextProperty().set(off.name());
        model.search();
        List<RuleRow> rows = model.results().stream().filter(r -> r.ruleSet().equals(off.name())).toList();
        assertEquals(off.rules().size(), rows.size());
        for (RuleRow r : rows) {
            RuleState expected = Boolean.FALSE.equals(r.hit().rule().enabled()) ? RuleState.BOTH_DISABLED
                    : RuleState.RULE_SET_DISABLED;
            assertEquals(expected, r.state());
            assertFalse(r.enabled(), "a rule of a disabled rule set is not enabled");
            assertEquals(expected.text(), RuleColumn.ENABLED.text(r));
            assertTrue(RuleColumn.ENABLED.text(r).startsWith("Disabled (rule"), RuleColumn.ENABLED.text(r));
        }
        assertEquals("State", RuleColumn.ENABLED.header());
        dialogs.assertNoErrors();
    }
}
