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
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The connection profiles feature: the saved profiles and the selected one, the profile form
 * ({@link ProfileEditorViewModel}), the step-by-step connection check
 * ({@link ConnectionCheckViewModel}), and the commands new, save, delete, duplicate, export,
 * import, connect and create-API-key. Profiles go to the {@link ConnectionProfileStore}, secrets
 * only to the {@link SecretStore}; every PCE call runs as a cancellable task; failures reach the
 * user through the {@link DialogService} with the PCE's own message, and never clear the form.
 */
public final class ConnectionsViewModel implements FeatureModel {
    private final ConnectionProfileStore store;
    private final ConnectionManager connections;
    private final SecretStore secrets;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionProfile> selected = new SimpleObjectProperty<>(this, "selected");
    private final ProfileEditorViewModel editor = new ProfileEditorViewModel();
    private final ConnectionCheckViewModel check;
    private final ProfileFiles files;
    private final ApiKeyCreation apiKeys;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper secretsPersistent = new ReadOnlyBooleanWrapper(this, "secretsPersistent");
    private final BooleanBinding canCreateApiKey;
    private boolean selecting;

    public ConnectionsViewModel(ConnectionProfileStore store, ConnectionManager connections, TaskExecutor executor,
                                DialogService dialogs) {
        this(store, connections, executor, dialogs, ConnectionCheck::new);
    }

    /** With a chosen connection check (tests inject one with a fixed environment). */
    public ConnectionsViewModel(ConnectionProfileStore store, ConnectionManager connections, TaskExecutor executor,
                                DialogService dialogs, Supplier<ConnectionCheck> checks) {
        this.store = store;
        this.connections = connections;
        this.secrets = connections.secrets();
        this.executor = executor;
        this.dialogs = dialogs;
        this.check = new ConnectionCheckViewModel(executor, checks);
        this.files = new ProfileFiles(store, dialogs);
        this.apiKeys = new ApiKeyCreation(editor, executor, dialogs, this::save, busy);
        this.secretsPersistent.set(secrets.persistent());
        this.canCreateApiKey = Bindings.createBooleanBinding(() -> !editor.isEmbeddedDemo() && !busy.get()
                        && editor.credentialTypeProperty().get() == CredentialType.USER_PASSWORD,
                editor.embeddedDemoProperty(), editor.credentialTypeProperty(), busy);
        selected.addListener((o, a, b) -> {
            if (b != null && !selecting && !showing(b)) {
                show(b);
            }
        });
        readProfiles();
        selected.set(lastActiveProfile().orElse(profiles.isEmpty() ? null : profiles.get(0)));
    }

    private void readProfiles() {
        try {
            profiles.setAll(store.load());
        } catch (UncheckedIOException e) {
            dialogs.showError("Could not read the connection profiles", e);
            profiles.setAll(ConnectionProfileStore.embeddedDemoProfile());
        }
    }

    /** Nothing to load: the profiles are read when this model is made and kept current by its commands. */
    @Override
    public void onShown() {
    }

    /** Reads the profiles file again (edited outside the app), keeping the selection where it still exists. */
    @Override
    public void reload() {
        if (!mayDiscardChanges("read the profiles again")) {
            return;
        }
        String keep = selected.get() == null ? null : selected.get().id();
        readProfiles();
        int i = keep == null ? -1 : indexOf(keep);
        selected.set(i >= 0 ? profiles.get(i) : profiles.isEmpty() ? null : profiles.get(0));
    }

    /** Whether the form already shows {@code p} unchanged (re-selecting it must not reset the check). */
    private boolean showing(ConnectionProfile p) {
        return p.id().equals(editor.idProperty().get()) && editor.savedProperty().get() && !editor.dirtyProperty().get()
                && p.equals(editor.toProfile());
    }

    private void show(ConnectionProfile p) {
        check.clear();
        Map<SecretKind, String> stored = Map.of();
        try {
            stored = ProfileSecrets.read(secrets, p);
        } catch (RuntimeException e) {
            dialogs.showError("Could not read the secrets of '" + p.name() + "' from the " + secrets.description(), e);
        }
        editor.load(p, stored);
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
        select(null);
        check.clear();
        editor.loadNew();
    }

    /** A copy of the form (with its secrets) as a new, unsaved profile named "… (copy)". */
    public void duplicate() {
        ConnectionProfile source = editor.toProfile();
        Map<SecretKind, String> s = editor.secrets();
        ConnectionProfile copy = ConnectionProfileStore.withId(source, UUID.randomUUID().toString());
        select(null);
        check.clear();
        editor.loadDraft(copy, s);
        editor.nameProperty().set(source.name() + " (copy)");
    }

