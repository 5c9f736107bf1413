package dev.pceworkbench.ui.connections;

import dev.pceworkbench.ui.common.FeatureModel;
import dev.pceworkbench.connection.ActiveConnection;
import dev.pceworkbench.connection.ConnectionManager;
import dev.pceworkbench.connection.ConnectionProfile;
import dev.pceworkbench.connection.ConnectionProfile.CredentialType;
import dev.pceworkbench.connection.ConnectionProfile.SecretKind;
import dev.pceworkbench.connection.ConnectionProfileStore;
import dev.pceworkbench.connection.SecretStore;
import dev.pceworkbench.pce.ConnectionCheck;
import dev.pceworkbench.pce.ConnectionDiagnosis;
import dev.pceworkbench.pce.ConnectionSettings;
import dev.pceworkbench.pce.model.ApiKey;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.ui.common.DialogService;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The connection profiles feature: the saved profiles and the selected one, the profile form
 * ({@link ProfileEditorViewModel}), the step-by-step connection check
 * ({@link ConnectionCheckViewModel}), and the commands new, save, delete, duplicate, export,
 * import, connect and create-API-key. Profiles go to the {@link ConnectionProfileStore}, secrets
 * only to the {@link SecretStore}; reading and writing both (a file, a keychain that may take
 * seconds) and every PCE call run as tasks ({@link ProfileStorage}), so the FX thread never waits
 * on them: the {@link StorageStatus} says one is running and locks the form meanwhile. Failures reach the user through the {@link DialogService} with the store's or
 * the PCE's own message, and never clear the form.
 */
public final class ConnectionsViewModel implements FeatureModel {
    private final ConnectionManager connections;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ProfileStorage storage;
    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionProfile> selected = new SimpleObjectProperty<>(this, "selected");
    private final ProfileEditorViewModel editor = new ProfileEditorViewModel();
    private final ConnectionCheckViewModel check;
    private final ProfileFiles files;
    private final ApiKeyCreation apiKeys;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final StorageStatus status = new StorageStatus();
    private final BooleanBinding canCreateApiKey;
    private final StringBinding editorTitle;
    private final StringBinding activeSummary;
    private final List<Runnable> afterLoad = new ArrayList<>();
    private boolean loaded;
    private Optional<String> lastActiveId = Optional.empty();
    private boolean selecting;
    /** Counts the secret reads started, so that a slow read for a profile no longer shown is ignored. */
    private int secretReads;

    public ConnectionsViewModel(ConnectionProfileStore store, ConnectionManager connections, TaskExecutor executor,
                                DialogService dialogs) {
        this(store, connections, executor, dialogs, ConnectionCheck::new);
    }

    /** With a chosen connection check (tests inject one with a fixed environment). */
    public ConnectionsViewModel(ConnectionProfileStore store, ConnectionManager connections, TaskExecutor executor,
                                DialogService dialogs, Supplier<ConnectionCheck> checks) {
        this.connections = connections;
        this.executor = executor;
        this.dialogs = dialogs;
        this.storage = new ProfileStorage(store, connections.secrets());
        this.check = new ConnectionCheckViewModel(executor, checks);
        this.files = new ProfileFiles(storage, dialogs);
        this.apiKeys = new ApiKeyCreation(editor, executor, dialogs, this::save, busy);
        this.canCreateApiKey = Bindings.createBooleanBinding(() -> !editor.isEmbeddedDemo() && !busy.get()
                        && editor.credentialTypeProperty().get() == CredentialType.USER_PASSWORD,
                editor.embeddedDemoProperty(), editor.credentialTypeProperty(), busy);
        this.editorTitle = Bindings.createStringBinding(() -> editor.nameProperty().get()
                        + (editor.savedProperty().get() ? (editor.dirtyProperty().get() ? " (changed)" : "") : " (not saved)"),
                editor.nameProperty(), editor.savedProperty(), editor.dirtyProperty());
        this.activeSummary = Bindings.createStringBinding(() -> connections.activeProperty().get() == null
                ? "Not connected" : "Active: " + connections.activeProperty().get().summary(), connections.activeProperty());
        selected.addListener((o, a, b) -> {
            if (b != null && !selecting && !showing(b)) {
                show(b);
            }
        });
        executor.execute(storage.describeSecrets()
                .onSuccess(info -> status.secretStore(info.persistent(), info.description()))
                .onFailure(e -> dialogs.showError("Could not open the secret store", e)));
        readProfiles(null);
    }

