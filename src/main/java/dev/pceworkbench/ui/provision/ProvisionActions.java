package dev.pceworkbench.ui.provision;

import dev.pceworkbench.pce.model.PolicyDependency;
import dev.pceworkbench.pce.model.PolicyVersion;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.ui.common.DialogService;
import dev.pceworkbench.workspace.PolicyProvisioning;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the Provision view does with the checked changes (their dependencies are
 * {@link ProvisionDependencies}): provision them with a required description after a final
 * summary, revert them (with what must be reverted with them) or revert everything. Each action is
 * off, saying why, while nothing is checked, while another runs, or when the PCE's {@code caps}
 * do not let the user provision one of the checked objects. A refusal by the PCE shows its own
 * message and keeps the selection and the description.
 */
public final class ProvisionActions {
    /** The fields of the provision form that can be invalid. */
    public enum Field { DESCRIPTION }

    /** The description's message when it is missing. */
    public static final String DESCRIPTION_REQUIRED =
            "A description is required: say what this provisioning changes and why (it is kept with the new policy version).";

    private final ProvisionViewModel model;
    private final PolicyProvisioning provisioning;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final ObservableMap<Field, String> errors = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper descriptionError = new ReadOnlyStringWrapper(this, "descriptionError", "");
    private final ReadOnlyObjectWrapper<PolicyVersion> lastVersion = new ReadOnlyObjectWrapper<>(this, "lastVersion");
    private final ReadOnlyStringWrapper lastVersionText = new ReadOnlyStringWrapper(this, "lastVersionText", "");
    private final StringBinding provisionBlocked;
    private final StringBinding revertBlocked;
    private final StringBinding revertAllBlocked;
    private final StringBinding capsHint;

    ProvisionActions(ProvisionViewModel model, PolicyProvisioning provisioning, TaskExecutor executor, DialogService dialogs) {
        this.model = model;
        this.provisioning = Objects.requireNonNull(provisioning);
        this.executor = Objects.requireNonNull(executor);
        this.dialogs = Objects.requireNonNull(dialogs);
        var busy = model.progress().busy();
        var loading = model.loadingProperty();
        provisionBlocked = Bindings.createStringBinding(() -> blocked(model.checked(), "provision"),
                model.checked(), busy, loading);
        revertBlocked = Bindings.createStringBinding(() -> blocked(model.checked(), "revert"), model.checked(), busy, loading);
        revertAllBlocked = Bindings.createStringBinding(() -> model.rows().isEmpty() ? "Nothing is pending."
                : blocked(model.rows(), "revert"), model.rows(), busy, loading);
        capsHint = Bindings.createStringBinding(() -> capsReason(model.checked(), "provision or revert"), model.checked());
        description.addListener((o, a, b) -> {
            if (b != null && !b.isBlank()) {
                error("");
            }
        });
    }

    /** Why {@code action} cannot run on {@code rows} now ("" when it can). */
    private String blocked(List<PendingRow> rows, String action) {
        if (model.progress().busy().get() || model.loadingProperty().get()) {
            return "Wait for the running task.";
        }
        if (rows.isEmpty()) {
            return "Select the changes to " + action + ".";
        }
        return capsReason(rows, action);
    }

    /** Why the user may not {@code action} some of {@code rows} (their {@code caps} lack provision), or "". */
    static String capsReason(List<PendingRow> rows, String action) {
        List<String> denied = rows.stream().filter(r -> !r.mayProvision()).map(PendingRow::label).toList();
        if (!denied.isEmpty()) {
            return "You may not " + action + " " + String.join(", ", denied)
                    + ": the PCE does not give you the provision capability for " + (denied.size() == 1 ? "it." : "them.");
        }
        return "";
    }

    private void error(String message) {
        descriptionError.set(message);
        if (message.isEmpty()) {
            errors.remove(Field.DESCRIPTION);
        } else {
            errors.put(Field.DESCRIPTION, message);
        }
    }

