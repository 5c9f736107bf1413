package dev.pceworkbench.ui.labels;

import dev.pceworkbench.pce.model.Hrefs;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelGroup;
import dev.pceworkbench.policy.names.ObjectKind;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.ui.common.DialogService;
import dev.pceworkbench.ui.common.Navigator;
import dev.pceworkbench.workspace.PolicyWorkspace;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.Map;

/**
 * The editing commands of the labels feature: new, rename and delete for labels (org objects,
 * changed at once) and new, edit and delete for label groups (draft only; they become active by
 * provisioning). An open editor is a property the view shows; a PCE refusal shows the PCE's own
 * message and leaves the editor open with what the user typed; success closes it, tells the
 * workspace (which reloads the view) and selects the new or renamed object.
 */
public final class LabelEdits {
    private final LabelsViewModel model;
    private final PolicyWorkspace workspace;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ObjectProperty<LabelEditorViewModel> labelEditor = new SimpleObjectProperty<>(this, "labelEditor");
    private final ObjectProperty<LabelGroupEditorViewModel> groupEditor = new SimpleObjectProperty<>(this, "groupEditor");
    private final BooleanBinding canChangeLabel;
    private final BooleanBinding canChangeGroup;

    LabelEdits(LabelsViewModel model, PolicyWorkspace workspace, TaskExecutor executor, DialogService dialogs) {
        this.model = model;
        this.workspace = workspace;
        this.executor = executor;
        this.dialogs = dialogs;
        this.canChangeLabel = Bindings.createBooleanBinding(() -> model.selectedLabelProperty().get() != null,
                model.selectedLabelProperty());
        this.canChangeGroup = Bindings.createBooleanBinding(() -> {
            GroupTree.Node n = model.selectedGroupProperty().get();
            return model.draftBinding().get() && n != null && n.group() && !n.cycle() && !n.deletedInDraft();
        }, model.selectedGroupProperty(), model.draftBinding());
    }

    public ObjectProperty<LabelEditorViewModel> labelEditorProperty() {
        return labelEditor;
    }

    public ObjectProperty<LabelGroupEditorViewModel> groupEditorProperty() {
        return groupEditor;
    }

    /** Whether a label is selected (rename, delete). */
    public BooleanBinding canChangeLabelBinding() {
        return canChangeLabel;
    }

    /** Whether a draft label group is selected (edit, delete). */
    public BooleanBinding canChangeGroupBinding() {
        return canChangeGroup;
    }

    // --- labels ----------------------------------------------------------------------------------

    public void newLabel() {
        labelEditor.set(new LabelEditorViewModel(null, model.dimensions(), model.dimensionProperty().get(),
                model::allRows));
    }

    public void renameLabel() {
        LabelRow row = model.selectedLabelProperty().get();
        if (row != null) {
            labelEditor.set(new LabelEditorViewModel(row, model.dimensions(), null, model::allRows));
        }
    }

    public void cancelLabelEditor() {
        labelEditor.set(null);
    }

    /** Sends the editor's label to the PCE (create or rename); does nothing while the form is invalid. */
    public void saveLabel() {
        LabelEditorViewModel editor = labelEditor.get();
        if (editor == null || !editor.validProperty().get() || editor.savingProperty().get()) {
            return;
        }
        String key = editor.key();
        String value = editor.trimmedValue();
        LabelRow original = editor.original();
        editor.savingProperty().set(true);
        String what = original == null ? "create the label " + value : "rename " + original.display() + " to " + value;
        executor.execute(BackgroundTask.of(original == null ? "Creating label " + value : "Renaming label " + value, ctx -> {
            var labels = workspace.client().labels();
            if (original == null) {
                return labels.create(Label.of(key, value), ctx.token()).href();
            }
            labels.update(original.href(), Map.of("value", value), ctx.token());
            return original.href();
        }).ownedBy(LabelsViewModel.FEATURE_ID)
                .onSuccess(href -> {
                    labelEditor.set(null);
                    model.sectionProperty().set(LabelsViewModel.Section.LABELS);
                    model.selectAfterReload(href);
                    workspace.changed(PolicyWorkspace.LABELS, null);
                    dialogs.notify(original == null ? "Label " + value + " created" : "Label renamed to " + value);
                })
                .onFailure(t -> dialogs.showError("The PCE did not " + what, t))
                .onFinished(() -> editor.savingProperty().set(false)));
    }

    /** Deletes the selected label after confirmation; the PCE refuses while anything still uses it. */
    public void deleteLabel() {
        LabelRow row = model.selectedLabelProperty().get();
        if (row == null || !dialogs.confirm("Delete label " + row.display(), deleteMessage(row), "Delete label")) {
            return;
        }
        executor.execute(BackgroundTask.of("Deleting label " + row.display(), ctx -> {
            workspace.client().labels().delete(row.href(), ctx.token());
            return row.href();
        }).ownedBy(LabelsViewModel.FEATURE_ID)
                .onSuccess(href -> {
                    workspace.changed(PolicyWorkspace.LABELS, null);
                    dialogs.notify("Label " + row.display() + " deleted");
                })
                .onFailure(t -> dialogs.showError("The PCE did not delete the label " + row.display(), t)));
    }

