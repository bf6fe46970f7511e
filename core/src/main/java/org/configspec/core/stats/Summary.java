package org.configspec.core.stats;

import org.configspec.core.error.Check;
import org.configspec.core.error.ConfigSpecException;

/**
 * A measured quantity: its mean, spread (standard deviation, minimum, maximum; NaN where unknown) and the number
 * of samples it aggregates (0 where unknown). The unit belongs to the field that holds it.
 */
public record Summary(double mean, double std, double min, double max, int n) {
    public Summary {
        if (!Double.isFinite(mean)) {
            throw new ConfigSpecException("mean must be a finite number, got " + mean);
        }
        if (!Double.isNaN(std)) {
            Check.nonNegative("std", std);
        }
        if (!Double.isNaN(min) && !Double.isNaN(max) && min > max) {
            throw new ConfigSpecException("min (" + min + ") must not exceed max (" + max + ")");
        }
        Check.atLeast("n", n, 0);
    }

    /** A single figure with no known spread. */
    public static Summary of(double mean) {
        return new Summary(mean, Double.NaN, Double.NaN, Double.NaN, 0);
    }

    public boolean hasSpread() {
        return !Double.isNaN(std);
    }
}
