package dev.pceworkbench.connection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pceworkbench.pce.json.PceJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The saved connection profiles: one JSON file ({@value #FILE_NAME}) in the OS-standard
 * configuration folder (Linux {@code $XDG_CONFIG_HOME/pce-workbench}, by default
 * {@code ~/.config/pce-workbench}; Windows {@code %APPDATA%\PCE Workbench}; macOS
 * {@code ~/Library/Application Support/PCE Workbench}), which also remembers the profile that was
 * active last. The file never holds a secret: {@link ConnectionProfile} has no secret fields, and
 * secrets live in a {@link SecretStore}. Writes are atomic (a temporary file moved over the old
 * one), so a crash leaves the old or the new file, never half of one. On first start (no file) the
 * store holds the one "Demo PCE (embedded)" profile. Profiles can be exported to a file and
 * imported from one, again without secrets; imported profiles whose ids clash get new ones.
 * Every method reads or writes the disk: call them on a worker thread, never the FX thread. (Not
 * final, so that tests can observe which thread calls it.)
 */
public class ConnectionProfileStore {
    public static final String FILE_NAME = "profiles.json";
    public static final String DEMO_PROFILE_NAME = "Demo PCE (embedded)";
    static final String FORMAT = "pce-workbench-profiles";
    static final int VERSION = 1;

    private static final ObjectMapper JSON = PceJson.mapper();

    private final Path folder;
    private List<ConnectionProfile> profiles;
    private String lastActive;

    /** A store in {@code folder} (tests pass a temporary folder). */
    public ConnectionProfileStore(Path folder) {
        this.folder = folder.toAbsolutePath();
    }

    /** A store in the OS-standard configuration folder of this user. */
    public static ConnectionProfileStore atStandardLocation() {
        return new ConnectionProfileStore(standardFolder());
    }

    /** The OS-standard configuration folder of the workbench for this user. */
    public static Path standardFolder() {
        return standardFolder(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home"));
    }

    static Path standardFolder(String osName, Map<String, String> env, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        Path home = Path.of(userHome);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData == null || appData.isBlank() ? home.resolve("AppData").resolve("Roaming") : Path.of(appData);
            return base.resolve("PCE Workbench");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve("PCE Workbench");
        }
        // XDG: a relative XDG_CONFIG_HOME is invalid and must be ignored.
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        return base.resolve("pce-workbench");
    }

    public Path folder() {
        return folder;
    }

    public Path file() {
        return folder.resolve(FILE_NAME);
    }

    /** The built-in profile that starts the embedded demo PCE (with a fresh id). */
    public static ConnectionProfile embeddedDemoProfile() {
        return new ConnectionProfile(UUID.randomUUID().toString(), DEMO_PROFILE_NAME, "embedded", 0, 1,
                ConnectionProfile.CredentialType.API_KEY, null, ConnectionProfile.ProxyMode.NONE, null, 0, null, true,
                null, ConnectionProfile.ClientCertType.NONE, null, null, true);
    }

    /**
     * The saved profiles. Without a file (first start) the store is created with the embedded demo
     * profile. An unreadable file is copied aside (so a later save cannot destroy it) and reported
     * as an {@link UncheckedIOException} naming the copy.
     */
    public synchronized List<ConnectionProfile> load() {
        Path f = file();
        if (!Files.exists(f)) {
            profiles = List.of(embeddedDemoProfile());
            lastActive = null;
            write();
            return profiles;
        }
        try {
            Document d = read(f);
            profiles = d.profiles() == null ? List.of() : List.copyOf(d.profiles());
            lastActive = d.lastActive();
            return profiles;
        } catch (IOException | RuntimeException e) {
            Path copy = f.resolveSibling(FILE_NAME + ".unreadable");
            String kept;
            try {
                Files.copy(f, copy, StandardCopyOption.REPLACE_EXISTING);
                kept = "a copy was kept as " + copy;
            } catch (IOException c) {
                kept = "no copy could be made (" + c.getMessage() + ")";
            }
            profiles = List.of();
            lastActive = null;
            throw new UncheckedIOException("The profiles file " + f + " cannot be read (" + e.getMessage() + "); " + kept,
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    /** Replaces the saved profiles (the last-active profile is kept if it still exists). */
    public synchronized void save(List<ConnectionProfile> newProfiles) {
        profiles = List.copyOf(newProfiles);
        if (lastActive != null && profiles.stream().noneMatch(p -> p.id().equals(lastActive))) {
            lastActive = null;
        }
        write();
    }

    /** The id of the profile that was active last, if it is still saved. */
    public synchronized Optional<String> lastActiveId() {
        ensureLoaded();
        return Optional.ofNullable(lastActive);
    }

    /** Remembers {@code profileId} as the active profile (for the next start). */
    public synchronized void rememberActive(String profileId) {
        ensureLoaded();
        lastActive = profileId;
        write();
    }

    /** Writes {@code selection} to {@code target} for another machine or user: no secrets, no last-active. */
    public void exportTo(Path target, Collection<ConnectionProfile> selection) {
        writeAtomically(target, new Document(FORMAT, VERSION, null, List.copyOf(selection)));
    }

    /**
     * Reads profiles from an export (or a profiles file) and returns them ready to add: a profile
     * whose id clashes with {@code existing} (or with another imported one) gets a new id, so its
     * secrets are not confused with another profile's. Imported profiles have no secrets.
     */
    public static List<ConnectionProfile> importFrom(Path source, Collection<ConnectionProfile> existing) {
        Document d;
        try {
            d = read(source);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("The file " + source + " is not a profiles export: " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
        if (d.profiles() == null) {
            throw new UncheckedIOException(new IOException("The file " + source + " holds no \"profiles\" list"));
        }
        Set<String> taken = new HashSet<>();
        existing.forEach(p -> taken.add(p.id()));
        List<ConnectionProfile> out = new ArrayList<>();
        for (ConnectionProfile p : d.profiles()) {
            ConnectionProfile q = taken.contains(p.id()) ? withId(p, UUID.randomUUID().toString()) : p;
            taken.add(q.id());
            out.add(q);
        }
        return out;
    }

    /** The same profile under another id (a duplicate, or an import whose id clashed). */
    public static ConnectionProfile withId(ConnectionProfile p, String id) {
        return new ConnectionProfile(id, p.name(), p.target(), p.port(), p.orgId(), p.credentialType(), p.username(),
                p.proxyMode(), p.proxyHost(), p.proxyPort(), p.proxyUsername(), p.tlsVerify(), p.caBundlePath(),
                p.clientCertType(), p.clientCertPath(), p.clientKeyPath(), p.embeddedDemo());
    }

    private void ensureLoaded() {
        if (profiles == null) {
            load();
        }
    }

    private void write() {
        writeAtomically(file(), new Document(FORMAT, VERSION, lastActive, profiles));
    }

    private static void writeAtomically(Path target, Document d) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(d));
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
                    // A stray temporary file is harmless; the real error (if any) is already on its way.
                }
            }
        }
    }

    private static Document read(Path f) throws IOException {
        Document d = JSON.treeToValue(withIds(JSON.readTree(f.toFile())), Document.class);
        if (d == null) {
            throw new IOException("the file is empty");
        }
        return d;
    }

    /** Profiles written by hand may lack an id: give them one rather than refusing the whole file. */
    private static JsonNode withIds(JsonNode root) {
        if (root != null && root.get("profiles") instanceof ArrayNode list) {
            for (JsonNode p : list) {
                if (p instanceof ObjectNode o && (!o.hasNonNull("id") || o.get("id").asText().isBlank())) {
                    o.put("id", UUID.randomUUID().toString());
                }
            }
        }
        return root;
    }

    /** The file's shape: {@code {"format", "version", "last_active", "profiles": [...]}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Document(@JsonProperty("format") String format,
                    @JsonProperty("version") int version,
                    @JsonProperty("last_active") String lastActive,
                    @JsonProperty("profiles") List<ConnectionProfile> profiles) {
    }
}
