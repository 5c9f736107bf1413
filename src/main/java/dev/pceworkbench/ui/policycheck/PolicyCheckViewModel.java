package dev.pceworkbench.ui.policycheck;

import dev.pceworkbench.ui.common.FeatureModel;
import dev.pceworkbench.policy.CheckResult;
import dev.pceworkbench.policy.Endpoint;
import dev.pceworkbench.ui.common.Verdict;
import dev.pceworkbench.policy.PolicyCheck;
import dev.pceworkbench.policy.PortRange;
import dev.pceworkbench.policy.RuleSearchIndex;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.TaskContext;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.ui.common.DialogService;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.ui.common.policy.ActorChoicesLoader;
import dev.pceworkbench.ui.common.policy.ActorOption;
import dev.pceworkbench.ui.common.policy.ActorOptions;
import dev.pceworkbench.ui.common.policy.PceQueries;
import dev.pceworkbench.ui.common.policy.PceVerification;
import dev.pceworkbench.ui.common.policy.PortSpec;
import dev.pceworkbench.ui.common.policy.RuleLinks;
import dev.pceworkbench.ui.common.policy.TaskProgress;
import dev.pceworkbench.workspace.PolicyWorkspace;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The policy check feature: consumer and provider (a workload picked by hostname, name or label, or
 * a typed IP address) and a port/protocol; Check answers for the active policy and the draft side
 * by side ("allowed now" / "allowed after provisioning") with every allowing rule and its reason, or
 * {@value dev.pceworkbench.policy.CheckResult#NO_RULES}; open a rule in the rule set view; verify
 * the answer with the PCE's own policy check; and the bulk mode ({@link BulkCheckViewModel}). A
 * policy change in the workspace drops the answers, which would otherwise be stale.
 */
public final class PolicyCheckViewModel implements FeatureModel {
    public static final String FEATURE_ID = "policy-check";

    /** What was checked, resolved, with the answer. */
    public record Answer(Endpoint consumer, Endpoint provider, PortRange service, PolicyCheck.Comparison comparison) {
    }

    private final PolicyWorkspace workspace;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Navigator navigator;
    private final StringProperty consumer = new SimpleStringProperty(this, "consumer", "");
    private final StringProperty provider = new SimpleStringProperty(this, "provider", "");
    private final StringProperty service = new SimpleStringProperty(this, "service", "");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    private final ReadOnlyObjectWrapper<Answer> answer = new ReadOnlyObjectWrapper<>(this, "answer");
    private final ReadOnlyStringWrapper allowedNow = new ReadOnlyStringWrapper(this, "allowedNow", "");
    private final ReadOnlyStringWrapper allowedAfter = new ReadOnlyStringWrapper(this, "allowedAfter", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Pick the consumer and provider, type the port and protocol, and press Check.");
    private final ObservableList<CheckRow> rows = FXCollections.observableArrayList();
    private final ObservableList<CheckRow> tableRows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Verdict> verdictNow = new ReadOnlyObjectWrapper<>(this, "verdictNow");
    private final ReadOnlyObjectWrapper<Verdict> verdictAfter = new ReadOnlyObjectWrapper<>(this, "verdictAfter");
    private final ObjectProperty<CheckRow> selectedRow = new SimpleObjectProperty<>(this, "selectedRow");
    private final StringBinding selectedReason = Bindings.createStringBinding(
            () -> selectedRow.get() == null ? "" : selectedRow.get().reason(), selectedRow);
    private final TaskProgress progress = new TaskProgress();
    private final PceVerification verification = new PceVerification(this);
    private final ReadOnlyObjectWrapper<Boolean> pceAgrees = new ReadOnlyObjectWrapper<>(this, "pceAgrees");
    private final BooleanBinding canVerify;
    private final BulkCheckViewModel bulk;
    private volatile ActorOptions workloads = ActorOptions.EMPTY;
    private final ReadOnlyStringWrapper loadStatus = new ReadOnlyStringWrapper(this, "loadStatus", "");
    private final javafx.beans.property.ReadOnlyBooleanWrapper loadingPolicy =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "loadingPolicy");
    private final javafx.beans.property.ReadOnlyBooleanWrapper pickerReady =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "pickerReady");
    private volatile Checker checker;
    private final ActorChoicesLoader choices;

    public PolicyCheckViewModel(PolicyWorkspace workspace, TaskExecutor executor, DialogService dialogs, Navigator navigator) {
        this.workspace = workspace;
        this.executor = executor;
        this.dialogs = dialogs;
        this.navigator = navigator;
        this.bulk = new BulkCheckViewModel(executor, dialogs, this::checker);
        canVerify = Bindings.createBooleanBinding(() -> answer.get() != null && !progress.busy().get(), answer, progress.busy());
        choices = new ActorChoicesLoader(workspace, executor, this::choicesTask, this::policyChanged);
        consumer.addListener((o, a, b) -> inputChanged());
        provider.addListener((o, a, b) -> inputChanged());
        service.addListener((o, a, b) -> inputChanged());
    }

    /**
     * An answer belongs to the inputs that asked it: any change drops the verdicts, the rules and the
     * PCE's agreement at once, and a port that cannot be read is said at once, not at Check.
     */
    private void inputChanged() {
        if (answer.get() != null || !tableRows.isEmpty() || !verification.statusProperty().get().isEmpty()
                || progress.busy().get()) {
            progress.cancel();
            clearAnswer();
            status.set(INPUTS_CHANGED);
        }
        String svc = service.get() == null ? "" : service.get().trim();
        String error = "";
        if (!svc.isEmpty()) {
            try {
                PortSpec.parseConnection(svc);
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
            }
        }
        formError.set(error);
    }

    /** What the status line says once the inputs no longer match the answer that was shown. */
    public static final String INPUTS_CHANGED = "The inputs changed: press Check for a new answer.";

    private void policyChanged() {
        checker = null;
        workloads = ActorOptions.EMPTY;
        pickerReady.set(false);
        if (answer.get() != null) {
            clearAnswer();
            status.set("The policy changed on the PCE; check again to see the current answer.");
        }
        bulk.policyChanged();
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Loads the actor choices the first time the view is shown (later changes reload them by themselves). */
    @Override
    public void onShown() {
        choices.onShown();
    }

    /** Downloads every collection again (the workspace then tells this view, which reloads its choices). */
    @Override
    public void reload() {
        choices.reload();
    }

    /** Loads both policy versions (the check needs them) and the workloads for the pickers. */
    public void loadChoices() {
        choices.load();
    }

    /**
     * One load, in two tasks that never wait for each other's end: the workload picker (labels and
     * workloads only, long before the rule sets are in) and both policies' indexes side by side (so
     * the first Check answers at once; the phases in {@link #loadStatusProperty}). A Check pressed
     * meanwhile loads what it needs itself, whatever the picker's state.
     */
    private BackgroundTask<ActorOptions> choicesTask() {
        loadStatus.unbind();
        BackgroundTask<Checker> policies = BackgroundTask.of("Loading both policies for the policy check", this::checker)
                .ownedBy(FEATURE_ID);
        loadStatus.bind(policies.messageProperty());
        loadingPolicy.set(true);
        choices.follow(policies.onFinished(() -> loadingPolicy.set(false)).onSuccess(c -> {
            loadStatus.unbind();
            loadStatus.set(String.format(java.util.Locale.US, "%,d active and %,d draft rules ready",
                    c.activeIndex.model().ruleCount(), c.draftIndex.model().ruleCount()));
        }).onCancelled(() -> {
            loadStatus.unbind();
            loadStatus.set("Loading the policies was cancelled: Check loads them.");
        }).onFailure(e -> {
            loadStatus.unbind();
            loadStatus.set("");
            ActorChoicesLoader.failure(dialogs, status::set, null, "Could not load the policy for the policy check").accept(e);
        }));
        return BackgroundTask.of("Preparing the workload picker", ctx -> workloadOptions(ctx.token(), ctx.pceProgress()))
                .ownedBy(FEATURE_ID)
                .onSuccess(o -> {
                    workloads = o;
                    pickerReady.set(true);
                })
                // A failure here is the same as the policies' (shown once, by them): the picker stays empty.
                .onFailure(e -> {
                });
    }

    /** The workloads as the picker offers them, built once in the workspace (Check resolves typed names with them). */
    private ActorOptions workloadOptions(dev.pceworkbench.pce.CancellationToken token, dev.pceworkbench.pce.Progress.Listener p) {
        var labels = workspace.labels(token, p);
        var wls = workspace.workloads(token, p);
        return workspace.derived("workload-options", null, token,
                () -> ActorOptions.workloads(dev.pceworkbench.policy.PolicyData.empty(null).withLabels(labels).withWorkloads(wls)));
    }

    /** The checks over the current indexes (cached until the workspace's indexes change). */
    Checker checker(TaskContext ctx) {
        List<RuleSearchIndex> both = workspace.indexes(List.of("active", "draft"), ctx.token(), ctx.pceProgress());
        RuleSearchIndex active = both.get(0);
        RuleSearchIndex draft = both.get(1);
        Checker c = checker;
        if (c == null || c.activeIndex != active || c.draftIndex != draft) {
            // Asked from whichever task first resolves a typed name: not tied to this task's token.
            c = new Checker(active, draft, () -> workloadOptions(dev.pceworkbench.pce.CancellationToken.none(),
                    dev.pceworkbench.pce.Progress.Listener.NONE));
            checker = c;
        }
        return c;
    }

    /** Up to 40 workloads matching what was typed (hostname, name or label words); any thread. */
    public List<ActorOption> suggest(String typed) {
        return workloads.suggest(typed, 40);
    }

    /** Checks the connection in the active policy and in the draft. */
    public void check() {
        PortRange svc;
        try {
            svc = PortSpec.parseConnection(service.get());
        } catch (IllegalArgumentException e) {
            formError.set(e.getMessage());
            return;
        }
        String c = consumer.get();
        String p = provider.get();
        formError.set("");
        progress.cancel();
        clearAnswer();
        status.set("Checking…");
        executor.execute(progress.track(BackgroundTask.of("Policy check", ctx -> {
            Checker ch = checker(ctx);
            Endpoint ce = ch.endpoint("consumer", c);
            Endpoint pe = ch.endpoint("provider", p);
            PolicyCheck.Comparison cmp = ch.compare(ce, pe, svc);
            List<CheckRow> out = cmp.rows().stream().map(r -> CheckRow.of(r, ch.activeIndex.model(), ch.draftIndex.model())).toList();
            // Rules that would allow it if enabled: named in the answer and listed after the allowing rules.
            List<CheckRow> offNow = cmp.allowedNow() ? List.of() : ch.active.disabledAllows(ce, pe, svc).stream()
                    .map(a -> CheckRow.disabled(a, ch.activeIndex.model())).toList();
            List<CheckRow> offAfter = cmp.allowedAfterProvisioning() ? List.of() : ch.draft.disabledAllows(ce, pe, svc)
                    .stream().map(a -> CheckRow.disabled(a, ch.draftIndex.model())).toList();
            java.util.Map<String, CheckRow> off = new java.util.LinkedHashMap<>();
            offAfter.forEach(r -> off.put(dev.pceworkbench.pce.model.Hrefs.neutral(r.href()), r));
            offNow.forEach(r -> off.putIfAbsent(dev.pceworkbench.pce.model.Hrefs.neutral(r.href()), r));
            String what = ch.describe(ce) + " → " + ch.describe(pe) + " on " + PortSpec.format(svc);
            return new Outcome(new Answer(ce, pe, svc, cmp), out, List.copyOf(off.values()),
                    ch.verdict(cmp.active(), pe), ch.verdict(cmp.draft(), pe),
                    answerText("Allowed now: ", "Not allowed now: ", cmp.active(), offNow),
                    answerText("Allowed after provisioning: ", "Not allowed after provisioning: ", cmp.draft(), offAfter),
                    what);
        })).ownedBy(FEATURE_ID).onSuccess(r -> {
            Answer a = r.answer();
            answer.set(a);
            rows.setAll(r.rows());
            List<CheckRow> all = new java.util.ArrayList<>(r.rows());
            all.addAll(r.disabled());
            tableRows.setAll(all);
            verdictNow.set(r.now());
            verdictAfter.set(r.after());
            allowedNow.set(r.nowText());
            allowedAfter.set(r.afterText());
            status.set(r.what());
            dialogs.notify("Policy check: " + r.what() + ": " + r.now().word().toLowerCase(java.util.Locale.ROOT)
                    + " now, " + r.after().word().toLowerCase(java.util.Locale.ROOT) + " after provisioning");
        }).onCancelled(() -> status.set("Check cancelled.")).onFailure(e -> {
            if (e instanceof IllegalArgumentException) {
                formError.set(e.getMessage());
                status.set("");
            } else {
                status.set("The check failed.");
                dialogs.showError("Policy check failed", e);
            }
        }));
    }

    private record Outcome(Answer answer, List<CheckRow> rows, List<CheckRow> disabled, Verdict now, Verdict after,
                           String nowText, String afterText, String what) {
    }

    /**
     * "Allowed now: Allowed by 2 rules", or "Not allowed now: No rules exist to allow that connection;
     * allowed only by a rule in a disabled rule set ('RS-Web' rule 3)" when disabled rules would allow it.
     */
    static String answerText(String yes, String no, CheckResult r, List<CheckRow> disabled) {
        if (r.allowed()) {
            return yes + r.summary();
        }
        StringBuilder b = new StringBuilder(no).append(r.summary());
        if (disabled.size() == 1) {
            CheckRow d = disabled.get(0);
            b.append("; allowed only by ").append(d.state().phrase()).append(" (").append(d.rule()).append(')');
        } else if (!disabled.isEmpty()) {
            b.append("; allowed only by ").append(disabled.size()).append(" disabled rules or rules of disabled rule sets (");
            for (int i = 0; i < disabled.size(); i++) {
                CheckRow d = disabled.get(i);
                b.append(i == 0 ? "" : ", ").append(d.rule()).append(": ").append(d.state().text());
            }
            b.append(')');
        }
        return b.toString();
    }

    /** Cancels a running check, and the policies' load if it is still under way. */
    public void cancel() {
        progress.cancel();
        if (loadingPolicy.get()) {
            choices.cancel();
        }
    }

    /** The phase of the policies' load (downloading, compiling, indexing), then how many rules are ready. */
    public ReadOnlyStringProperty loadStatusProperty() {
        return loadStatus.getReadOnlyProperty();
    }

    /** Whether the policies are being loaded (Cancel stops that too). */
    public javafx.beans.property.ReadOnlyBooleanProperty loadingPolicyProperty() {
        return loadingPolicy.getReadOnlyProperty();
    }

    /** Whether the workload picker holds every workload. */
    public javafx.beans.property.ReadOnlyBooleanProperty pickerReadyProperty() {
        return pickerReady.getReadOnlyProperty();
    }

    /** Shows the rule in the rule set view (the active rule when it is active, else the draft one). */
    public void open(CheckRow row) {
        if (row == null) {
            return;
        }
        RuleLinks.open(navigator, dialogs, row.href(), row.number(), row.ruleSet());
    }

    /** Opens the selected rule (see {@link #open}). */
    public void openSelected() {
        open(selectedRow.get());
    }

    /** Asks the PCE's own policy check, for both versions, and compares the allowing rules. */
    public void verifyOnPce() {
        Answer a = answer.get();
        if (a == null) {
            return;
        }
        verification.asking();
        pceAgrees.set(null);
        executor.execute(progress.track(BackgroundTask.of("Verifying the policy check on the PCE", ctx -> {
            var client = workspace.client();
            PceQueries.Agreement now = PceQueries.Agreement.of(a.comparison().active().ruleHrefs(),
                    PceQueries.allow(client, "active", a.consumer(), a.provider(), a.service(), ctx.token()));
            PceQueries.Agreement after = PceQueries.Agreement.of(a.comparison().draft().ruleHrefs(),
                    PceQueries.allow(client, "draft", a.consumer(), a.provider(), a.service(), ctx.token()));
            return new PceQueries.Agreement[]{now, after};
        })).ownedBy(FEATURE_ID).onSuccess(r -> {
            if (answer.get() != a) {
                return; // the inputs changed while the PCE answered: its answer is for another question
            }
            boolean agrees = r[0].agrees() && r[1].agrees();
            pceAgrees.set(agrees);
            verification.answered(agrees ? "The PCE agrees, now and after provisioning." : "The PCE disagrees. Now: "
                    + r[0].summary() + " After provisioning: " + r[1].summary());
            dialogs.notify(verification.statusProperty().get());
            verification.addDifferences(r[0], "now");
            verification.addDifferences(r[1], "after provisioning");
        }).onCancelled(verification::cancelled)
                .onFailure(e -> verification.failed(dialogs, "The PCE's policy check failed", e)));
    }

    private void clearAnswer() {
        answer.set(null);
        selectedRow.set(null);
        rows.clear();
        tableRows.clear();
        verdictNow.set(null);
        verdictAfter.set(null);
        allowedNow.set("");
        allowedAfter.set("");
        verification.clear();
        pceAgrees.set(null);
    }

    // ---- properties ----------------------------------------------------------------------------

    /** The allowing rule the user selected (the view sets it from the table). */
    public ObjectProperty<CheckRow> selectedRowProperty() {
        return selectedRow;
    }

    /** Why the selected rule allows the connection; empty without a selection. */
    public StringExpression selectedReasonProperty() {
        return selectedReason;
    }

    public StringProperty consumerProperty() {
        return consumer;
    }

    public StringProperty providerProperty() {
        return provider;
    }

    public StringProperty serviceProperty() {
        return service;
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Answer> answerProperty() {
        return answer.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty allowedNowProperty() {
        return allowedNow.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty allowedAfterProperty() {
        return allowedAfter.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The rules that allow the connection (now or after provisioning). */
    public ObservableList<CheckRow> rows() {
        return rows;
    }

    /** What the rules table shows: the allowing rules, then those that would allow it if enabled. */
    public ObservableList<CheckRow> tableRows() {
        return tableRows;
    }

    /** The verdict in the active policy; null while there is no answer. */
    public ReadOnlyObjectProperty<Verdict> verdictNowProperty() {
        return verdictNow.getReadOnlyProperty();
    }

    /** The verdict in the draft (after provisioning); null while there is no answer. */
    public ReadOnlyObjectProperty<Verdict> verdictAfterProperty() {
        return verdictAfter.getReadOnlyProperty();
    }

    public TaskProgress progress() {
        return progress;
    }

    public ReadOnlyStringProperty verifyStatusProperty() {
        return verification.statusProperty();
    }

    /** Whether the PCE agreed with the last verification; null before one. */
    public ReadOnlyObjectProperty<Boolean> pceAgreesProperty() {
        return pceAgrees.getReadOnlyProperty();
    }

    public ObservableList<String> verifyDifferences() {
        return verification.differences();
    }

    public BooleanBinding canVerifyProperty() {
        return canVerify;
    }

    public BulkCheckViewModel bulk() {
        return bulk;
    }
}
