package dev.pceworkbench.ui.common;

import java.util.Optional;

/**
 * The one way view models talk to the user outside their own view: errors (with the PCE's own
 * message and a details expander), confirmations, notifications and file choices. The app shows
 * real dialogs; tests record the calls.
 */
public interface DialogService {
    /** Shows an error: a headline, the message (for PCE errors, the PCE's own) and optional details. */
    void showError(String title, String message, String details);

    /** Shows an error for a failure, with its message and stack trace as details. */
    void showError(String title, Throwable failure);

    /**
     * Asks before an action, most often a destructive one: the message says what will happen, the
     * action button says what it does ("Delete rule"), and Cancel is the default (Enter and Escape
     * cancel). True when the user chose the action.
     */
    boolean confirm(String title, String message, String action);

    /** {@link #confirm(String, String, String)} with a plain "Yes" as the action. */
    default boolean confirm(String title, String message) {
        return confirm(title, message, "Yes");
    }

    /** A short non-blocking notification. */
    void notify(String message);

    /** Lets the user pick a file to open; empty when cancelled. */
    Optional<java.nio.file.Path> chooseFileToOpen(String title, String... extensions);

    /** Lets the user pick where to save; empty when cancelled. */
    Optional<java.nio.file.Path> chooseFileToSave(String title, String suggestedName, String... extensions);
}
