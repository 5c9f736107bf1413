package dev.pceworkbench.ui.common;

import dev.pceworkbench.pce.PceApiException;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Real dialogs: alerts owned by the main window, errors with the PCE's own message up front and the
 * technical details (token, request id, stack trace) in an expander, native file choosers, and
 * notifications through the shell's status line.
 */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;
    private final Consumer<String> notifier;
    private final UiSettings settings;

    /** Dialogs owned by {@code owner}; file choosers open where the user last chose a file ({@code settings}). */
    public FxDialogService(Supplier<Window> owner, Consumer<String> notifier, UiSettings settings) {
        this.owner = owner;
        this.notifier = notifier;
        this.settings = settings;
    }

    @Override
    public void showError(String title, String message, String details) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        a.setTitle(title);
        a.setHeaderText(title);
        a.initOwner(owner.get());
        a.getDialogPane().setId("errorDialog");
        if (details != null && !details.isBlank()) {
            TextArea text = new TextArea(details);
            text.setEditable(false);
            text.setWrapText(true);
            text.setPrefRowCount(12);
            VBox.setVgrow(text, Priority.ALWAYS);
            a.getDialogPane().setExpandableContent(new VBox(text));
        }
        a.show();
    }

    @Override
    public void showError(String title, Throwable failure) {
        showError(title, userMessage(failure), details(failure));
    }

    /**
     * The message a user should read: when the PCE refused, the PCE's own words only (its messages,
     * or its token in words when it sent no message); the HTTP status, request, token and request id
     * go to {@link #details}.
     */
    public static String userMessage(Throwable t) {
        Throwable c = t;
        while (c != null) {
            if (c instanceof PceApiException api && !api.errors().isEmpty()) {
                StringBuilder b = new StringBuilder();
                for (PceApiException.PceError e : api.errors()) {
                    String words = e.message() != null && !e.message().isBlank() ? e.message()
                            : e.token() == null ? "" : tokenInWords(e.token());
                    if (!words.isEmpty() && b.indexOf(words) < 0) {
                        b.append(b.isEmpty() ? "" : "\n").append(words);
                    }
                }
                if (!b.isEmpty()) {
                    return b.toString();
                }
            }
            if (c instanceof dev.pceworkbench.pce.PceException) {
                return c.getMessage();
            }
            c = c.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** {@code label_still_has_associated_rule_set} → "Label still has associated rule set". */
    static String tokenInWords(String token) {
        String w = token.replace('_', ' ').trim();
        return w.isEmpty() ? token : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** Token, request id and the stack trace, for the details expander. */
    public static String details(Throwable t) {
        StringBuilder sb = new StringBuilder();
        Throwable c = t;
        while (c != null) {
            if (c instanceof PceApiException api) {
                sb.append("HTTP ").append(api.status()).append(" on ").append(api.method()).append(' ').append(api.path()).append('\n');
                api.errors().forEach(e -> sb.append("PCE error: ").append(e.token()).append(" — ").append(e.message()).append('\n'));
                if (api.requestId() != null) {
                    sb.append("Request id: ").append(api.requestId()).append('\n');
                }
                sb.append('\n');
                break;
            }
            c = c.getCause();
        }
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return sb.append(w).toString();
    }

    @Override
    public boolean confirm(String title, String message, String action) {
        ButtonType act = new ButtonType(action, ButtonBar.ButtonData.OTHER);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, message, act, ButtonType.CANCEL);
        a.setTitle(title);
        a.setHeaderText(title);
        a.initOwner(owner.get());
        a.getDialogPane().setId("confirmDialog");
        // Cancel is the default: Enter, like Escape, leaves everything as it is.
        Button actButton = (Button) a.getDialogPane().lookupButton(act);
        Button cancel = (Button) a.getDialogPane().lookupButton(ButtonType.CANCEL);
        actButton.setDefaultButton(false);
        actButton.setId("confirmAction");
        cancel.setDefaultButton(true);
        cancel.setId("confirmCancel");
        a.setOnShown(e -> cancel.requestFocus());
        return a.showAndWait().filter(b -> b == act).isPresent();
    }

    @Override
    public void notify(String message) {
        notifier.accept(message);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, String... extensions) {
        FileChooser fc = chooser(title, extensions);
        return remember(Optional.ofNullable(fc.showOpenDialog(owner.get())).map(java.io.File::toPath));
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, String... extensions) {
        FileChooser fc = chooser(title, extensions);
        fc.setInitialFileName(suggestedName);
        return remember(Optional.ofNullable(fc.showSaveDialog(owner.get())).map(java.io.File::toPath));
    }

    /** The next chooser opens where this file is (not in the process's working directory). */
    private Optional<Path> remember(Optional<Path> chosen) {
        chosen.map(Path::toAbsolutePath).map(Path::getParent).ifPresent(settings::fileFolder);
        return chosen;
    }

    private FileChooser chooser(String title, String... extensions) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        // The last folder the user chose a file in, else the home folder.
        fc.setInitialDirectory(settings.fileFolder().orElse(Path.of(System.getProperty("user.home"))).toFile());
        if (extensions.length > 0) {
            String[] patterns = java.util.Arrays.stream(extensions).map(e -> "*." + e).toArray(String[]::new);
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(String.join(", ", patterns), patterns));
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*.*"));
        }
        return fc;
    }
}
