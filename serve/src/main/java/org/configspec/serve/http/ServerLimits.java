package org.configspec.serve.http;

import java.time.Duration;
import org.configspec.core.error.ConfigSpecException;

/**
 * How much of the verifier one client (or many) may hold; each limit names the flag that sets it.
 *
 * @param maxConnections   open TCP connections; beyond it Jetty stops accepting and closes idle connections sooner
 * @param maxRequests      requests with a (complete) body being processed at once; beyond it 429
 * @param maxQueued        verifies and session creations waiting for the decode thread; beyond it 429
 * @param headerTimeout    a request's headers must be complete this long after its first byte arrived
 * @param bodyTimeout      a request's body must be complete this long after its headers, plus its length at
 *                         {@code minDataRate}
 * @param minDataRate      bytes per second a body must at least arrive at (lengthens the body deadline)
 */
public record ServerLimits(int maxConnections, int maxRequests, int maxQueued, Duration headerTimeout,
                           Duration bodyTimeout, long minDataRate) {
    public ServerLimits {
        range("--max-connections", maxConnections, 16, 1_000_000);
        range("--max-requests", maxRequests, 1, 100_000);
        range("--max-queue", maxQueued, 1, 100_000);
        positive("--header-timeout", headerTimeout);
        positive("--body-timeout", bodyTimeout);
        if (minDataRate < 1 || minDataRate > (1L << 30)) {
            throw new ConfigSpecException("--min-data-rate = " + minDataRate + ": allowed 1..1073741824 bytes/s");
        }
    }

    /** 4096 connections, 256 requests in flight, 64 queued for the decode thread, 10 s, 10 s, 16 KiB/s. */
    public static ServerLimits defaults() {
        return new ServerLimits(4096, 256, 64, Duration.ofSeconds(10), Duration.ofSeconds(10), 16 * 1024);
    }

    /** The deadline of a body of {@code length} bytes: the body timeout plus the length at the minimum rate. */
    public long bodyDeadlineNanos(long length) {
        return bodyTimeout.toNanos() + Math.max(0, length) * 1_000_000_000L / minDataRate;
    }

    public ServerLimits withConnections(int connections) {
        return new ServerLimits(connections, maxRequests, maxQueued, headerTimeout, bodyTimeout, minDataRate);
    }

    public ServerLimits withRequests(int requests, int queued) {
        return new ServerLimits(maxConnections, requests, queued, headerTimeout, bodyTimeout, minDataRate);
    }

    public ServerLimits withTimeouts(Duration header, Duration body, long rate) {
        return new ServerLimits(maxConnections, maxRequests, maxQueued, header, body, rate);
    }

    private static void range(String flag, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new ConfigSpecException(flag + " = " + v + ": allowed " + lo + ".." + hi);
        }
    }

    private static void positive(String flag, Duration d) {
        if (d == null || d.isNegative() || d.isZero() || d.compareTo(Duration.ofHours(1)) > 0) {
            throw new ConfigSpecException(flag + " = " + d + ": allowed a positive duration up to 1 h");
        }
    }
}
