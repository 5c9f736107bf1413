package dev.pceworkbench.ui.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.workspace.PolicyWorkspace;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;


/**
 * The navigator's fallback for objects without a view of their own (workloads, virtual services,
 * enforcement boundaries, IP lists, services...): loads the object by its href with the client's
 * raw API in a background task and offers its name, href, version and pretty-printed JSON. A PCE
 * refusal (a deleted object, say) goes to the dialog service with the PCE's own message and stays
 * in {@link #errorProperty()}.
 */
public final class ObjectDetailsViewModel {
    private final Navigator.Target target;
    private final PolicyWorkspace workspace;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyStringWrapper json = new ReadOnlyStringWrapper(this, "json", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private BackgroundTask<JsonNode> task;

    public ObjectDetailsViewModel(Navigator.Target target, PolicyWorkspace workspace, TaskExecutor executor,
                                  DialogService dialogs) {
        this.target = target;
        this.workspace = workspace;
        this.executor = executor;
        this.dialogs = dialogs;
        this.name.set(target.href());
    }

    /** Loads the object (again). */
    public void load() {
        cancel();
        error.set("");
        loading.set(true);
        String href = target.href();
        task = executor.execute(BackgroundTask.<JsonNode>of("Loading " + href, ctx ->
                workspace.client().raw().object(href, ctx.token())).onSuccess(node -> {
            json.set(node.toPrettyString());
            name.set(nameOf(node));
        }).onFailure(t -> {
            error.set(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
            dialogs.showError("Could not load " + href, t);
        }).onFinished(() -> loading.set(false)));
    }

    /** Cancels a load in progress (the window closed). */
    public void cancel() {
        if (task != null) {
            task.cancel();
        }
    }

    /** The object's name as the PCE calls it: name, hostname, a label's key and value, or the href. */
    static String nameOf(JsonNode n) {
        for (String field : new String[]{"name", "hostname"}) {
            if (n.hasNonNull(field) && !n.get(field).asText().isBlank()) {
                return n.get(field).asText();
            }
        }
        if (n.hasNonNull("key") && n.hasNonNull("value")) {
            return n.get("key").asText() + ": " + n.get("value").asText();
        }
        return n.path("href").asText("");
    }

    public Navigator.Target target() {
        return target;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public String href() {
        return target.href();
    }

    /** The policy version the object was seen in, or "not versioned" for org objects. */
    public String versionText() {
        return target.version() == null ? "not versioned (org object)" : target.version();
    }

    /** What kind of object, in words ("Virtual service"). */
    public String kindText() {
        String k = target.kind().singular();
        return Character.toUpperCase(k.charAt(0)) + k.substring(1);
    }

    public ReadOnlyStringProperty jsonProperty() {
        return json.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
