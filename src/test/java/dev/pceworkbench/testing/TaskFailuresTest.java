package dev.pceworkbench.testing;

import dev.pceworkbench.task.BackgroundTask;
import dev.pceworkbench.task.SynchronousTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.Extension;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guard against swallowed task failures is registered for every test, and fails a test that leaves one. */
class TaskFailuresTest {
    @Test
    void isRegisteredForEveryTest() throws IOException {
        assertTrue(ServiceLoader.load(Extension.class).stream().anyMatch(p -> p.type() == TaskFailures.class),
                "TaskFailures is not in META-INF/services");
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/junit-platform.properties")) {
            p.load(in);
        }
        assertEquals("true", p.getProperty("junit.jupiter.extensions.autodetection.enabled"));
    }

    @Test
    void anUnhandledFailureFailsTheTest() {
        SynchronousTaskExecutor executor = TaskFailures.synchronousExecutor();
        executor.execute(BackgroundTask.of("fails", ctx -> {
            throw new IllegalStateException("nobody handles this");
        }));
        AssertionError e = assertThrows(AssertionError.class, () -> new TaskFailures().afterEach(null));
        assertEquals("nobody handles this", e.getSuppressed()[0].getMessage());
        assertEquals(List.of(), TaskFailures.takeAll(), "reported once, then forgotten");
    }

    @Test
    void aHandledFailureDoesNot() {
        TaskFailures.synchronousExecutor().execute(BackgroundTask.of("fails", ctx -> {
            throw new IllegalStateException("handled");
        }).onFailure(t -> {
        }));
        new TaskFailures().afterEach(null);
    }
}
