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

    default boolean supports(int k) {
        return !Double.isNaN(tokensPerRound(k));
    }

    /** Short description for explanations ("measured α(K)", "i.i.d. a=0.71", ...). */
    String describe();
}
