package dev.pceworkbench.ui.rulesets;

import dev.pceworkbench.testing.TaskFailures;
import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.SynchronousTaskExecutor;
import dev.pceworkbench.task.TaskExecutor;
import dev.pceworkbench.task.TaskRegistry;

import java.util.ArrayDeque;
import java.util.Deque;

/** Queues tasks and runs them one at a time when the test says so, to look at the state between two tasks. */
final class SteppingExecutor implements TaskExecutor {
    private final SynchronousTaskExecutor runner = TaskFailures.synchronousExecutor();
    private final Deque<BackgroundTask<?>> queue = new ArrayDeque<>();

    @Override
    public <V> BackgroundTask<V> execute(BackgroundTask<V> task) {
        queue.add(task);
        return task;
    }

    /** Runs the oldest queued task to its end (callbacks included); returns its title. */
    String runNext() {
        BackgroundTask<?> t = queue.poll();
        if (t == null) {
            throw new AssertionError("no task is queued");
        }
        runner.execute(t);
        return t.title();
    }

    int queued() {
        return queue.size();
    }

    @Override
    public TaskRegistry registry() {
        return runner.registry();
    }
}
