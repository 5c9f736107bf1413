package dev.pceworkbench.task;

import dev.pceworkbench.pce.PceCancelledException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The executors without JavaFX's thread: a queue stands in for the FX thread. */
class TaskExecutorsTest {
    @Test
    void synchronousExecutorDeliversSuccessProgressAndRegistry() {
        SynchronousTaskExecutor ex = new SynchronousTaskExecutor();
        List<String> seen = new ArrayList<>();
        BackgroundTask<Integer> t = ex.execute(BackgroundTask.of("count", ctx -> {
            assertEquals(1, ex.registry().running().size(), "registered while running");
            ctx.progress(1, 4);
            ctx.message("a quarter");
            return 42;
        }).onSuccess(v -> seen.add("ok " + v)).onFinished(() -> seen.add("finished")));
        assertEquals(TaskState.SUCCEEDED, t.state());
        assertEquals(List.of("ok 42", "finished"), seen);
        assertEquals(1.0, t.progressProperty().get());
        assertEquals("a quarter", t.messageProperty().get());
        assertTrue(ex.registry().running().isEmpty());
    }

    @Test
    void unhandledFailuresReachTheDefaultHandlerAndHandledOnesDoNot() {
        List<Throwable> defaults = new ArrayList<>();
        SynchronousTaskExecutor ex = new SynchronousTaskExecutor(defaults::add);
        IllegalStateException boom = new IllegalStateException("boom");
        BackgroundTask<Object> t = ex.execute(BackgroundTask.of("fails", ctx -> {
            throw boom;
        }));
        assertEquals(TaskState.FAILED, t.state());
        assertSame(boom, t.exceptionProperty().get());
        assertEquals(List.of(boom), defaults);

        List<Throwable> handled = new ArrayList<>();
        ex.execute(BackgroundTask.of("fails too", ctx -> {
            throw boom;
        }).onFailure(handled::add));
        assertEquals(1, defaults.size());
        assertEquals(List.of(boom), handled);
    }

    @Test
    void cancellationIsNotAFailure() {
        List<Throwable> defaults = new ArrayList<>();
        SynchronousTaskExecutor ex = new SynchronousTaskExecutor(defaults::add);
        List<String> seen = new ArrayList<>();
        BackgroundTask<Object> t = ex.execute(BackgroundTask.of("cancelled", ctx -> {
            ctx.token().cancel();
            throw new PceCancelledException("Cancelled: test");
        }).onCancelled(() -> seen.add("cancelled")));
        assertEquals(TaskState.CANCELLED, t.state());
        assertEquals(List.of("cancelled"), seen);
        assertTrue(defaults.isEmpty());
    }

    @Test
    void fxExecutorRunsOffTheUiThreadAndDeliversOnIt() throws Exception {
        LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        List<Throwable> defaults = new ArrayList<>();
        try (FxTaskExecutor ex = new FxTaskExecutor(ui::add, defaults::add, 2)) {
            Thread uiThread = Thread.currentThread();
            CountDownLatch release = new CountDownLatch(1);
            List<String> seen = new ArrayList<>();
            BackgroundTask<String> t = ex.execute(BackgroundTask.of("work", ctx -> {
                assertTrue(Thread.currentThread() != uiThread, "runs on a worker");
                for (int i = 1; i <= 1000; i++) {
                    ctx.progress(i, 1000);
                }
                release.await(5, TimeUnit.SECONDS);
                return "done";
            }).onSuccess(v -> seen.add(Thread.currentThread() == uiThread ? "ui " + v : "wrong thread")));
            // Drain the UI queue until the task finishes, as the FX thread would.
            int updates = 0;
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!t.state().isDone() && System.nanoTime() < deadline) {
                Runnable r = ui.poll(50, TimeUnit.MILLISECONDS);
                if (r != null) {
                    r.run();
                    updates++;
                }
                if (t.progressProperty().get() == 1.0) {
                    release.countDown();
                }
            }
            assertEquals(TaskState.SUCCEEDED, t.state());
            assertEquals(List.of("ui done"), seen);
            assertTrue(updates < 1000, "1000 progress reports were coalesced into " + updates + " UI updates");
            assertTrue(ex.registry().running().isEmpty());
        }
    }

    @Test
    void cancelInterruptsAWaitingTask() throws Exception {
        LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        try (FxTaskExecutor ex = new FxTaskExecutor(ui::add, t -> {
        }, 1)) {
            BackgroundTask<Object> t = ex.execute(BackgroundTask.of("waits", ctx -> {
                ctx.token().sleep(java.time.Duration.ofSeconds(30), "waiting");
                return null;
            }));
            ui.take().run();
            assertEquals(TaskState.RUNNING, t.state());
            assertEquals(1, ex.registry().running().size());
            t.cancel();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!t.state().isDone() && System.nanoTime() < deadline) {
                Runnable r = ui.poll(50, TimeUnit.MILLISECONDS);
                if (r != null) {
                    r.run();
                }
            }
            assertEquals(TaskState.CANCELLED, t.state());
        }
    }
}
