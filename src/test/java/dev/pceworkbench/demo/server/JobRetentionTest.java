package dev.pceworkbench.demo.server;

import dev.pceworkbench.demo.DemoHttp;
import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 17, item 10: async jobs and their datafiles expire by age and by count. */
class JobRetentionTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static DemoPce start(ManualClock clock, Duration ttl, int max) throws Exception {
        return DemoPce.start(DemoPceOptions.defaults().withRateLimit(0).withJobTiming(Duration.ZERO, 0)
                .withLimits(DemoPceOptions.Limits.defaults().withJobRetention(ttl, max)), clock);
    }

    private static String submit(DemoHttp http) {
        DemoHttp.Reply r = http.getAsync("/orgs/1/labels");
        assertEquals(202, r.status());
        return r.header("Location");
    }

    @Test
    void jobsBeyondTheCountGoOldestFirst() throws Exception {
        try (DemoPce pce = start(new ManualClock(), Duration.ofHours(1), 3)) {
            DemoHttp http = DemoHttp.forPce(pce);
            List<String> jobs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                jobs.add(submit(http));
            }
            for (int i = 0; i < 5; i++) {
                assertEquals(i < 2 ? 404 : 200, http.get(jobs.get(i)).status(), "job " + i);
            }
            assertEquals(3, http.get("/orgs/1/jobs").json().size());
            String datafile = http.get(jobs.get(4)).json().path("result").path("href").asText();
            assertEquals(200, http.get(datafile).status());
            assertEquals(404, http.get(jobs.get(0).replace("/jobs/", "/datafiles/")).status());
        }
    }

    @Test
    void jobsOlderThanTheirTimeToLiveAnswer404WithTheirDatafiles() throws Exception {
        ManualClock clock = new ManualClock();
        try (DemoPce pce = start(clock, Duration.ofMinutes(10), 100)) {
            DemoHttp http = DemoHttp.forPce(pce);
            String old = submit(http);
            String datafile = http.get(old).json().path("result").path("href").asText();
            assertEquals(200, http.get(datafile).status());
            clock.advance(Duration.ofMinutes(6));
            String young = submit(http);
            clock.advance(Duration.ofMinutes(5));
            assertEquals(404, http.get(old).status());
            assertEquals("not_found", http.get(old).token());
            assertEquals(404, http.get(datafile).status());
            String uuid = datafile.substring(datafile.lastIndexOf('/') + 1);
            try (var files = java.nio.file.Files.list(pce.state().spool())) {
                assertEquals(List.of(), files.filter(f -> f.getFileName().toString().contains(uuid)).toList(),
                        "the expired job's datafile is deleted");
            }
            assertEquals(200, http.get(young).status());
            assertEquals(1, http.get("/orgs/1/jobs").json().size());
        }
    }
}
