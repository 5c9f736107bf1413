package dev.pceworkbench.ui;

import dev.pceworkbench.ui.common.DialogService;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A {@link DialogService} for view-model tests: records every error, confirmation, notification
 * and file choice, answers confirmations as told (yes by default) and file choices from queues
 * the test fills (empty queue = the user cancelled). Thread-safe, since task callbacks may report
 * from the FX thread while the test thread reads.
 */
public final class RecordingDialogService implements DialogService {
    /** One error shown: the title, the message, the details and the failure (null for a plain error). */
    public record Error(String title, String message, String details, Throwable failure) {
    }

    /** One question asked: its title, its message and the action button's text ("Delete rule"; "Yes" by default). */
    public record Confirmation(String title, String message, String action) {
    }

    private final List<Error> errors = new ArrayList<>();
    private final List<Confirmation> confirmations = new ArrayList<>();
    private final List<String> notifications = new ArrayList<>();
    private final List<String> fileChoices = new ArrayList<>();
    private final Deque<Path> filesToOpen = new ArrayDeque<>();
    private final Deque<Path> filesToSave = new ArrayDeque<>();
    private boolean confirmAnswer = true;

    @Override
    public synchronized void showError(String title, String message, String details) {
        errors.add(new Error(title, message, details, null));
    }

    @Override
    public synchronized void showError(String title, Throwable failure) {
        String m = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        errors.add(new Error(title, m, null, failure));
    }

    @Override
    public synchronized boolean confirm(String title, String message, String action) {
        confirmations.add(new Confirmation(title, message, action));
        return confirmAnswer;
    }

    @Override
    public synchronized void notify(String message) {
        notifications.add(message);
    }

    @Override
    public synchronized Optional<Path> chooseFileToOpen(String title, String... extensions) {
        fileChoices.add(title);
        return Optional.ofNullable(filesToOpen.poll());
    }

    @Override
    public synchronized Optional<Path> chooseFileToSave(String title, String suggestedName, String... extensions) {
        fileChoices.add(title);
        return Optional.ofNullable(filesToSave.poll());
    }

    /** How the next confirmations are answered. */
    public synchronized RecordingDialogService answerConfirm(boolean yes) {
        this.confirmAnswer = yes;
        return this;
    }

    /** The file the next "open" choice returns. */
    public synchronized RecordingDialogService willOpen(Path file) {
        filesToOpen.add(file);
        return this;
    }

    /** The file the next "save" choice returns. */
    public synchronized RecordingDialogService willSaveTo(Path file) {
        filesToSave.add(file);
        return this;
    }

    public synchronized List<Error> errors() {
        return List.copyOf(errors);
    }

    public synchronized List<Confirmation> confirmations() {
        return List.copyOf(confirmations);
    }

    public synchronized List<String> notifications() {
        return List.copyOf(notifications);
    }

    /** The titles of the file choosers shown. */
    public synchronized List<String> fileChoices() {
        return List.copyOf(fileChoices);
    }

    /** Fails with the recorded errors, if any: for tests whose path must not show one. */
    public synchronized void assertNoErrors() {
        if (!errors.isEmpty()) {
            AssertionError e = new AssertionError("Unexpected error dialogs: " + errors);
            errors.stream().map(Error::failure).filter(f -> f != null).forEach(e::addSuppressed);
            throw e;
        }
    }

    public synchronized void clear() {
        errors.clear();
        confirmations.clear();
        notifications.clear();
        fileChoices.clear();
    }
}
