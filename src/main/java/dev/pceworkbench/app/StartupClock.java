package dev.pceworkbench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Milliseconds since this process started, for the start-up log line. On Linux from
 * {@code /proc} (the process's start in clock ticks since boot against the system's uptime: 10 ms
 * resolution); elsewhere from {@link ProcessHandle.Info#startInstant()}, whose resolution the OS
 * decides (on Linux it is off by up to a second, as it rests on the boot time in whole seconds).
 */
final class StartupClock {
    /** The kernel's USER_HZ, the unit of /proc/PID/stat's start time: 100 on every Linux port. */
    private static final long TICKS_PER_SECOND = 100;

    private StartupClock() {
    }

    /** Milliseconds since the process started, or -1 when the OS does not say. */
    static long sinceProcessStart() {
        OptionalLong proc = fromProc();
        if (proc.isPresent()) {
            return proc.getAsLong();
        }
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis())
                .orElse(-1L);
    }

    private static OptionalLong fromProc() {
        try {
            Path stat = Path.of("/proc/self/stat");
            Path uptime = Path.of("/proc/uptime");
            if (!Files.isReadable(stat) || !Files.isReadable(uptime)) {
                return OptionalLong.empty();
            }
            String s = Files.readString(stat);
            // Field 22 (starttime); the command name (field 2) may hold spaces, so count after ')'.
            String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split(" ");
            long startTicks = Long.parseLong(f[19]);
            double upSeconds = Double.parseDouble(Files.readString(uptime).trim().split("\\s+")[0]);
            long millis = Math.round(upSeconds * 1000) - startTicks * 1000 / TICKS_PER_SECOND;
            return millis >= 0 ? OptionalLong.of(millis) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
