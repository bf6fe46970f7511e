package org.configspec.llm.engine;

import java.util.concurrent.locks.LockSupport;

/**
 * Emulates an edge device {@code factor} times slower than this machine, as the link emulator emulates a slower
 * network: every {@link #decode} runs on the wrapped engine and then waits until it has lasted {@code factor} times
 * its measured duration. Tokens, logits and the KV cache are the wrapped engine's, unchanged; only time is stretched
 * (prefill and single-token steps alike, so their ratio is this machine's). The wait parks the thread, so the CPU is
 * free meanwhile: what the emulation does not reproduce is the slower device's own load (energy, heat, memory
 * traffic). An interrupt ends a wait early and stays set.
 * <p>Not thread-safe, as the engine it wraps.
 */
public final class SlowedEngine extends ForwardingEngine {
    /** Largest factor: a 1,000× slower device turns this machine's millisecond decode into a second. */
    public static final double MAX_FACTOR = 1000;

    private final double factor;
    private long realNanos;
    private long emulatedNanos;

    private SlowedEngine(InferenceEngine engine, double factor) {
        super(engine);
        this.factor = factor;
    }

    /** Whether {@code factor} is a slow-down this emulates: 1 (this machine's speed) to {@link #MAX_FACTOR}. */
    public static boolean allowed(double factor) {
        return factor >= 1 && factor <= MAX_FACTOR;
    }

    /** {@code engine} slowed {@code factor} times; {@code engine} itself when the factor is 1. */
    public static InferenceEngine of(InferenceEngine engine, double factor) {
        if (!allowed(factor)) {
            throw new IllegalArgumentException("slow-down factor " + factor + ": allowed 1.." + (int) MAX_FACTOR);
        }
        return factor == 1 ? engine : new SlowedEngine(engine, factor);
    }

    /** Seconds the wrapped engine spent decoding. */
    public double realSeconds() {
        return realNanos / 1e9;
    }

    /** Seconds the decodes lasted here, waits included (at least {@code factor} × {@link #realSeconds()}). */
    public double emulatedSeconds() {
        return emulatedNanos / 1e9;
    }

    @Override
    public void decode(TokenBatch batch) {
        long t0 = System.nanoTime();
        try {
            engine.decode(batch);
        } finally {
            long real = System.nanoTime() - t0;
            long deadline = t0 + (long) (real * factor);
            long now;
            while ((now = System.nanoTime()) - deadline < 0 && !Thread.currentThread().isInterrupted()) {
                LockSupport.parkNanos(deadline - now);
            }
            realNanos += real;
            emulatedNanos += now - t0;
        }
    }
}