    /**
     * Reads the profiles file in a task; when read, selects the profile with id {@code keep} if it
     * still exists, else the one active last time, else the first.
     */
    private void readProfiles(String keep) {
        status.readingProfiles();
        executor.execute(storage.load()
                .onSuccess(l -> {
                    lastActiveId = l.lastActiveId();
                    profiles.setAll(l.profiles());
                })
                .onFailure(e -> {
                    dialogs.showError("Could not read the connection profiles", e);
                    lastActiveId = Optional.empty();
                    profiles.setAll(ConnectionProfileStore.embeddedDemoProfile());
                })
                .onFinished(() -> {
                    status.doneReading();
                    int i = keep == null ? -1 : indexOf(keep);
                    selected.set(i >= 0 ? profiles.get(i)
                            : lastActiveProfile().orElse(profiles.isEmpty() ? null : profiles.get(0)));
                    loaded = true;
                    List<Runnable> next = List.copyOf(afterLoad);
                    afterLoad.clear();
                    next.forEach(Runnable::run);
                }));
    }

    /** Nothing to load: the profiles are read when this model is made and kept current by its commands. */
    @Override
    public void onShown() {
    }

    /** Reads the profiles file again (edited outside the app), keeping the selection where it still exists. */
    @Override
    public void reload() {
        if (status.isBusy() || !mayDiscardChanges("read the profiles again")) {
            return;
        }
        readProfiles(selected.get() == null ? null : selected.get().id());
    }

    /**
     * Connects to the profile used last time, or (on first start) to the embedded demo PCE, once
     * the profiles are read: the app's start-up calls it when the window is up.
     */
    public void connectLastUsed() {
        Runnable connect = () -> lastActiveProfile()
                .or(() -> profiles.stream().filter(ConnectionProfile::embeddedDemo).findFirst())
                .ifPresent(this::connect);
        if (loaded) {
            connect.run();
        } else {
            afterLoad.add(connect);
        }
    }

    /** Whether the form already shows {@code p} unchanged (re-selecting it must not reset the check). */
    private boolean showing(ConnectionProfile p) {
        return p.id().equals(editor.idProperty().get()) && editor.savedProperty().get() && !editor.dirtyProperty().get()
                && p.equals(editor.toProfile());
    }

    /** Shows {@code p} in the form once its secrets are read (in a task: the keychain may be slow). */
    private void show(ConnectionProfile p) {
        check.clear();
        int read = ++secretReads;
        if (p.embeddedDemo()) {
            status.forgetSecretRead(); // one still running is for the profile shown before
            editor.load(p, Map.of());
            return;
        }
        status.readingSecrets(p.name());
        executor.execute(storage.readSecrets(p)
                .onSuccess(stored -> {
                    if (read == secretReads) {
                        editor.load(p, stored);
                    }
                })
                .onFailure(e -> {
                    if (read == secretReads) {
                        dialogs.showError("Could not read the secrets of '" + p.name() + "' from the "
                                + status.secretStoreDescription(), e);
                        editor.load(p, Map.of());
                    }
                })
                .onFinished(() -> {
                    if (read == secretReads) {
                        status.doneReading();
                    }
                }));
    }

    private void select(ConnectionProfile p) {
        selecting = true;
        try {
            selected.set(p);
        } finally {
            selecting = false;
        }
    }

    /**
     * True when the form holds nothing that is not saved, or the user agrees to discard it before
     * doing {@code next} (e.g. "open 'Lab PCE'"); asked through the {@link DialogService}.
     */
    private boolean mayDiscardChanges(String next) {
        if (!editor.dirtyProperty().get()) {
            return true;
        }
        String name = editor.nameProperty().get() == null || editor.nameProperty().get().isBlank()
                ? "The profile" : "'" + editor.nameProperty().get().trim() + "'";
        return dialogs.confirm("Discard changes?", name + " has changes that are not saved. Discard them and " + next + "?");
    }

    /** Runs a task that writes profiles or secrets: the form is locked, and says so, until it ends. */
    private <V> BackgroundTask<V> store(BackgroundTask<V> task, String what) {
        status.writing(what);
        return executor.execute(task.onFinished(status::doneWriting));
    }

