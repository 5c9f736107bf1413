package dev.pceworkbench.ui.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Small UI preferences that survive restarts: the theme, the window's bounds, the last view, the
 * columns shown in tables with a column chooser.
 * Kept in the OS's preference store ({@code java.util.prefs}: the registry on Windows, a plist on
 * macOS, {@code ~/.java} on Linux); tests pass their own node.
 */
public final class UiSettings {
    /** The window's position and size. */
    public record Bounds(double x, double y, double width, double height, boolean maximized) {
    }

    private final Preferences prefs;

    public UiSettings(Preferences prefs) {
        this.prefs = prefs;
    }

    public static UiSettings forApp() {
        return new UiSettings(Preferences.userRoot().node("dev/pceworkbench/ui"));
    }

    /** The remembered theme choice: "light", "dark", or empty to follow the OS. */
    public Optional<String> theme() {
        return Optional.ofNullable(prefs.get("theme", null));
    }

    public void theme(String theme) {
        prefs.put("theme", theme);
        flush();
    }

    public Optional<Bounds> windowBounds() {
        double w = prefs.getDouble("window.width", -1);
        if (w <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Bounds(prefs.getDouble("window.x", 0), prefs.getDouble("window.y", 0), w,
                prefs.getDouble("window.height", 700), prefs.getBoolean("window.maximized", false)));
    }

    public void windowBounds(Bounds b) {
        prefs.putDouble("window.x", b.x());
        prefs.putDouble("window.y", b.y());
        prefs.putDouble("window.width", b.width());
        prefs.putDouble("window.height", b.height());
        prefs.putBoolean("window.maximized", b.maximized());
        flush();
    }

    /**
     * Which columns of the table {@code table} the user last chose to show (true) or hide (false),
     * by column id; columns not in the map were never chosen there (or are new) and keep their
     * default.
     */
    public Map<String, Boolean> columns(String table) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        String v = prefs.get("columns." + table, "");
        for (String entry : v.split(",")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                out.put(entry.substring(0, eq).trim(), Boolean.parseBoolean(entry.substring(eq + 1).trim()));
            }
        }
        return out;
    }

    public void columns(String table, Map<String, Boolean> shown) {
        StringBuilder b = new StringBuilder();
        shown.forEach((id, on) -> b.append(b.length() == 0 ? "" : ",").append(id).append('=').append(on));
        prefs.put("columns." + table, b.toString());
        flush();
    }

    public Optional<String> lastView() {
        return Optional.ofNullable(prefs.get("view", null));
    }

    public void lastView(String id) {
        prefs.put("view", id);
        flush();
    }

    private void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // Preferences are a convenience: failing to persist them must not disturb the user.
            System.getLogger(UiSettings.class.getName()).log(System.Logger.Level.DEBUG, "Could not save UI settings", e);
        }
    }
}
