package org.configspec.core.acceptance;

/**
 * Expected tokens committed per verification round, E(K) = E[L] + 1, as a function of the draft length K.
 * Implementations are immutable and pure.
 */
public interface AcceptanceCurve {
    /** E(K) = E[L] + 1 in tokens per round, or NaN where this curve has no value for K. */
    double tokensPerRound(int k);

    /** α(K) = E[L] / K, the mean fraction of the K drafted tokens accepted; NaN where unknown. */
    default double alpha(int k) {
        return (tokensPerRound(k) - 1.0) / k;
    }

    /**
     * q(K) = P(L ≥ K + 1) of a draft of K + 1 tokens: the K drafted tokens are all accepted and so is the draft's own
     * next token, the guess a pipelined client drafts the next round after (serve's Drafter.ahead). For a
     * position-consistent curve (per-position, i.i.d.) this is E(K + 1) − E(K); NaN where the curve has no value at
     * K + 1. {@link MeasuredAlphaCurve} overrides it: its α(K) are measured one K at a time.
     */
    default double guessHolds(int k) {
        double q = tokensPerRound(k + 1) - tokensPerRound(k);
        return Double.isNaN(q) ? Double.NaN : Math.max(0, Math.min(1, q));
    }

    default boolean supports(int k) {
        return !Double.isNaN(tokensPerRound(k));
    }

    /** Short description for explanations ("measured α(K)", "i.i.d. a=0.71", ...). */
    String describe();
}
