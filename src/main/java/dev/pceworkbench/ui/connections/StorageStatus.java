package dev.pceworkbench.ui.connections;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the connections feature is reading from or writing to the profiles file and the secret
 * store (both run as tasks), for the view to show and to lock the list and the form meanwhile; and
 * where secrets are kept, known once the secret store has answered (the OS keychain may take a
 * while to be probed). Changed only on the FX thread, by {@link ConnectionsViewModel}.
 */
public final class StorageStatus {
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper secretsPersistent = new ReadOnlyBooleanWrapper(this, "secretsPersistent");
    private final ReadOnlyStringWrapper secretStoreDescription = new ReadOnlyStringWrapper(this, "secretStoreDescription",
            "secret store");
    private final BooleanBinding formLocked = loading.or(saving);
    private final StringBinding secretsNote = Bindings.createStringBinding(() -> secretsPersistent.get()
                    ? "Secrets are kept in the " + secretStoreDescription.get() + ", never in the profiles file."
                    : "Secrets are kept for this session only (no OS keychain is available): enter them again after a restart.",
            secretsPersistent, secretStoreDescription);
    private boolean readingSecrets;

    StorageStatus() {
    }

    /** The profiles file is being read. */
    void readingProfiles() {
        loading.set(true);
        readingSecrets = false;
        status.set("Reading the connection profiles…");
    }

    /** A profile's secrets are being read. */
    void readingSecrets(String profileName) {
        loading.set(true);
        readingSecrets = true;
        status.set("Reading the secrets of '" + profileName + "'…");
    }

    void doneReading() {
        loading.set(false);
        readingSecrets = false;
        status.set(saving.get() ? status.get() : "");
    }

    /** A secret read is no longer waited for (the form moved on to another profile). */
    void forgetSecretRead() {
        if (readingSecrets) {
            doneReading();
        }
    }

    /** Profiles or secrets are being written; {@code what} says which ("Saving 'Lab PCE'…"). */
    void writing(String what) {
        saving.set(true);
        status.set(what);
    }

    void doneWriting() {
        saving.set(false);
        status.set("");
    }

    boolean isBusy() {
        return loading.get() || saving.get();
    }

    boolean isWriting() {
        return saving.get();
    }

    /** The secret store has said where it keeps secrets. */
    void secretStore(boolean persistent, String description) {
        secretsPersistent.set(persistent);
        secretStoreDescription.set(description);
    }

    /** True while the profiles or a profile's secrets are being read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True while profiles or secrets are being written (save, delete, import, export, save-and-connect). */
    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** What is being read or written ("Saving 'Lab PCE'…"), or empty. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True while reading or writing: the list and the form wait, as what they show is being replaced or written. */
    public BooleanBinding formLockedProperty() {
        return formLocked;
    }

    /**
     * True when secrets survive a restart (an OS keychain); false when they are kept for this
     * session only, and until the secret store has said which it is.
     */
    public ReadOnlyBooleanProperty secretsPersistentProperty() {
        return secretsPersistent.getReadOnlyProperty();
    }

    /** Where secrets are kept (e.g. "macOS Keychain", "this session only (…)"), once the store has answered. */
    public ReadOnlyStringProperty secretStoreDescriptionProperty() {
        return secretStoreDescription.getReadOnlyProperty();
    }

    public String secretStoreDescription() {
        return secretStoreDescription.get();
    }

    /** What the form says about where secrets are kept. */
    public StringBinding secretsNoteBinding() {
        return secretsNote;
    }
}
