package dev.pceworkbench.ui.traffic;

import dev.pceworkbench.connection.SavedTrafficQuery;
import dev.pceworkbench.connection.TrafficQueryStore;
import dev.pceworkbench.pce.model.TrafficQueryRequest;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.ui.common.DialogService;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Traffic view's saved queries and last ten queries, per connection profile, kept locally in a
 * {@link TrafficQueryStore}: save the form's query under a name (not empty; a name already used asks
 * before replacing, Cancel by default), load one into the form (every field as the user set it),
 * run one, rename, delete (asked, Cancel by default); every query run goes first in the recent list
 * (newest first, no repeats). Another profile shows its own lists. The store is read and written in
 * background tasks; an unreadable store file is said once, and kept aside by the store.
 */
public final class QueryLibrary {
    /** The connection profile the lists belong to: its id (the store's key) and its name (for messages). */
    public record Profile(String id, String name) {
        public Profile {
            Objects.requireNonNull(id, "id");
            name = name == null || name.isBlank() ? id : name;
        }
    }

    /** What the view model does for the library: the form, running it, loading a kept query into it. */
    interface Host {
        QueryForm form();

        /** Loads {@code q} into the form (after the names are known), then calls {@code then}. */
        void loadIntoForm(SavedTrafficQuery q, Runnable then);

        void run();
    }

