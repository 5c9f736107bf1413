package dev.pceworkbench.task;

import dev.pceworkbench.pce.CancellationToken;
import dev.pceworkbench.pce.Progress;

/**
 * What a running task's body sees: its cancellation token (hand it to every PCE call), and ways to
 * report progress and a message. Reports may come from any thread; the executor delivers them to
 * the task's observable state on the right thread.
 */
public interface TaskContext {
    CancellationToken token();

    /** Work done out of total; a negative total means indeterminate. */
    void progress(double done, double total);

    void message(String message);

    /** Adapts PCE progress (job state, bytes downloaded) to this task's progress and message. */
    default Progress.Listener pceProgress() {
        return p -> {
            if (p.totalBytes() > 0) {
                progress(p.bytes(), p.totalBytes());
            } else {
                progress(-1, -1);
            }
            message(p.message());
        };
    }

    default boolean isCancelled() {
        return token().isCancelled();
    }
}
