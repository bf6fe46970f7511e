package org.configspec.core.stats;

import java.util.SplittableRandom;

/**
 * Standard normal draws from a seeded {@link SplittableRandom} (Marsaglia's polar method, one value per call), for the
 * simulator's distributions and the Thompson-sampling K policies: the same seed gives the same draws.
 */
public final class StandardNormal {
    private StandardNormal() {
    }

    public static double next(SplittableRandom rng) {
        double u;
        double v;
        double s;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
