package dev.pceworkbench.ui.connections;

import dev.pceworkbench.connection.ConnectionProfile;
import dev.pceworkbench.connection.ConnectionProfile.SecretKind;
import dev.pceworkbench.connection.ConnectionProfileStore;
import dev.pceworkbench.connection.SecretStore;
import dev.pceworkbench.task.BackgroundTask;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;
import java.util.Optional;

/**
 * The profile file and the secret store as background tasks: each method returns a task (not yet
 * started) whose body does the disk or keychain I/O on a worker thread, so the FX thread never
 * waits on either (a keychain can take seconds to answer, or wait for the user to unlock it). The
 * view model adds the FX-side handlers and runs them through its executor. A step that fails
 * throws {@link StepFailed}, whose title says which step (the secrets or the file).
 */
final class ProfileStorage {
    /** A failed step: {@code title} for the error dialog, the cause with the store's own message. */
    static final class StepFailed extends RuntimeException {
        private final String title;

        StepFailed(String title, Throwable cause) {
            super(cause.getMessage(), cause);
            this.title = title;
        }

        String title() {
            return title;
        }
    }

    /** The profiles file as read, and the profile active last time (if the file says). */
    record Loaded(List<ConnectionProfile> profiles, Optional<String> lastActiveId) {
    }

    /** Where secrets are kept: whether they survive a restart, and the store's description. */
    record SecretsInfo(boolean persistent, String description) {
    }

    /** A save taken from the form: the profile, its secrets, and the whole list to write. */
    record PendingSave(ConnectionProfile profile, Map<SecretKind, String> secrets, List<ConnectionProfile> next) {
        PendingSave {
            secrets = Map.copyOf(secrets);
            next = List.copyOf(next);
        }
    }

    /** A deletion done; {@code secretsProblem} is set when the profile went but its secrets could not be removed. */
    record Deleted(RuntimeException secretsProblem, RuntimeException localDataProblem) {
    }

    private final ConnectionProfileStore store;
    private final SecretStore secrets;

    private final List<Consumer<String>> alsoForget = new java.util.concurrent.CopyOnWriteArrayList<>();

    ProfileStorage(ConnectionProfileStore store, SecretStore secrets) {
        this.store = store;
        this.secrets = secrets;
    }

    BackgroundTask<Loaded> load() {
        return BackgroundTask.of("Reading the connection profiles", ctx -> {
            List<ConnectionProfile> ps = store.load();
            Optional<String> last;
            try {
                last = store.lastActiveId();
            } catch (UncheckedIOException e) {
                last = Optional.empty(); // only a convenience: start without it
            }
            return new Loaded(ps, last);
        });
    }

    /** Asks the secret store where it keeps secrets (the first use may wait for the keychain probe). */
    BackgroundTask<SecretsInfo> describeSecrets() {
        return BackgroundTask.of("Opening the secret store", ctx -> new SecretsInfo(secrets.persistent(), secrets.description()));
    }

    BackgroundTask<Map<SecretKind, String>> readSecrets(ConnectionProfile p) {
        return BackgroundTask.of("Reading the secrets of '" + p.name() + "'", ctx -> ProfileSecrets.read(secrets, p));
    }

    BackgroundTask<ConnectionProfile> save(PendingSave s) {
        return BackgroundTask.of("Saving the profile '" + s.profile().name() + "'", ctx -> {
            write(s);
            return s.profile();
        });
    }

    /** The secrets first (so a profile never names secrets that were not stored), then the file. */
    void write(PendingSave s) {
        ConnectionProfile p = s.profile();
        try {
            if (!p.embeddedDemo()) {
                ProfileSecrets.write(secrets, p, s.secrets());
            }
        } catch (RuntimeException e) {
            throw new StepFailed("Could not store the secrets of '" + p.name() + "' in the " + describe(), e);
        }
        try {
            store.save(s.next());
        } catch (UncheckedIOException e) {
            throw new StepFailed("Could not save the profile '" + p.name() + "'", e);
        }
    }

    /**
     * Adds what else is kept per profile and goes with it when it is deleted (e.g. its saved traffic
     * queries): called with the profile's id on the delete task's worker thread.
     */
    void alsoForget(Consumer<String> forget) {
        alsoForget.add(java.util.Objects.requireNonNull(forget));
    }

    BackgroundTask<Deleted> delete(ConnectionProfile p, List<ConnectionProfile> next) {
        List<ConnectionProfile> remaining = List.copyOf(next);
        return BackgroundTask.of("Deleting the profile '" + p.name() + "'", ctx -> {
            try {
                store.save(remaining);
            } catch (UncheckedIOException e) {
                throw new StepFailed("Could not delete the profile '" + p.name() + "'", e);
            }
            RuntimeException secretsProblem = null;
            try {
                ProfileSecrets.deleteAll(secrets, p);
            } catch (RuntimeException e) {
                secretsProblem = e;
            }
            RuntimeException localDataProblem = null;
            for (Consumer<String> forget : alsoForget) {
                try {
                    forget.accept(p.id());
                } catch (RuntimeException e) {
                    localDataProblem = e;
                }
            }
            return new Deleted(secretsProblem, localDataProblem);
        });
    }

    /** Remembers {@code profileId} as the active one; the problem, or null (it is only a convenience). */
    RuntimeException rememberActive(String profileId) {
        try {
            store.rememberActive(profileId);
            return null;
        } catch (UncheckedIOException e) {
            return e;
        }
    }

    BackgroundTask<Void> export(Path target, List<ConnectionProfile> chosen) {
        List<ConnectionProfile> which = List.copyOf(chosen);
        return BackgroundTask.of("Exporting connection profiles", ctx -> {
            store.exportTo(target, which);
            return null;
        });
    }

    /** Imports the profiles in {@code source} after {@code current} (new ids where they clash) and saves them all. */
    BackgroundTask<List<ConnectionProfile>> importFrom(Path source, List<ConnectionProfile> current) {
        List<ConnectionProfile> before = List.copyOf(current);
        return BackgroundTask.of("Importing connection profiles", ctx -> {
            List<ConnectionProfile> imported = ConnectionProfileStore.importFrom(source, before);
            List<ConnectionProfile> next = new ArrayList<>(before);
            next.addAll(imported);
            store.save(next);
            return imported;
        });
    }

    /** The store's description, for messages written on a worker thread. */
    private String describe() {
        try {
            return secrets.description();
        } catch (RuntimeException e) {
            return "secret store";
        }
    }
}
