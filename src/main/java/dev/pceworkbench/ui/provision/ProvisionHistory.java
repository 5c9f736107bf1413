package dev.pceworkbench.ui.provision;

import dev.pceworkbench.pce.model.ModifiedObject;
import dev.pceworkbench.pce.model.PolicyVersion;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.ui.common.DialogService;
import dev.pceworkbench.ui.common.policy.TaskProgress;
import dev.pceworkbench.workspace.PolicyProvisioning;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The policy history of the Provision view: the versions (newest first) and the comparison of two
 * of them, or of a version and the draft, shown in the same diff lines as a pending change. The
 * diff is computed client-side from the two versions' collections. Choosing a version to compare
 * drops the diff of the previous choice; selecting a version in the list compares it with the one
 * before it (what that version changed).
 */
public final class ProvisionHistory {
    /** The choice that stands for the draft (pending changes included). */
    public static final String DRAFT = "draft";

    private final PolicyProvisioning provisioning;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ObservableList<HistoryRow> versions = FXCollections.observableArrayList();
    private final ObservableList<String> choices = FXCollections.observableArrayList();
    private final ObjectProperty<String> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<String> to = new SimpleObjectProperty<>(this, "to");
    private final ObjectProperty<HistoryRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<DiffLine> diff = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Choose two versions (or a version and the draft) and press Compare.");
    private final TaskProgress progress = new TaskProgress();
    private final ObservableList<ModifiedRow> modified = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper modifiedStatus = new ReadOnlyStringWrapper(this, "modifiedStatus",
            "Select a version to see the objects it changed.");
    private BackgroundTask<?> modifiedTask;
    private final BooleanBinding canCompare;

    ProvisionHistory(PolicyProvisioning provisioning, TaskExecutor executor, DialogService dialogs) {
        this.provisioning = Objects.requireNonNull(provisioning);
        this.executor = Objects.requireNonNull(executor);
        this.dialogs = Objects.requireNonNull(dialogs);
        canCompare = Bindings.createBooleanBinding(() -> from.get() != null && to.get() != null
                && !from.get().equals(to.get()) && !progress.busy().get(), from, to, progress.busy());
        from.addListener((o, a, b) -> choiceChanged());
        to.addListener((o, a, b) -> choiceChanged());
        selected.addListener((o, a, b) -> {
            loadModified(b);
            if (b != null) {
                compareWithPrevious(b);
            }
        });
    }

    /** A comparison belongs to the versions that were chosen: a new choice drops it (and stops its task). */
    private void choiceChanged() {
        progress.cancel();
        if (!diff.isEmpty() || progress.busy().get()) {
            diff.clear();
        }
        status.set("Press Compare to see what differs between the chosen versions.");
    }

    /** The versions as the PCE listed them (newest first); keeps the choices that still exist. */
    void show(List<PolicyVersion> list) {
        versions.setAll(list.stream().map(HistoryRow::new).toList());
        List<String> c = new ArrayList<>();
        c.add(DRAFT);
        versions.forEach(v -> c.add(v.number()));
        String f = from.get();
        String t = to.get();
        choices.setAll(c);
        from.set(f != null && c.contains(f) ? f : versions.size() > 1 ? versions.get(1).number()
                : versions.isEmpty() ? null : versions.get(0).number());
        to.set(t != null && c.contains(t) ? t : versions.isEmpty() ? DRAFT : versions.get(0).number());
    }

