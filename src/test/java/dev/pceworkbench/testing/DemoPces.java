package dev.pceworkbench.testing;

import dev.pceworkbench.demo.DemoPce;
import dev.pceworkbench.demo.DemoPceOptions;
import dev.pceworkbench.pce.ConnectionSettings;
import dev.pceworkbench.pce.Credentials;
import dev.pceworkbench.pce.PceClient;
import dev.pceworkbench.pce.TlsSettings;
import dev.pceworkbench.pce.http.RequestLimiter;
import dev.pceworkbench.pce.http.RetryPolicy;

import java.io.IOException;
import java.time.Duration;

/**
 * The demo PCE set-up the tests share: a demo PCE over HTTPS with its rate limit off, and a client
 * that trusts the demo's CA, with the default retries, no request budget and a job timeout.
 */
public final class DemoPces {
    /** The job timeout of {@link #client(DemoPce)}. */
    public static final Duration JOB_TIMEOUT = Duration.ofMinutes(2);

    private DemoPces() {
    }

    /** A demo PCE with the {@code small} data set and no rate limit. */
    public static DemoPce startSmall() throws IOException {
        return start(DemoPceOptions.defaults().withRateLimit(0));
    }

    /** A demo PCE with {@code options}. */
    public static DemoPce start(DemoPceOptions options) throws IOException {
        return DemoPce.start(options);
    }

    /** A client for {@code pce} with a job timeout of {@link #JOB_TIMEOUT}. */
    public static PceClient client(DemoPce pce) {
        return client(pce, JOB_TIMEOUT);
    }

    /**
     * A client for {@code pce}: its API key, its CA, the default retries, and no request budget (the
     * demo's rate limit is off, and some tests send thousands of requests in a minute).
     */
    public static PceClient client(DemoPce pce, Duration jobTimeout) {
        return PceClient.connect(settings(pce), RetryPolicy.defaults(), new RequestLimiter(0), jobTimeout);
    }

    /** How to reach {@code pce}: its URL, org 1, its API key, TLS verified against its CA. */
    public static ConnectionSettings settings(DemoPce pce) {
        return ConnectionSettings.of(pce.baseUrl(), 0, 1,
                        new Credentials.ApiKey(pce.credentials().authUsername(), pce.credentials().secret()))
                .withTls(TlsSettings.verifying().withCaBundlePem(pce.caPem()));
    }
}
