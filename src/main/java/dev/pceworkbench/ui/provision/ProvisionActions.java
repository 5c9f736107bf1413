package dev.pceworkbench.ui.provision;

import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.PolicyDependency;
import dev.pceworkbench.pce.model.PolicyVersion;
import dev.pceworkbench.policy.names.ObjectKind;
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
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the Provision view does with the checked changes: check their dependencies (and grow the
 * selection only with the user's OK), provision them with a required description after a final
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
    private final ObservableList<DependencyRow> dependencies = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper dependencyStatus = new ReadOnlyStringWrapper(this, "dependencyStatus", "");
    private final ReadOnlyObjectWrapper<PolicyVersion> lastVersion = new ReadOnlyObjectWrapper<>(this, "lastVersion");
    private final ReadOnlyStringWrapper lastVersionText = new ReadOnlyStringWrapper(this, "lastVersionText", "");
    private final StringBinding provisionBlocked;
    private final StringBinding revertBlocked;
    private final StringBinding revertAllBlocked;
    private final StringBinding dependenciesBlocked;
    private final StringBinding capsHint;
    private boolean growing;

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
        dependenciesBlocked = Bindings.createStringBinding(() -> busy.get() || loading.get() ? "Wait for the running task."
                : model.checked().isEmpty() ? "Select the changes whose dependencies to check." : "", model.checked(), busy, loading);
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

    /** Runs {@code r}, which checks rows itself, without it counting as a new selection. */
    void whileGrowing(Runnable r) {
        growing = true;
        try {
            r.run();
        } finally {
            growing = false;
        }
    }

    /** The selection changed: the dependencies found for the previous one no longer apply. */
    void selectionChanged() {
        if (!growing) {
            dependencies.clear();
            dependencyStatus.set("");
        }
    }

    // ---- dependencies -----------------------------------------------------------------------

    /** Asks the PCE what else must be provisioned with the checked changes, and offers to add it. */
    public void checkDependencies() {
        String why = dependenciesBlocked.get();
        if (!why.isEmpty()) {
            model.status(why);
            return;
        }
        List<PendingRow> selection = List.copyOf(model.checked());
        dependencies.clear();
        dependencyStatus.set("Checking…");
        model.status("Checking what must be provisioned with " + count(selection.size()) + "…");
        executor.execute(model.progress().track(BackgroundTask.of("Checking provisioning dependencies", ctx -> {
                    List<PolicyDependency> deps = provisioning.dependencies(ProvisionViewModel.subset(selection), true, ctx.token());
                    // Which rules of each requiring rule set name the dependency: the "why" in the PCE's terms.
                    Map<String, List<Integer>> rules = new java.util.HashMap<>();
                    for (PolicyDependency d : deps) {
                        for (var e : d.requiredBy().entrySet()) {
                            if (e.getKey().equals("rule_sets") && d.dependencyHref() != null) {
                                for (Href h : e.getValue()) {
                                    rules.put(ruleKey(d.dependencyHref(), h.href()), provisioning.rulesUsing(h.href(),
                                            d.dependencyHref(), ctx.token(), ctx.pceProgress()));
                                }
                            }
                        }
                    }
                    return new Found(deps, rules);
                }))
                .ownedBy(ProvisionViewModel.FEATURE_ID)
                .onSuccess(f -> showDependencies(selection, f.deps(), f.rules()))
                .onCancelled(() -> {
                    dependencyStatus.set("");
                    model.status("Dependency check cancelled.");
                })
                .onFailure(e -> {
                    dependencyStatus.set("");
                    model.status("The dependency check failed: " + ProvisionViewModel.message(e));
                    dialogs.showError("Could not check the dependencies", ProvisionViewModel.message(e), e.getMessage());
                }));
    }

    /** The PCE's dependencies, and for each (dependency, rule set) the numbers of the rules that name it. */
    private record Found(List<PolicyDependency> deps, Map<String, List<Integer>> rules) {
    }

    private static String ruleKey(String dependency, String ruleSet) {
        return Hrefs.neutral(dependency) + " " + (ruleSet == null ? "" : Hrefs.neutral(ruleSet));
    }

    private void showDependencies(List<PendingRow> selection, List<PolicyDependency> deps, Map<String, List<Integer>> rules) {
        List<DependencyRow> found = rows(deps, rules);
        dependencies.setAll(found);
        if (found.isEmpty()) {
            dependencyStatus.set("Nothing else must go with the selection: it can be provisioned as it is.");
            model.status(dependencyStatus.get());
            dialogs.notify("Dependencies: the selection of " + count(selection.size()) + " is complete");
            return;
        }
        List<PendingRow> add = new ArrayList<>();
        found.forEach(d -> model.row(d.key()).filter(r -> !r.isChecked()).ifPresent(add::add));
        String list = String.join("\n", found.stream().map(d -> "• " + d.name() + " (" + d.type() + "), " + d.why()).toList());
        if (add.isEmpty()) {
            dependencyStatus.set(found.size() == 1 ? "1 object must go with the selection (listed below)."
                    : found.size() + " objects must go with the selection (listed below).");
        } else if (dialogs.confirm("Add what the selection needs",
                "Provisioning the selection needs " + (found.size() == 1 ? "this object" : "these objects") + " too:\n"
                        + list + "\n\nAdd " + (add.size() == 1 ? "it" : "them") + " to the selection?",
                add.size() == 1 ? "Add 1 object" : "Add " + add.size() + " objects")) {
            whileGrowing(() -> add.forEach(r -> r.checkedProperty().set(true)));
            dependencyStatus.set("Added to the selection: " + String.join(", ", add.stream().map(PendingRow::label).toList()) + ".");
            dialogs.notify("Dependencies: added " + count(add.size()) + " to the selection");
        } else {
            dependencyStatus.set("Not added: the PCE will refuse to provision the selection without "
                    + (add.size() == 1 ? "it." : "them."));
        }
        model.status(dependencyStatus.get());
    }

    /** The PCE's dependencies as rows named like the pending list (never as hrefs). */
    private List<DependencyRow> rows(List<PolicyDependency> deps, Map<String, List<Integer>> rules) {
        Map<String, DependencyRow> out = new LinkedHashMap<>();
        for (PolicyDependency d : deps) {
            String href = d.dependencyHref();
            if (href == null) {
                continue;
            }
            String key = Hrefs.neutral(href);
            List<String> by = new ArrayList<>();
            d.requiredBy().values().forEach(list -> list.forEach(h -> by.add(why(nameOf(h),
                    rules.getOrDefault(ruleKey(href, h.href()), List.of())))));
            String state = model.row(key).map(r -> switch (r.kind()) {
                case ADDED -> "; new in the draft";
                case MODIFIED -> "; changed in the draft";
                case REMOVED -> "; deleted in the draft";
            }).orElse("");
            String type = d.dependencyType() != null ? ChangeTypes.singular(d.dependencyType()) : ObjectKind.fromHref(href).singular();
            out.merge(key, new DependencyRow(key, model.row(key).map(PendingRow::name).orElse(nameOf(Href.of(href))), type,
                            (by.isEmpty() ? "required by the selection" : String.join("; ", by)) + state,
                            model.row(key).isPresent()),
                    (a, b) -> a);
        }
        return List.copyOf(out.values());
    }

    /** "rules 1 and 2 of RS-Web (rule set) use it", or "required by RS-Web (rule set)" when no rule names it. */
    static String why(String requirer, List<Integer> rules) {
        if (rules.isEmpty()) {
            return "required by " + requirer;
        }
        List<String> n = rules.stream().map(String::valueOf).toList();
        String numbers = n.size() == 1 ? n.get(0)
                : String.join(", ", n.subList(0, n.size() - 1)) + " and " + n.get(n.size() - 1);
        return (n.size() == 1 ? "rule " : "rules ") + numbers + " of " + requirer + (n.size() == 1 ? " uses it" : " use it");
    }

    private String nameOf(Href h) {
        if (h == null || h.href() == null) {
            return "?";
        }
        String key = Hrefs.neutral(h.href());
        return model.row(key).map(PendingRow::label).orElseGet(() -> h.name() != null && !h.name().isBlank()
                ? h.name() + " (" + ChangeTypes.singular(ChangeTypes.typeOf(h.href())) + ")"
                : ChangeTypes.singular(String.valueOf(ChangeTypes.typeOf(h.href()))) + " " + Hrefs.shortId(h.href()));
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
                    dependencies.clear();
                    dependencyStatus.set("");
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
        for (DependencyRow d : rows(deps, Map.of())) {
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
                    dependencies.clear();
                    dependencyStatus.set("");
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

    public ObservableList<DependencyRow> dependencies() {
        return dependencies;
    }

    public ReadOnlyStringProperty dependencyStatusProperty() {
        return dependencyStatus.getReadOnlyProperty();
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

    /** Why Check dependencies is off ("" while it is on). */
    public StringBinding dependenciesBlockedProperty() {
        return dependenciesBlocked;
    }
}
