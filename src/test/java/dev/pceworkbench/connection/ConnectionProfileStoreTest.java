package dev.pceworkbench.connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The profiles file: where it lives per OS, first start, atomic writes, last-active, unreadable files, import. */
class ConnectionProfileStoreTest {
    @TempDir
    Path dir;

    private static ConnectionProfile profile(String id, String name) {
        return new ConnectionProfile(id, name, "pce.example.com", 8443, 1, ConnectionProfile.CredentialType.API_KEY,
                "api_123", ConnectionProfile.ProxyMode.NONE, null, 0, null, true, null,
                ConnectionProfile.ClientCertType.NONE, null, null, false);
    }

    @Test
    void theFolderFollowsEachOperatingSystemsConvention() {
        assertEquals(Path.of("/home/ann/.config/pce-workbench"),
                ConnectionProfileStore.standardFolder("Linux", Map.of(), "/home/ann"));
        assertEquals(Path.of("/xdg/pce-workbench"),
                ConnectionProfileStore.standardFolder("Linux", Map.of("XDG_CONFIG_HOME", "/xdg"), "/home/ann"));
        assertEquals(Path.of("/home/ann/.config/pce-workbench"),
                ConnectionProfileStore.standardFolder("Linux", Map.of("XDG_CONFIG_HOME", "relative"), "/home/ann"),
                "a relative XDG_CONFIG_HOME is ignored, as the XDG spec says");
        assertEquals(Path.of("/Users/ann/Library/Application Support/PCE Workbench"),
                ConnectionProfileStore.standardFolder("Mac OS X", Map.of(), "/Users/ann"));
        assertEquals(Path.of("/appdata/PCE Workbench"),
                ConnectionProfileStore.standardFolder("Windows 11", Map.of("APPDATA", "/appdata"), "/users/ann"));
    }

    @Test
    void firstStartWritesTheDemoProfile() {
        ConnectionProfileStore store = new ConnectionProfileStore(dir.resolve("cfg"));
        List<ConnectionProfile> first = store.load();
        assertEquals(1, first.size());
        assertTrue(first.get(0).embeddedDemo());
        assertEquals(first, new ConnectionProfileStore(dir.resolve("cfg")).load(), "the id stays the same");
    }

    @Test
    void savesAtomicallyAndRemembersTheActiveProfile() throws IOException {
        ConnectionProfileStore store = new ConnectionProfileStore(dir);
        store.save(List.of(profile("a", "A"), profile("b", "B")));
        store.rememberActive("b");
        ConnectionProfileStore again = new ConnectionProfileStore(dir);
        assertEquals(List.of(profile("a", "A"), profile("b", "B")), again.load());
        assertEquals("b", again.lastActiveId().orElseThrow());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(ConnectionProfileStore.FILE_NAME), files.map(p -> p.getFileName().toString()).toList(),
                    "no temporary files are left behind");
        }
        again.save(List.of(profile("a", "A")));
        assertTrue(new ConnectionProfileStore(dir).lastActiveId().isEmpty(), "a deleted profile is not the last active");
    }

    @Test
    void anUnreadableFileIsKeptAsideAndReported() throws IOException {
        Files.writeString(dir.resolve(ConnectionProfileStore.FILE_NAME), "{ not json");
        ConnectionProfileStore store = new ConnectionProfileStore(dir);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, store::load);
        assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
        assertEquals("{ not json", Files.readString(dir.resolve(ConnectionProfileStore.FILE_NAME + ".unreadable")));
    }

    @Test
    void importGivesNewIdsOnlyOnClashesAndIgnoresSecretsInTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("in.json"), """
                {"profiles": [
                  {"id": "a", "name": "Clash", "target": "pce1.example.com", "port": 8443, "org_id": 2, "secret": "leaked"},
                  {"id": "z", "name": "Fresh", "target": "pce2.example.com", "port": 443, "org_id": 3},
                  {"name": "No id", "target": "pce3.example.com", "port": 443, "org_id": 1}
                ]}""");
        List<ConnectionProfile> in = ConnectionProfileStore.importFrom(file, List.of(profile("a", "Existing")));
        assertEquals(3, in.size());
        assertFalse(in.get(0).id().equals("a"));
        assertEquals("Clash", in.get(0).name());
        assertEquals(2, in.get(0).orgId());
        assertEquals("z", in.get(1).id());
        assertFalse(in.get(2).id().isBlank());
        ConnectionProfileStore store = new ConnectionProfileStore(dir.resolve("cfg"));
        store.save(in);
        assertFalse(Files.readString(store.file()).contains("leaked"), "unknown fields (secrets) are not carried over");
        Path notProfiles = Files.writeString(dir.resolve("other.json"), "[1, 2]");
        assertThrows(UncheckedIOException.class, () -> ConnectionProfileStore.importFrom(notProfiles, List.of()));
    }
}
