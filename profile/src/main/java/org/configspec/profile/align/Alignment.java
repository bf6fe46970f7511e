package org.configspec.profile.align;

import org.configspec.core.error.ConfigSpecException;

/**
 * How one draft aligns with the target's continuation of one prompt.
 *
 * @param continuation the target's continuation T (n tokens)
 * @param draftGreedy  g[q] = the draft's greedy token after prompt + T[0..q-1]
 * @param beta         β[q] = Σ_x min(p_q(x), q_q(x)) of target and draft sampling distributions, or empty (greedy);
 *                     the midpoint of [betaLo, betaHi] where the target is known by its top-N listing only
 * @param betaLo       lower bounds of β (equal to β when the target's distribution is known in full), or empty
 * @param betaHi       upper bounds of β, or empty
 */
public record Alignment(int[] continuation, int[] draftGreedy, double[] beta, double[] betaLo, double[] betaHi) {
    public Alignment {
        continuation = continuation.clone();
        draftGreedy = draftGreedy.clone();
        beta = beta == null ? new double[0] : beta.clone();
        betaLo = betaLo == null ? beta.clone() : betaLo.clone();
        betaHi = betaHi == null ? beta.clone() : betaHi.clone();
        if (betaLo.length != beta.length || betaHi.length != beta.length) {
            throw new ConfigSpecException("beta bounds: " + betaLo.length + " and " + betaHi.length + " for "
                    + beta.length + " values (allowed: one bound each)");
        }
        for (int q = 0; q < beta.length; q++) {
            if (!(betaLo[q] <= beta[q] && beta[q] <= betaHi[q])) {
                throw new ConfigSpecException("beta at position " + q + ": " + beta[q] + " outside its bounds ["
                        + betaLo[q] + ", " + betaHi[q] + "]");
            }
        }
        if (draftGreedy.length != continuation.length) {
            throw new ConfigSpecException("draft tokens: " + draftGreedy.length + " for " + continuation.length
                    + " continuation tokens (allowed: one per token)");
        }
        if (beta.length != 0 && beta.length != continuation.length) {
            throw new ConfigSpecException("beta: " + beta.length + " values for " + continuation.length
                    + " continuation tokens (allowed: none or one per token)");
        }
    }

    /** With β known exactly (full distributions) or not at all (greedy). */
    public Alignment(int[] continuation, int[] draftGreedy, double[] beta) {
        this(continuation, draftGreedy, beta, null, null);
    }

    public int length() {
        return continuation.length;
    }

    /** match[q] = (g[q] == T[q]). */
    public boolean[] matches() {
        boolean[] m = new boolean[continuation.length];
        for (int q = 0; q < m.length; q++) {
            m[q] = draftGreedy[q] == continuation[q];
        }
        return m;
    }

    /** Accepted lengths of the counted greedy rounds with K drafted tokens. */
    public int[] acceptedLengths(int k) {
        return GreedyReplay.acceptedLengths(matches(), k);
    }

    public boolean hasBeta() {
        return beta.length > 0;
    }

    @Override
    public double[] beta() {
        return beta.clone();
    }

    @Override
    public double[] betaLo() {
        return betaLo.clone();
    }

    @Override
    public double[] betaHi() {
        return betaHi.clone();
    }

    @Override
    public int[] continuation() {
        return continuation.clone();
    }

    @Override
    public int[] draftGreedy() {
        return draftGreedy.clone();
    }
}
