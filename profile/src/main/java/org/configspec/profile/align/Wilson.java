package org.configspec.profile.align;

import org.configspec.core.stats.Interval;
/**
 * Wilson score interval of a proportion (successes out of n trials, treated as independent), at 95 % (z = 1.96).
 * Used for per-position acceptance P(L ≥ i) pooled over rounds. Pure.
 */
public final class Wilson {
    public static final double Z95 = 1.959963984540054;
    static final String METHOD = "Wilson score over pooled rounds";

    private Wilson() {
    }

    public static Interval interval(long successes, long n) {
        if (n <= 0) {
            return Interval.unknown(0.95, METHOD);
        }
        double p = (double) successes / n;
        double z2 = Z95 * Z95;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half), 0.95, METHOD);
    }
}
