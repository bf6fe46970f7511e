package org.configspec.sim;

import java.util.SplittableRandom;
import org.configspec.core.acceptance.AcceptanceCurve;
import org.configspec.core.acceptance.IidCurve;
import org.configspec.core.acceptance.IidFit;
import org.configspec.core.acceptance.PerPositionCurve;
import org.configspec.core.error.ConfigSpecException;

/**
 * Draws L, the accepted draft tokens of one round of K, so that E[L] + 1 is the curve's E(K) at every K it covers.
 * <ul>
 *   <li>A per-position profile ({@link PerPositionCurve}) gives the distribution itself: P(L ≥ i) = E(i) − E(i−1).</li>
 *   <li>Where only α(K) is known (the paper's catalog), each token is accepted i.i.d. with the rate a_K that makes
 *       Σ_{i=1..K} a_K^i = K·α(K) (the mean is exact; the spread is the i.i.d. model's — an assumption, reported by
 *       {@link #describe(boolean)}).</li>
 *   <li>A K the curve does not cover uses the curve's least-squares i.i.d. fit (core's IidFit).</li>
 * </ul>
 * For pipelined clients, whether the draft's guess of the token after a wholly accepted round of K holds is drawn
 * with P(position K + 1 accepted | the first K accepted): S(K + 1) / S(K) from a per-position profile (the i.i.d. fit
 * where it ends at K), the round's own rate a_K otherwise; so P(L ≥ K + 1) is core's AcceptanceCurve.guessHolds.
 * Sampling is one uniform draw against a precomputed cumulative table per K.
 */
public final class AcceptanceSampler {
    private final double[][] cdf; // cdf[k][l] = P(L <= l) for a round of K = k
    private final boolean perPosition;
    private final boolean[] extrapolated; // per K: drawn from the i.i.d. fit, not the profile
    private final double[] next; // per K: P(position K + 1 accepted | the first K accepted)
    private final boolean[] nextExtrapolated; // per K: next[K] from the i.i.d. fit
    private final int maxK;
    private IidCurve fallback; // the curve's i.i.d. fit, for Ks it does not cover (made on first need)

    public AcceptanceSampler(AcceptanceCurve curve, int maxK) {
        if (maxK < 1 || maxK > 64) {
            throw new ConfigSpecException("--k-max = " + maxK + ": allowed 1..64");
        }
        this.maxK = maxK;
        this.perPosition = curve instanceof PerPositionCurve;
        extrapolated = new boolean[maxK + 1];
        next = new double[maxK + 1];
        nextExtrapolated = new boolean[maxK + 1];
        cdf = new double[maxK + 1][];
        for (int k = 1; k <= maxK; k++) {
            double[] survival = new double[k + 1]; // survival[i] = P(L >= i)
            survival[0] = 1;
            if (curve.supports(k) && perPosition) {
                survivalFromPositions(curve, survival);
                if (curve.supports(k + 1)) {
                    double[] longer = new double[k + 2];
                    longer[0] = 1;
                    survivalFromPositions(curve, longer);
                    next[k] = survival[k] > 0 ? longer[k + 1] / survival[k] : 0;
                } else {
                    nextExtrapolated[k] = true;
                    next[k] = fallbackRate(curve);
                }
            } else {
                double rate;
                if (curve.supports(k)) {
                    rate = IidCurve.matchedRate(k, k * curve.alpha(k));
                } else {
                    extrapolated[k] = true;
                    rate = fallbackRate(curve);
                }
                for (int i = 1; i <= k; i++) {
                    survival[i] = survival[i - 1] * rate;
                }
                next[k] = rate;
                nextExtrapolated[k] = extrapolated[k];
            }
            double[] c = new double[k + 1];
            for (int l = 0; l < k; l++) {
                c[l] = 1 - survival[l + 1];
            }
            c[k] = 1;
            cdf[k] = c;
        }
    }

    /** The rate of the curve's least-squares i.i.d. fit (fitted once). */
    private double fallbackRate(AcceptanceCurve curve) {
        if (fallback == null) {
            fallback = IidFit.fit(curve, 64);
        }
        return fallback.rate();
    }

    /** P(L >= i) = E(i) − E(i−1) with E(0) = 1, clipped to stay a non-increasing probability. */
    private static void survivalFromPositions(AcceptanceCurve curve, double[] survival) {
        survival[1] = Math.max(0, Math.min(1, curve.tokensPerRound(1) - 1));
        double previous = curve.tokensPerRound(1);
        for (int i = 2; i < survival.length; i++) {
            double e = curve.tokensPerRound(i);
            survival[i] = Math.max(0, Math.min(survival[i - 1], e - previous));
            previous = e;
        }
    }

    /** Accepted tokens L in 0..k of one round. */
    public int sample(int k, SplittableRandom rng) {
        double[] c = cdf[k];
        double u = rng.nextDouble();
        int l = 0;
        while (u >= c[l]) {
            l++;
        }
        return l;
    }

    /** Whether the guess after a wholly accepted round of K holds (one draw; call only when L = K). */
    public boolean guessHolds(int k, SplittableRandom rng) {
        return rng.nextDouble() < next[k];
    }

    /** q(K) = P(L = K)·P(guess holds | L = K) = P(L ≥ K + 1) of a draft of K + 1, as drawn. */
    public double guessHolds(int k) {
        double allAccepted = 1 - (k == 0 ? 0 : cdf[k][k - 1]);
        return allAccepted * next[k];
    }

    /** Whether the guess after a round of K is drawn from the i.i.d. fit because the profile ends at K. */
    public boolean guessExtrapolated(int k) {
        return nextExtrapolated[k];
    }

    /** E[L] + 1 of the distribution drawn from at K. */
    public double tokensPerRound(int k) {
        double[] c = cdf[k];
        double e = 1;
        for (int l = 0; l < k; l++) {
            e += 1 - c[l];
        }
        return e;
    }

    public int maxK() {
        return maxK;
    }

    /** Whether rounds of K are drawn from the curve's i.i.d. fit because the profile does not cover K. */
    public boolean extrapolated(int k) {
        return extrapolated[k];
    }

    /** How L is drawn; {@code extrapolatedUsed}: whether a run drew at a K the profile does not cover. */
    public String describe(boolean extrapolatedUsed) {
        String base = perPosition ? "per-position acceptance from the profile"
                : "i.i.d. per-token acceptance matched to the measured α(K) (the profile has no per-position data)";
        return extrapolatedUsed ? base + "; Ks it does not cover use its i.i.d. fit" : base;
    }
}
