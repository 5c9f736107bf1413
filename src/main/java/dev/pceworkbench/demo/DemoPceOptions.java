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
 * @param limits          the server's defences: timeouts, connection and login-failure limits, job retention
 */
public record DemoPceOptions(String bindAddress, int port, DataGenerator.Scale scale, long seed, boolean https, boolean mtls,
                             Path stateDir, String faults, int rateLimitPerMinute, Duration jobDuration,
                             int retryAfterSeconds, Duration trafficQueryDuration, Limits limits) {

    /**
     * What keeps the server serving under hostile or careless clients.
     *
     * @param idleTimeout        a connection that sends or accepts nothing for this long is closed: a
     *                           half-sent TLS record or header, an unread answer, an idle keep-alive
     * @param maxConnectionsPerClient open connections one client address may hold; more are refused
     * @param loginFailuresPerMinute failed logins per client address and user name in any minute before
     *                           that pair is answered 429 with Retry-After; 0 disables the brake
     * @param jobTtl             how long an async job and its datafile are kept after the request
     * @param maxJobs            how many async jobs are kept at most; the oldest go first
     */
    public record Limits(Duration idleTimeout, int maxConnectionsPerClient, int loginFailuresPerMinute,
                         Duration jobTtl, int maxJobs) {
        public static Limits defaults() {
            return new Limits(Duration.ofSeconds(30), 64, 10, Duration.ofHours(1), 100);
        }

        public Limits withIdleTimeout(Duration d) {
            return new Limits(d, maxConnectionsPerClient, loginFailuresPerMinute, jobTtl, maxJobs);
        }

        public Limits withMaxConnectionsPerClient(int n) {
            return new Limits(idleTimeout, n, loginFailuresPerMinute, jobTtl, maxJobs);
        }

        public Limits withLoginFailuresPerMinute(int n) {
            return new Limits(idleTimeout, maxConnectionsPerClient, n, jobTtl, maxJobs);
        }

        public Limits withJobRetention(Duration ttl, int max) {
            return new Limits(idleTimeout, maxConnectionsPerClient, loginFailuresPerMinute, ttl, max);
        }
    }

    /** Options with the default {@link Limits}. */
    public DemoPceOptions(String bindAddress, int port, DataGenerator.Scale scale, long seed, boolean https, boolean mtls,
                          Path stateDir, String faults, int rateLimitPerMinute, Duration jobDuration,
                          int retryAfterSeconds, Duration trafficQueryDuration) {
        this(bindAddress, port, scale, seed, https, mtls, stateDir, faults, rateLimitPerMinute, jobDuration,
                retryAfterSeconds, trafficQueryDuration, Limits.defaults());
    }

    public DemoPceOptions withLimits(Limits l) {
        return new DemoPceOptions(bindAddress, port, scale, seed, https, mtls, stateDir, faults, rateLimitPerMinute,
                jobDuration, retryAfterSeconds, trafficQueryDuration, l);
    }

    public DemoPceOptions withBindAddress(String address) {
        return new DemoPceOptions(address, port, scale, seed, https, mtls, stateDir, faults, rateLimitPerMinute,
                jobDuration, retryAfterSeconds, trafficQueryDuration, limits);
    }

    public static DemoPceOptions defaults() {
        return new DemoPceOptions("127.0.0.1", 0, DataGenerator.Scale.SMALL, 1L, true, false, null, null, 500,
                Duration.ofMillis(300), 1, Duration.ofMillis(300));
    }

    public DemoPceOptions withPort(int p) {
        return new DemoPceOptions(bindAddress, p, scale, seed, https, mtls, stateDir, faults, rateLimitPerMinute,
                jobDuration, retryAfterSeconds, trafficQueryDuration, limits);
    }

    public DemoPceOptions withScale(DataGenerator.Scale s) {
        return new DemoPceOptions(bindAddress, port, s, seed, https, mtls, stateDir, faults, rateLimitPerMinute,
                jobDuration, retryAfterSeconds, trafficQueryDuration, limits);
    }

    public DemoPceOptions withSeed(long s) {
        return new DemoPceOptions(bindAddress, port, scale, s, https, mtls, stateDir, faults, rateLimitPerMinute,
                jobDuration, retryAfterSeconds, trafficQueryDuration, limits);
    }

    public DemoPceOptions withHttps(boolean h) {
        return new DemoPceOptions(bindAddress, port, scale, seed, h, mtls, stateDir, faults, rateLimitPerMinute,
                jobDuration, retryAfterSeconds, trafficQueryDuration, limits);
    }

    public DemoPceOptions withMtls(boolean m) {
        return new DemoPceOptions(bindAddress, port, scale, seed, https, m, stateDir, faults, rateLimitPerMinute,
                jobDuration, retryAfterSeconds, trafficQueryDuration, limits);
    }

    public DemoPceOptions withStateDir(Path d) {
        return new DemoPceOptions(bindAddress, port, scale, seed, https, mtls, d, faults, rateLimitPerMinute,
                jobDuration, retryAfterSeconds, trafficQueryDuration, limits);
    }

    public DemoPceOptions withFaults(String f) {
        return new DemoPceOptions(bindAddress, port, scale, seed, https, mtls, stateDir, f, rateLimitPerMinute,
                jobDuration, retryAfterSeconds, trafficQueryDuration, limits);
    }

    public DemoPceOptions withRateLimit(int perMinute) {
        return new DemoPceOptions(bindAddress, port, scale, seed, https, mtls, stateDir, faults, perMinute,
                jobDuration, retryAfterSeconds, trafficQueryDuration, limits);
    }

    public DemoPceOptions withJobTiming(Duration duration, int retryAfter) {
        return new DemoPceOptions(bindAddress, port, scale, seed, https, mtls, stateDir, faults, rateLimitPerMinute,
                duration, retryAfter, trafficQueryDuration, limits);
    }

    public DemoPceOptions withTrafficQueryDuration(Duration d) {
        return new DemoPceOptions(bindAddress, port, scale, seed, https, mtls, stateDir, faults, rateLimitPerMinute,
                jobDuration, retryAfterSeconds, d, limits);
    }
}
