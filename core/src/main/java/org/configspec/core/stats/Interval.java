package org.configspec.core.stats;

import org.configspec.core.error.ConfigSpecException;

/**
 * A two-sided confidence interval of a quantity, in the quantity's unit.
 *
 * @param low    lower bound (NaN when unknown; then {@code high} is NaN too)
 * @param high   upper bound
 * @param level  the interval's coverage, in [0, 1] (an order-statistic interval of one sample covers with 0)
 * @param method how it was computed, e.g. "bootstrap percentile over prompts, 2000 resamples, seed 42"
 */
public record Interval(double low, double high, double level, String method) {
    /** No interval at all (no samples, or a figure copied without its spread). */
    public static final Interval NONE = new Interval(Double.NaN, Double.NaN, 0, "");

    public Interval {
        if (Double.isNaN(low) != Double.isNaN(high) || (!Double.isNaN(low) && !(low <= high))) {
            throw new ConfigSpecException("interval low (" + low + ") must not exceed high (" + high + ")");
        }
        if (Double.isInfinite(low) || Double.isInfinite(high)) {
            throw new ConfigSpecException("interval bounds must be finite, got [" + low + ", " + high + "]");
        }
        if (!(level >= 0 && level <= 1)) {
            throw new ConfigSpecException("interval level must be in [0, 1], got " + level);
        }
        method = method == null ? "" : method;
    }

    /** No bounds (e.g. fewer than two samples), but the level and method the interval would have had. */
    public static Interval unknown(double level, String method) {
        return new Interval(Double.NaN, Double.NaN, level, method);
    }

    /** True when the bounds are numbers. */
    public boolean known() {
        return !Double.isNaN(low);
    }

    /** (high - low) / 2; NaN when unknown. */
    public double halfWidth() {
        return (high - low) / 2;
    }

    /** The same interval with both bounds multiplied by {@code factor} (> 0). */
    public Interval scaled(double factor) {
        return new Interval(low * factor, high * factor, level, method);
    }
}
