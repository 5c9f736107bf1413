package dev.pceworkbench.ui.connections;

import dev.pceworkbench.connection.ConnectionProfile;
import dev.pceworkbench.connection.ConnectionProfile.CredentialType;
import dev.pceworkbench.pce.ConnectionSettings;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.model.ApiKey;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.ui.common.DialogService;
import javafx.beans.property.BooleanProperty;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * "Create API key" for a username/password profile: creates a key for the signed-in user in a
 * task, then switches the form to it and saves at once, because the PCE shows a key's secret
 * only in the answer that creates it. The secret goes to the form's password field and the secret
 * store, never into a message.
 */
final class ApiKeyCreation {
    private final ProfileEditorViewModel editor;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Function<Runnable, BackgroundTask<?>> save;
    private final BooleanProperty busy;

    ApiKeyCreation(ProfileEditorViewModel editor, TaskExecutor executor, DialogService dialogs,
                   Function<Runnable, BackgroundTask<?>> save,
                   BooleanProperty busy) {
        this.editor = editor;
        this.executor = executor;
        this.dialogs = dialogs;
        this.save = save;
        this.busy = busy;
    }

    BackgroundTask<ApiKey> start(ConnectionProfile p, Supplier<ConnectionSettings> settings) {
        busy.set(true);
        BackgroundTask<ApiKey> task = BackgroundTask.<ApiKey>of("Creating an API key for '" + p.name() + "'",
                        ctx -> PceClient.connect(settings.get()).createApiKey("PCE Workbench — " + p.name(),
                                "Created by PCE Workbench for the connection profile '" + p.name() + "'", ctx.token()))
                .onSuccess(key -> adopt(p, key))
                .onFailure(t -> dialogs.showError("Could not create an API key for '" + p.name() + "'", t))
                .onFinished(() -> busy.set(false));
        return executor.execute(task);
    }

    private void adopt(ConnectionProfile p, ApiKey key) {
        if (key.authUsername() == null || key.secret() == null) {
            dialogs.showError("Could not create an API key for '" + p.name() + "'",
                    "The PCE created the key " + key.href() + " but did not return its user name and secret", null);
            return;
        }
        if (!p.id().equals(editor.idProperty().get())) {
            // Another profile was opened meanwhile: bring the key's profile back so the key is not lost.
            editor.loadDraft(p, Map.of());
        }
        editor.credentialTypeProperty().set(CredentialType.API_KEY);
        editor.usernameProperty().set(key.authUsername());
        editor.secretProperty().set(key.secret());
        // Saved in a task; should the save fail, its error is shown and the form keeps the key.
        if (save.apply(() -> dialogs.notify("Created the API key " + key.authUsername() + "; the profile '"
                + p.name() + "' now uses it")) == null) {
            dialogs.notify("Created the API key " + key.authUsername() + ": save the profile to keep it");
        }
    }
}
