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

    @Override
    public String describe() {
        return String.format(java.util.Locale.ROOT, "i.i.d. per-token rate a = %.4f, E(K) = (1 − a^(K+1)) / (1 − a)", rate);
    }
}
