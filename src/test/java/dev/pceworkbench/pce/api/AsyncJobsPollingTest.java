package dev.pceworkbench.pce.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** When the PCE asks for no wait (Retry-After: 0 or none), the first poll goes at once, then backs off to 1 s. */
class AsyncJobsPollingTest {
    @Test
    void pollsAtOnceThenBacksOffToOneSecond() {
        List<Long> waits = new ArrayList<>();
        Duration d = Duration.ZERO;
        for (int i = 0; i < 10; i++) {
            waits.add(d.toMillis());
            d = AsyncJobs.nextBackoff(d);
        }
        assertEquals(List.of(0L, 20L, 40L, 80L, 160L, 320L, 640L, 1000L, 1000L, 1000L), waits);
    }
}
