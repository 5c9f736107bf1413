package dev.pceworkbench.ui.provision;

import dev.pceworkbench.pce.model.DependencyReport;
import dev.pceworkbench.pce.model.Href;
import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.PolicyDependency;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.ui.common.DialogService;
import dev.pceworkbench.workspace.PolicyProvisioning;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * "Check dependencies" of the Provision view: what else the PCE says must be provisioned with the
 * checked changes, each with why (the rules of a rule set that name it, and whether it is new or
 * changed in the draft), named like the pending list and never as hrefs. The selection grows only
 * with the user's OK; a new selection drops what was found for the previous one.
 */
public final class ProvisionDependencies {
    private final ProvisionViewModel model;
    private final PolicyProvisioning provisioning;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ObservableList<DependencyRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper shape = new ReadOnlyStringWrapper(this, "shape", "");
    private final StringBinding blocked;
    private boolean growing;

    ProvisionDependencies(ProvisionViewModel model, PolicyProvisioning provisioning, TaskExecutor executor,
                          DialogService dialogs) {
        this.model = model;
        this.provisioning = Objects.requireNonNull(provisioning);
        this.executor = Objects.requireNonNull(executor);
        this.dialogs = Objects.requireNonNull(dialogs);
        var busy = model.progress().busy();
        var loading = model.loadingProperty();
        blocked = Bindings.createStringBinding(() -> busy.get() || loading.get() ? "Wait for the running task."
                : model.checked().isEmpty() ? "Select the changes whose dependencies to check." : "", model.checked(), busy, loading);
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
            rows.clear();
            status.set("");
            shape.set("");
        }
    }

    /** Asks the PCE what else must be provisioned with the checked changes, and offers to add it. */
    public void check() {
        String why = blocked.get();
        if (!why.isEmpty()) {
            model.status(why);
            return;
        }
        List<PendingRow> selection = List.copyOf(model.checked());
        rows.clear();
        shape.set("");
        status.set("Checking…");
        model.status("Checking what must be provisioned with " + ProvisionActions.count(selection.size()) + "…");
        executor.execute(model.progress().track(BackgroundTask.of("Checking provisioning dependencies", ctx -> {
                    DependencyReport report = provisioning.dependencyReport(ProvisionViewModel.subset(selection), true, ctx.token());
                    List<PolicyDependency> deps = report.dependencies();
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
                    return new Found(deps, rules, report.shape());
                }))
                .ownedBy(ProvisionViewModel.FEATURE_ID)
                .onSuccess(f -> {
                    shape.set(shapeText(f.shape()));
                    showDependencies(selection, f.deps(), f.rules());
                })
                .onCancelled(() -> {
                    status.set("");
                    model.status("Dependency check cancelled.");
                })
                .onFailure(e -> {
                    status.set("");
                    model.status("The dependency check failed: " + ProvisionViewModel.message(e));
                    dialogs.showError("Could not check the dependencies", ProvisionViewModel.message(e), e.getMessage());
                }));
    }

    /** The PCE's dependencies, and for each (dependency, rule set) the numbers of the rules that name it. */
    private record Found(List<PolicyDependency> deps, Map<String, List<Integer>> rules, DependencyReport.Shape shape) {
    }

    /** Which of the two undocumented answer shapes the PCE gave (issue #14 asks to say which). */
    static String shapeText(DependencyReport.Shape s) {
        return switch (s) {
            case LIST -> "The PCE answered with a list of dependencies (dependency, required_by).";
            case BY_TYPE -> "The PCE answered with a change subset keyed by object type.";
        };
    }

    private static String ruleKey(String dependency, String ruleSet) {
        return Hrefs.neutral(dependency) + " " + (ruleSet == null ? "" : Hrefs.neutral(ruleSet));
    }

    private void showDependencies(List<PendingRow> selection, List<PolicyDependency> deps, Map<String, List<Integer>> rules) {
        List<DependencyRow> found = rows(deps, rules);
        rows.setAll(found);
        if (found.isEmpty()) {
            status.set("Nothing else must go with the selection: it can be provisioned as it is.");
            model.status(status.get());
            dialogs.notify("Dependencies: the selection of " + ProvisionActions.count(selection.size()) + " is complete");
            return;
        }
        List<PendingRow> add = new ArrayList<>();
        found.forEach(d -> model.row(d.key()).filter(r -> !r.isChecked()).ifPresent(add::add));
        String list = String.join("\n", found.stream().map(d -> "• " + d.name() + " (" + d.type() + "), " + d.why()).toList());
        if (add.isEmpty()) {
            status.set(found.size() == 1 ? "1 object must go with the selection (listed below)."
                    : found.size() + " objects must go with the selection (listed below).");
        } else if (dialogs.confirm("Add what the selection needs",
                "Provisioning the selection needs " + (found.size() == 1 ? "this object" : "these objects") + " too:\n"
                        + list + "\n\nAdd " + (add.size() == 1 ? "it" : "them") + " to the selection?",
                add.size() == 1 ? "Add 1 object" : "Add " + add.size() + " objects")) {
            whileGrowing(() -> add.forEach(r -> r.checkedProperty().set(true)));
            status.set("Added to the selection: " + String.join(", ", add.stream().map(PendingRow::label).toList()) + ".");
            dialogs.notify("Dependencies: added " + ProvisionActions.count(add.size()) + " to the selection");
        } else {
            status.set("Not added: the PCE will refuse to provision the selection without "
                    + (add.size() == 1 ? "it." : "them."));
        }
        model.status(status.get());
    }

    /** The PCE's dependencies as rows named like the pending list (never as hrefs). */
    List<DependencyRow> rows(List<PolicyDependency> deps, Map<String, List<Integer>> rules) {
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

    /** Drops what was found (after a provision or revert). */
    void clear() {
        rows.clear();
        status.set("");
        shape.set("");
    }

    /** The objects that must go with the selection, with why. */
    public ObservableList<DependencyRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Which answer shape the PCE gave for the last check ("" before one). */
    public ReadOnlyStringProperty shapeProperty() {
        return shape.getReadOnlyProperty();
    }

    /** Why Check dependencies is off ("" while it is on). */
    public StringBinding blockedProperty() {
        return blocked;
    }
}
