package dev.pceworkbench.task;

import dev.pceworkbench.pce.CancellationToken;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs tasks on a pool of daemon worker threads and hands every state change, progress report and
 * outcome to the UI thread through {@code uiThread} ({@code Platform::runLater} in the app).
 * Progress reports are coalesced: at most one pending UI update per task, so a chatty download
 * cannot flood the FX thread. Unhandled failures go to {@code defaultFailureHandler}.
 */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {
    private final ExecutorService pool;
    private final Consumer<Runnable> uiThread;
    private final Consumer<Throwable> defaultFailureHandler;
    private final TaskRegistry registry = new TaskRegistry();

    public FxTaskExecutor(Consumer<Runnable> uiThread, Consumer<Throwable> defaultFailureHandler, int threads) {
        this.uiThread = uiThread;
        this.defaultFailureHandler = defaultFailureHandler;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "workbench-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(threads, tf);
    }

    @Override
    public <V> BackgroundTask<V> execute(BackgroundTask<V> task) {
        uiThread.accept(() -> {
            registry.add(task);
            task.markRunning();
        });
        AtomicReference<double[]> pendingProgress = new AtomicReference<>();
        AtomicReference<String> pendingMessage = new AtomicReference<>();
        AtomicBoolean flushQueued = new AtomicBoolean();
        Runnable flush = () -> {
            flushQueued.set(false);
            double[] p = pendingProgress.getAndSet(null);
            if (p != null) {
                task.updateProgress(p[0], p[1]);
            }
            String m = pendingMessage.getAndSet(null);
            if (m != null) {
                task.updateMessage(m);
            }
        };
        TaskContext ctx = new TaskContext() {
            @Override
            public CancellationToken token() {
                return task.token();
            }

            @Override
            public void progress(double done, double total) {
                pendingProgress.set(new double[]{done, total});
                if (flushQueued.compareAndSet(false, true)) {
                    uiThread.accept(flush);
                }
            }

            @Override
            public void message(String message) {
                pendingMessage.set(message);
                if (flushQueued.compareAndSet(false, true)) {
                    uiThread.accept(flush);
                }
            }
        };
        pool.execute(() -> {
            V value = null;
            Throwable failure = null;
            try {
                task.token().throwIfCancelled(task.title());
                value = task.runBody(ctx);
            } catch (Throwable t) {
                failure = t;
            }
            V v = value;
            Throwable f = failure;
            uiThread.accept(() -> {
                flush.run();
                registry.remove(task);
                Throwable unhandled = task.finish(v, f);
                if (unhandled != null) {
                    defaultFailureHandler.accept(unhandled);
                }
            });
        });
        return task;
    }

    @Override
    public TaskRegistry registry() {
        return registry;
    }

    /** Cancels running tasks and stops the workers. */
    @Override
    public void close() {
        uiThread.accept(registry::cancelAll);
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
