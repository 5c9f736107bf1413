package dev.pceworkbench.workspace;

import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.task.TaskContext;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A task context for workspace bodies run on the test thread: keeps every message, can act on one. */
final class RecordingContext implements TaskContext {
    final CancellationToken token = new CancellationToken();
    final List<String> messages = new CopyOnWriteArrayList<>();
    private final Consumer<String> onMessage;

    RecordingContext() {
        this(m -> {
        });
    }

    RecordingContext(Consumer<String> onMessage) {
        this.onMessage = onMessage;
    }

    @Override
    public CancellationToken token() {
        return token;
    }

    @Override
    public void progress(double done, double total) {
    }

    @Override
    public void message(String message) {
        messages.add(message);
        onMessage.accept(message);
    }
}
