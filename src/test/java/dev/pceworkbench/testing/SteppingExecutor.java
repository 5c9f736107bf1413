package dev.pceworkbench.testing;

import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.SynchronousTaskExecutor;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.task.TaskRegistry;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Queues tasks and runs them one at a time when the test says so (the oldest, or one by its
 * title), callbacks included, to look at the state between two tasks.
 */
public final class SteppingExecutor implements TaskExecutor {
    private final SynchronousTaskExecutor runner = TaskFailures.synchronousExecutor();
    private final Deque<BackgroundTask<?>> queue = new ArrayDeque<>();

    @Override
    public <V> BackgroundTask<V> execute(BackgroundTask<V> task) {
        queue.add(task);
        return task;
    }

    /** Runs the oldest queued task to its end (callbacks included); returns its title. */
    public String runNext() {
        BackgroundTask<?> t = queue.poll();
        if (t == null) {
            throw new AssertionError("no task is queued");
        }
        runner.execute(t);
        return t.title();
    }

    /** Runs the first queued task whose title starts with {@code titleStart} to its end (callbacks included). */
    public void run(String titleStart) {
        BackgroundTask<?> t = queue.stream().filter(q -> q.title().startsWith(titleStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no queued task '" + titleStart + "…' in " + titles()));
        queue.remove(t);
        runner.execute(t);
    }

    /** The titles of the queued tasks, oldest first. */
    public List<String> titles() {
        return queue.stream().map(BackgroundTask::title).toList();
    }

    /** The queued tasks, oldest first (a copy). */
    public List<BackgroundTask<?>> queuedTasks() {
        return List.copyOf(queue);
    }

    public int queued() {
        return queue.size();
    }

    @Override
    public TaskRegistry registry() {
        return runner.registry();
    }
}
