package org.configspec.core.stats;

import java.util.Arrays;
import org.configspec.core.error.ConfigSpecException;

/** The sample median: the middle order statistic, or the mean of the two middle ones. */
public final class Median {
    private Median() {
    }

    /** Median of the values (at least one); the array is not changed. */
    public static double of(double[] values) {
        if (values.length == 0) {
            throw new ConfigSpecException("median of no values");
        }
        double[] s = values.clone();
        Arrays.sort(s);
        return ofSorted(s);
    }

    /** Median of values already sorted ascending. */
    static double ofSorted(double[] s) {
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
