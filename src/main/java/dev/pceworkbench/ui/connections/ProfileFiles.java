package dev.pceworkbench.ui.connections;

import dev.pceworkbench.connection.ConnectionProfile;
import dev.pceworkbench.connection.ConnectionProfile.ClientCertType;
import dev.pceworkbench.connection.ConnectionProfileStore;
import dev.pceworkbench.ui.common.DialogService;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The profile commands that go through the user's file choices: export and import (secrets are
 * never part of an export; imported profiles, with new ids where they clash, are saved at once and
 * then need their secrets entered) and picking the CA bundle and client certificate files.
 */
final class ProfileFiles {
    private final ConnectionProfileStore store;
    private final DialogService dialogs;

    ProfileFiles(ConnectionProfileStore store, DialogService dialogs) {
        this.store = store;
        this.dialogs = dialogs;
    }

    boolean export(List<ConnectionProfile> chosen) {
        if (chosen.isEmpty()) {
            dialogs.notify("Select the profiles to export");
            return false;
        }
        Optional<Path> target = dialogs.chooseFileToSave("Export connection profiles", "pce-workbench-profiles.json", "json");
        if (target.isEmpty()) {
            return false;
        }
        try {
            store.exportTo(target.get(), chosen);
        } catch (UncheckedIOException e) {
            dialogs.showError("Could not export the profiles", e);
            return false;
        }
        dialogs.notify("Exported " + count(chosen.size()) + " to " + target.get() + " (secrets are never exported)");
        return true;
    }

    /** The profiles imported and saved after {@code current}; empty when cancelled or failed (and reported). */
    List<ConnectionProfile> importAfter(List<ConnectionProfile> current) {
        Optional<Path> source = dialogs.chooseFileToOpen("Import connection profiles", "json");
        if (source.isEmpty()) {
            return List.of();
        }
        List<ConnectionProfile> imported;
        try {
            imported = ConnectionProfileStore.importFrom(source.get(), current);
            List<ConnectionProfile> next = new ArrayList<>(current);
            next.addAll(imported);
            store.save(next);
        } catch (UncheckedIOException e) {
            dialogs.showError("Could not import the profiles", e);
            return List.of();
        }
        dialogs.notify("Imported " + count(imported.size()) + " from " + source.get()
                + ": enter their secrets before connecting");
        return imported;
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
