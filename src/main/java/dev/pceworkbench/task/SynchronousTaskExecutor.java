package dev.pceworkbench.task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs each task to completion on the calling thread, for view-model tests without an FX thread.
 * Failures without a handler are collected in {@link #unhandledFailures()} (and passed to the
 * optional default handler), so tests can assert them.
 */
public final class SynchronousTaskExecutor implements TaskExecutor {
    private final TaskRegistry registry = new TaskRegistry();
    private final List<Throwable> unhandled = new ArrayList<>();
    private final Consumer<Throwable> defaultHandler;

    public SynchronousTaskExecutor() {
        this(t -> {
        });
    }

    public SynchronousTaskExecutor(Consumer<Throwable> defaultHandler) {
        this.defaultHandler = defaultHandler;
    }

    @Override
    public <V> BackgroundTask<V> execute(BackgroundTask<V> task) {
        registry.add(task);
        task.markRunning();
        V value = null;
        Throwable failure = null;
        try {
            value = task.runBody(new TaskContext() {
                @Override
                public dev.pceworkbench.pce.CancellationToken token() {
                    return task.token();
                }

                @Override
                public void progress(double done, double total) {
                    task.updateProgress(done, total);
                }

                @Override
                public void message(String message) {
                    task.updateMessage(message);
                }
            });
        } catch (Throwable t) {
            failure = t;
        }
        registry.remove(task);
        Throwable u = task.finish(value, failure);
        if (u != null) {
            unhandled.add(u);
            defaultHandler.accept(u);
        }
        return task;
    }

    @Override
    public TaskRegistry registry() {
        return registry;
    }

    public List<Throwable> unhandledFailures() {
        return List.copyOf(unhandled);
    }
}
