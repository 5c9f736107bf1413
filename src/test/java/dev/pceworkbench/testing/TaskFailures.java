package dev.pceworkbench.testing;

import dev.pceworkbench.task.FxTaskExecutor;
import dev.pceworkbench.task.SynchronousTaskExecutor;
import javafx.application.Platform;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Task failures nobody handled fail the test that caused them. In the app an unhandled failure
 * reaches the error dialog; in tests the executors made here hand it to {@link #record}, and this
 * extension (registered for every test through {@code META-INF/services} and
 * {@code junit-platform.properties}) fails the test after its {@code @AfterEach} methods if any
 * were recorded. A test that means to leave a failure unhandled takes it with {@link #takeAll()}
 * and asserts on it.
 */
public final class TaskFailures implements AfterEachCallback, AfterAllCallback {
    private static final List<Throwable> RECORDED = new ArrayList<>();
    private static final AtomicBoolean FX_USED = new AtomicBoolean();

    /** The default failure handler of the test executors. */
    public static void record(Throwable t) {
        synchronized (RECORDED) {
            RECORDED.add(t);
        }
    }

    /** The failures recorded so far, which are then no longer reported. */
    public static List<Throwable> takeAll() {
        if (FX_USED.get()) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        synchronized (RECORDED) {
            List<Throwable> all = List.copyOf(RECORDED);
            RECORDED.clear();
            return all;
        }
    }

    /** Runs tasks on the calling thread; unhandled failures are recorded. */
    public static SynchronousTaskExecutor synchronousExecutor() {
        return new SynchronousTaskExecutor(TaskFailures::record);
    }

    /** Runs tasks on two workers and delivers outcomes on the FX thread; unhandled failures are recorded. */
    public static FxTaskExecutor fxExecutor() {
        return fxExecutor(t -> {
        });
    }

    /** As {@link #fxExecutor()}, and each unhandled failure also goes to {@code alsoTo} (a recording dialog, say). */
    public static FxTaskExecutor fxExecutor(Consumer<Throwable> alsoTo) {
        FX_USED.set(true);
        return new FxTaskExecutor(Platform::runLater, t -> {
            record(t);
            alsoTo.accept(t);
        }, 2);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        failIfAny("the test");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        failIfAny("the class's @BeforeAll/@AfterAll or a task that outlived its test");
    }

    private static void failIfAny(String where) {
        List<Throwable> all = takeAll();
        if (all.isEmpty()) {
            return;
        }
        AssertionError e = new AssertionError(all.size() + " task failure(s) nobody handled, in " + where + ": "
                + all.stream().map(String::valueOf).toList());
        all.forEach(e::addSuppressed);
        throw e;
    }
}
