package dev.pceworkbench.task;

/** The life of a background task. */
public enum TaskState {
    READY, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isDone() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
