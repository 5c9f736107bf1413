package dev.pceworkbench.ui.containerclusters;

import dev.pceworkbench.pce.api.ContainerClustersApi;
import dev.pceworkbench.pce.model.ContainerCluster;
import dev.pceworkbench.pce.model.ContainerWorkloadProfile;
import dev.pceworkbench.pce.model.Label;
import dev.pceworkbench.pce.model.LabelDimension;
import dev.pceworkbench.policy.names.ObjectNames;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.ui.common.DialogService;
import dev.pceworkbench.ui.common.FeatureModel;
import dev.pceworkbench.workspace.ContainerClusters;
import dev.pceworkbench.workspace.NotConnectedException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;

/**
 * The Container clusters feature: the clusters with their Kubelink status, creating one (its
 * token is shown once through {@link #tokenProperty()} and wiped when the dialog closes: no field
 * keeps it after {@link #dismissToken()}), deleting one, and the selected cluster's container
 * workload profiles (list, create, edit through {@link ProfileEditorViewModel}, delete). Every
 * action that changes an object says why it is off ({@code *Blocked} bindings: null when allowed),
 * following the {@code caps} the PCE gives.
 */
public final class ContainerClustersViewModel implements FeatureModel {
    public static final String FEATURE_ID = "containerclusters";
    static final String NO_WRITE_CLUSTER = "The PCE does not let you change this cluster (its caps have no 'write')";
    static final String NO_WRITE_PROFILE = "The PCE does not let you change this profile (its caps have no 'write')";

    private final ContainerClusters service;
    private final TaskExecutor executor;
    private final DialogService dialogs;

    private final ObservableList<ClusterRow> clusters = FXCollections.observableArrayList();
    private final ObjectProperty<ClusterRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<ProfileRow> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<ProfileRow> selectedProfile = new SimpleObjectProperty<>(this, "selectedProfile");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final BooleanProperty createOpen = new SimpleBooleanProperty(this, "createOpen");
    private final StringProperty newName = new SimpleStringProperty(this, "newName", "");
    private final StringProperty newDescription = new SimpleStringProperty(this, "newDescription", "");
    private final ReadOnlyObjectWrapper<TokenReveal> token = new ReadOnlyObjectWrapper<>(this, "token");
    private final ProfileEditorViewModel editor = new ProfileEditorViewModel();
    private final StringBinding createProblem;
    private final StringBinding status;
    private final StringBinding clusterBlocked;
    private final StringBinding newProfileBlocked;
    private final StringBinding profileBlocked;
    private BackgroundTask<?> loadTask;
    private BackgroundTask<?> profilesTask;
    private boolean stale = true;

    public ContainerClustersViewModel(ContainerClusters service, TaskExecutor executor, DialogService dialogs) {
        this.service = service;
        this.executor = executor;
        this.dialogs = dialogs;
        createProblem = Bindings.createStringBinding(() -> {
            String n = newName.get() == null ? "" : newName.get().trim();
            if (n.isEmpty()) {
                return "Name: required";
            }
            if (n.length() > 255) {
                return "Name: at most 255 characters";
            }
            return clusters.stream().anyMatch(c -> c.name().equals(n))
                    ? "Name: a cluster named '" + n + "' exists already (names are unique)" : null;
        }, newName, clusters);
        status = Bindings.createStringBinding(() -> {
            long online = clusters.stream().filter(c -> c.status() == ClusterRow.Status.ONLINE).count();
            return loaded.get() ? clusters.size() + (clusters.size() == 1 ? " cluster, " : " clusters, ") + online + " online" : "";
        }, clusters, loaded);
        clusterBlocked = Bindings.createStringBinding(() -> busy.get() ? "Wait for the running change to finish"
                : selected.get() == null ? "Select a cluster first"
                : !selected.get().writable() ? NO_WRITE_CLUSTER : null, selected, busy);
        newProfileBlocked = clusterBlocked;
        profileBlocked = Bindings.createStringBinding(() -> busy.get() ? "Wait for the running change to finish"
                : selectedProfile.get() == null ? "Select a profile first"
                : !selectedProfile.get().writable() ? NO_WRITE_PROFILE : null, selectedProfile, busy);
        selected.addListener((o, a, b) -> {
            editor.close();
            loadProfiles();
        });
        service.workspace().addListener(change -> {
            if (change.collection() == null) {
                stale = true; // another PCE, or Reload everything
                if (loaded.get() || loadTask != null) {
                    load();
                }
            }
        });
    }

    // --- loading ---------------------------------------------------------------------------------

    @Override
    public void onShown() {
        if (stale || !loaded.get()) {
            load();
        }
    }

