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
            usages.clear();
            title.set(NO_SUBJECT);
        }
    }

    /** Opens a reference in the view that shows it (a rule inside its rule set, a workload's details). */
    public void open(UsageReference ref) {
        if (ref != null) {
            navigator.open(Navigator.Target.fromHref(ref.href()));
        }
    }

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
