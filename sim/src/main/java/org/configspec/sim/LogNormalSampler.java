package org.configspec.sim;

import java.util.SplittableRandom;
import org.configspec.core.stats.StandardNormal;

/**
 * Lognormal draws from a seeded {@link SplittableRandom}: exp(N(ln m, σ²)), one standard normal per draw, given by its
 * median (round trips, prompt lengths) or by its mean (drafting times, whose mean stays K / r_d whatever the spread).
 */
final class LogNormalSampler {
    private LogNormalSampler() {
    }

    /** {@code median · exp(σ·Z)}. */
    static double withMedian(double median, double sigma, SplittableRandom rng) {
        return median * Math.exp(sigma * StandardNormal.next(rng));
    }

    /** {@code mean · exp(σ·Z − σ²/2)}: the mean is {@code mean} (the median is lower by exp(σ²/2)). */
    static double withMean(double mean, double sigma, SplittableRandom rng) {
        return mean * Math.exp(sigma * StandardNormal.next(rng) - sigma * sigma / 2);
    }
}
