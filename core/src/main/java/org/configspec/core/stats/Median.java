package org.configspec.core.stats;

import java.util.Arrays;

/** The sample median: the middle value of the sorted samples, the mean of the two middle ones for an even count. */
public final class Median {
    private Median() {
    }

    /** Median of {@code samples} (not modified); NaN when there are none. */
    public static double of(double... samples) {
        if (samples.length == 0) {
            return Double.NaN;
        }
        double[] s = samples.clone();
        Arrays.sort(s);
        return ofSorted(s);
    }

    /** Median of samples already sorted ascending; NaN when there are none. */
    public static double ofSorted(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
