package org.configspec.profile.align;

import org.configspec.core.error.ConfigSpecException;

/**
 * Sampling mode at one K: bounds on the expected acceptance from bounds on β at every position (exact, lo = hi,
 * when the target's distributions are known in full; from {@link TruncatedOverlap} when the target is known by its
 * top-N listing). E[L | s, K] = Σ_i Π_{j&lt;i} β[s+j] and P(L ≥ i | s) = Π_{j&lt;i} β[s+j] increase in every β, and the
 * means over round starts and prompts keep the order, so each lower (upper) bound comes from the lower (upper) β.
 * Same aggregation as {@link KAcceptance#expectedAlpha()}: mean over round starts per prompt, then over prompts.
 *
 * @param alphaLo           lower bound of expected α(K) [fraction]
 * @param alphaHi           upper bound of expected α(K) [fraction]
 * @param tokensPerRoundLo  lower bound of expected E(K) = 1 + K·α(K) [tokens/round]
 * @param tokensPerRoundHi  upper bound of expected E(K) [tokens/round]
 * @param survivalLo        lower bounds of expected P(L ≥ i), i = 1..K [fraction]
 * @param survivalHi        upper bounds of expected P(L ≥ i), i = 1..K [fraction]
 * @param truncation        alphaHi − alphaLo: what the top-N listing leaves open (0 = exact) [fraction]
 */
public record ExpectedBounds(double alphaLo, double alphaHi, double tokensPerRoundLo, double tokensPerRoundHi,
                             double[] survivalLo, double[] survivalHi, double truncation) {
    public ExpectedBounds {
        survivalLo = survivalLo.clone();
        survivalHi = survivalHi.clone();
        if (!(alphaLo <= alphaHi) || survivalLo.length != survivalHi.length) {
            throw new ConfigSpecException("expected acceptance bounds: alpha [" + alphaLo + ", " + alphaHi
                    + "], " + survivalLo.length + " and " + survivalHi.length + " survival bounds (allowed: lo <= hi,"
                    + " one pair per position)");
        }
    }

    static ExpectedBounds of(int k, double alphaLo, double alphaHi, double[] survivalLo, double[] survivalHi) {
        return new ExpectedBounds(alphaLo, alphaHi, 1 + k * alphaLo, 1 + k * alphaHi, survivalLo, survivalHi,
                alphaHi - alphaLo);
    }

    @Override
    public double[] survivalLo() {
        return survivalLo.clone();
    }

    @Override
    public double[] survivalHi() {
        return survivalHi.clone();
    }
}
