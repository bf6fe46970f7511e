package org.configspec.profile.draft;

import org.configspec.core.error.Check;
import org.configspec.core.stats.Measured;

/**
 * How the numbers were taken.
 *
 * @param warmup         untimed warm-up repetitions before each timed series (-1 = unknown, e.g. llama-bench imports)
 * @param reps           timed repetitions per series (each a sample of every {@link Measured})
 * @param threads        CPU threads
 * @param contextSize    KV-cache positions of the context (0 = unknown)
 * @param flashAttention flash-attention mode ({@code auto}, {@code on}, {@code off}, or as llama-bench wrote it)
 * @param kvCacheType    KV-cache element type, e.g. {@code f16}
 */
public record Harness(int warmup, int reps, int threads, int contextSize, String flashAttention, String kvCacheType) {
    public Harness {
        Check.atLeast("warmup", warmup, -1);
        Check.atLeast("reps", reps, 1);
        Check.atLeast("threads", threads, 0);
        Check.atLeast("contextSize", contextSize, 0);
        flashAttention = flashAttention == null ? "" : flashAttention;
        kvCacheType = kvCacheType == null ? "" : kvCacheType;
    }
}
