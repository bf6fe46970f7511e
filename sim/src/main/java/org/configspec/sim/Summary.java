package org.configspec.sim;

import java.util.Arrays;

/** Mean and percentiles of a sample (nearest-rank percentiles). */
public record Summary(double mean, double p50, double p95, double p99, int n) {
    public static Summary of(double[] values, int n) {
        if (n == 0) {
            return new Summary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double[] v = Arrays.copyOf(values, n);
        Arrays.sort(v);
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return new Summary(sum / n, rank(v, 0.50), rank(v, 0.95), rank(v, 0.99), n);
    }

    private static double rank(double[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
