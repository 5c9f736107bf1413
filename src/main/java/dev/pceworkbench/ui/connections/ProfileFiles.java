package dev.pceworkbench.ui.connections;

import dev.pceworkbench.connection.ConnectionProfile;
import dev.pceworkbench.connection.ConnectionProfile.ClientCertType;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.ui.common.DialogService;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The profile commands that go through the user's file choices: export and import (secrets are
 * never part of an export; imported profiles, with new ids where they clash, are saved at once and
 * then need their secrets entered) and picking the CA bundle and client certificate files. The
 * choice is made on the FX thread; the file I/O is a task (not yet started) for the view model to
 * run, with its success and failure messages already attached.
 */
final class ProfileFiles {
    private final ProfileStorage storage;
    private final DialogService dialogs;

    ProfileFiles(ProfileStorage storage, DialogService dialogs) {
        this.storage = storage;
        this.dialogs = dialogs;
    }

    /** The export of {@code chosen} to a file the user picks; null when nothing is chosen or the user cancels. */
    BackgroundTask<Void> export(List<ConnectionProfile> chosen) {
        if (chosen.isEmpty()) {
            dialogs.notify("Select the profiles to export");
            return null;
        }
        Optional<Path> target = dialogs.chooseFileToSave("Export connection profiles", "pce-workbench-profiles.json", "json");
        if (target.isEmpty()) {
            return null;
        }
        return storage.export(target.get(), chosen)
                .onSuccess(v -> dialogs.notify("Exported " + count(chosen.size()) + " to " + target.get()
                        + " (secrets are never exported)"))
                .onFailure(e -> dialogs.showError("Could not export the profiles", e));
    }

    /**
     * The import, after {@code current}, of the profiles in a file the user picks (saved at once);
     * {@code imported} receives them on success. Null when the user cancels.
     */
    BackgroundTask<List<ConnectionProfile>> importAfter(List<ConnectionProfile> current,
                                                        Consumer<List<ConnectionProfile>> imported) {
        Optional<Path> source = dialogs.chooseFileToOpen("Import connection profiles", "json");
        if (source.isEmpty()) {
            return null;
        }
        return storage.importFrom(source.get(), current)
                .onSuccess(list -> {
                    imported.accept(list);
                    dialogs.notify("Imported " + count(list.size()) + " from " + source.get()
                            + ": enter their secrets before connecting");
                })
                .onFailure(e -> dialogs.showError("Could not import the profiles", e));
    }

    void chooseCaBundle(ProfileEditorViewModel editor) {
        dialogs.chooseFileToOpen("Choose the PCE's CA bundle (PEM)", "pem", "crt", "cer")
                .ifPresent(f -> editor.caBundlePathProperty().set(f.toString()));
    }

    void chooseClientCertificate(ProfileEditorViewModel editor) {
        boolean p12 = editor.clientCertTypeProperty().get() == ClientCertType.PKCS12;
        dialogs.chooseFileToOpen("Choose the client certificate", p12 ? new String[]{"p12", "pfx"} : new String[]{"pem", "crt"})
                .ifPresent(f -> editor.clientCertPathProperty().set(f.toString()));
    }

    void chooseClientKey(ProfileEditorViewModel editor) {
        dialogs.chooseFileToOpen("Choose the client private key", "pem", "key")
                .ifPresent(f -> editor.clientKeyPathProperty().set(f.toString()));
    }

    private static String count(int n) {
        return n == 1 ? "1 profile" : n + " profiles";
    }
}
