package org.configspec.llm.remote;

import java.time.Duration;
import org.configspec.core.error.ConfigSpecException;

/**
 * How often and how patiently a request answered with 429 (rate limited) or 5xx (server error), or a connection
 * reset mid-request, is repeated: at most {@code attempts} tries in all, waiting {@code firstBackoff} before the
 * second and {@code factor} times longer before each further one, never longer than {@code maxBackoff} (a
 * {@code Retry-After} header in seconds is honoured up to that bound). Other 4xx answers are never retried.
 */
public record RetryPolicy(int attempts, Duration firstBackoff, double factor, Duration maxBackoff) {
    public RetryPolicy {
        if (attempts < 1 || attempts > 20) {
            throw new ConfigSpecException("retry attempts = " + attempts + ": allowed 1..20");
        }
        if (firstBackoff == null || firstBackoff.isNegative() || maxBackoff == null || maxBackoff.isNegative()) {
            throw new ConfigSpecException("retry back-off " + firstBackoff + ".." + maxBackoff
                    + ": allowed non-negative durations");
        }
        if (!(factor >= 1 && factor <= 10)) {
            throw new ConfigSpecException("retry back-off factor = " + factor + ": allowed 1..10");
        }
    }

    /** 4 attempts, waiting 0.5 s, 1 s, 2 s (at most 10 s each). */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(500), 2, Duration.ofSeconds(10));
    }

    /** One attempt: no retries. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, 1, Duration.ZERO);
    }

    /** The wait before attempt {@code attempt} (2 = the first retry). */
    public Duration backoff(int attempt) {
        double ms = firstBackoff.toMillis() * Math.pow(factor, Math.max(0, attempt - 2));
        return Duration.ofMillis((long) Math.min(ms, maxBackoff.toMillis()));
    }
}