    private void showStorageError(String title, Throwable e) {
        if (e instanceof ProfileStorage.StepFailed f) {
            dialogs.showError(f.title(), f.getCause());
        } else {
            dialogs.showError(title, e);
        }
    }

    // --- commands -----------------------------------------------------------------------------

    /**
     * Opens {@code p} in the form, as a click in the profile list does. When the form holds changes
     * that are not saved, the user is asked first; if they keep them, nothing changes.
     *
     * @return whether {@code p} is now the selected profile
     */
    public boolean open(ConnectionProfile p) {
        if (p == null || p == selected.get()) {
            return p == selected.get();
        }
        if (!mayDiscardChanges("open '" + p.name() + "'")) {
            return false;
        }
        selected.set(p);
        return true;
    }

    /**
     * Whether the window may close: true when the form holds nothing unsaved or the user agrees to
     * discard it.
     */
    public boolean mayClose() {
        return mayDiscardChanges("close the workbench");
    }

    /**
     * Starts a new, unsaved profile in the form (after asking, when the form holds unsaved
     * changes; if the user keeps them, nothing changes).
     */
    public void newProfile() {
        if (mayDiscardChanges("start a new profile")) {
            startNew();
        }
    }

    private void startNew() {
        forgetSecretRead();
        select(null);
        check.clear();
        editor.loadNew();
    }

    /** A secret read still running is for a profile the form no longer shows: its answer is dropped. */
    private void forgetSecretRead() {
        secretReads++;
        status.forgetSecretRead();
    }

    /** A copy of the form (with its secrets) as a new, unsaved profile named "… (copy)". */
    public void duplicate() {
        ConnectionProfile source = editor.toProfile();
        Map<SecretKind, String> s = editor.secrets();
        ConnectionProfile copy = ConnectionProfileStore.withId(source, UUID.randomUUID().toString());
        forgetSecretRead();
        select(null);
        check.clear();
        editor.loadDraft(copy, s);
        editor.nameProperty().set(source.name() + " (copy)");
    }

    /**
     * Saves the form in a task: the profile to the profiles file, its secrets to the secret store
     * (never to the file). Null when refused (the form is invalid, or a write is running); on a
     * failure the form keeps what was typed.
     */
    public BackgroundTask<ConnectionProfile> save() {
        return save(() -> {
        });
    }

    /** {@link #save()}, then {@code saved} on the FX thread once it succeeded. */
    BackgroundTask<ConnectionProfile> save(Runnable saved) {
        if (!editor.isValid() || status.isWriting()) {
            // What stands in the way of a save is shown on every field from now on.
            editor.revealAllMessages();
            return null;
        }
        ProfileStorage.PendingSave s = pendingSave();
        return store(storage.save(s)
                        .onSuccess(p -> {
                            applySaved(s);
                            saved.run();
                        })
                        .onFailure(e -> showStorageError("Could not save the profile '" + s.profile().name() + "'", e)),
                "Saving '" + s.profile().name() + "'…");
    }

    /** The form as a save: its profile and secrets, and the profile list with it put in place. */
    private ProfileStorage.PendingSave pendingSave() {
        ConnectionProfile p = editor.toProfile();
        List<ConnectionProfile> next = new ArrayList<>(profiles);
        int index = indexOf(p.id());
        if (index >= 0) {
            next.set(index, p);
        } else {
            next.add(p);
        }
        return new ProfileStorage.PendingSave(p, editor.secrets(), next);
    }

    /** A save has been written: the list and the form show it. */
    private void applySaved(ProfileStorage.PendingSave s) {
        ConnectionProfile p = s.profile();
        int index = indexOf(p.id());
        if (index >= 0) {
            profiles.set(index, p);
        } else {
            profiles.add(p);
        }
        select(p);
        editor.markSaved(p, s.secrets());
    }

    /**
     * Also forgets what another part of the workbench keeps per profile (such as its saved traffic
     * queries) when a profile is deleted: {@code forget} gets the profile's id, on a worker thread.
     */
    public void alsoForgetOnDelete(java.util.function.Consumer<String> forget) {
        storage.alsoForget(forget);
    }

