package org.configspec.profile.align;

import org.configspec.core.error.Check;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.sampling.SamplingParams;

/**
 * Settings of an acceptance profiling run.
 *
 * @param kMax        largest K profiled (1..64); every K in 1..kMax comes from the same passes
 * @param tokens      N, continuation tokens per prompt (target greedy)
 * @param headlineK   the K whose α interval {@code untilCi} watches (1..kMax)
 * @param sampling    sampling distributions for the expected (sampling-mode) acceptance, or null for greedy only
 * @param seed        bootstrap seed
 * @param threads     CPU threads of the engines (recorded in the provenance)
 * @param untilCi     stop adding prompts once every draft's α(headlineK) interval half-width is ≤ this [fraction];
 *                    NaN = off (use every prompt up to maxPrompts)
 * @param minPrompts  fewest prompts before {@code untilCi} may stop
 * @param maxPrompts  most prompts used
 * @param targetPass  how the target's continuation is computed
 */
public record AlignSettings(int kMax, int tokens, int headlineK, SamplingParams sampling, long seed, int threads,
                            double untilCi, int minPrompts, int maxPrompts, TargetPassKind targetPass) {

    /** The strategy of the one target pass per prompt. */
    public enum TargetPassKind {
        /** a real speculative run at K_max with the first draft as pilot: ≈ N / E(K_max) target decodes */
        SPECULATIVE,
        /** plain greedy generation: N single-token target decodes, fewest target tokens */
        GREEDY
    }

    public AlignSettings {
        if (kMax < 1 || kMax > 64) {
            throw new ConfigSpecException("--k-max = " + kMax + ": allowed 1..64");
        }
        if (tokens <= kMax) {
            throw new ConfigSpecException("--tokens = " + tokens + ": allowed more than --k-max (" + kMax + ")");
        }
        if (headlineK < 1 || headlineK > kMax) {
            throw new ConfigSpecException("--headline-k = " + headlineK + ": allowed 1..--k-max (" + kMax + ")");
        }
        if (sampling != null && sampling.isGreedy()) {
            throw new ConfigSpecException("--temperature = 0: sampling-mode acceptance needs a temperature > 0");
        }
        Check.atLeast("--threads", threads, 1);
        if (!Double.isNaN(untilCi) && !(untilCi > 0 && untilCi < 1)) {
            throw new ConfigSpecException("--until-ci = " + untilCi + ": allowed a half-width in (0, 1)");
        }
        Check.atLeast("--min-prompts", minPrompts, 2);
        if (maxPrompts < minPrompts) {
            throw new ConfigSpecException("--max-prompts = " + maxPrompts + ": allowed >= --min-prompts ("
                    + minPrompts + ")");
        }
        Check.present("--target-pass", targetPass);
    }

    /** Greedy only, K_max 10, N 128, headline K 4, seed 42, 2 threads, no stopping rule, up to 1000 prompts,
     * speculative target pass. */
    public static AlignSettings defaults() {
        return new AlignSettings(10, 128, 4, null, 42, 2, Double.NaN, 5, 1000, TargetPassKind.SPECULATIVE);
    }

    public AlignSettings withKMax(int k) {
        return new AlignSettings(k, tokens, Math.min(headlineK, k), sampling, seed, threads, untilCi, minPrompts,
                maxPrompts, targetPass);
    }

    public AlignSettings withTokens(int n) {
        return new AlignSettings(kMax, n, headlineK, sampling, seed, threads, untilCi, minPrompts, maxPrompts, targetPass);
    }

    public AlignSettings withSampling(SamplingParams s) {
        return new AlignSettings(kMax, tokens, headlineK, s, seed, threads, untilCi, minPrompts, maxPrompts, targetPass);
    }

    public AlignSettings withUntilCi(double w, int min, int max) {
        return new AlignSettings(kMax, tokens, headlineK, sampling, seed, threads, w, min, max, targetPass);
    }

    public AlignSettings withTargetPass(TargetPassKind kind) {
        return new AlignSettings(kMax, tokens, headlineK, sampling, seed, threads, untilCi, minPrompts, maxPrompts,
                kind);
    }

    public boolean stopsOnInterval() {
        return !Double.isNaN(untilCi);
    }
}