    /**
     * Lists what the selected version changed as the PCE says ({@code modified_objects}), beside the
     * client-side diff: a new selection drops the previous list and stops its task.
     */
    private void loadModified(HistoryRow row) {
        if (modifiedTask != null) {
            modifiedTask.cancel();
        }
        modified.clear();
        if (row == null || row.number().isEmpty()) {
            modifiedStatus.set("Select a version to see the objects it changed.");
            return;
        }
        int n = Integer.parseInt(row.number());
        modifiedStatus.set("Loading what version " + n + " changed…");
        BackgroundTask<List<ModifiedObject>> task = BackgroundTask.of("Loading what policy version " + n + " changed",
                ctx -> provisioning.modifiedObjects(n, ctx.token()));
        modifiedTask = task;
        executor.execute(task.ownedBy(ProvisionViewModel.FEATURE_ID)
                .onSuccess(list -> {
                    if (modifiedTask != task) {
                        return;
                    }
                    modified.setAll(list.stream().map(ModifiedRow::of)
                            .sorted(java.util.Comparator.comparingInt((ModifiedRow r) -> ChangeTypes.rank(r.type()))
                                    .thenComparing(ModifiedRow::typeText).thenComparing(ModifiedRow::name))
                            .toList());
                    modifiedStatus.set(list.isEmpty() ? "The PCE lists no object changed by version " + n + "."
                            : "Version " + n + " changed " + list.size() + (list.size() == 1 ? " object" : " objects")
                            + " (as the PCE lists them):");
                })
                .onCancelled(() -> {
                    if (modifiedTask == task) {
                        modifiedStatus.set("");
                    }
                })
                .onFailure(e -> {
                    modifiedStatus.set("What version " + n + " changed could not be loaded: " + ProvisionViewModel.message(e));
                    dialogs.showError("Could not load what policy version " + n + " changed", e);
                }));
    }

    /** Sets the comparison to what {@code row}'s version changed: the version before it → it. */
    private void compareWithPrevious(HistoryRow row) {
        int i = versions.indexOf(row);
        if (i < 0 || i + 1 >= versions.size()) {
            status.set("Version " + row.number() + " is the first one listed: choose another version to compare it with.");
            to.set(row.number());
            return;
        }
        from.set(versions.get(i + 1).number());
        to.set(row.number());
        compare();
    }

    /** "Version 12 — Open 443 to the web tier", or "Draft (with pending changes)". */
    public String choiceText(String choice) {
        if (choice == null) {
            return "";
        }
        if (DRAFT.equals(choice)) {
            return "Draft (with pending changes)";
        }
        return versions.stream().filter(v -> v.number().equals(choice)).findFirst().map(HistoryRow::choiceText)
                .orElse("Version " + choice);
    }

    /** Compares the chosen versions in the background (older first as "from" reads best, but any order works). */
    public void compare() {
        String a = from.get();
        String b = to.get();
        if (a == null || b == null || a.equals(b)) {
            status.set("Choose two different versions to compare.");
            return;
        }
        progress.cancel();
        diff.clear();
        String what = choiceText(a) + " → " + choiceText(b);
        status.set("Comparing " + what + "…");
        executor.execute(progress.track(BackgroundTask.of("Comparing policy versions " + a + " and " + b,
                        ctx -> DiffLines.of(provisioning.diff(a, b, ctx.token(), ctx.pceProgress()))))
                .ownedBy(ProvisionViewModel.FEATURE_ID)
                .onSuccess(lines -> {
                    diff.setAll(lines);
                    long objects = lines.stream().filter(l -> l.depth() == 0).count();
                    status.set(objects == 0 ? "No differences: " + what
                            : objects + (objects == 1 ? " object differs: " : " objects differ: ") + what);
                    dialogs.notify("Compared " + what + ": " + objects + (objects == 1 ? " object differs" : " objects differ"));
                })
                .onCancelled(() -> status.set("Comparison cancelled."))
                .onFailure(e -> {
                    status.set("The comparison failed: " + e.getMessage());
                    dialogs.showError("Could not compare the policy versions", e);
                }));
    }

    public void cancel() {
        progress.cancel();
        if (modifiedTask != null) {
            modifiedTask.cancel();
        }
    }

    /** The objects the selected version changed, from the PCE's {@code modified_objects}. */
    public ObservableList<ModifiedRow> modified() {
        return modified;
    }

    public ReadOnlyStringProperty modifiedStatusProperty() {
        return modifiedStatus.getReadOnlyProperty();
    }

    public ObservableList<HistoryRow> versions() {
        return versions;
    }

    public ObservableList<String> choices() {
        return choices;
    }

    public ObjectProperty<String> fromProperty() {
        return from;
    }

    public ObjectProperty<String> toProperty() {
        return to;
    }

    /** The version selected in the list (selecting one compares it with the version before it). */
    public ObjectProperty<HistoryRow> selectedProperty() {
        return selected;
    }

    public ObservableList<DiffLine> diff() {
        return diff;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public TaskProgress progress() {
        return progress;
    }

    public BooleanBinding canCompareProperty() {
        return canCompare;
    }
}
