package org.configspec.serve.client;

import java.time.Duration;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.cpu.CpuSet;
import org.configspec.llm.engine.SlowedEngine;

/**
 * Edge client settings.
 *
 * @param temperature   0 = greedy drafting and greedy acceptance; else both sample at this temperature
 * @param draftTopK     the draft samples from its top-k tokens (1..1024), so the distribution sent is exact
 * @param seed          seed of the draft's draws and of the session's acceptance draws
 * @param threads       llama threads of the draft
 * @param retryStart    first back-off pause after a network error (doubles up to retryMax)
 * @param retryMax      longest back-off pause
 * @param fallbackAfter how long the verifier may stay unreachable before the client decodes locally with the draft
 * @param pipeline      draft the next round while the verify is in flight (greedy only; see EdgeClient)
 * @param cpus          the CPUs the draft decodes on (the drafting thread and llama.cpp's workers), at least one per
 *                      thread; null: not pinned
 * @param draftSlowdown 1, or emulate a device this many times slower at drafting: every draft decode lasts this many
 *                      times its duration here ({@link SlowedEngine}); the tokens are unchanged
 */
public record ClientOptions(double temperature, int draftTopK, long seed, int threads, Duration retryStart,
                            Duration retryMax, Duration fallbackAfter, boolean pipeline, CpuSet cpus,
                            double draftSlowdown) {
    /** Not pipelined, not pinned. */
    public ClientOptions(double temperature, int draftTopK, long seed, int threads, Duration retryStart,
                         Duration retryMax, Duration fallbackAfter) {
        this(temperature, draftTopK, seed, threads, retryStart, retryMax, fallbackAfter, false, null);
    }

    /** Not pinned. */
    public ClientOptions(double temperature, int draftTopK, long seed, int threads, Duration retryStart,
                         Duration retryMax, Duration fallbackAfter, boolean pipeline) {
        this(temperature, draftTopK, seed, threads, retryStart, retryMax, fallbackAfter, pipeline, null);
    }

    /** Not slowed. */
    public ClientOptions(double temperature, int draftTopK, long seed, int threads, Duration retryStart,
                         Duration retryMax, Duration fallbackAfter, boolean pipeline, CpuSet cpus) {
        this(temperature, draftTopK, seed, threads, retryStart, retryMax, fallbackAfter, pipeline, cpus, 1);
    }

    public ClientOptions {
        if (!(temperature >= 0 && temperature <= 100)) {
            throw new ConfigSpecException("--temperature = " + temperature + ": allowed 0 (greedy) .. 100");
        }
        if (draftTopK < 1 || draftTopK > org.configspec.serve.protocol.SparseDistribution.MAX_ENTRIES) {
            throw new ConfigSpecException("--draft-top-k = " + draftTopK + ": allowed 1..1024");
        }
        if (threads < 1 || threads > 256) {
            throw new ConfigSpecException("--threads = " + threads + ": allowed 1..256");
        }
        if (retryStart == null || retryStart.isNegative() || retryMax == null || retryMax.compareTo(retryStart) < 0) {
            throw new ConfigSpecException("retry back-off " + retryStart + ".." + retryMax + ": allowed 0 <= start <= max");
        }
        if (fallbackAfter == null || fallbackAfter.isNegative()) {
            throw new ConfigSpecException("--fallback-after = " + fallbackAfter + ": allowed >= 0");
        }
        if (pipeline && temperature != 0) {
            throw new ConfigSpecException("--pipeline with --temperature = " + temperature + ": drafting ahead is"
                    + " greedy only; allowed with --temperature 0");
        }
        if (cpus != null && threads > cpus.size()) {
            throw new ConfigSpecException("--threads = " + threads + " with --cpus " + cpus + ": allowed at most one"
                    + " llama thread per pinned CPU (" + cpus.size() + ")");
        }
        if (!SlowedEngine.allowed(draftSlowdown)) {
            throw new ConfigSpecException("--draft-slowdown = " + draftSlowdown + ": allowed 1 (this machine's speed).."
                    + (int) SlowedEngine.MAX_FACTOR);
        }
    }

    public static ClientOptions defaults() {
        return new ClientOptions(0, 40, 0, org.configspec.llm.engine.ContextOptions.defaultThreads(),
                Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    public ClientOptions withSampling(double t, int topK, long s) {
        return new ClientOptions(t, topK, s, threads, retryStart, retryMax, fallbackAfter, pipeline, cpus,
                draftSlowdown);
    }

    public ClientOptions withThreads(int t) {
        return new ClientOptions(temperature, draftTopK, seed, t, retryStart, retryMax, fallbackAfter, pipeline, cpus,
                draftSlowdown);
    }

    public ClientOptions withFallbackAfter(Duration d) {
        return new ClientOptions(temperature, draftTopK, seed, threads, retryStart, retryMax, d, pipeline, cpus,
                draftSlowdown);
    }

    public ClientOptions withPipeline(boolean on) {
        return new ClientOptions(temperature, draftTopK, seed, threads, retryStart, retryMax, fallbackAfter, on, cpus,
                draftSlowdown);
    }

    /** Drafting pinned to {@code c} (null: not pinned); set the threads first, at most one per CPU. */
    public ClientOptions withCpus(CpuSet c) {
        return new ClientOptions(temperature, draftTopK, seed, threads, retryStart, retryMax, fallbackAfter, pipeline,
                c, draftSlowdown);
    }

    /** Drafting as on a device {@code f} times slower than this machine (1: as fast). */
    public ClientOptions withDraftSlowdown(double f) {
        return new ClientOptions(temperature, draftTopK, seed, threads, retryStart, retryMax, fallbackAfter, pipeline,
                cpus, f);
    }

    public boolean greedy() {
        return temperature == 0;
    }
}