    // ---- provision ----------------------------------------------------------------------------

    /** Provisions the checked changes after the final summary, if the description is there. */
    public void provision() {
        String d = description.get() == null ? "" : description.get().strip();
        if (d.isEmpty()) {
            error(DESCRIPTION_REQUIRED);
            model.status("Nothing was provisioned: the description is missing.");
            return;
        }
        error("");
        String why = provisionBlocked.get();
        if (!why.isEmpty()) {
            model.status(why);
            return;
        }
        List<PendingRow> selection = List.copyOf(model.checked());
        String message = "Exactly these " + count(selection.size()) + " go into a new policy version ("
                + ProvisionViewModel.summaryOf(selection) + "):\n" + list(selection) + "\n\nDescription: " + d;
        if (!dialogs.confirm("Provision " + count(selection.size()), message, "Provision")) {
            model.status("Nothing was provisioned.");
            return;
        }
        model.status("Provisioning " + count(selection.size()) + "…");
        executor.execute(model.progress().track(BackgroundTask.of("Provisioning " + count(selection.size()),
                        ctx -> provisioning.provision(d, ProvisionViewModel.subset(selection), ctx.token())))
                .ownedBy(ProvisionViewModel.FEATURE_ID)
                .onSuccess(v -> {
                    lastVersion.set(v);
                    lastVersionText.set(versionText(v));
                    description.set("");
                    model.dependencies().clear();
                    model.status(lastVersionText.get());
                    dialogs.notify(lastVersionText.get());
                    model.policyChanged(true);
                })
                .onCancelled(() -> model.status("Provisioning cancelled before the PCE answered: reload to see whether it went through."))
                .onFailure(e -> {
                    String m = ProvisionViewModel.message(e);
                    model.status("The PCE refused to provision the selection: " + m);
                    dialogs.showError("Provisioning refused", m, e.getMessage());
                }));
    }

    /** "Version 7 provisioned: 14 workloads affected". */
    static String versionText(PolicyVersion v) {
        String affected = v.workloadsAffected() == null ? "" : ": " + v.workloadsAffected()
                + (v.workloadsAffected() == 1 ? " workload affected" : " workloads affected");
        return "Version " + v.version() + " provisioned" + affected;
    }

    // ---- revert -------------------------------------------------------------------------------

    /** Reverts the checked changes, and what must be reverted with them, after naming them all. */
    public void revertSelected() {
        String why = revertBlocked.get();
        if (!why.isEmpty()) {
            model.status(why);
            return;
        }
        List<PendingRow> selection = List.copyOf(model.checked());
        model.status("Checking what must be reverted with " + count(selection.size()) + "…");
        executor.execute(model.progress().track(BackgroundTask.of("Checking revert dependencies",
                        ctx -> provisioning.dependencies(ProvisionViewModel.subset(selection), false, ctx.token())))
                .ownedBy(ProvisionViewModel.FEATURE_ID)
                .onSuccess(deps -> confirmRevert(selection, deps))
                .onCancelled(() -> model.status("Revert cancelled: nothing was reverted."))
                .onFailure(e -> {
                    model.status("Could not check what reverting needs: " + ProvisionViewModel.message(e));
                    dialogs.showError("Could not revert", ProvisionViewModel.message(e), e.getMessage());
                }));
    }

    private void confirmRevert(List<PendingRow> selection, List<PolicyDependency> deps) {
        List<PendingRow> all = new ArrayList<>(selection);
        List<PendingRow> extra = new ArrayList<>();
        for (DependencyRow d : model.dependencies().rows(deps, Map.of())) {
            model.row(d.key()).filter(r -> !all.contains(r)).ifPresent(r -> {
                all.add(r);
                extra.add(r);
            });
        }
        String message = "These draft changes will be undone (the objects go back to their active state, and the edits are lost):\n"
                + list(selection)
                + (extra.isEmpty() ? "" : "\n\nAlso reverted, as the selection cannot go back without them:\n" + list(extra));
        if (!dialogs.confirm("Revert " + count(all.size()), message, "Revert " + count(all.size()))) {
            model.status("Nothing was reverted.");
            return;
        }
        runRevert("Reverting " + count(all.size()), all, ctx -> {
            provisioning.revert(ProvisionViewModel.subset(all), ctx.token());
            return null;
        });
    }

