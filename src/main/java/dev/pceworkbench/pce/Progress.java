package dev.pceworkbench.pce;

/**
 * Progress of a long client operation, for progress bars and task lists: the phase (for async
 * jobs the PCE's own job state, e.g. {@code pending}, {@code running}, {@code downloading}), bytes
 * transferred so far and the total when known (-1 otherwise), and a human-readable message.
 */
public record Progress(String phase, long bytes, long totalBytes, String message) {
    /** Receives progress updates; called on the calling thread of the operation. */
    @FunctionalInterface
    public interface Listener {
        void onProgress(Progress progress);

        Listener NONE = p -> {
        };
    }

    public static Progress phase(String phase, String message) {
        return new Progress(phase, 0, -1, message);
    }
}