    /**
     * What deleting a label will do, with its known references from where-used: "Delete the label
     * role: Web? role: Web is used by 33 objects …: 12 rules, …. The PCE will refuse while …".
     */
    String deleteMessage(LabelRow row) {
        WhereUsedViewModel where = model.whereUsed();
        String refs = where.referencesSummary(row.href(), row.display()).orElse(
                "Its references are still being looked up (see Where used).");
        String then = where.policyUses(row.href())
                ? "The PCE will refuse while rules, rule sets, groups or workloads use it; nothing changes then."
                : "Labels are not versioned: once the PCE accepts, the label is gone at once, for every policy "
                + "version. The PCE refuses while anything still uses it.";
        return "Delete the label " + row.display() + "?\n\n" + refs + "\n" + then;
    }

    // --- label groups ----------------------------------------------------------------------------

    public void newGroup() {
        if (!model.draftBinding().get()) {
            return;
        }
        GroupTree.Node n = model.selectedGroupProperty().get();
        DimensionChoice preset = n == null ? model.dimensionProperty().get()
                : model.dimensions().stream().filter(d -> n.key() != null && n.key().equals(d.key())).findFirst().orElse(null);
        groupEditor.set(new LabelGroupEditorViewModel(null, model.dimensions(), preset, model.allRows(),
                model.groups(), java.util.Set.of()));
    }

    public void editGroup() {
        LabelGroup g = selectedGroup();
        if (g != null && canChangeGroup.get()) {
            groupEditor.set(new LabelGroupEditorViewModel(g, model.dimensions(), null, model.allRows(), model.groups(),
                    model.groupsContaining(g.href())));
        }
    }

    public void cancelGroupEditor() {
        groupEditor.set(null);
    }

    /** Sends the group editor's group to the draft policy (create or update). */
    public void saveGroup() {
        LabelGroupEditorViewModel editor = groupEditor.get();
        if (editor == null || !editor.validProperty().get() || editor.savingProperty().get()) {
            return;
        }
        Map<String, Object> body = editor.body();
        LabelGroup original = editor.original();
        String name = String.valueOf(body.get("name"));
        editor.savingProperty().set(true);
        executor.execute(BackgroundTask.of(original == null ? "Creating label group " + name
                : "Saving label group " + name, ctx -> {
            var api = workspace.client().labelGroups();
            if (original == null) {
                return api.create(body, ctx.token()).href();
            }
            String href = Hrefs.toDraft(original.href());
            api.update(href, body, ctx.token());
            return href;
        }).ownedBy(LabelsViewModel.FEATURE_ID)
                .onSuccess(href -> {
                    groupEditor.set(null);
                    model.sectionProperty().set(LabelsViewModel.Section.GROUPS);
                    model.openAfterReload(Navigator.Target.of(ObjectKind.LABEL_GROUP, href, "draft"));
                    workspace.changed(PolicyWorkspace.LABEL_GROUPS, "draft");
                    dialogs.notify("Label group " + name + (original == null ? " created in draft" : " saved in draft"));
                })
                .onFailure(t -> dialogs.showError("The PCE did not save the label group " + name, t))
                .onFinished(() -> editor.savingProperty().set(false)));
    }

    /** Deletes the selected draft group after confirmation (active until provisioned). */
    public void deleteGroup() {
        LabelGroup g = selectedGroup();
        if (g == null || !canChangeGroup.get() || !dialogs.confirm("Delete label group", "Delete the label group "
                + g.name() + " from the draft? It stays active until you provision, and the PCE refuses while "
                + "rule sets or other groups still use it.")) {
            return;
        }
        String href = Hrefs.toDraft(g.href());
        executor.execute(BackgroundTask.of("Deleting label group " + g.name(), ctx -> {
            workspace.client().labelGroups().delete(href, ctx.token());
            return href;
        }).ownedBy(LabelsViewModel.FEATURE_ID)
                .onSuccess(h -> {
                    workspace.changed(PolicyWorkspace.LABEL_GROUPS, "draft");
                    dialogs.notify("Label group " + g.name() + " deleted in draft");
                })
                .onFailure(t -> dialogs.showError("The PCE did not delete the label group " + g.name(), t)));
    }

    private LabelGroup selectedGroup() {
        GroupTree.Node n = model.selectedGroupProperty().get();
        GroupTree tree = model.treeProperty().get();
        if (n == null || !n.group() || tree == null) {
            return null;
        }
        return tree.group(n.href()).orElse(null);
    }

    /** After a reload: the open editors check again against the new lists (a label created elsewhere). */
    void refreshEditors() {
        if (labelEditor.get() != null) {
            labelEditor.get().validate();
        }
        if (groupEditor.get() != null) {
            groupEditor.get().validate();
        }
    }
}