    /** Reverts every pending change, after naming them. */
    public void revertAll() {
        String why = revertAllBlocked.get();
        if (!why.isEmpty()) {
            model.status(why);
            return;
        }
        List<PendingRow> all = List.copyOf(model.rows());
        if (!dialogs.confirm("Revert all pending changes", "All " + count(all.size()) + " will be undone (the draft goes back "
                + "to the active policy, and the edits are lost):\n" + list(all), "Revert all " + count(all.size()))) {
            model.status("Nothing was reverted.");
            return;
        }
        runRevert("Reverting all pending changes", all, ctx -> {
            provisioning.revertAll(ctx.token());
            return null;
        });
    }

    private void runRevert(String title, List<PendingRow> what, BackgroundTask.Body<Void> body) {
        model.status(title + "…");
        executor.execute(model.progress().track(BackgroundTask.of(title, body))
                .ownedBy(ProvisionViewModel.FEATURE_ID)
                .onSuccess(v -> {
                    String done = "Reverted " + count(what.size()) + ": " + ProvisionViewModel.summaryOf(what) + ".";
                    model.dependencies().clear();
                    model.status(done);
                    dialogs.notify(done);
                    model.policyChanged(false);
                })
                .onCancelled(() -> model.status("Revert cancelled before the PCE answered: reload to see whether it went through."))
                .onFailure(e -> {
                    String m = ProvisionViewModel.message(e);
                    model.status("The PCE refused to revert: " + m);
                    dialogs.showError("Revert refused", m, e.getMessage());
                }));
    }

    // ---- texts --------------------------------------------------------------------------------

    /** "1 change", "3 changes". */
    static String count(int n) {
        return n + (n == 1 ? " change" : " changes");
    }

    /** The rows grouped by type: "Rule sets: RS-Web (added), RS-App (modified)" per line. */
    static String list(List<PendingRow> rows) {
        Map<String, List<String>> byType = new LinkedHashMap<>();
        rows.stream().sorted(java.util.Comparator.comparingInt(r -> ChangeTypes.rank(r.type())))
                .forEach(r -> byType.computeIfAbsent(r.type(), t -> new ArrayList<>()).add(r.name() + " (" + r.kind().word() + ")"));
        List<String> lines = new ArrayList<>();
        byType.forEach((t, names) -> lines.add("• " + ChangeTypes.heading(t) + ": " + String.join(", ", names)));
        return String.join("\n", lines);
    }

    // ---- properties ---------------------------------------------------------------------------

    public StringProperty descriptionProperty() {
        return description;
    }

    public ObservableMap<Field, String> errors() {
        return errors;
    }

    public ReadOnlyStringProperty message(Field f) {
        return descriptionError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PolicyVersion> lastVersionProperty() {
        return lastVersion.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastVersionTextProperty() {
        return lastVersionText.getReadOnlyProperty();
    }

    /** Why Provision is off ("" while it is on). */
    public StringBinding provisionBlockedProperty() {
        return provisionBlocked;
    }

    /** Why Revert (of the selection) is off ("" while it is on). */
    public StringBinding revertBlockedProperty() {
        return revertBlocked;
    }

    /** Why Revert all is off ("" while it is on). */
    public StringBinding revertAllBlockedProperty() {
        return revertAllBlocked;
    }

    /** Why the checked changes cannot be provisioned or reverted by this user (their caps), or "". */
    public StringBinding capsHintProperty() {
        return capsHint;
    }

}
