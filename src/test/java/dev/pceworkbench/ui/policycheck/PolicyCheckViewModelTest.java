package dev.pceworkbench.ui.policycheck;

import dev.pceworkbench.testing.TaskFailures;
import dev.pceworkbench.policy.CheckResult;
import dev.pceworkbench.policy.PolicyCheck;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.task.SynchronousTaskExecutor;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.ui.common.export.CsvReader;
import dev.pceworkbench.ui.rulesearch.SearchDemo;
import dev.pceworkbench.workspace.PolicyWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The policy check view model over a demo PCE, without the FX thread: allowed and unallowed
 * connections (found in the data by the engine) with their rules and reasons, input errors in the
 * form, the PCE's own check agreeing, opening a rule, and the bulk mode with a bad row and export.
 */
class PolicyCheckViewModelTest {
    static SearchDemo demo;
    static PolicyWorkspace workspace;
    static CheckTuples allowed;
    static CheckTuples denied;
    RecordingDialogService dialogs;
    List<Navigator.Target> opened;
    PolicyCheckViewModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        demo = new SearchDemo();
        workspace = demo.workspace();
        allowed = CheckTuples.find(workspace, true);
        denied = CheckTuples.find(workspace, false);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @BeforeEach
    void setUp() {
        dialogs = new RecordingDialogService();
        Navigator navigator = new Navigator();
        opened = new ArrayList<>();
        navigator.register(ObjectKind.RULE_SET, "rule-sets", opened::add);
        model = new PolicyCheckViewModel(workspace, TaskFailures.synchronousExecutor(), dialogs, navigator);
        model.loadChoices();
    }

    private void check(String consumer, String provider, String service) {
        model.consumerProperty().set(consumer);
        model.providerProperty().set(provider);
        model.serviceProperty().set(service);
        model.check();
    }

    @Test
    void anAllowedConnectionShowsEveryAllowingRuleWithItsReason() {
        assertFalse(model.suggest(allowed.consumerText()).isEmpty(), "the picker finds the workload by hostname");
        check(allowed.consumerText(), allowed.providerText(), allowed.serviceText());
        dialogs.assertNoErrors();
        assertEquals("", model.formErrorProperty().get());
        Set<String> expected = new LinkedHashSet<>();
        allowed.comparison().rows().forEach(r -> expected.add(PolicyCheckViewModelTest.href(r)));
        assertEquals(expected, new LinkedHashSet<>(model.rows().stream().map(CheckRow::href).toList()));
        assertTrue(model.allowedNowProperty().get().startsWith("Allowed now: Allowed by "), model.allowedNowProperty().get());
        assertTrue(model.allowedAfterProperty().get().startsWith("Allowed after provisioning: Allowed by "));
        for (CheckRow r : model.rows()) {
            assertTrue(r.reason().startsWith("Rule set '" + r.ruleSet() + "'"), r.reason());
            assertTrue(r.reason().contains(" matches "), r.reason());
            assertTrue(r.number() >= 1);
        }
        assertTrue(model.statusProperty().get().contains(allowed.consumerText()));
    }

    private static String href(PolicyCheck.Comparison.Row r) {
        return (r.active() != null ? r.active() : r.draft()).hit().href();
    }

    @Test
    void anUnallowedConnectionSaysNoRulesExist() {
        check(denied.consumer().href(), denied.providerText(), denied.serviceText());
        dialogs.assertNoErrors();
        assertTrue(model.rows().isEmpty());
        assertTrue(model.allowedNowProperty().get().startsWith("Not allowed now: " + CheckResult.NO_RULES),
                model.allowedNowProperty().get());
        assertTrue(model.allowedAfterProperty().get().contains(CheckResult.NO_RULES));
    }

