package org.configspec.core.acceptance;

import org.configspec.core.error.Check;

/** Independent per-token acceptance with rate a: E(K) = (1 − a^(K+1)) / (1 − a), defined for every K ≥ 1. */
public record IidCurve(double rate) implements AcceptanceCurve {
    public IidCurve {
        Check.probability("acceptance rate", rate);
    }

    @Override
    public double tokensPerRound(int k) {
        if (k < 1) {
            return Double.NaN;
        }
        if (rate == 1.0) {
            return k + 1.0;
        }
        return (1.0 - Math.pow(rate, k + 1)) / (1.0 - rate);
    }

    /** a^(K+1): K + 1 independent acceptances. */
    @Override
    public double guessHolds(int k) {
        return k < 1 ? Double.NaN : Math.pow(rate, k + 1);
    }

    /**
     * The rate a in [0, 1] whose first K positions accept {@code meanAccepted} tokens on average, Σ_{i=1..K} a^i =
     * meanAccepted (bisection; the sum grows with a): the i.i.d. reading of one measured α(K), as K·α(K).
     */
    public static double matchedRate(int k, double meanAccepted) {
        if (!(meanAccepted > 0)) {
            return 0;
        }
        if (meanAccepted >= k) {
            return 1;
        }
        double lo = 0;
        double hi = 1;
        for (int it = 0; it < 60; it++) {
            double mid = (lo + hi) / 2;
            double sum = 0;
            double p = 1;
            for (int i = 1; i <= k; i++) {
                p *= mid;
                sum += p;
            }
            if (sum < meanAccepted) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    @Override
    public String describe() {
        return String.format(java.util.Locale.ROOT, "i.i.d. per-token rate a = %.4f, E(K) = (1 − a^(K+1)) / (1 − a)", rate);
    }
}
