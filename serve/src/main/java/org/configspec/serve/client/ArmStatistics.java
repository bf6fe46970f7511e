package org.configspec.serve.client;

import java.util.SplittableRandom;
import org.configspec.core.stats.StandardNormal;

/**
 * Per-K running statistics of the Thompson-sampling policy {@link BanditK}: count, mean and sum
 * of squared deviations of one observed value per round (Welford's update), a warm-up that plays each K a few times,
 * and a draw of each K's mean from its Gaussian posterior N(mean, variance / n).
 */
final class ArmStatistics {
    private final long[] n;
    private final double[] mean;
    private final double[] m2;
    private final double priorM2;
    private final SplittableRandom rng;

    /**
     * @param priorM2 pseudo sum of squared deviations added to every K's (0: the sample variance alone; 1: one
     *                pseudo-observation of unit variance, which keeps a K whose first rounds agreed from freezing)
     */
    ArmStatistics(int maxK, double priorM2, long seed) {
        n = new long[maxK + 1];
        mean = new double[maxK + 1];
        m2 = new double[maxK + 1];
        this.priorM2 = priorM2;
        rng = new SplittableRandom(seed);
    }

    /** The first K in 1..max played fewer than {@code warmup} times, or 0 when every K has been. */
    int underplayed(int warmup) {
        for (int k = 1; k < n.length; k++) {
            if (n[k] < warmup) {
                return k;
            }
        }
        return 0;
    }

    void add(int k, double x) {
        n[k]++;
        double d = x - mean[k];
        mean[k] += d / n[k];
        m2[k] += d * (x - mean[k]);
    }

    long count(int k) {
        return n[k];
    }

    double mean(int k) {
        return mean[k];
    }

    /**
     * Thompson's choice: the K whose posterior draw, divided by {@code per.applyAsDouble(K)}, is largest (one draw per
     * K, in order; the first on ties).
     */
    int bestDraw(java.util.function.IntToDoubleFunction per) {
        int best = 1;
        double bestDraw = Double.NEGATIVE_INFINITY;
        for (int k = 1; k < n.length; k++) {
            double d = draw(k) / per.applyAsDouble(k);
            if (d > bestDraw) {
                bestDraw = d;
                best = k;
            }
        }
        return best;
    }

    /** One draw of K's mean from its posterior; K must have been played at least twice when there is no prior. */
    double draw(int k) {
        double variance = priorM2 == 0 ? m2[k] / (n[k] - 1) : (m2[k] + priorM2) / n[k];
        return mean[k] + Math.sqrt(variance / n[k]) * StandardNormal.next(rng);
    }
}
