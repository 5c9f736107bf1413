package dev.pceworkbench.ui.labels;

import dev.pceworkbench.policy.PolicyData;
import dev.pceworkbench.policy.usage.UsageReference;
import dev.pceworkbench.policy.usage.WhereUsed;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.ui.common.DialogService;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.workspace.PolicyWorkspace;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The "where used" pane of the labels feature: for one label or label group (the subject), the
 * references {@link WhereUsed} finds in a policy version, computed in a background task that a new
 * subject cancels, and each openable through the {@link Navigator}.
 */
public final class WhereUsedViewModel {
    static final String NO_SUBJECT = "Select a label or label group to see where it is used.";

    private final PolicyWorkspace workspace;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Navigator navigator;
    private final ObservableList<UsageReference> usages = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", NO_SUBJECT);
    private final ObjectProperty<UsageReference> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private BackgroundTask<List<UsageReference>> task;
    private String subject;
    private String subjectVersion;
    private boolean found;

    WhereUsedViewModel(PolicyWorkspace workspace, TaskExecutor executor, DialogService dialogs, Navigator navigator) {
        this.workspace = workspace;
        this.executor = executor;
        this.dialogs = dialogs;
        this.navigator = navigator;
    }

    /** Finds the uses of {@code href} (described as {@code what}) in {@code version}. */
    void show(String href, String what, String version) {
        if (task != null) {
            task.cancel();
        }
        usages.clear();
        title.set("Where " + what + " is used (" + version + ")");
        subject = href;
        subjectVersion = version;
        found = false;
        BackgroundTask<List<UsageReference>> t = BackgroundTask.of("Finding where " + what + " is used", ctx -> {
            var token = ctx.token();
            var p = ctx.pceProgress();
            PolicyData data = PolicyData.empty(version)
                    .withLabelGroups(workspace.labelGroups(version, token, p))
                    .withRuleSets(workspace.ruleSets(version, token, p))
                    .withVirtualServices(workspace.virtualServices(version, token, p))
                    .withEnforcementBoundaries(workspace.enforcementBoundaries(version, token, p))
                    .withLabels(workspace.labels(token, p))
                    .withWorkloads(workspace.workloads(token, p));
            ctx.message("Searching " + data.ruleSets().size() + " rule sets");
            return WhereUsed.of(data, href);
        });
        task = t;
        loading.set(true);
        executor.execute(t.ownedBy(LabelsViewModel.FEATURE_ID)
                .onSuccess(list -> {
                    usages.setAll(list);
                    found = true;
                    title.set("Where " + what + " is used (" + version + "): " + (list.isEmpty() ? "nowhere"
                            : list.size() == 1 ? "1 reference" : list.size() + " references"));
                })
                .onFailure(e -> dialogs.showError("Could not find where " + what + " is used", e))
                // A cancelled search finishing late must not hide the progress of the one that replaced it.
                .onFinished(() -> loading.set(task != t && !task.state().isDone())));
    }

    /** Forgets the subject if it is {@code href} (it was deleted or deselected). */
    void clearIf(String href) {
        if (href != null && href.equals(subject)) {
            if (task != null) {
                task.cancel();
            }
            subject = null;
            found = false;
            usages.clear();
            title.set(NO_SUBJECT);
        }
    }

    /**
     * What deleting {@code href} would run into, from the references found for it: "role: Web is used
     * by 33 objects in the draft policy and the workloads: 12 rules, 3 rule sets, 18 workloads", or
     * that nothing uses it; empty when its references are not known (another subject, or still looking).
     */
    public java.util.Optional<String> referencesSummary(String href, String what) {
        if (href == null || !href.equals(subject) || !found) {
            return java.util.Optional.empty();
        }
        String where = " in the " + subjectVersion + " policy and the workloads";
        if (usages.isEmpty()) {
            return java.util.Optional.of("Nothing uses " + what + where + ".");
        }
        java.util.Map<UsageReference.Kind, Integer> byKind = new java.util.EnumMap<>(UsageReference.Kind.class);
        usages.forEach(u -> byKind.merge(u.kind(), 1, Integer::sum));
        StringBuilder b = new StringBuilder(what).append(" is used by ").append(usages.size())
                .append(usages.size() == 1 ? " object" : " objects").append(where).append(": ");
        boolean first = true;
        for (var e : byKind.entrySet()) {
            b.append(first ? "" : ", ").append(e.getValue()).append(' ')
                    .append(plural(e.getKey().displayName().toLowerCase(java.util.Locale.ROOT), e.getValue()));
            first = false;
        }
        return java.util.Optional.of(b.append('.').toString());
    }

    /** Whether the references found for {@code href} include rules or rule sets (the PCE then refuses a delete). */
    public boolean policyUses(String href) {
        return href != null && href.equals(subject) && found && usages.stream().anyMatch(u -> u.kind() != UsageReference.Kind.WORKLOAD);
    }

    private static String plural(String word, int n) {
        return n == 1 ? word : word + "s";
    }

    /** Opens a reference in the view that shows it (a rule inside its rule set, a workload's details). */
    public void open(UsageReference ref) {
        if (ref != null) {
            navigator.open(Navigator.Target.fromHref(ref.href()));
        }
    }

    /** Why the same rule set can appear more than once. */
    public static final String ROWS_HINT = "One row per rule, rule set scope, group or workload that uses it; "
            + "\"Used as\" says how (a rule set shows once per scope that names it).";

    public ObservableList<UsageReference> usages() {
        return usages;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ObjectProperty<UsageReference> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