    /**
     * Saves the form: the profile to the profiles file, its secrets to the secret store (never to
     * the file). Refused while the form is invalid; on a failure the form keeps what was typed.
     */
    public boolean save() {
        if (!editor.isValid()) {
            editor.revealAllMessages();
            return false;
        }
        ConnectionProfile p = editor.toProfile();
        try {
            if (!p.embeddedDemo()) {
                ProfileSecrets.write(secrets, p, editor.secrets());
            }
        } catch (RuntimeException e) {
            dialogs.showError("Could not store the secrets of '" + p.name() + "' in the " + secrets.description(), e);
            return false;
        }
        List<ConnectionProfile> next = new ArrayList<>(profiles);
        int index = indexOf(p.id());
        if (index >= 0) {
            next.set(index, p);
        } else {
            next.add(p);
        }
        try {
            store.save(next);
        } catch (UncheckedIOException e) {
            dialogs.showError("Could not save the profile '" + p.name() + "'", e);
            return false;
        }
        if (index >= 0) {
            profiles.set(index, p);
        } else {
            profiles.add(p);
        }
        select(p);
        editor.markSaved(p);
        return true;
    }

    /** Deletes the selected profile and its secrets, after asking. An unsaved draft is just discarded. */
    public boolean delete() {
        int index = indexOf(editor.idProperty().get());
        if (index < 0) {
            startNew();
            return true;
        }
        ConnectionProfile p = profiles.get(index);
        if (!dialogs.confirm("Delete profile", "Delete the profile '" + p.name() + "' and its stored secrets?")) {
            return false;
        }
        List<ConnectionProfile> next = new ArrayList<>(profiles);
        next.remove(index);
        try {
            store.save(next);
        } catch (UncheckedIOException e) {
            dialogs.showError("Could not delete the profile '" + p.name() + "'", e);
            return false;
        }
        profiles.remove(index);
        try {
            ProfileSecrets.deleteAll(secrets, p);
        } catch (RuntimeException e) {
            dialogs.showError("The profile was deleted, but its secrets could not be removed from the "
                    + secrets.description(), e);
        }
        if (profiles.isEmpty()) {
            startNew();
        } else {
            selected.set(profiles.get(Math.min(index, profiles.size() - 1)));
        }
        return true;
    }

    /** Exports {@code which} (the selected profile when empty) to a file the user picks, without secrets. */
    public boolean exportProfiles(Collection<ConnectionProfile> which) {
        return files.export(which == null || which.isEmpty()
                ? Optional.ofNullable(selected.get()).map(List::of).orElse(List.of()) : List.copyOf(which));
    }

    /** Imports profiles from a file the user picks (new ids where they clash); their secrets must be entered. */
    public int importProfiles() {
        List<ConnectionProfile> imported = files.importAfter(List.copyOf(profiles));
        profiles.addAll(imported);
        if (!imported.isEmpty()) {
            // Shown unless the form holds unsaved changes the user keeps; imported either way.
            open(imported.get(0));
        }
        return imported.size();
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
     * Connects with the form's profile (saving it first when it changed) and makes the connection
     * the active one. Null when the form is invalid or could not be saved.
     */
    public BackgroundTask<ActiveConnection> connect() {
        if (!editor.isValid()) {
            dialogs.notify("Fix the profile before connecting: " + firstProblem());
            return null;
        }
        if ((editor.dirtyProperty().get() || !editor.savedProperty().get()) && !save()) {
            return null;
        }
        return connect(editor.toProfile());
    }

    /** Opens {@code p} with its stored secrets in a task, then activates it and remembers it as the last active. */
    public BackgroundTask<ActiveConnection> connect(ConnectionProfile p) {
        busy.set(true);
        BackgroundTask<ActiveConnection> task = BackgroundTask.<ActiveConnection>of("Connecting to '" + p.name() + "'",
                        ctx -> connections.open(p, ctx.token()))
                .onSuccess(c -> {
                    connections.activate(c);
                    try {
                        store.rememberActive(p.id());
                    } catch (UncheckedIOException e) {
                        dialogs.showError("Connected, but the active profile could not be remembered", e);
                    }
                    dialogs.notify("Connected to " + c.summary());
                })
                .onFailure(t -> dialogs.showError("Could not connect to '" + p.name() + "'", t))
                .onFinished(() -> busy.set(false));
        return executor.execute(task);
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

    /** The profile that was active when the app last ran, if it still exists. */
    public Optional<ConnectionProfile> lastActiveProfile() {
        try {
            return store.lastActiveId().flatMap(id -> profiles.stream().filter(p -> p.id().equals(id)).findFirst());
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
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

    /** True when secrets survive a restart (an OS keychain); false when they are kept for this session only. */
    public ReadOnlyBooleanProperty secretsPersistentProperty() {
        return secretsPersistent.getReadOnlyProperty();
    }

    /** Where secrets are kept, for the form to say (e.g. "macOS Keychain", "this session only (…)"). */
    public String secretStoreDescription() {
        return secrets.description();
    }

    public BooleanBinding canCreateApiKeyProperty() {
        return canCreateApiKey;
    }
}
