package org.configspec.core.acceptance;

import org.configspec.core.error.Check;
import org.configspec.core.error.ConfigSpecException;

/**
 * Measured per-position acceptance: survival[i-1] = P(L ≥ i), the probability that the first i drafted tokens
 * are all accepted. E(K) = 1 + Σ_{i=1..K} P(L ≥ i); defined for K up to the measured length.
 */
public final class PerPositionCurve implements AcceptanceCurve {
    private final double[] cumulative;

    public PerPositionCurve(double[] survival) {
        cumulative = new double[survival.length + 1];
        cumulative[0] = 1.0;
        double previous = 1.0;
        for (int i = 0; i < survival.length; i++) {
            Check.probability("P(L >= " + (i + 1) + ")", survival[i]);
            if (survival[i] > previous + 1e-12) {
                throw new ConfigSpecException("per-position acceptance must not increase with position: P(L >= "
                        + (i + 1) + ") = " + survival[i] + " > P(L >= " + i + ") = " + previous);
            }
            previous = survival[i];
            cumulative[i + 1] = cumulative[i] + survival[i];
        }
    }

    @Override
    public double tokensPerRound(int k) {
        return k < 1 || k >= cumulative.length ? Double.NaN : cumulative[k];
    }

    public int maxK() {
        return cumulative.length - 1;
    }

    @Override
    public String describe() {
        return "measured per-position acceptance, E(K) = 1 + Σ P(L ≥ i)";
    }
}