    /**
     * Deletes the selected profile and its secrets in a task, after asking. Null when the user
     * keeps it or a write is running, and for an unsaved draft (which is just discarded).
     */
    public BackgroundTask<?> delete() {
        int index = indexOf(editor.idProperty().get());
        if (index < 0) {
            startNew();
            return null;
        }
        ConnectionProfile p = profiles.get(index);
        if (status.isWriting() || !dialogs.confirm("Delete profile", "Delete the profile '" + p.name() + "' and its stored secrets?")) {
            return null;
        }
        List<ConnectionProfile> next = new ArrayList<>(profiles);
        next.remove(index);
        return store(storage.delete(p, next)
                        .onSuccess(d -> {
                            int at = indexOf(p.id());
                            if (at >= 0) {
                                profiles.remove(at);
                            }
                            if (d.secretsProblem() != null) {
                                dialogs.showError("The profile was deleted, but its secrets could not be removed from the "
                                        + status.secretStoreDescription(), d.secretsProblem());
                            }
                            if (d.localDataProblem() != null) {
                                dialogs.showError("The profile was deleted, but what the workbench kept for it "
                                        + "(such as its saved traffic queries) could not be removed", d.localDataProblem());
                            }
                            if (profiles.isEmpty()) {
                                startNew();
                            } else {
                                selected.set(profiles.get(Math.min(Math.max(at, 0), profiles.size() - 1)));
                            }
                        })
                        .onFailure(e -> showStorageError("Could not delete the profile '" + p.name() + "'", e)),
                "Deleting '" + p.name() + "'…");
    }

    /**
     * Exports {@code which} (the selected profile when empty) to a file the user picks, without
     * secrets, in a task; null when there is nothing to export or the user cancels.
     */
    public BackgroundTask<Void> exportProfiles(Collection<ConnectionProfile> which) {
        BackgroundTask<Void> task = files.export(which == null || which.isEmpty()
                ? Optional.ofNullable(selected.get()).map(List::of).orElse(List.of()) : List.copyOf(which));
        return task == null ? null : store(task, "Exporting profiles…");
    }

    /**
     * Imports profiles from a file the user picks (new ids where they clash; their secrets must be
     * entered), in a task; null when the user cancels or a write is running.
     */
    public BackgroundTask<List<ConnectionProfile>> importProfiles() {
        if (status.isWriting()) {
            return null;
        }
        BackgroundTask<List<ConnectionProfile>> task = files.importAfter(List.copyOf(profiles), imported -> {
            profiles.addAll(imported);
            if (!imported.isEmpty()) {
                // Shown unless the form holds unsaved changes the user keeps; imported either way.
                open(imported.get(0));
            }
        });
        return task == null ? null : store(task, "Importing profiles…");
    }

    /** Checks the form's settings (saved or not) step by step; null when the form must be fixed first. */
    public BackgroundTask<ConnectionDiagnosis> checkConnection() {
        if (!editor.isValid()) {
            check.refuse("Fix the profile first: " + firstProblem());
            return null;
        }
        Supplier<ConnectionSettings> settings = draftSettings();
        return check.run(editor.toProfile().name(), settings);
    }

    /** Cancels a running connection check. */
    public void cancelCheck() {
        check.cancel();
    }

    /**
     * Connects with the form's profile (saving it first, in the same task, when it changed) and
     * makes the connection the active one. Null when the form is invalid or a write is running.
     */
    public BackgroundTask<ActiveConnection> connect() {
        if (!editor.isValid()) {
            dialogs.notify("Fix the profile before connecting: " + firstProblem());
            return null;
        }
        if (editor.dirtyProperty().get() || !editor.savedProperty().get()) {
            if (status.isWriting()) {
                return null;
            }
            ProfileStorage.PendingSave s = pendingSave();
            return connect(s.profile(), s);
        }
        return connect(editor.toProfile(), null);
    }

    /** Opens {@code p} with its stored secrets in a task, then activates it and remembers it as the last active. */
    public BackgroundTask<ActiveConnection> connect(ConnectionProfile p) {
        return connect(p, null);
    }

