package dev.pceworkbench.demo;

import dev.pceworkbench.demo.data.DataGenerator;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run a demo PCE. Defaults: HTTPS on an ephemeral loopback port, the small data set with
 * seed 1, 500 requests per minute per credential, no faults, collection jobs that take 0.3 s and
 * ask clients to poll after 1 s.
 *
 * @param port            TCP port; 0 picks a free one
 * @param stateDir        where ca.pem, credentials.json (and client.pem) are written; null for none
 * @param faults          a fault spec (see {@link dev.pceworkbench.demo.server.Faults}), null for none
 * @param rateLimitPerMinute requests per minute per credential; 0 disables the limit
 * @param jobDuration     how long an async collection job stays pending plus running
 * @param retryAfterSeconds the Retry-After the server asks clients to wait between job polls
 * @param trafficQueryDuration how long a traffic query stays queued plus working
 */
public record DemoPceOptions(String bindAddress, int port, DataGenerator.Scale scale, long seed, boolean https, boolean mtls,
                             Path stateDir, String faults, int rateLimitPerMinute, Duration jobDuration,
                             int retryAfterSeconds, Duration trafficQueryDuration) {

    public static DemoPceOptions defaults() {
        return new DemoPceOptions("127.0.0.1", 0, DataGenerator.Scale.SMALL, 1L, true, false, null, null, 500,
                Duration.ofMillis(300), 1, Duration.ofMillis(300));
    }

    public DemoPceOptions withPort(int p) {
        return new DemoPceOptions(bindAddress, p, scale, seed, https, mtls, stateDir, faults, rateLimitPerMinute,
                jobDuration, retryAfterSeconds, trafficQueryDuration);
    }

    public DemoPceOptions withScale(DataGenerator.Scale s) {
        return new DemoPceOptions(bindAddress, port, s, seed, https, mtls, stateDir, faults, rateLimitPerMinute,
                jobDuration, retryAfterSeconds, trafficQueryDuration);
    }

    public DemoPceOptions withSeed(long s) {
        return new DemoPceOptions(bindAddress, port, scale, s, https, mtls, stateDir, faults, rateLimitPerMinute,
                jobDuration, retryAfterSeconds, trafficQueryDuration);
    }

    public DemoPceOptions withHttps(boolean h) {
        return new DemoPceOptions(bindAddress, port, scale, seed, h, mtls, stateDir, faults, rateLimitPerMinute,
                jobDuration, retryAfterSeconds, trafficQueryDuration);
    }

    public DemoPceOptions withMtls(boolean m) {
        return new DemoPceOptions(bindAddress, port, scale, seed, https, m, stateDir, faults, rateLimitPerMinute,
                jobDuration, retryAfterSeconds, trafficQueryDuration);
    }

    public DemoPceOptions withStateDir(Path d) {
        return new DemoPceOptions(bindAddress, port, scale, seed, https, mtls, d, faults, rateLimitPerMinute,
                jobDuration, retryAfterSeconds, trafficQueryDuration);
    }

    public DemoPceOptions withFaults(String f) {
        return new DemoPceOptions(bindAddress, port, scale, seed, https, mtls, stateDir, f, rateLimitPerMinute,
                jobDuration, retryAfterSeconds, trafficQueryDuration);
    }

    public DemoPceOptions withRateLimit(int perMinute) {
        return new DemoPceOptions(bindAddress, port, scale, seed, https, mtls, stateDir, faults, perMinute,
                jobDuration, retryAfterSeconds, trafficQueryDuration);
    }

    public DemoPceOptions withJobTiming(Duration duration, int retryAfter) {
        return new DemoPceOptions(bindAddress, port, scale, seed, https, mtls, stateDir, faults, rateLimitPerMinute,
                duration, retryAfter, trafficQueryDuration);
    }

    public DemoPceOptions withTrafficQueryDuration(Duration d) {
        return new DemoPceOptions(bindAddress, port, scale, seed, https, mtls, stateDir, faults, rateLimitPerMinute,
                jobDuration, retryAfterSeconds, d);
    }
}
