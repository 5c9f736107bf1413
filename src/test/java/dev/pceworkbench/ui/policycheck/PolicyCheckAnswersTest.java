package dev.pceworkbench.ui.policycheck;

import dev.pceworkbench.policy.CheckResult;
import dev.pceworkbench.policy.Endpoint;
import dev.pceworkbench.policy.PolicyCheck;
import dev.pceworkbench.policy.RuleState;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.task.SynchronousTaskExecutor;
import dev.pceworkbench.ui.RecordingDialogService;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.ui.common.Verdict;
import dev.pceworkbench.ui.rulesearch.SearchDemo;
import dev.pceworkbench.workspace.PolicyWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Policy check answers for issue #13: an answer (verdict, rules, the PCE's agreement) goes the moment
 * an input changes or becomes invalid (port 70000); verdicts in words (allowed, blocked, potentially
 * blocked, not allowed) follow the engine and the provider's enforcement; a connection only a
 * disabled rule (or a rule of a disabled rule set) would allow says so and lists that rule with its
 * state. Tuples are found in the demo's data by the engine.
 */
class PolicyCheckAnswersTest {
    static SearchDemo demo;
    static PolicyWorkspace workspace;
    static CheckTuples allowed;
    static CheckTuples denied;
    static CheckTuples disabled;
    RecordingDialogService dialogs;
    PolicyCheckViewModel model;

    @BeforeAll
    static void start() throws Exception {
        demo = new SearchDemo();
        workspace = demo.workspace();
        allowed = CheckTuples.find(workspace, true);
        denied = CheckTuples.find(workspace, false);
        disabled = CheckTuples.findDisabled(workspace);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @BeforeEach
    void setUp() {
        dialogs = new RecordingDialogService();
        Navigator navigator = new Navigator();
        navigator.register(ObjectKind.RULE_SET, "rule-sets", t -> { });
        model = new PolicyCheckViewModel(workspace, new SynchronousTaskExecutor(), dialogs, navigator);
        model.loadChoices();
    }

    private void check(CheckTuples t) {
        model.consumerProperty().set(t.consumerText());
        model.providerProperty().set(t.providerText());
        model.serviceProperty().set(t.serviceText());
        model.check();
        dialogs.assertNoErrors();
    }

    private void assertNoAnswer() {
        assertNull(model.answerProperty().get());
        assertNull(model.verdictNowProperty().get());
        assertNull(model.verdictAfterProperty().get());
        assertEquals("", model.allowedNowProperty().get());
        assertEquals("", model.allowedAfterProperty().get());
        assertTrue(model.rows().isEmpty());
        assertTrue(model.tableRows().isEmpty());
        assertNull(model.pceAgreesProperty().get(), "no 'PCE agrees' for a question no longer on screen");
        assertEquals("", model.verifyStatusProperty().get());
        assertFalse(model.canVerifyProperty().get());
    }

    @Test
    void anInvalidPortClearsTheVerdictAndThePcesAgreementAtOnce() {
        check(allowed);
        model.verifyOnPce();
        assertEquals(Boolean.TRUE, model.pceAgreesProperty().get(), model.verifyStatusProperty().get());
        assertEquals(Verdict.ALLOWED, model.verdictNowProperty().get());

        model.serviceProperty().set("70000/tcp");
        assertNoAnswer();
        assertTrue(model.formErrorProperty().get().contains("ports go from 0 to 65535"), model.formErrorProperty().get());
        assertEquals(PolicyCheckViewModel.INPUTS_CHANGED, model.statusProperty().get());

        model.serviceProperty().set(allowed.serviceText());
        assertEquals("", model.formErrorProperty().get(), "a readable port again: no error");
        model.check();
        assertEquals(Verdict.ALLOWED, model.verdictNowProperty().get());
    }

    @Test
    void changingTheConsumerOrProviderClearsTheAnswer() {
        check(allowed);
        assertNotNull(model.answerProperty().get());
        model.consumerProperty().set(denied.consumerText());
        assertNoAnswer();
        check(allowed);
        model.providerProperty().set(denied.providerText());
        assertNoAnswer();
    }

    @Test
    void verdictsSayAllowedOrWhyNotInWords() {
        check(allowed);
        assertEquals(Verdict.ALLOWED, model.verdictNowProperty().get());
        assertEquals(Verdict.ALLOWED, model.verdictAfterProperty().get());
        assertTrue(dialogs.notifications().stream().anyMatch(n -> n.startsWith("Policy check: ")
                && n.endsWith(": allowed now, allowed after provisioning")), dialogs.notifications().toString());

        check(denied);
        CheckResult now = denied.comparison().active();
        String mode = denied.provider().enforcementMode() == null ? "" : denied.provider().enforcementMode();
        Verdict expected = !now.boundaries().isEmpty() || mode.equals("full") ? Verdict.BLOCKED
                : List.of("visibility_only", "selective", "idle").contains(mode) ? Verdict.POTENTIALLY_BLOCKED
                : Verdict.NOT_ALLOWED;
        assertEquals(expected, model.verdictNowProperty().get(), "provider enforcement '" + mode + "'");
        assertFalse(model.verdictNowProperty().get() == Verdict.ALLOWED);
        for (Verdict v : Verdict.values()) {
            assertFalse(v.word().isBlank(), "every verdict has its word: " + v);
        }
        assertEquals(List.of("Allowed", "Blocked", "Potentially blocked", "Not allowed", "Unknown"),
                List.of(Verdict.values()).stream().map(Verdict::word).toList());
    }

    @Test
    void aConnectionOnlyADisabledRuleWouldAllowSaysSo() {
        check(disabled);
        Endpoint c = Endpoint.workload(disabled.consumer().href());
        Endpoint p = Endpoint.workload(disabled.provider().href());
        List<CheckResult.Allow> off = new PolicyCheck(SearchDemo.index(workspace, "draft"))
                .disabledAllows(c, p, disabled.service());
        String after = model.allowedAfterProperty().get();
        assertTrue(after.startsWith("Not allowed after provisioning: " + CheckResult.NO_RULES), after);
        if (off.size() == 1) {
            RuleState s = RuleState.of(off.get(0).hit());
            assertTrue(after.contains("; allowed only by " + s.phrase() + " ('" + off.get(0).hit().ruleSet().name()
                    + "' rule "), after);
        } else {
            assertTrue(after.contains("; allowed only by " + off.size() + " disabled rules or rules of disabled rule sets"),
                    after);
        }
        assertTrue(model.rows().stream().noneMatch(r -> !r.state().enabled()), "rows() holds allowing rules only");
        List<CheckRow> listed = model.tableRows().stream().filter(r -> !r.state().enabled()).toList();
        assertFalse(listed.isEmpty(), "the table lists the disabled rules that would allow it");
        for (CheckRow r : listed) {
            assertFalse(r.allowedAfterProvisioning());
            assertEquals("No: " + r.state().text(), r.allowedAfterProvisioningText());
            assertTrue(r.reason().startsWith("Would allow it if enabled (" + r.state().text() + "): "), r.reason());
        }
        assertFalse(model.verdictAfterProperty().get() == Verdict.ALLOWED);
    }
}
