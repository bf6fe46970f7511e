package org.configspec.serve.client;

import java.util.SplittableRandom;

/** Standard normal draws for the Thompson-sampling policies (Marsaglia's polar method, one value per call). */
final class StandardNormal {
    private StandardNormal() {
    }

    static double next(SplittableRandom rng) {
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
