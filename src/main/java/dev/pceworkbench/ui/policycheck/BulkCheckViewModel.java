package dev.pceworkbench.ui.policycheck;

import dev.pceworkbench.policy.CheckResult;
import dev.pceworkbench.policy.Endpoint;
import dev.pceworkbench.policy.PolicyCheck;
import dev.pceworkbench.policy.PortRange;
import dev.pceworkbench.policy.RuleSearchIndex;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.TaskContext;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.ui.common.DialogService;
import dev.pceworkbench.ui.common.export.CsvReader;
import dev.pceworkbench.ui.common.export.TableExport;
import dev.pceworkbench.ui.common.policy.PortSpec;
import dev.pceworkbench.ui.common.policy.TaskProgress;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The policy check's bulk mode: reads a CSV of consumer, provider and port/protocol tuples (see
 * {@link BulkInput} for the lenient header rules), checks every row against the active policy and
 * the draft in one background task with progress and cancel (a bad row gets its own error and does
 * not stop the others), shows the answers and exports them to CSV.
 */
public final class BulkCheckViewModel {
    /** The columns of the answers, on screen and in the export. */
    public static final List<TableExport.Column<BulkRow>> COLUMNS = List.of(
            new TableExport.Column<>("Row", r -> String.valueOf(r.line())),
            new TableExport.Column<>("Consumer", BulkRow::consumer),
            new TableExport.Column<>("Provider", BulkRow::provider),
            new TableExport.Column<>("Service", BulkRow::service),
            new TableExport.Column<>("Allowed now", BulkRow::allowedNow),
            new TableExport.Column<>("Allowed after provisioning", BulkRow::allowedAfterProvisioning),
            new TableExport.Column<>("Rules", BulkRow::rules),
            new TableExport.Column<>("Rule hrefs", BulkRow::ruleHrefs),
            new TableExport.Column<>("Error", BulkRow::error));

    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Function<TaskContext, Checker> checker;
    private final ObservableList<BulkRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Check many connections at once: choose a CSV with consumer, provider and port/protocol columns.");
    private final TaskProgress progress = new TaskProgress();
    private final BooleanBinding canExport;

    BulkCheckViewModel(TaskExecutor executor, DialogService dialogs, Function<TaskContext, Checker> checker) {
        this.executor = executor;
        this.dialogs = dialogs;
        this.checker = checker;
        canExport = Bindings.createBooleanBinding(() -> !rows.isEmpty() && !progress.busy().get(), rows, progress.busy());
    }

    /** Asks for a CSV file and checks every row of it. */
    public void chooseAndRun() {
        dialogs.chooseFileToOpen("Choose a CSV of connections to check", "csv", "txt").ifPresent(this::run);
    }

    /** Checks every row of {@code file}. */
    public void run(Path file) {
        rows.clear();
        status.set("Reading " + file.getFileName() + "…");
        executor.execute(progress.track(BackgroundTask.of("Bulk policy check", ctx -> {
            List<BulkInput.Tuple> tuples = BulkInput.tuples(CsvReader.read(file));
            Checker ch = checker.apply(ctx);
            List<BulkRow> out = new ArrayList<>(tuples.size());
            for (int i = 0; i < tuples.size(); i++) {
                ctx.token().throwIfCancelled("Bulk policy check");
                ctx.progress(i, tuples.size());
                ctx.message("Checked " + i + " of " + tuples.size());
                out.add(check(ch, tuples.get(i)));
            }
            return out;
        })).ownedBy(PolicyCheckViewModel.FEATURE_ID).onSuccess(out -> {
            rows.setAll(out);
            long bad = out.stream().filter(r -> !r.error().isEmpty()).count();
            long now = out.stream().filter(r -> r.allowedNow().equals("Yes")).count();
            long after = out.stream().filter(r -> r.allowedAfterProvisioning().equals("Yes")).count();
            status.set(String.format(Locale.US, "%,d rows checked: %,d allowed now, %,d allowed after provisioning%s.",
                    out.size(), now, after, bad == 0 ? "" : String.format(Locale.US, ", %,d could not be checked", bad)));
            dialogs.notify("Bulk check: " + status.get());
        }).onCancelled(() -> status.set("Bulk check cancelled.")).onFailure(e -> {
            status.set("The bulk check failed.");
            dialogs.showError("Could not check the connections in " + file.getFileName(), e);
        }));
    }

    private static BulkRow check(Checker ch, BulkInput.Tuple t) {
        try {
            Endpoint c = ch.endpoint("consumer", t.consumer());
            Endpoint p = ch.endpoint("provider", t.provider());
            PortRange s = PortSpec.parseConnection(t.service());
            PolicyCheck.Comparison cmp = ch.compare(c, p, s);
            List<String> names = new ArrayList<>();
            List<String> hrefs = new ArrayList<>();
            for (PolicyCheck.Comparison.Row r : cmp.rows()) {
                CheckResult.Allow a = r.active() != null ? r.active() : r.draft();
                RuleSearchIndex ix = r.active() != null ? ch.activeIndex : ch.draftIndex;
                names.add(a.hit().ruleSet().name() + " #" + ix.model().ruleNumber(a.hit().index())
                        + (r.allowedNow() ? "" : " (after provisioning only)")
                        + (r.allowedAfterProvisioning() ? "" : " (until provisioning)"));
                hrefs.add(a.hit().href());
            }
            return new BulkRow(t.line(), t.consumer(), t.provider(), t.service(), cmp.allowedNow() ? "Yes" : "No",
                    cmp.allowedAfterProvisioning() ? "Yes" : "No",
                    names.isEmpty() ? CheckResult.NO_RULES : String.join("; ", names), String.join(" ", hrefs), "",
                    ch.verdict(cmp.active(), p), ch.verdict(cmp.draft(), p));
        } catch (IllegalArgumentException e) {
            return BulkRow.failed(t.line(), t.consumer(), t.provider(), t.service(), e.getMessage());
        }
    }

    /** Saves the answers as CSV. */
    public void exportAnswers() {
        if (rows.isEmpty()) {
            dialogs.notify("Nothing to export: run a bulk check first.");
            return;
        }
        var file = dialogs.chooseFileToSave("Export " + rows.size() + " answers as CSV", "policy-check-answers.csv", "csv");
        if (file.isEmpty()) {
            return;
        }
        List<BulkRow> snapshot = List.copyOf(rows);
        Path target = file.get();
        executor.execute(progress.track(BackgroundTask.of("Exporting the policy check answers", ctx -> {
            TableExport.csv(target, COLUMNS, snapshot, ctx.token());
            return target;
        })).ownedBy(PolicyCheckViewModel.FEATURE_ID)
                .onSuccess(p -> dialogs.notify("Exported " + snapshot.size() + " answers to " + p))
                .onFailure(e -> dialogs.showError("Could not export the answers to " + target, e)));
    }

    public void cancel() {
        progress.cancel();
    }

    void policyChanged() {
        if (!rows.isEmpty()) {
            rows.clear();
            status.set("The policy changed on the PCE; run the bulk check again to see current answers.");
        }
    }

    public ObservableList<BulkRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public TaskProgress progress() {
        return progress;
    }

    public BooleanBinding canExportProperty() {
        return canExport;
    }
}
