package dev.pceworkbench.ui.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Reads whether the OS prefers a dark appearance, where that can be read without native code:
 * GNOME's {@code color-scheme} (or a {@code :dark} GTK theme) on Linux, {@code AppleInterfaceStyle}
 * on macOS, {@code AppsUseLightTheme} on Windows. Anything unreadable means light.
 */
public final class OsTheme {
    private OsTheme() {
    }

    public static boolean prefersDark() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        try {
            if (os.contains("mac")) {
                return run(List.of("defaults", "read", "-g", "AppleInterfaceStyle")).toLowerCase(Locale.ROOT).contains("dark");
            }
            if (os.contains("win")) {
                String out = run(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                        "/v", "AppsUseLightTheme"));
                return out.contains("0x0");
            }
            String gtk = System.getenv("GTK_THEME");
            if (gtk != null && gtk.toLowerCase(Locale.ROOT).contains("dark")) {
                return true;
            }
            return run(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")).contains("prefer-dark");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
