package dev.pceworkbench.pce.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before trying a request again. Idempotent requests (GET) are retried
 * on 429, 502, 503, 504 and dropped connections; POST, PUT and DELETE only on 429, which the PCE
 * rejected before acting. Waits grow exponentially from {@code baseDelay} up to {@code maxDelay},
 * with jitter so that many clients do not retry in step; a {@code Retry-After} from the PCE is
 * honoured (up to {@code maxRetryAfter}).
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(2));
    }

    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    public static boolean idempotent(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    /** Whether a status may be retried for this method. */
    public boolean retryableStatus(String method, int status) {
        if (status == 429) {
            return true;
        }
        return idempotent(method) && (status == 502 || status == 503 || status == 504);
    }

    /** The wait before attempt {@code attempt + 1} (attempt counts from 1). */
    public Duration delay(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            Duration capped = retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
            // A little jitter on top of the server's hint spreads clients that were told the same.
            long jitter = capped.isZero() ? 0 : ThreadLocalRandom.current().nextLong(Math.max(1, capped.toMillis() / 10 + 1));
            return capped.plusMillis(jitter);
        }
        long base = baseDelay.toMillis();
        long exp = base * (1L << Math.min(20, attempt - 1));
        long cap = Math.min(exp, maxDelay.toMillis());
        // "Equal jitter": half fixed, half random.
        return Duration.ofMillis(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
    }
}
