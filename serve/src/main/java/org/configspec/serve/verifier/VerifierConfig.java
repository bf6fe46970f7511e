package org.configspec.serve.verifier;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.cpu.CpuSet;
import org.configspec.serve.http.BearerToken;
import org.configspec.serve.http.ServerLimits;

/**
 * Verifier server settings; errors name the flag.
 *
 * @param contextPerSession    KV positions per session (committed + drafted tokens)
 * @param maxBodyBytes         largest request body accepted
 * @param limits               connections, requests in flight, decode queue, header and body deadlines
 * @param allowUnauthenticated serve without a token on an address other than loopback (otherwise refused)
 * @param cpus                 the CPUs the in-process target decodes on (the decode thread and llama.cpp's workers),
 *                             at least one per thread; null: not pinned
 */
public record VerifierConfig(String host, int port, String token, int maxBatch, Duration maxWait, int maxSessions,
                             int maxK, Duration idleTimeout, int contextPerSession, long maxBodyBytes, int threads,
                             ServerLimits limits, boolean allowUnauthenticated, CpuSet cpus) {
    public VerifierConfig {
        if (host == null || host.isBlank()) {
            throw new ConfigSpecException("--host is empty");
        }
        range("--port", port, 0, 65535);
        if (token != null) {
            new BearerToken(token);
        }
        if (limits == null) {
            throw new ConfigSpecException("the server limits are missing");
        }
        if (token == null && !allowUnauthenticated && !loopback(host)) {
            throw new ConfigSpecException("--host " + host + " is reachable from other machines and no token is set:"
                    + " give one (--token-file FILE, the " + BearerToken.ENVIRONMENT + " environment variable or"
                    + " --token) or pass --allow-unauthenticated");
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
        if (cpus != null && threads > cpus.size()) {
            throw new ConfigSpecException("--threads = " + threads + " with --cpus " + cpus + ": allowed at most one"
                    + " llama thread per pinned CPU (" + cpus.size() + ")");
        }
    }

    /** The settings before the server limits existed: default limits, loopback-only without a token. */
    public VerifierConfig(String host, int port, String token, int maxBatch, Duration maxWait, int maxSessions,
                          int maxK, Duration idleTimeout, int contextPerSession, long maxBodyBytes, int threads) {
        this(host, port, token, maxBatch, maxWait, maxSessions, maxK, idleTimeout, contextPerSession, maxBodyBytes,
                threads, ServerLimits.defaults(), false, null);
    }

    /** True when every address {@code host} names is a loopback address (only this machine can connect). */
    static boolean loopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            InetAddress[] all = InetAddress.getAllByName(h);
            for (InetAddress a : all) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return all.length > 0;
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
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
                maxBodyBytes, threads, limits, allowUnauthenticated, cpus);
    }

    public VerifierConfig withToken(String t) {
        return new VerifierConfig(host, port, t, maxBatch, maxWait, maxSessions, maxK, idleTimeout, contextPerSession,
                maxBodyBytes, threads, limits, allowUnauthenticated, cpus);
    }

    public VerifierConfig withBatching(int batch, Duration wait) {
        return new VerifierConfig(host, port, token, batch, wait, maxSessions, maxK, idleTimeout, contextPerSession,
                maxBodyBytes, threads, limits, allowUnauthenticated, cpus);
    }

    public VerifierConfig withSessions(int sessions, Duration idle) {
        return new VerifierConfig(host, port, token, maxBatch, maxWait, sessions, maxK, idle, contextPerSession,
                maxBodyBytes, threads, limits, allowUnauthenticated, cpus);
    }

    public VerifierConfig withThreads(int t) {
        return new VerifierConfig(host, port, token, maxBatch, maxWait, maxSessions, maxK, idleTimeout,
                contextPerSession, maxBodyBytes, t, limits, allowUnauthenticated, cpus);
    }

    public VerifierConfig withMaxK(int k) {
        return new VerifierConfig(host, port, token, maxBatch, maxWait, maxSessions, k, idleTimeout,
                contextPerSession, maxBodyBytes, threads, limits, allowUnauthenticated, cpus);
    }

    public VerifierConfig withLimits(ServerLimits l) {
        return new VerifierConfig(host, port, token, maxBatch, maxWait, maxSessions, maxK, idleTimeout,
                contextPerSession, maxBodyBytes, threads, l, allowUnauthenticated, cpus);
    }

    public VerifierConfig withHost(String h, boolean unauthenticated) {
        return new VerifierConfig(h, port, token, maxBatch, maxWait, maxSessions, maxK, idleTimeout,
                contextPerSession, maxBodyBytes, threads, limits, unauthenticated, cpus);
    }

    /** Decoding pinned to {@code c} (null: not pinned); set the threads first, at most one per CPU. */
    public VerifierConfig withCpus(CpuSet c) {
        return new VerifierConfig(host, port, token, maxBatch, maxWait, maxSessions, maxK, idleTimeout,
                contextPerSession, maxBodyBytes, threads, limits, allowUnauthenticated, c);
    }
}
