package org.configspec.profile.draft;

import java.util.List;
import java.util.TreeSet;
import org.configspec.core.error.ConfigSpecException;

/**
 * What {@link DraftBench} measures and how often. Errors name the field and its command-line flag.
 *
 * @param depths        context depths in tokens at which decode speed is measured (distinct, 0..65536; sorted here)
 * @param decodeTokens  single-token decode steps timed per repetition at each depth (1..4096)
 * @param prefillTokens tokens of the timed prefill batch (1..8192)
 * @param kMax          time to draft K is measured for K = 1..kMax (1..64)
 * @param draftPrefix   tokens in the KV cache before drafting K (1..4096)
 * @param warmup        untimed repetitions before each timed series (0..100)
 * @param reps          timed repetitions per series (1..1000)
 * @param threads       CPU threads (1..256)
 */
public record DraftBenchSettings(List<Integer> depths, int decodeTokens, int prefillTokens, int kMax, int draftPrefix,
                                 int warmup, int reps, int threads) {
    public DraftBenchSettings {
        if (depths == null || depths.isEmpty()) {
            throw new ConfigSpecException("depths (--depths) must list at least one context depth in tokens, e.g. 0,128,512");
        }
        TreeSet<Integer> sorted = new TreeSet<>();
        for (Integer d : depths) {
            if (d == null || d < 0 || d > 65536) {
                throw new ConfigSpecException("depths (--depths) = " + depths + ": each depth must be 0..65536 tokens");
            }
            if (!sorted.add(d)) {
                throw new ConfigSpecException("depths (--depths) = " + depths + ": depth " + d + " is listed twice");
            }
        }
        depths = List.copyOf(sorted);
        range("decodeTokens (--decode-tokens)", decodeTokens, 1, 4096);
        range("prefillTokens (--prefill-tokens)", prefillTokens, 1, 8192);
        range("kMax (--k-max)", kMax, 1, 64);
        range("draftPrefix (--draft-prefix)", draftPrefix, 1, 4096);
        range("warmup (--warmup)", warmup, 0, 100);
        range("reps (--reps)", reps, 1, 1000);
        range("threads (--threads)", threads, 1, 256);
    }

    /** Depths 0, 128, 512; 32 decode steps; prefill 64; K up to 8 after 16 tokens; 1 warm-up, 5 reps, 2 threads. */
    public static DraftBenchSettings defaults() {
        return new DraftBenchSettings(List.of(0, 128, 512), 32, 64, 8, 16, 1, 5, 2);
    }

    /** One line naming the field (and its flag), the bad value and the allowed range; shared by the bench settings. */
    static void range(String field, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new ConfigSpecException(field + " = " + v + ": allowed " + lo + ".." + hi);
        }
    }

    /** KV-cache positions the measurement needs. */
    public int contextNeeded() {
        int deepest = depths.get(depths.size() - 1) + decodeTokens;
        return Math.max(Math.max(deepest, prefillTokens), draftPrefix + kMax) + 1;
    }

    /** Largest batch the measurement decodes in one call (prefill batch, or chunks of the depth prefix). */
    public int batchCapacity() {
        return Math.max(prefillTokens, Math.max(draftPrefix, Math.min(512, depths.get(depths.size() - 1))));
    }
}
