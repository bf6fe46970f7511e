package org.configspec.serve.verifier;

import java.time.Duration;
import org.configspec.core.error.ConfigSpecException;

/**
 * Verifier server settings; errors name the flag.
 *
 * @param contextPerSession KV positions per session (committed + drafted tokens)
 * @param maxBodyBytes      largest request body accepted
 */
public record VerifierConfig(String host, int port, String token, int maxBatch, Duration maxWait, int maxSessions,
                             int maxK, Duration idleTimeout, int contextPerSession, long maxBodyBytes, int threads) {
    public VerifierConfig {
        if (host == null || host.isBlank()) {
            throw new ConfigSpecException("--host is empty");
        }
        range("--port", port, 0, 65535);
        if (token != null && token.isBlank()) {
            throw new ConfigSpecException("--token is blank (allowed: a non-empty secret, or leave it out)");
        }
        range("--max-batch", maxBatch, 1, 64);
        if (maxWait == null || maxWait.isNegative() || maxWait.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new ConfigSpecException("--max-wait-ms = " + maxWait + ": allowed 0..10000 ms");
        }
        range("--max-sessions", maxSessions, 1, 64);
        range("--max-k", maxK, 1, 64);
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new ConfigSpecException("--idle-timeout = " + idleTimeout + ": allowed a positive duration");
        }
        range("--context", contextPerSession, maxK + 2, 1 << 16);
        if (maxBodyBytes < 1024 || maxBodyBytes > (64L << 20)) {
            throw new ConfigSpecException("--max-body = " + maxBodyBytes + ": allowed 1024..67108864 bytes");
        }
        range("--threads", threads, 1, 256);
    }

    private static void range(String flag, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new ConfigSpecException(flag + " = " + v + ": allowed " + lo + ".." + hi);
        }
    }

    /** Defaults: 127.0.0.1, port 0 (any), no token, batch 8, wait 5 ms, 64 sessions, K 16, idle 300 s, context 256, 1 MiB body. */
    public static VerifierConfig defaults() {
        return new VerifierConfig("127.0.0.1", 0, null, 8, Duration.ofMillis(5), 64, 16, Duration.ofSeconds(300), 256,
                1 << 20, org.configspec.llm.engine.ContextOptions.defaultThreads());
    }

    public VerifierConfig withPort(int p) {
        return new VerifierConfig(host, p, token, maxBatch, maxWait, maxSessions, maxK, idleTimeout, contextPerSession,
                maxBodyBytes, threads);
    }

    public VerifierConfig withToken(String t) {
        return new VerifierConfig(host, port, t, maxBatch, maxWait, maxSessions, maxK, idleTimeout, contextPerSession,
                maxBodyBytes, threads);
    }

    public VerifierConfig withBatching(int batch, Duration wait) {
        return new VerifierConfig(host, port, token, batch, wait, maxSessions, maxK, idleTimeout, contextPerSession,
                maxBodyBytes, threads);
    }

    public VerifierConfig withSessions(int sessions, Duration idle) {
        return new VerifierConfig(host, port, token, maxBatch, maxWait, sessions, maxK, idle, contextPerSession,
                maxBodyBytes, threads);
    }

    public VerifierConfig withThreads(int t) {
        return new VerifierConfig(host, port, token, maxBatch, maxWait, maxSessions, maxK, idleTimeout,
                contextPerSession, maxBodyBytes, t);
    }

    public VerifierConfig withMaxK(int k) {
        return new VerifierConfig(host, port, token, maxBatch, maxWait, maxSessions, k, idleTimeout,
                contextPerSession, maxBodyBytes, threads);
    }
}