    /**
     * Connects in a task that first writes {@code save} when not null (the form is locked until it
     * ends, and shows the save even when the connection then fails).
     */
    private BackgroundTask<ActiveConnection> connect(ConnectionProfile p, ProfileStorage.PendingSave save) {
        busy.set(true);
        AtomicBoolean written = new AtomicBoolean();
        AtomicReference<RuntimeException> notRemembered = new AtomicReference<>();
        BackgroundTask<ActiveConnection> task = BackgroundTask.<ActiveConnection>of("Connecting to '" + p.name() + "'",
                        ctx -> {
                            if (save != null) {
                                storage.write(save);
                                written.set(true);
                            }
                            ActiveConnection c = connections.open(p, ctx.token());
                            notRemembered.set(storage.rememberActive(p.id()));
                            return c;
                        })
                .onSuccess(c -> {
                    connections.activate(c);
                    lastActiveId = Optional.of(p.id());
                    if (notRemembered.get() != null) {
                        dialogs.showError("Connected, but the active profile could not be remembered", notRemembered.get());
                    }
                    dialogs.notify("Connected to " + c.summary());
                })
                .onFailure(t -> showStorageError("Could not connect to '" + p.name() + "'", t));
        if (save == null) {
            return executor.execute(task.onFinished(() -> busy.set(false)));
        }
        status.writing("Saving '" + p.name() + "' and connecting…");
        return executor.execute(task.onFinished(() -> {
            status.doneWriting();
            if (written.get()) {
                applySaved(save);
            }
            busy.set(false);
        }));
    }

    /**
     * For a username/password profile: creates an API key for the user, stores its secret in the
     * secret store and switches the profile to it (saved at once, since the PCE shows the secret
     * only this once). Null when the form does not allow it.
     */
    public BackgroundTask<ApiKey> createApiKey() {
        if (!canCreateApiKey.get() || !editor.isValid()) {
            dialogs.notify(editor.isValid() ? "API keys are created with a user name and password profile"
                    : "Fix the profile first: " + firstProblem());
            return null;
        }
        return apiKeys.start(editor.toProfile(), draftSettings());
    }

    /** Lets the user pick the CA bundle (PEM). */
    public void chooseCaBundle() {
        files.chooseCaBundle(editor);
    }

    /** Lets the user pick the client certificate file (PEM, or PKCS#12 by the form's type). */
    public void chooseClientCertificate() {
        files.chooseClientCertificate(editor);
    }

    /** Lets the user pick the client private key (PEM). */
    public void chooseClientKey() {
        files.chooseClientKey(editor);
    }

    /** The profile that was active when the app last ran (as read with the profiles), if it still exists. */
    public Optional<ConnectionProfile> lastActiveProfile() {
        return lastActiveId.flatMap(id -> profiles.stream().filter(p -> p.id().equals(id)).findFirst());
    }

    /** Settings from a snapshot of the form (its typed secrets included), built later on a worker thread. */
    private Supplier<ConnectionSettings> draftSettings() {
        ConnectionProfile p = editor.toProfile();
        ConnectionManager draft = new ConnectionManager(ProfileSecrets.draft(p, editor.secrets()), connections.demo());
        return () -> draft.settingsFor(p);
    }

    /** The first thing that keeps the form from being used; every field's message is shown from now on. */
    private String firstProblem() {
        editor.revealAllMessages();
        return editor.errors().values().stream().findFirst().orElse("");
    }

    private int indexOf(String id) {
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    // --- state --------------------------------------------------------------------------------

    public ObservableList<ConnectionProfile> profiles() {
        return profiles;
    }

    /** The profile shown in the form; null while a new or duplicated profile is being edited. */
    public ObjectProperty<ConnectionProfile> selectedProperty() {
        return selected;
    }

    public ProfileEditorViewModel editor() {
        return editor;
    }

    public ConnectionCheckViewModel check() {
        return check;
    }

    /** The active connection (from the {@link ConnectionManager}). */
    public ReadOnlyObjectProperty<ActiveConnection> activeProperty() {
        return connections.activeProperty();
    }

    /** Whether {@code p} is the profile of the active connection. */
    public boolean isActive(ConnectionProfile p) {
        ActiveConnection a = connections.activeProperty().get();
        return p != null && a != null && a.profile().id().equals(p.id());
    }

    /** True while a connect or an API-key creation runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What is being read or written, and where secrets are kept. */
    public StorageStatus storageStatus() {
        return status;
    }

    /** The form's heading: the profile's name, and "(changed)" or "(not saved)". */
    public StringBinding editorTitleBinding() {
        return editorTitle;
    }

    /** "Not connected", or "Active: " and the active connection's summary. */
    public StringBinding activeSummaryBinding() {
        return activeSummary;
    }

    public BooleanBinding canCreateApiKeyProperty() {
        return canCreateApiKey;
    }
}
