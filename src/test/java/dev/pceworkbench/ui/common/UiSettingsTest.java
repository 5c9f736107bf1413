package dev.pceworkbench.ui.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** UI settings live in the configuration folder, survive a restart, and never fail a start. */
class UiSettingsTest {
    @TempDir
    Path folder;

    @Test
    void everySettingSurvivesARestartInTheConfigurationFolder() throws Exception {
        Path exports = Files.createDirectory(folder.resolve("exports"));
        try (UiSettings s = UiSettings.in(folder)) {
            assertEquals(Optional.empty(), s.theme(), "a fresh folder is a fresh start");
            s.theme("dark");
            s.lastView("rulesets");
            s.windowBounds(new UiSettings.Bounds(10, 20, 1280, 800, false));
            s.columns("rule-search", Map.of("HREF", true));
            s.fileFolder(exports);
        }
        assertTrue(Files.isRegularFile(folder.resolve(UiSettings.FILE_NAME)));
        try (UiSettings again = UiSettings.in(folder)) {
            assertEquals(Optional.of("dark"), again.theme());
            assertEquals(Optional.of("rulesets"), again.lastView());
            assertEquals(Optional.of(new UiSettings.Bounds(10, 20, 1280, 800, false)), again.windowBounds());
            assertEquals(Map.of("HREF", true), again.columns("rule-search"));
            assertEquals(Optional.of(exports.toAbsolutePath()), again.fileFolder());
        }
    }

    @Test
    void aFolderThatIsGoneIsNotOffered() throws Exception {
        Path gone = Files.createDirectory(folder.resolve("gone"));
        try (UiSettings s = UiSettings.in(folder)) {
            s.fileFolder(gone);
            s.awaitWritten();
            Files.delete(gone);
            assertEquals(Optional.empty(), s.fileFolder());
        }
    }

    @Test
    void anUnreadableFileMeansDefaults() throws Exception {
        Files.writeString(folder.resolve(UiSettings.FILE_NAME), "theme=dark\nbroken=\\u00zz\n");
        try (UiSettings s = UiSettings.in(folder)) {
            assertEquals(Optional.empty(), s.theme(), "a malformed file is ignored, not half-read");
            s.theme("light");
        }
        try (UiSettings s = UiSettings.in(folder)) {
            assertEquals(Optional.of("light"), s.theme(), "and the next change replaces it");
        }
        assertFalse(Files.exists(folder.resolve(UiSettings.FILE_NAME + ".tmp")));
    }
}