    @Override
    public void reload() {
        load();
    }

    /** Loads the clusters (their live state: never from a cache), keeping the selection by href. */
    public void load() {
        if (loadTask != null) {
            loadTask.cancel();
        }
        String keep = selected.get() == null ? null : selected.get().href();
        loading.set(true);
        BackgroundTask<List<ClusterRow>> task = BackgroundTask.of("Loading container clusters",
                ctx -> service.clusters(ctx.token(), dev.pceworkbench.pce.Progress.Listener.NONE).stream().map(ClusterRow::of).toList());
        loadTask = task;
        executor.execute(task.ownedBy(FEATURE_ID)
                .onSuccess(rows -> {
                    stale = false;
                    clusters.setAll(rows);
                    loaded.set(true);
                    selected.set(rows.stream().filter(r -> r.href().equals(keep)).findFirst().orElse(null));
                })
                .onFailure(t -> {
                    if (!(t instanceof NotConnectedException)) {
                        dialogs.showError("Could not load the container clusters", t);
                    }
                })
                .onFinished(() -> loading.set(loadTask != task && loadTask != null && !loadTask.state().isDone())));
    }

    private void loadProfiles() {
        if (profilesTask != null) {
            profilesTask.cancel();
        }
        profiles.clear();
        selectedProfile.set(null);
        ClusterRow c = selected.get();
        if (c == null) {
            return;
        }
        BackgroundTask<List<ProfileRow>> task = BackgroundTask.of("Loading the profiles of " + c.name(), ctx -> {
            List<ContainerWorkloadProfile> list = service.profiles(c.href(), ctx.token());
            ObjectNames names = new ObjectNames(service.labels(ctx.token()), List.of(), List.of(), List.of(), List.of());
            return list.stream().map(p -> ProfileRow.of(p, names)).toList();
        });
        profilesTask = task;
        executor.execute(task.ownedBy(FEATURE_ID)
                .onSuccess(rows -> {
                    if (selected.get() == c) {
                        profiles.setAll(rows);
                    }
                })
                .onFailure(t -> dialogs.showError("Could not load the profiles of " + c.name(), t)));
    }

    // --- clusters --------------------------------------------------------------------------------

    public void startCreate() {
        newName.set("");
        newDescription.set("");
        createOpen.set(true);
    }

    public void cancelCreate() {
        createOpen.set(false);
    }

    /** Creates the cluster; on success its token is offered once through {@link #tokenProperty()}. */
    public void create() {
        if (createProblem.get() != null || busy.get()) {
            return;
        }
        String name = newName.get().trim();
        String description = newDescription.get() == null ? "" : newDescription.get().trim();
        busy.set(true);
        executor.execute(BackgroundTask.<ContainerClustersApi.Created>of("Creating container cluster " + name,
                        ctx -> service.create(name, description, ctx.token()))
                .ownedBy(FEATURE_ID)
                .onSuccess(created -> {
                    createOpen.set(false);
                    ClusterRow row = ClusterRow.of(created.cluster());
                    clusters.add(row);
                    selected.set(row);
                    token.set(new TokenReveal(row.name(), created.token()));
                })
                .onFailure(t -> dialogs.showError("Could not create container cluster " + name, t))
                .onFinished(() -> busy.set(false)));
    }

    /** The token dialog closed: the token is wiped and no longer held anywhere. */
    public void dismissToken() {
        TokenReveal t = token.get();
        token.set(null);
        if (t != null) {
            t.wipe();
        }
    }

    /** Deletes the selected cluster (and, on the PCE, its profiles) after a confirmation that defaults to Cancel. */
    public void deleteCluster() {
        ClusterRow c = selected.get();
        if (clusterBlocked.get() != null || c == null) {
            return;
        }
        if (!dialogs.confirm("Delete container cluster " + c.name() + "?",
                "The cluster and its " + profiles.size() + " container workload profiles are deleted from the PCE; "
                        + "its Kubelink can no longer connect with its token.", "Delete cluster")) {
            return;
        }
        busy.set(true);
        executor.execute(BackgroundTask.of("Deleting container cluster " + c.name(), ctx -> {
                    service.delete(c.href(), ctx.token());
                    return c;
                }).ownedBy(FEATURE_ID)
                .onSuccess(done -> {
                    clusters.remove(done);
                    if (selected.get() == done) {
                        selected.set(null);
                    }
                    dialogs.notify("Deleted container cluster " + done.name());
                })
                .onFailure(t -> dialogs.showError("Could not delete container cluster " + c.name(), t))
                .onFinished(() -> busy.set(false)));
    }

