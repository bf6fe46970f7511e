package org.configspec.profile.align;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.configspec.core.error.Check;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.stats.Interval;

/**
 * Percentile bootstrap of the mean: resample the values with replacement {@code resamples} times from a generator
 * seeded with {@code seed}, take the (1-level)/2 and (1+level)/2 quantiles of the resampled means. Deterministic for
 * a given seed. Pure.
 */
public record Bootstrap(int resamples, long seed, double level) {
    public Bootstrap {
        Check.atLeast("bootstrap resamples", resamples, 100);
        if (!(level > 0 && level < 1)) {
            throw new org.configspec.core.error.ConfigSpecException("bootstrap level must be in (0, 1), got " + level);
        }
    }

    public static Bootstrap defaults(long seed) {
        return new Bootstrap(2000, seed, 0.95);
    }

    public String describe() {
        return "bootstrap percentile over prompts, " + resamples + " resamples, seed " + seed;
    }

    /** Interval of the mean of {@code values}; unknown for fewer than two values. */
    public Interval meanInterval(double[] values) {
        if (values.length < 2) {
            return Interval.unknown(level, describe());
        }
        SplittableRandom r = new SplittableRandom(seed);
        double[] means = new double[resamples];
        int n = values.length;
        for (int b = 0; b < resamples; b++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += values[r.nextInt(n)];
            }
            means[b] = s / n;
        }
        Arrays.sort(means);
        double tail = (1 - level) / 2;
        return new Interval(quantile(means, tail), quantile(means, 1 - tail), level, describe());
    }

    /** Linear-interpolation quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double x = q * (sorted.length - 1);
        int i = (int) Math.floor(x);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (x - i) * (sorted[j] - sorted[i]);
    }
}
