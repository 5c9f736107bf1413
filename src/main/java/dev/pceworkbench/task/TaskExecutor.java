package dev.pceworkbench.task;

/**
 * Runs {@link BackgroundTask}s away from the UI thread and delivers their state, progress and
 * outcome back on it. The app uses {@link FxTaskExecutor}; view-model tests use
 * {@link SynchronousTaskExecutor}, which needs no FX thread.
 */
public interface TaskExecutor {
    /** Starts the task and returns it (for chaining and binding). */
    <V> BackgroundTask<V> execute(BackgroundTask<V> task);

    /** The registry of tasks this executor is running. */
    TaskRegistry registry();
}
