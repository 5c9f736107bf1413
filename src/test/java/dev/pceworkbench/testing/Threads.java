package dev.pceworkbench.testing;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Orders threads in tests by what they are doing, not by how long they might take: "wait until the
 * loader is blocked in the download", "until the server holds the request". Each wait polls (every
 * millisecond, up to 30 s) a thread's state and stack, so it ends as soon as the other thread
 * got there, however busy the machine.
 */
public final class Threads {
    private static final long TIMEOUT_SECONDS = 30;

    private Threads() {
    }

    /** Waits until {@code t} is blocked (waiting, sleeping or on a monitor) inside a method of {@code owner}. */
    public static void awaitBlockedIn(Thread t, Class<?> owner, String method) {
        awaitCondition(() -> isBlockedIn(t, owner, method),
                t.getName() + " never blocked in " + owner.getSimpleName() + "." + method);
    }

    /**
     * Waits until {@code t} is inside {@code owner.method} in any state (a thread reading a socket
     * is RUNNABLE in the JDK, not WAITING).
     */
    public static void awaitIn(Thread t, Class<?> owner, String method) {
        awaitCondition(() -> hasFrame(t.getStackTrace(), owner, method),
                t.getName() + " never entered " + owner.getSimpleName() + "." + method);
    }

    /** Waits until some thread is blocked inside {@code owner.method}, and returns it. */
    public static Thread awaitAnyBlockedIn(Class<?> owner, String method) {
        Thread[] found = new Thread[1];
        awaitCondition(() -> {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (isBlockedIn(t, owner, method)) {
                    found[0] = t;
                    return true;
                }
            }
            return false;
        }, "no thread blocked in " + owner.getSimpleName() + "." + method);
        return found[0];
    }

    /** Waits until no thread is inside {@code owner.method} (the server has finished its requests, say). */
    public static void awaitNoneIn(Class<?> owner, String method) {
        awaitCondition(() -> {
            for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                if (hasFrame(e.getValue(), owner, method)) {
                    return false;
                }
            }
            return true;
        }, "a thread stayed in " + owner.getSimpleName() + "." + method);
    }

    private static boolean isBlockedIn(Thread t, Class<?> owner, String method) {
        Thread.State s = t.getState();
        boolean blocked = s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.BLOCKED;
        return blocked && hasFrame(t.getStackTrace(), owner, method);
    }

    /** A frame of {@code owner} (or a class nested in it) in {@code method}; a null method matches any. */
    private static boolean hasFrame(StackTraceElement[] stack, Class<?> owner, String method) {
        String name = owner.getName();
        return Arrays.stream(stack).anyMatch(f -> (f.getClassName().equals(name) || f.getClassName().startsWith(name + "$"))
                && (method == null || f.getMethodName().equals(method)));
    }

    private static void awaitCondition(BooleanSupplier condition, String failure) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure + " within " + TIMEOUT_SECONDS + " s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
