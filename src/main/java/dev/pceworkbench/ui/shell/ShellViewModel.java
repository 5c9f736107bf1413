package dev.pceworkbench.ui.shell;

import dev.pceworkbench.connection.ActiveConnection;
import dev.pceworkbench.connection.ConnectionManager;
import dev.pceworkbench.task.TaskRegistry;
import dev.pceworkbench.ui.common.Themes;
import dev.pceworkbench.ui.common.UiSettings;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The main window's state: the features in the sidebar and the selected one, the title with the
 * active profile, the status bar (connection, PCE version, org, insecure-TLS warning, running
 * tasks, last notification) and the theme. It sees no controls; {@link ShellView} binds to it.
 */
public final class ShellViewModel {
    private final ObservableList<Feature> features;
    private final ObjectProperty<Feature> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty theme = new SimpleStringProperty(this, "theme", Themes.LIGHT);
    private final StringProperty notification = new SimpleStringProperty(this, "notification", "");
    private final ConnectionManager connections;
    private final TaskRegistry tasks;
    private final UiSettings settings;
    private final StringBinding title;
    private final StringBinding connectionText;
    private final BooleanBinding insecure;
    private final StringBinding tasksText;

    public ShellViewModel(List<Feature> features, ConnectionManager connections, TaskRegistry tasks, UiSettings settings,
                          String initialTheme) {
        this.features = FXCollections.observableArrayList(features);
        this.connections = connections;
        this.tasks = tasks;
        this.settings = settings;
        this.theme.set(initialTheme);
        var active = connections.activeProperty();
        this.title = Bindings.createStringBinding(() -> active.get() == null ? "PCE Workbench"
                : "PCE Workbench — " + active.get().profile().name(), active);
        this.connectionText = Bindings.createStringBinding(() -> {
            ActiveConnection c = active.get();
            return c == null ? "Not connected" : c.summary();
        }, active);
        this.insecure = Bindings.createBooleanBinding(() -> active.get() != null && active.get().insecure(), active);
        this.tasksText = Bindings.createStringBinding(() -> {
            int n = tasks.running().size();
            return n == 0 ? "No tasks running" : n == 1 ? "1 task running" : n + " tasks running";
        }, tasks.running());
        Feature initial = settings.lastView().flatMap(id -> features.stream().filter(f -> f.id().equals(id)).findFirst())
                .orElse(features.isEmpty() ? null : features.get(0));
        selected.set(initial);
        selected.addListener((o, a, b) -> {
            if (a != null && a != b) {
                // Leaving a view cancels the work it started (its checks, loads and queries).
                tasks.cancelOwnedBy(a.id());
            }
            if (b != null) {
                settings.lastView(b.id());
            }
        });
    }

    public ObservableList<Feature> features() {
        return features;
    }

    public ObjectProperty<Feature> selectedProperty() {
        return selected;
    }

    /** Selects the n-th feature (0-based), as the Ctrl+1..9 shortcuts do; out of range is ignored. */
    public void select(int index) {
        if (index >= 0 && index < features.size()) {
            selected.set(features.get(index));
        }
    }

    /** Selects the feature with this id (navigation from another view); unknown ids are ignored. */
    public void select(String featureId) {
        features.stream().filter(f -> f.id().equals(featureId)).findFirst().ifPresent(selected::set);
    }

    public StringBinding titleBinding() {
        return title;
    }

    public StringBinding connectionTextBinding() {
        return connectionText;
    }

    public BooleanBinding insecureBinding() {
        return insecure;
    }

    public StringBinding tasksTextBinding() {
        return tasksText;
    }

    public TaskRegistry tasks() {
        return tasks;
    }

    public ConnectionManager connections() {
        return connections;
    }

    public StringProperty themeProperty() {
        return theme;
    }

    /** Switches light/dark and remembers the choice. */
    public void toggleTheme() {
        theme.set(Themes.DARK.equals(theme.get()) ? Themes.LIGHT : Themes.DARK);
        settings.theme(theme.get());
    }

    public StringProperty notificationProperty() {
        return notification;
    }

    public void notify(String message) {
        notification.set(message);
    }
}