    private final TrafficQueryStore store;
    private final Supplier<Optional<Profile>> profile;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Clock clock;
    private final Host host;
    private final ObservableList<SavedTrafficQuery> saved = FXCollections.observableArrayList();
    private final ObservableList<SavedTrafficQuery> recent = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper(this, "nameError", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Saved queries");
    private Profile shown;
    private boolean listed;

    QueryLibrary(TrafficQueryStore store, Supplier<Optional<Profile>> profile, TaskExecutor executor,
                 DialogService dialogs, Clock clock, Host host) {
        this.store = store;
        this.profile = profile;
        this.executor = executor;
        this.dialogs = dialogs;
        this.clock = clock;
        this.host = host;
        name.addListener((o, a, b) -> nameError.set(""));
    }

    /** Shows the lists of the current profile (read again when the profile changed or {@code force}). */
    public void refresh(boolean force) {
        Profile p = profile.get().orElse(null);
        if (!force && listed && Objects.equals(p, shown)) {
            return;
        }
        listed = true;
        shown = p;
        saved.clear();
        recent.clear();
        nameError.set("");
        if (p == null) {
            title.set("Saved queries");
            status.set("Connect to a PCE: saved and recent queries belong to its connection profile.");
            return;
        }
        title.set("Saved queries of " + p.name());
        status.set("Reading the saved queries…");
        executor.execute(BackgroundTask.of("Reading the saved traffic queries", ctx ->
                new Lists(store.saved(p.id()), store.recent(p.id()), store.takeProblem())).onSuccess(l -> {
            if (!p.equals(shown)) {
                return;
            }
            saved.setAll(l.saved());
            recent.setAll(l.recent());
            status.set(count(l.saved().size()));
            if (l.problem() != null) {
                status.set(l.problem());
                dialogs.showError("The saved traffic queries could not be read", l.problem(), null);
            }
        }).onFailure(e -> {
            status.set("Could not read the saved queries: " + e.getMessage());
            dialogs.showError("Could not read the saved traffic queries", e);
        }));
    }

    private record Lists(List<SavedTrafficQuery> saved, List<SavedTrafficQuery> recent, String problem) {
    }

    private static String count(int n) {
        return n == 0 ? "No saved queries yet: type a name and press Save." : n == 1 ? "1 saved query" : n + " saved queries";
    }

    private Optional<Profile> current() {
        Profile p = profile.get().orElse(null);
        if (p == null) {
            nameError.set("Connect to a PCE first: saved queries belong to its connection profile.");
            return Optional.empty();
        }
        if (!p.equals(shown)) {
            refresh(true);
        }
        return Optional.of(p);
    }

    /**
     * Saves the form's query under {@link #nameProperty()}: an empty name or a form with errors is
     * refused (said at the name); a name already saved asks before replacing.
     */
    public void save() {
        Optional<Profile> p = current();
        if (p.isEmpty()) {
            return;
        }
        String n = checkedName("Name: type a name for the query to save it.");
        if (n == null) {
            return;
        }
        QueryForm form = host.form();
        Optional<TrafficQueryRequest> req = form.validate(clock.instant());
        if (req.isEmpty()) {
            nameError.set("The query has errors: fix the fields marked in red, then save.");
            return;
        }
        Optional<SavedTrafficQuery> same = find(n);
        if (same.isPresent() && !dialogs.confirm("Replace saved query", "'" + same.get().name() + "' is already saved for "
                + p.get().name() + ". Replace it with the query in the form?", "Replace")) {
            status.set("Not saved: '" + same.get().name() + "' is kept as it was.");
            return;
        }
        SavedTrafficQuery q = keep(n, req.get(), form);
        write("Saving the traffic query " + n, p.get(), () -> store.save(p.get().id(), q), () -> {
            name.set("");
            status.set("Saved '" + n + "' for " + p.get().name() + ".");
        });
    }

    /**
     * The typed name as the store will keep it, or null with the store's reason said at the name
     * ({@code whenEmpty} instead of its words for an empty name).
     */
    private String checkedName(String whenEmpty) {
        try {
            return TrafficQueryStore.checkName(name.get());
        } catch (IllegalArgumentException e) {
            nameError.set(e.getMessage().replaceFirst("^Name: a saved query needs a name$", whenEmpty));
            return null;
        }
    }

    private SavedTrafficQuery keep(String n, TrafficQueryRequest req, QueryForm form) {
        TimePreset preset = form.presetProperty().get();
        Duration relative = preset == TimePreset.CUSTOM ? null : preset.span();
        return SavedTrafficQuery.of(n, req.withQueryName(n), relative, clock.instant(), form.state());
    }

    private Optional<SavedTrafficQuery> find(String n) {
        return saved.stream().filter(s -> s.name() != null && s.name().equalsIgnoreCase(n.strip())).findFirst();
    }

    /** Puts a saved or recent query into the form, every field as it was set. */
    public void load(SavedTrafficQuery q) {
        if (q != null) {
            host.loadIntoForm(q, () -> status.set("'" + q.name() + "' is in the form: press Run."));
        }
    }

    /** Loads a saved or recent query into the form and runs it (a preset range ends now). */
    public void run(SavedTrafficQuery q) {
        if (q != null) {
            host.loadIntoForm(q, host::run);
        }
    }

    /** Renames {@code q} to {@link #nameProperty()}: not empty, and no other saved query may have that name. */
    public void rename(SavedTrafficQuery q) {
        Optional<Profile> p = current();
        if (q == null || p.isEmpty()) {
            return;
        }
        String n = checkedName("Name: type the new name, then press Rename.");
        if (n == null) {
            return;
        }
        Optional<SavedTrafficQuery> other = find(n).filter(s -> !s.name().equalsIgnoreCase(q.name()));
        if (other.isPresent()) {
            nameError.set("Name: '" + other.get().name() + "' is already saved; pick another name.");
            return;
        }
        write("Renaming the traffic query " + q.name(), p.get(), () -> store.rename(p.get().id(), q.name(), n), () -> {
            name.set("");
            status.set("Renamed '" + q.name() + "' to '" + n + "'.");
        });
    }

    /** Deletes {@code q} after asking (Cancel by default). */
    public void delete(SavedTrafficQuery q) {
        Optional<Profile> p = current();
        if (q == null || p.isEmpty()) {
            return;
        }
        if (!dialogs.confirm("Delete saved query", "Delete the saved query '" + q.name() + "' of " + p.get().name()
                + "? This cannot be undone.", "Delete saved query")) {
            return;
        }
        write("Deleting the traffic query " + q.name(), p.get(), () -> store.delete(p.get().id(), q.name()),
                () -> status.set("Deleted '" + q.name() + "'."));
    }

    /** Puts a query just run first in the recent list of the current profile (kept on disk). */
    void remember(TrafficQueryRequest req, QueryForm form) {
        Profile p = profile.get().orElse(null);
        if (p == null) {
            return;
        }
        if (!p.equals(shown)) {
            refresh(true);
        }
        SavedTrafficQuery q = keep(form.describe(), req, form);
        write(null, p, () -> store.remember(p.id(), q), () -> { });
    }

    private void write(String what, Profile p, Runnable change, Runnable done) {
        executor.execute(BackgroundTask.of(what == null ? "Keeping the recent traffic queries" : what, ctx -> {
            change.run();
            return new Lists(store.saved(p.id()), store.recent(p.id()), store.takeProblem());
        }).onSuccess(l -> {
            if (p.equals(shown)) {
                saved.setAll(l.saved());
                recent.setAll(l.recent());
            }
            done.run();
            if (l.problem() != null) {
                status.set(l.problem());
                dialogs.showError("The saved traffic queries could not be read", l.problem(), null);
            }
        }).onFailure(e -> {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (m.startsWith("Name:")) {
                nameError.set(m);
                return;
            }
            status.set((what == null ? "Could not keep the recent queries" : "Failed: " + what) + ": " + m);
            dialogs.showError(what == null ? "Could not keep the recent traffic queries" : "Could not finish: " + what, e);
        }));
    }

    /** The queries saved for the current profile, in the order saved. */
    public ObservableList<SavedTrafficQuery> saved() {
        return saved;
    }

    /** The last ten queries run on the current profile, newest first. */
    public ObservableList<SavedTrafficQuery> recent() {
        return recent;
    }

    /** The name to save under, or the new name of a rename. */
    public StringProperty nameProperty() {
        return name;
    }

    /** Why the name or the save was refused ("" when not). */
    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    /** What happened last (saved, renamed, deleted, or a store problem). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "Saved queries of Demo PCE". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** One line for a kept query in a list: its name, and for a saved one the query in words. */
    public static String describe(SavedTrafficQuery q) {
        String words = q.formText(QueryForm.DESCRIPTION);
        return words.isEmpty() || words.equals(q.name()) ? q.name() : q.name() + " — " + words;
    }
}
