package dev.pceworkbench.connection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pceworkbench.pce.json.PceJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Traffic queries kept locally per connection profile, in {@value #FILE_NAME} next to the profile
 * store ({@link ConnectionProfileStore#standardFolder()}): the queries saved by name (unique per
 * profile, any case), and the last {@value #RECENT} queries run. Only query bodies, names and the
 * form's texts: never a secret (a query holds none). Writes are atomic. An unreadable file is never
 * lost: it is moved aside under a name of its own ({@code traffic-queries.json.unreadable-<time>}),
 * the store starts empty and {@link #takeProblem()} says so once; a file that cannot be moved aside
 * is not written over. Every method reads or writes the disk: call them on a worker thread.
 */
public final class TrafficQueryStore {
    public static final String FILE_NAME = "traffic-queries.json";
    /** How many recent queries are kept per profile. */
    public static final int RECENT = 10;
    /** The longest name a saved query may have. */
    public static final int MAX_NAME = 80;
    static final String FORMAT = "pce-workbench-traffic-queries";

    private static final ObjectMapper JSON = PceJson.mapper();

    private final Path folder;
    private Map<String, Entry> profiles;
    private String problem;
    private boolean keepOff;

    /** A store in {@code folder} (tests pass a temporary folder). */
    public TrafficQueryStore(Path folder) {
        this.folder = folder.toAbsolutePath();
    }

    /** The store in the workbench's standard configuration folder. */
    public static TrafficQueryStore atStandardLocation() {
        return new TrafficQueryStore(ConnectionProfileStore.standardFolder());
    }

    public Path file() {
        return folder.resolve(FILE_NAME);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(@JsonProperty("saved") List<SavedTrafficQuery> saved,
                 @JsonProperty("recent") List<SavedTrafficQuery> recent) {
        Entry {
            saved = saved == null ? List.of() : List.copyOf(saved);
            recent = recent == null ? List.of() : List.copyOf(recent);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Document(@JsonProperty("format") String format, @JsonProperty("version") int version,
                    @JsonProperty("profiles") Map<String, Entry> profiles) {
    }

    /** The queries saved for a profile, in the order saved. */
    public synchronized List<SavedTrafficQuery> saved(String profileId) {
        return entry(profileId).saved();
    }

    /** The last queries run on a profile, newest first (at most {@value #RECENT}). */
    public synchronized List<SavedTrafficQuery> recent(String profileId) {
        return entry(profileId).recent();
    }

    /** Saves {@code query} for a profile under its name, replacing one of the same name. */
    public synchronized void save(String profileId, SavedTrafficQuery query) {
        String name = checkName(query.name());
        query = query.withName(name);
        Entry e = entry(profileId);
        List<SavedTrafficQuery> saved = new ArrayList<>();
        boolean replaced = false;
        for (SavedTrafficQuery s : e.saved()) {
            if (s.name() != null && s.name().equalsIgnoreCase(name)) {
                saved.add(query);
                replaced = true;
            } else {
                saved.add(s);
            }
        }
        if (!replaced) {
            saved.add(query);
        }
        put(profileId, new Entry(saved, e.recent()));
    }

    /** Whether a query is saved under {@code name} (any case) for the profile. */
    public synchronized boolean exists(String profileId, String name) {
        String n = name == null ? "" : name.strip();
        return entry(profileId).saved().stream().anyMatch(s -> s.name() != null && s.name().equalsIgnoreCase(n));
    }

    /**
     * Renames a saved query, keeping its place; refuses an empty name or one another saved query has
     * ({@link IllegalArgumentException} saying so, starting with "Name:"); false when {@code from} is not saved.
     */
    public synchronized boolean rename(String profileId, String from, String to) {
        String name = checkName(to);
        Entry e = entry(profileId);
        for (SavedTrafficQuery s : e.saved()) {
            if (s.name() != null && s.name().equalsIgnoreCase(name) && !s.name().equalsIgnoreCase(from)) {
                throw new IllegalArgumentException("Name: a saved query is already named '" + s.name() + "'");
            }
        }
        List<SavedTrafficQuery> saved = new ArrayList<>();
        boolean found = false;
        for (SavedTrafficQuery s : e.saved()) {
            if (!found && s.name() != null && s.name().equalsIgnoreCase(from)) {
                saved.add(s.withName(name));
                found = true;
            } else {
                saved.add(s);
            }
        }
        if (found) {
            put(profileId, new Entry(saved, e.recent()));
        }
        return found;
    }

    /** The name as it is kept (stripped); {@link IllegalArgumentException} starting with "Name:" when unusable. */
    public static String checkName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("Name: a saved query needs a name");
        }
        if (n.length() > MAX_NAME) {
            throw new IllegalArgumentException("Name: at most " + MAX_NAME + " characters, not " + n.length());
        }
        if (n.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("Name: no line breaks or control characters");
        }
        return n;
    }

    /**
     * What went wrong reading the file, once (then null): the reason and where the unreadable file
     * was kept. The store works on, empty, meanwhile.
     */
    public synchronized String takeProblem() {
        load();
        String p = problem;
        problem = null;
        return p;
    }

    /** Removes the saved query of that name (case-insensitive); false when there is none. */
    public synchronized boolean delete(String profileId, String name) {
        Entry e = entry(profileId);
        List<SavedTrafficQuery> saved = new ArrayList<>(e.saved());
        boolean removed = saved.removeIf(s -> s.name() != null && s.name().equalsIgnoreCase(name));
        if (removed) {
            put(profileId, new Entry(saved, e.recent()));
        }
        return removed;
    }

    /** Remembers a query just run: first among the recent ones, the same query run before moves up, the 11th drops out. */
    public synchronized void remember(String profileId, SavedTrafficQuery query) {
        Entry e = entry(profileId);
        List<SavedTrafficQuery> recent = new ArrayList<>();
        recent.add(query);
        for (SavedTrafficQuery s : e.recent()) {
            if (recent.size() == RECENT) {
                break;
            }
            if (!sameQuery(s, query)) {
                recent.add(s);
            }
        }
        put(profileId, new Entry(e.saved(), recent));
    }

    /** Forgets everything kept for a profile (when the profile is deleted). */
    public synchronized void forget(String profileId) {
        load();
        if (profiles.remove(profileId) != null) {
            write();
        }
    }

    private static boolean sameQuery(SavedTrafficQuery a, SavedTrafficQuery b) {
        if (a.form() != null && b.form() != null) {
            // The same form (its texts, e.g. a custom range ending "now") asks the same question whatever the dates.
            return Objects.equals(withoutDescription(a.form()), withoutDescription(b.form()))
                    && Objects.equals(a.query().withDates(null, null), b.query().withDates(null, null));
        }
        if (!Objects.equals(a.relativeRange(), b.relativeRange())) {
            return false;
        }
        // A relative query run again has other dates but is the same query.
        return a.relativeRange() != null ? Objects.equals(a.query().withDates(null, null), b.query().withDates(null, null))
                : Objects.equals(a.query(), b.query());
    }

    private static Map<String, String> withoutDescription(Map<String, String> form) {
        Map<String, String> m = new java.util.HashMap<>(form);
        m.remove("description");
        return m;
    }

    private Entry entry(String profileId) {
        Objects.requireNonNull(profileId, "profileId");
        load();
        return profiles.getOrDefault(profileId, new Entry(List.of(), List.of()));
    }

    private void put(String profileId, Entry e) {
        profiles.put(profileId, e);
        write();
    }

    private void load() {
        if (profiles != null) {
            return;
        }
        Path f = file();
        profiles = new LinkedHashMap<>();
        if (!Files.exists(f)) {
            return;
        }
        try {
            Document d = JSON.readValue(f.toFile(), Document.class);
            if (d != null && d.profiles() != null) {
                profiles.putAll(d.profiles());
            }
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            String base = FILE_NAME + ".unreadable-" + java.time.LocalDateTime.now()
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path aside = f.resolveSibling(base);
            for (int i = 2; Files.exists(aside); i++) {
                aside = f.resolveSibling(base + "-" + i);
            }
            try {
                Files.move(f, aside);
                problem = "The saved traffic queries in " + f + " could not be read (" + reason + "). The file was kept "
                        + "as " + aside.getFileName() + "; saved and recent queries start empty.";
            } catch (IOException moveFailed) {
                keepOff = true;
                problem = "The saved traffic queries in " + f + " could not be read (" + reason + ") nor moved aside ("
                        + moveFailed.getMessage() + "). The file is left as it is: nothing is saved until it is "
                        + "fixed or moved away.";
            }
        }
    }

    private void write() {
        Path target = file();
        if (keepOff) {
            throw new UncheckedIOException(new IOException("Not saving: " + target
                    + " could not be read and is left untouched; move it away to save traffic queries again"));
        }
        Path tmp = null;
        try {
            Files.createDirectories(folder);
            tmp = Files.createTempFile(folder, "." + FILE_NAME, ".tmp");
            Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new Document(FORMAT, 1, profiles)));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // harmless
                }
            }
        }
    }
}