    // --- profiles --------------------------------------------------------------------------------

    public void newProfile() {
        if (newProfileBlocked.get() == null) {
            openEditor(selected.get().href(), null);
        }
    }

    public void editProfile() {
        if (profileBlocked.get() == null) {
            openEditor(selected.get().href(), selectedProfile.get().profile());
        }
    }

    private void openEditor(String cluster, ContainerWorkloadProfile profile) {
        record Choices(List<LabelDimension> dims, List<Label> labels) {
        }
        executor.execute(BackgroundTask.<Choices>of("Loading labels for the profile editor",
                        ctx -> new Choices(service.labelDimensions(ctx.token()), service.labels(ctx.token())))
                .ownedBy(FEATURE_ID)
                .onSuccess(c -> {
                    if (selected.get() != null && selected.get().href().equals(cluster)) {
                        editor.open(cluster, profile, c.dims(), c.labels());
                    }
                })
                .onFailure(t -> dialogs.showError("Could not load the labels", t)));
    }

    public void cancelProfile() {
        editor.close();
    }

    /** Creates or updates the profile in the editor; a refusal keeps the form as it is. */
    public void saveProfile() {
        if (!editor.valid().get() || busy.get()) {
            return;
        }
        ContainerWorkloadProfile p = editor.toProfile();
        String cluster = editor.clusterHref();
        boolean create = editor.original() == null;
        String what = create ? "the profile for namespace " + p.namespace() : "profile " + label(p);
        busy.set(true);
        executor.execute(BackgroundTask.of((create ? "Creating " : "Saving ") + what, ctx -> {
                    if (create) {
                        service.createProfile(cluster, p, ctx.token());
                    } else {
                        service.updateProfile(p, ctx.token());
                    }
                    return p;
                }).ownedBy(FEATURE_ID)
                .onSuccess(done -> {
                    editor.close();
                    dialogs.notify((create ? "Created " : "Saved ") + what);
                    loadProfiles();
                })
                .onFailure(t -> dialogs.showError("Could not save " + what, t))
                .onFinished(() -> busy.set(false)));
    }

    public void deleteProfile() {
        ProfileRow r = selectedProfile.get();
        if (profileBlocked.get() != null || r == null) {
            return;
        }
        String what = "profile " + label(r.profile());
        if (!dialogs.confirm("Delete " + what + "?", "Pods of namespace " + r.namespace()
                + " are no longer labelled or enforced by this profile.", "Delete profile")) {
            return;
        }
        busy.set(true);
        executor.execute(BackgroundTask.of("Deleting " + what, ctx -> {
                    service.deleteProfile(r.href(), ctx.token());
                    return r;
                }).ownedBy(FEATURE_ID)
                .onSuccess(done -> {
                    profiles.remove(done);
                    if (Objects.equals(selectedProfile.get(), done)) {
                        selectedProfile.set(null);
                    }
                    dialogs.notify("Deleted " + what);
                })
                .onFailure(t -> dialogs.showError("Could not delete " + what, t))
                .onFinished(() -> busy.set(false)));
    }

    private static String label(ContainerWorkloadProfile p) {
        return p.name() != null && !p.name().isBlank() ? p.name()
                : p.namespace() != null ? p.namespace() : "(default)";
    }

    // --- state -----------------------------------------------------------------------------------

    public ObservableList<ClusterRow> clusters() {
        return clusters;
    }

    public ObjectProperty<ClusterRow> selectedProperty() {
        return selected;
    }

    public ObservableList<ProfileRow> profiles() {
        return profiles;
    }

    public ObjectProperty<ProfileRow> selectedProfileProperty() {
        return selectedProfile;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanProperty createOpenProperty() {
        return createOpen;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public StringProperty newDescriptionProperty() {
        return newDescription;
    }

    /** Why Create is off (naming the field); null when the new cluster can be created. */
    public StringBinding createProblem() {
        return createProblem;
    }

    /** The new cluster's token while its dialog is open; null otherwise. */
    public ReadOnlyObjectProperty<TokenReveal> tokenProperty() {
        return token.getReadOnlyProperty();
    }

    public ProfileEditorViewModel editor() {
        return editor;
    }

    public StringBinding status() {
        return status;
    }

    /** Why Delete cluster is off; null when allowed. */
    public StringBinding clusterBlocked() {
        return clusterBlocked;
    }

    /** Why New profile is off; null when allowed. */
    public StringBinding newProfileBlocked() {
        return newProfileBlocked;
    }

    /** Why Edit and Delete profile are off; null when allowed. */
    public StringBinding profileBlocked() {
        return profileBlocked;
    }
}
