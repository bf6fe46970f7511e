package org.configspec.core.acceptance;

import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;

/** The paper's model: E(K) = K·α(K) + 1 with α(K) measured at each K; no value at unmeasured K. */
public final class MeasuredAlphaCurve implements AcceptanceCurve {
    private final double[] alphaByK;

    public MeasuredAlphaCurve(SortedMap<Integer, Double> alphaByK) {
        int maxK = alphaByK.isEmpty() ? 0 : alphaByK.lastKey();
        this.alphaByK = new double[maxK + 1];
        Arrays.fill(this.alphaByK, Double.NaN);
        for (Map.Entry<Integer, Double> e : alphaByK.entrySet()) {
            this.alphaByK[e.getKey()] = e.getValue();
        }
    }

    @Override
    public double tokensPerRound(int k) {
        if (k < 1 || k >= alphaByK.length) {
            return Double.NaN;
        }
        return k * alphaByK[k] + 1.0;
    }

    @Override
    public double alpha(int k) {
        return k < 1 || k >= alphaByK.length ? Double.NaN : alphaByK[k];
    }

    /**
     * The measured α(K) are one figure per K (each from its own rounds of K), so E(K + 1) − E(K) mixes two
     * measurements and need not be a probability. Read instead within the rounds of K, as the simulator draws them
     * (sim's AcceptanceSampler): tokens accepted i.i.d. at the rate a_K that reproduces K·α(K), so q(K) = a_K^(K+1).
     * Defined wherever α(K) is, with no value needed at K + 1.
     */
    @Override
    public double guessHolds(int k) {
        double a = alpha(k);
        return Double.isNaN(a) ? Double.NaN : Math.pow(IidCurve.matchedRate(k, k * a), k + 1);
    }

    @Override
    public String describe() {
        return "measured α(K), E(K) = K·α(K) + 1";
    }
}
