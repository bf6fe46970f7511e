package org.configspec.profile.draft;

import java.util.Arrays;
import java.util.List;
import org.configspec.core.error.Check;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.stats.Median;
import org.configspec.core.stats.Summary;

/**
 * One measured quantity: its unit, how it was aggregated, the spread and the number of samples.
 * <p>Aggregation {@code median} (measured here, or llama-bench rows with {@code samples_ts}): the sample median with
 * the distribution-free order-statistic confidence interval for the median: with the n samples sorted,
 * [x<sub>(j)</sub>, x<sub>(n+1-j)</sub>] covers the true median with probability 1 − 2·P(Bin(n, ½) ≤ j − 1); j is the
 * largest index whose coverage is at least 95 %. With fewer than 6 samples no pair reaches 95 %, so the interval is
 * [min, max] and {@link #ciLevel()} reports its actual, lower coverage (n = 5: 93.75 %, n = 3: 75 %, n = 1: 0).
 * <p>Aggregation {@code mean}: llama-bench rows without samples carry only their mean and standard deviation; the
 * interval is then unknown (NaN) and {@link #ciLevel()} is 0.
 *
 * @param unit        unit of every figure, e.g. {@code tok/s}, {@code ms}, {@code s}, {@code W}
 * @param aggregation {@code median} or {@code mean}: what {@link #value()} is
 * @param value       the central figure
 * @param ciLow       lower end of the confidence interval of {@link #value()} (NaN when unknown)
 * @param ciHigh      upper end (NaN when unknown)
 * @param ciLevel     coverage of [ciLow, ciHigh], in [0, 1]
 * @param std         sample standard deviation (n − 1 denominator; NaN for n = 1 or unknown)
 * @param min         smallest sample (NaN when unknown)
 * @param max         largest sample (NaN when unknown)
 * @param n           number of samples (0 = unknown, only for aggregation mean)
 */
public record MedianCi(String unit, String aggregation, double value, double ciLow, double ciHigh, double ciLevel,
                       double std, double min, double max, int n) {
    /** Nominal coverage the interval aims for. */
    public static final double TARGET_LEVEL = 0.95;

    public MedianCi {
        Check.name("unit", unit);
        if (!"median".equals(aggregation) && !"mean".equals(aggregation)) {
            throw new ConfigSpecException("aggregation must be median or mean, got '" + aggregation + "'");
        }
        if (!Double.isFinite(value)) {
            throw new ConfigSpecException(unit + " value must be a finite number, got " + value);
        }
        Check.atLeast(unit + " n", n, "mean".equals(aggregation) ? 0 : 1);
        Check.probability(unit + " ciLevel", ciLevel);
        if (!Double.isNaN(ciLow) || !Double.isNaN(ciHigh)) {
            if (!(ciLow <= value && value <= ciHigh)) {
                throw new ConfigSpecException(unit + " confidence interval [" + ciLow + ", " + ciHigh
                        + "] must contain the value " + value);
            }
        }
        if (!Double.isNaN(std)) {
            Check.nonNegative(unit + " std", std);
        }
    }

    /** Median and order-statistic interval of the samples (at least one, all finite). */
    public static MedianCi of(String unit, double... samples) {
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
        double median = Median.ofSorted(s);
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
        double std = Double.NaN;
        if (n > 1) {
            double ss = 0;
            for (double x : s) {
                ss += (x - mean) * (x - mean);
            }
            std = Math.sqrt(ss / (n - 1));
        }
        return new MedianCi(unit, "median", median, s[j - 1], s[n - j], level, std, s[0], s[n - 1], n);
    }

    public static MedianCi of(String unit, List<Double> samples) {
        return of(unit, samples.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** A mean with its standard deviation over n runs (0 = unknown) and no samples (llama-bench rows without samples_ts). */
    public static MedianCi ofMean(String unit, double mean, double std, int n) {
        return new MedianCi(unit, "mean", mean, Double.NaN, Double.NaN, 0, std, Double.NaN, Double.NaN, n);
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

    /** Same figures under another unit after multiplying by {@code factor} (> 0), e.g. s → ms. */
    public MedianCi scaled(String newUnit, double factor) {
        Check.positive("factor", factor);
        return new MedianCi(newUnit, aggregation, value * factor, ciLow * factor, ciHigh * factor, ciLevel,
                std * factor, min * factor, max * factor, n);
    }

    public boolean hasInterval() {
        return !Double.isNaN(ciLow);
    }

    /**
     * As a core {@link Summary}: its {@code mean} slot holds {@link #value()} (the median when
     * {@link #aggregation()} is median), then std, min, max and n.
     */
    public Summary toSummary() {
        return new Summary(value, std, min, max, n);
    }
}
