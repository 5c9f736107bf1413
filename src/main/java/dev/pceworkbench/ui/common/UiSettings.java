package dev.pceworkbench.ui.common;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Small UI preferences that survive restarts: the theme, the window's bounds, the last view, the
 * columns shown in tables with a column chooser, the folder of the last export. Kept in
 * {@code ui-settings.properties} in the app's configuration folder, next to the profiles, so
 * removing that folder is a fresh start. Read once when the app starts (a few hundred bytes);
 * every change is written on a background thread (changes made while a write is pending go with
 * it), so the FX thread never waits on the disk; {@link #close()} writes what is pending.
 */
public final class UiSettings implements AutoCloseable {
    /** The file name in the configuration folder. */
    public static final String FILE_NAME = "ui-settings.properties";

    /** The window's position and size. */
    public record Bounds(double x, double y, double width, double height, boolean maximized) {
    }

    private static final System.Logger LOG = System.getLogger(UiSettings.class.getName());

    private final Path file;
    private final Map<String, String> values = new TreeMap<>();
    private final AtomicBoolean writePending = new AtomicBoolean();
    private final ExecutorService writer;

    /** Settings kept in {@code file} (read now if it exists). */
    public UiSettings(Path file) {
        this.file = file;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ui-settings-writer");
            t.setDaemon(true);
            return t;
        });
        read();
    }

    /** The settings in the app's configuration folder ({@code folder}/{@value #FILE_NAME}). */
    public static UiSettings in(Path folder) {
        return new UiSettings(folder.resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    private void read() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            // Preferences are a convenience: an unreadable file means defaults, never a failed start.
            LOG.log(System.Logger.Level.WARNING, "Could not read the UI settings in " + file + "; using defaults: " + e);
            return;
        }
        synchronized (values) {
            p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k)));
        }
    }

    private String get(String key) {
        synchronized (values) {
            return values.get(key);
        }
    }

    private void put(Map<String, String> changes) {
        synchronized (values) {
            values.putAll(changes);
        }
        if (writePending.compareAndSet(false, true)) {
            writer.execute(this::write);
        }
    }

    private void put(String key, String value) {
        put(Map.of(key, value));
    }

    private void write() {
        writePending.set(false);
        Properties p = new Properties();
        synchronized (values) {
            p.putAll(values);
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "PCE Workbench UI settings");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not save the UI settings to " + file + ": " + e);
        }
    }

    /** Writes what is pending and stops the writer (at exit). */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "The UI settings were still being written at exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until every change made so far is on disk (tests; at most 5 s). */
    public void awaitWritten() {
        try {
            writer.submit(() -> {
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The UI settings were not written: " + e, e);
        }
    }

    /** The remembered theme choice: "light", "dark", or empty to follow the OS. */
    public Optional<String> theme() {
        return Optional.ofNullable(get("theme"));
    }

    public void theme(String theme) {
        put("theme", theme);
    }

    public Optional<Bounds> windowBounds() {
        double w = number("window.width", -1);
        if (w <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Bounds(number("window.x", 0), number("window.y", 0), w,
                number("window.height", 700), Boolean.parseBoolean(get("window.maximized"))));
    }

    public void windowBounds(Bounds b) {
        put(Map.of("window.x", String.valueOf(b.x()), "window.y", String.valueOf(b.y()),
                "window.width", String.valueOf(b.width()), "window.height", String.valueOf(b.height()),
                "window.maximized", String.valueOf(b.maximized())));
    }

    private double number(String key, double otherwise) {
        String v = get(key);
        if (v == null) {
            return otherwise;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /**
     * Which columns of the table {@code table} the user last chose to show (true) or hide (false),
     * by column id; columns not in the map were never chosen there (or are new) and keep their
     * default.
     */
    public Map<String, Boolean> columns(String table) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        String v = get("columns." + table);
        for (String entry : v == null ? new String[0] : v.split(",")) {
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
        put("columns." + table, b.toString());
    }

    public Optional<String> lastView() {
        return Optional.ofNullable(get("view"));
    }

    public void lastView(String id) {
        put("view", id);
    }

    /** The folder the user last exported to or opened a file from (where file choosers open). */
    public Optional<Path> fileFolder() {
        String v = get("files.folder");
        if (v == null) {
            return Optional.empty();
        }
        try {
            Path p = Path.of(v);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public void fileFolder(Path folder) {
        put("files.folder", folder.toAbsolutePath().toString());
    }
}
