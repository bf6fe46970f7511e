package org.configspec.serve.client;

import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.configspec.core.stats.StandardNormal;

/**
 * The draft's acceptance per draft position, learned from every round whatever its K: a round that drafted K tokens
 * and had L accepted tried positions 1..min(K, L + 1) and accepted 1..L (positions past the first rejection were not
 * tried: censored). Position i's conditional acceptance h_i = P(L ≥ i | L ≥ i − 1) does not depend on K (the draft's
 * i-th token and the verifier's decision on it are the same whatever comes after it), so the tokens a round commits
 * at any K follow from these: E(K) = 1 + Σ_{i ≤ K} Π_{j ≤ i} h_j (the Kaplan–Meier estimate for censored data).
 * Each h_i has a Beta(2 m_{i−1} + accepted_i, 2 (1 − m_{i−1}) + rejected_i) posterior, m_{i−1} the posterior mean of
 * the position before it (1/2 before position 1), drawn here from its normal approximation (clipped to [0, 1]): a
 * position never tried is drawn around the one before it with a wide spread. (A uniform prior for every position, as
 * first, planned a device that had drafted one token per round on a fast link as if its second tokens failed half
 * the time, so it stayed at short drafts after the link slowed; a draft's acceptance changes little from one position
 * to the next.)
 */
final class PositionAcceptance {
    /** Rounds' worth of weight of a position's prior. */
    private static final double PRIOR_WEIGHT = 2;
    private final long[] tried;
    private final long[] accepted;
    private final SplittableRandom rng;

    PositionAcceptance(int maxK, long seed) {
        tried = new long[maxK + 1];
        accepted = new long[maxK + 1];
        rng = new SplittableRandom(seed);
    }

    int maxK() {
        return tried.length - 1;
    }

    /** One round: {@code k} drafted, {@code acceptedLength} of them accepted (0..k). */
    void add(int k, int acceptedLength) {
        int last = Math.min(Math.min(k, acceptedLength + 1), maxK());
        for (int i = 1; i <= last; i++) {
            tried[i]++;
            if (i <= acceptedLength) {
                accepted[i]++;
            }
        }
    }

    /** Rounds that tried position i. */
    long tried(int i) {
        return tried[i];
    }

    /** Posterior mean of E(K), the committed tokens of a round at K (accepted + the verifier's one). */
    double expectedTokens(int k) {
        double[] m = posteriorMeans();
        return expectedTokens(i -> m[i])[k];
    }

    /**
     * Each position's posterior mean, (accepted_i + 2 m_{i−1}) / (tried_i + 2): the prior of position i is the
     * posterior mean of position i − 1 with the weight of two rounds (position 1: 1/2).
     */
    private double[] posteriorMeans() {
        double[] m = new double[tried.length];
        double prior = 0.5;
        for (int i = 1; i < tried.length; i++) {
            m[i] = (accepted[i] + PRIOR_WEIGHT * prior) / (tried[i] + PRIOR_WEIGHT);
            prior = m[i];
        }
        return m;
    }

    /** One posterior draw of E(1..max): index K holds the committed tokens of a round at K (index 0 unused). */
    double[] drawExpectedTokens() {
        double[] m = posteriorMeans();
        return expectedTokens(i -> {
            double n = tried[i] + PRIOR_WEIGHT;
            return Math.min(1, Math.max(0, m[i] + Math.sqrt(m[i] * (1 - m[i]) / n) * StandardNormal.next(rng)));
        });
    }

    /** E(1..max) from each position's acceptance h_i, asked for in order i = 1..max. */
    private double[] expectedTokens(IntToDoubleFunction h) {
        double[] e = new double[tried.length];
        double survive = 1;
        double sum = 1;
        for (int i = 1; i < tried.length; i++) {
            survive *= h.applyAsDouble(i);
            sum += survive;
            e[i] = sum;
        }
        return e;
    }
}