    @Test
    void badInputIsExplainedInTheForm() {
        check(allowed.consumerText(), allowed.providerText(), "443");
        assertTrue(model.formErrorProperty().get().startsWith("Say which protocol port 443 uses"));
        check("no-such-host", allowed.providerText(), "443/tcp");
        assertTrue(model.formErrorProperty().get().startsWith("Consumer 'no-such-host' is neither a workload nor an IP address"),
                model.formErrorProperty().get());
        assertNull(model.answerProperty().get());
        check("10.1.2.3", allowed.providerText(), "gre");
        assertEquals("", model.formErrorProperty().get());
        assertTrue(model.statusProperty().get().startsWith("IP address 10.1.2.3 → workload "));
        dialogs.assertNoErrors();
    }

    @Test
    void thePcesOwnPolicyCheckAgrees() {
        for (CheckTuples t : List.of(allowed, denied)) {
            check(t.consumerText(), t.providerText(), t.serviceText());
            assertTrue(model.canVerifyProperty().get());
            model.verifyOnPce();
            dialogs.assertNoErrors();
            assertEquals(Boolean.TRUE, model.pceAgreesProperty().get(), model.verifyStatusProperty().get());
            assertTrue(model.verifyDifferences().isEmpty());
        }
    }

    @Test
    void opensAnAllowingRule() {
        check(allowed.consumerText(), allowed.providerText(), allowed.serviceText());
        CheckRow row = model.rows().get(0);
        assertEquals("", model.selectedReasonProperty().get());
        model.openSelected();
        assertTrue(opened.isEmpty(), "nothing selected, nothing opened");
        model.selectedRowProperty().set(row);
        assertEquals(row.reason(), model.selectedReasonProperty().get());
        model.openSelected();
        assertEquals(1, opened.size());
        assertEquals(row.href(), opened.get(0).selectHref());
        assertEquals("active", opened.get(0).version(), "a rule allowing now opens in the active policy");
        model.open(row);
        assertEquals(opened.get(0), opened.get(1), "open(row) and openSelected() open the same target");

        check(allowed.consumerText(), allowed.providerText(), allowed.serviceText());
        assertEquals(null, model.selectedRowProperty().get(), "a new answer clears the selection");
        assertEquals("", model.selectedReasonProperty().get());
    }

    @Test
    void bulkModeChecksEveryRowAndReportsBadOnes() throws Exception {
        Path in = dir.resolve("tuples.csv");
        Files.writeString(in, "Source;Destination;Port/Proto\n"
                + allowed.consumerText() + ";" + allowed.provider().href() + ";" + allowed.serviceText() + "\n"
                + denied.consumerText() + ";" + denied.providerText() + ";" + denied.serviceText() + "\n"
                + "no-such-host;" + allowed.providerText() + ";443/tcp\n"
                + allowed.consumerText() + ";" + allowed.providerText() + ";443/bogus\n");
        dialogs.willOpen(in);
        model.bulk().chooseAndRun();
        dialogs.assertNoErrors();
        List<BulkRow> rows = model.bulk().rows();
        assertEquals(4, rows.size());
        assertEquals(List.of(2, 3, 4, 5), rows.stream().map(BulkRow::line).toList());
        assertEquals("Yes", rows.get(0).allowedNow());
        assertEquals("Yes", rows.get(0).allowedAfterProvisioning());
        assertEquals(allowed.comparison().rows().size(), rows.get(0).ruleHrefs().split(" ").length);
        assertEquals("No", rows.get(1).allowedNow());
        assertEquals(CheckResult.NO_RULES, rows.get(1).rules());
        assertTrue(rows.get(2).error().startsWith("Consumer 'no-such-host'"), rows.get(2).error());
        assertTrue(rows.get(3).error().contains("'bogus' is not a protocol"), rows.get(3).error());
        assertTrue(model.bulk().statusProperty().get().startsWith("4 rows checked: 1 allowed now, 1 allowed after provisioning, 2 could not"),
                model.bulk().statusProperty().get());

        Path out = dir.resolve("answers.csv");
        dialogs.willSaveTo(out);
        model.bulk().exportAnswers();
        List<CsvReader.Row> back = CsvReader.read(out);
        assertEquals(5, back.size());
        assertEquals("Allowed now", back.get(0).cell(4));
        assertEquals("Yes", back.get(1).cell(4));
        assertEquals(rows.get(2).error(), back.get(3).cell(8));
    }
}
