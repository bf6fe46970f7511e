package org.configspec.profile.align;

import org.configspec.core.error.ConfigSpecException;

/**
 * A two-sided confidence interval of a quantity (same unit as the quantity).
 *
 * @param low    lower bound
 * @param high   upper bound
 * @param level  confidence level, e.g. 0.95
 * @param method how it was computed, e.g. "bootstrap percentile over prompts, 2000 resamples, seed 42"
 */
public record Interval(double low, double high, double level, String method) {
    public Interval {
        if (Double.isNaN(low) != Double.isNaN(high) || (!Double.isNaN(low) && low > high)) {
            throw new ConfigSpecException("interval low (" + low + ") must not exceed high (" + high + ")");
        }
        if (!(level > 0 && level < 1)) {
            throw new ConfigSpecException("interval level must be in (0, 1), got " + level);
        }
        method = method == null ? "" : method;
    }

    /** No interval (fewer than two samples). */
    public static Interval unknown(double level, String method) {
        return new Interval(Double.NaN, Double.NaN, level, method);
    }

    /** (high - low) / 2; NaN when unknown. */
    public double halfWidth() {
        return (high - low) / 2;
    }
}
