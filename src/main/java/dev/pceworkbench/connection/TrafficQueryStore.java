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
 * store ({@link ConnectionProfileStore#standardFolder()}): the queries saved by name, and the last
 * {@value #RECENT} queries run. Only query bodies and names: never a secret (a query holds none).
 * Writes are atomic; an unreadable file is moved aside and the store starts empty. Every method
 * reads or writes the disk: call them on a worker thread.
 */
public final class TrafficQueryStore {
    public static final String FILE_NAME = "traffic-queries.json";
    /** How many recent queries are kept per profile. */
    public static final int RECENT = 10;
    static final String FORMAT = "pce-workbench-traffic-queries";

    private static final ObjectMapper JSON = PceJson.mapper();

    private final Path folder;
    private Map<String, Entry> profiles;

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
        String name = query.name() == null ? "" : query.name().strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Name: a saved query needs a name");
        }
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
        if (!Objects.equals(a.relativeRange(), b.relativeRange())) {
            return false;
        }
        // A relative query run again has other dates but is the same query.
        return a.relativeRange() != null ? Objects.equals(a.query().withDates(null, null), b.query().withDates(null, null))
                : Objects.equals(a.query(), b.query());
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
            try {
                Files.move(f, f.resolveSibling(FILE_NAME + ".unreadable"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // Keeping it in place is fine: the next write replaces it.
            }
        }
    }

    private void write() {
        Path target = file();
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
