package org.configspec.core.stats;

import java.util.Arrays;
import org.configspec.core.error.Check;
import org.configspec.core.error.ConfigSpecException;

/**
 * One measured quantity: its unit, how it was aggregated (mean or median), the value, a confidence interval, the
 * spread of the samples and their number. Every figure shares the unit. Unknown figures are NaN (interval:
 * {@link Interval#NONE}, n: 0).
 *
 * @param unit        unit of every figure, e.g. {@code tok/s}, {@code ms}, {@code W}, {@code fraction}
 * @param aggregation what {@link #value()} is: the mean or the median of the samples
 * @param value       the central figure (finite)
 * @param interval    confidence interval of {@link #value()}, or {@link Interval#NONE}
 * @param std         sample standard deviation (n − 1 denominator; NaN for n = 1 or unknown)
 * @param min         smallest sample (NaN when unknown)
 * @param max         largest sample (NaN when unknown)
 * @param n           number of samples (0 = unknown)
 */
public record Measured(String unit, Aggregation aggregation, double value, Interval interval, double std, double min,
                       double max, int n) {
    /** Nominal coverage of the order-statistic interval of a median. */
    public static final double TARGET_LEVEL = 0.95;
    /** How {@link #median} computes its interval. */
    public static final String ORDER_STATISTIC = "order statistics [x(j), x(n+1-j)] of the median";

    public Measured {
        Check.name("unit", unit);
        Check.present(unit + " aggregation", aggregation);
        if (!Double.isFinite(value)) {
            throw new ConfigSpecException(unit + " value must be a finite number, got " + value);
        }
        interval = interval == null ? Interval.NONE : interval;
        if (!Double.isNaN(std)) {
            if (Double.isInfinite(std)) {
                throw new ConfigSpecException(unit + " std must be finite, got " + std);
            }
            Check.nonNegative(unit + " std", std);
        }
        if (Double.isInfinite(min) || Double.isInfinite(max)) {
            throw new ConfigSpecException(unit + " min and max must be finite, got " + min + " and " + max);
        }
        if (!Double.isNaN(min) && !Double.isNaN(max) && min > max) {
            throw new ConfigSpecException(unit + " min (" + min + ") must not exceed max (" + max + ")");
        }
        Check.atLeast(unit + " n", n, 0);
    }

    /** A single figure with no known spread, e.g. one copied from a paper's table. */
    public static Measured of(String unit, Aggregation aggregation, double value) {
        return new Measured(unit, aggregation, value, Interval.NONE, Double.NaN, Double.NaN, Double.NaN, 0);
    }

    /** A mean with its standard deviation over n samples (0 = unknown) and no interval, e.g. llama-bench's avg ± stddev. */
    public static Measured ofMean(String unit, double mean, double std, int n) {
        return new Measured(unit, Aggregation.MEAN, mean, Interval.NONE, std, Double.NaN, Double.NaN, n);
    }

    /**
     * Mean, sample std (n − 1; NaN for one value), min, max and n of the values, with the given interval; NaN values
     * are skipped (they mark a prompt without a figure). At least one value must be a number.
     */
    public static Measured mean(String unit, double[] values, Interval interval) {
        double[] x = Arrays.stream(values).filter(d -> !Double.isNaN(d)).toArray();
        if (x.length == 0) {
            throw new ConfigSpecException(unit + ": no values to average");
        }
        double mean = Arrays.stream(x).average().orElseThrow();
        return new Measured(unit, Aggregation.MEAN, mean, interval, std(x, mean), Arrays.stream(x).min().orElseThrow(),
                Arrays.stream(x).max().orElseThrow(), x.length);
    }

    /**
     * Median of the samples (at least one, all finite) with the distribution-free order-statistic confidence interval
     * for the median: with the n samples sorted, [x<sub>(j)</sub>, x<sub>(n+1-j)</sub>] covers the true median with
     * probability 1 − 2·P(Bin(n, ½) ≤ j − 1); j is the largest index whose coverage is at least 95 %. With fewer than
     * 6 samples no pair reaches 95 %, so the interval is [min, max] with its actual, lower coverage (n = 5: 93.75 %,
     * n = 3: 75 %, n = 1: 0).
     */
    public static Measured median(String unit, double... samples) {
        if (samples.length == 0) {
            throw new ConfigSpecException(unit + ": no samples to summarise");
        }
        double[] s = samples.clone();
        for (double x : s) {
            if (!Double.isFinite(x)) {
                throw new ConfigSpecException(unit + ": sample " + x + " is not a finite number");
            }
        }
        Arrays.sort(s);
        int n = s.length;
        int j = 1;
        double level = coverage(n, 1);
        for (int k = 2; k <= n / 2; k++) {
            double c = coverage(n, k);
            if (c < TARGET_LEVEL) {
                break;
            }
            j = k;
            level = c;
        }
        double mean = Arrays.stream(s).average().orElseThrow();
        return new Measured(unit, Aggregation.MEDIAN, Median.ofSorted(s),
                new Interval(s[j - 1], s[n - j], level, ORDER_STATISTIC), std(s, mean), s[0], s[n - 1], n);
    }

    /** {@link #median(String, double...)} of a list of samples. */
    public static Measured median(String unit, java.util.List<Double> samples) {
        return median(unit, samples.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Coverage of [x(j), x(n+1-j)] for the median: 1 − 2·P(Bin(n, ½) ≤ j − 1). */
    static double coverage(int n, int j) {
        double tail = 0;
        double c = 1; // C(n, 0)
        for (int i = 0; i <= j - 1; i++) {
            if (i > 0) {
                c = c * (n - i + 1) / i;
            }
            tail += c;
        }
        return Math.max(0, 1 - 2 * tail / Math.pow(2, n));
    }

    private static double std(double[] x, double mean) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double ss = 0;
        for (double d : x) {
            ss += (d - mean) * (d - mean);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    /** Same figures under another unit after multiplying by {@code factor} (> 0), e.g. s → ms. */
    public Measured scaled(String newUnit, double factor) {
        Check.positive("factor", factor);
        return new Measured(newUnit, aggregation, value * factor, interval.scaled(factor), std * factor, min * factor,
                max * factor, n);
    }

    /** True when the standard deviation is known. */
    public boolean hasSpread() {
        return !Double.isNaN(std);
    }

    /** True when the confidence interval has bounds. */
    public boolean hasInterval() {
        return interval.known();
    }
}
