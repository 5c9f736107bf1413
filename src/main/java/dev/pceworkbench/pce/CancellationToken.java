package dev.pceworkbench.pce;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets another thread cancel a client operation: cancelling closes the HTTP call in flight (through
 * the registered callbacks) and wakes any sleep between polls or retries. Thread-safe; one token
 * may cover several calls of one operation.
 */
public final class CancellationToken {
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();

    /** A token that is never cancelled. */
    public static CancellationToken none() {
        return new CancellationToken();
    }

    public void cancel() {
        if (cancelled.getCount() == 0) {
            return;
        }
        cancelled.countDown();
        for (Runnable r : callbacks) {
            try {
                r.run();
            } catch (RuntimeException ignored) {
                // A failing callback must not keep the others from closing their calls.
            }
        }
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** Runs {@code r} on cancel (at once if already cancelled); close the returned handle when done. */
    public AutoCloseable onCancel(Runnable r) {
        callbacks.add(r);
        if (isCancelled()) {
            r.run();
        }
        return () -> callbacks.remove(r);
    }

    public void throwIfCancelled(String what) {
        if (isCancelled()) {
            throw new PceCancelledException("Cancelled: " + what);
        }
    }

    /** Sleeps, waking early with {@link PceCancelledException} when cancelled. */
    public void sleep(Duration d, String what) {
        try {
            if (cancelled.await(Math.max(0, d.toMillis()), TimeUnit.MILLISECONDS)) {
                throw new PceCancelledException("Cancelled: " + what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PceCancelledException("Interrupted: " + what);
        }
    }
}
